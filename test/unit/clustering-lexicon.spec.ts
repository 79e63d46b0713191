import { aspectChooser, chooseAspect, defaultKeywords } from '../../src/clustering/lexicon';
import { readOpinionLines } from '../../src/clustering/opinion-lines';
import { ASPECT_PRESETS, findAspectPreset } from '../../src/meetings/aspect-presets';

const SIX = findAspectPreset('2023-theme-education')!.aspects;
const FOUR_LEADS = findAspectPreset('2024-discipline')!.aspects;

describe('aspect lexicon', () => {
  it('gives every aspect of every preset some default keywords', () => {
    const bare = ASPECT_PRESETS.flatMap((preset) => preset.aspects.filter((aspect) => defaultKeywords(aspect).length < 10).map((aspect) => `${preset.key}: ${aspect}`));
    expect(bare).toEqual([]);
  });

  it.each([
    ['理论学习联系实际不够，学用脱节', '理论学习'],
    ['政治站位不够高', '政治素质'],
    ['存在本领恐慌，专业能力跟不上', '能力本领'],
    ['遇到难题推诿扯皮', '担当作为'],
    ['会议太多，文山会海', '工作作风'],
    ['落实中央八项规定精神有松懈，公车私用', '廉洁自律'],
  ])('files "%s" under %s (2023 preset)', (text, aspect) => {
    expect(chooseAspect(text, SIX)).toBe(aspect);
  });

  it('files opinions under the long 2024 四个带头 aspects too', () => {
    expect(chooseAspect('公务接待超标准，违反八项规定', FOUR_LEADS)).toBe(FOUR_LEADS[2]);
    expect(chooseAspect('形式主义问题突出，调研不深入', FOUR_LEADS)).toBe(FOUR_LEADS[1]);
    expect(chooseAspect('一岗双责落实不到位', FOUR_LEADS)).toBe(FOUR_LEADS[3]);
  });

  it("answers '其他' when no keyword occurs, and only ever one of the given aspects otherwise", () => {
    expect(chooseAspect('单位停车位太紧张', SIX)).toBe('其他');
    expect(chooseAspect('会议太多', [])).toBe('其他');
    expect(chooseAspect('会议太多', ['理论学习'])).toBe('其他');
  });

  it('takes keywords an organiser added, normalised like the texts', () => {
    expect(chooseAspect('单位停车位太紧张', SIX)).toBe('其他');
    expect(chooseAspect('单位停车位太紧张', SIX, { 工作作风: ['停车位'] })).toBe('工作作风');
    expect(chooseAspect('ＡＰＰ打卡太多', SIX, { 工作作风: ['app'] })).toBe('工作作风');
  });

  it('breaks a tie by the order the aspects are listed in, not by the text', () => {
    const choose = aspectChooser(['甲', '乙'], { 甲: ['会议'], 乙: ['文件'] });
    expect(choose('会议 文件')).toBe('甲');
    expect(choose('文件 会议')).toBe('甲');
    expect(aspectChooser(['乙', '甲'], { 甲: ['会议'], 乙: ['文件'] })('会议 文件')).toBe('乙');
  });

  it('gives an aspect an organiser named the keywords of the themes its name names', () => {
    expect(defaultKeywords('学习贯彻新思想')).toContain('理论学习');
    expect(chooseAspect('八项规定执行不严', ['学习贯彻新思想', '清正廉洁'])).toBe('清正廉洁');
  });
});

describe('reading opinion lines (the cluster command)', () => {
  it('reads id, text and the optional aspect and target, skipping blank lines and other fields', () => {
    const content = '{"id":"1","text":"会议太多","cluster":"c1"}\n\n  \r\n{"id":"2","text":"公车私用","aspect":"廉洁自律","target":"m1"}\n';
    expect(readOpinionLines(content)).toEqual({
      opinions: [
        { id: '1', text: '会议太多', aspect: null, target: null },
        { id: '2', text: '公车私用', aspect: '廉洁自律', target: 'm1' },
      ],
    });
  });

  it('names the line number of the first malformed line', () => {
    expect(readOpinionLines('{"id":"1","text":"a"}\n\n{"id":"2","text":')).toEqual({ problem: expect.stringMatching(/^line 3 is not JSON/) });
    expect(readOpinionLines('[1]')).toEqual({ problem: 'line 1 is not a JSON object' });
    expect(readOpinionLines('{"text":"a"}')).toEqual({ problem: 'line 1 has no "id" string' });
    expect(readOpinionLines('{"id":"1"}')).toEqual({ problem: 'line 1 has no "text" string' });
    expect(readOpinionLines('{"id":"1","text":"a","target":3}')).toEqual({ problem: 'line 1: "target" must be a string or null' });
    expect(readOpinionLines('{"id":"1","text":"a"}\n{"id":"1","text":"b"}')).toEqual({ problem: 'line 2 repeats the id "1" of line 1' });
  });
});
