import { validateInput } from '../../src/common/validation';
import { CreateSurveyDto } from '../../src/surveys/dto/create-survey.dto';
import { asQuestionInputs, MAX_OPTION_LENGTH, MAX_OPTIONS, MAX_PROMPT_LENGTH, MAX_QUESTIONS, problemsInWords, readQuestionLines } from '../../src/surveys/question-lines';

const ASPECTS = ['理论学习', '工作作风', '廉洁自律'];
const read = (text: string) => readQuestionLines(text, ASPECTS);
/** The problems as the form says them. */
const said = (text: string) => problemsInWords(read(text).problems);

describe('readQuestionLines: the custom survey form\'s questions, one a line', () => {
  it('reads the example beside the form: a single choice, a multiple choice and a required text question', () => {
    const { questions, problems } = read(
      '1. 您对班子整体工作作风的评价 [单选] 满意 / 基本满意 / 不满意\r\n2. 您认为班子最需要改进的方面 [多选] 理论学习 / 工作作风 / 廉洁自律\r\n\r\n3. 对班子的意见建议 [必填]\r\n',
    );
    expect(problems).toEqual([]);
    expect(questions).toEqual([
      { line: 1, kind: 'single', prompt: '您对班子整体工作作风的评价', options: ['满意', '基本满意', '不满意'], required: false, aspect: null },
      { line: 2, kind: 'multi', prompt: '您认为班子最需要改进的方面', options: ['理论学习', '工作作风', '廉洁自律'], required: false, aspect: null },
      { line: 4, kind: 'text', prompt: '对班子的意见建议', options: null, required: true, aspect: null },
    ]);
  });

  it('takes a line without tags as an optional text question, and a rating, an aspect and the tags in any bracket', () => {
    expect(read('会风文风方面有何意见？').questions).toEqual([{ line: 1, kind: 'text', prompt: '会风文风方面有何意见？', options: null, required: false, aspect: null }]);
    const { questions, problems } = read('（1）班子的总体评价【评分】【必填】\n二、在工作作风方面有何意见 ［方面：工作作风］\n3、选项写在后面 [单选][必答] 好／一般 / 差 /');
    expect(problems).toEqual([]);
    expect(questions.map(({ kind, prompt, options, required, aspect }) => [kind, prompt, options, required, aspect])).toEqual([
      ['rating', '班子的总体评价', null, true, null],
      ['text', '在工作作风方面有何意见', null, false, '工作作风'],
      ['single', '选项写在后面', ['好', '一般', '差'], true, null],
    ]);
  });

  it('keeps numbers that are part of the prompt', () => {
    expect(read('2026年度班子的表现如何？').questions[0].prompt).toBe('2026年度班子的表现如何？');
  });

  it('refuses a choice question without enough options, naming the line', () => {
    expect(said('意见？\n作风评价 [单选]\n改进方面 [多选] 理论学习、工作作风')).toBe(
      '第 2 行：单选题需要至少 2 个选项，写在 [单选] 后面，用 / 隔开；第 3 行：多选题需要至少 2 个选项，写在 [多选] 后面，用 / 隔开',
    );
  });

  it('refuses too many options, a repeated one, one too long and a prompt too long', () => {
    const options = Array.from({ length: MAX_OPTIONS + 1 }, (_, index) => `选项${index}`).join(' / ');
    expect(said(`评价 [单选] ${options}`)).toBe(`第 1 行：最多 ${MAX_OPTIONS} 个选项（现在 ${MAX_OPTIONS + 1} 个）`);
    expect(said('评价 [单选] 好 / 好')).toBe('第 1 行：选项“好”重复了');
    expect(said(`评价 [多选] 好 / ${'很'.repeat(MAX_OPTION_LENGTH + 1)}`)).toBe(`第 1 行：每个选项最多 ${MAX_OPTION_LENGTH} 个字（“很很很很很很很很很很…”过长）`);
    expect(said(`${'长'.repeat(MAX_PROMPT_LENGTH + 1)} [必填]`)).toBe(`第 1 行：题目最多 ${MAX_PROMPT_LENGTH} 个字（现在 ${MAX_PROMPT_LENGTH + 1} 个字），可分成两行两道题`);
  });

  it('refuses unknown tags, two kinds, a missing prompt and options where none belong', () => {
    expect(said('意见 [必选]')).toBe('第 1 行：不认识的标记“[必选]”，可用的有 [单选] [多选] [评分] [必填] [方面：…]');
    expect(said('意见 [toString]')).toBe('第 1 行：不认识的标记“[toString]”，可用的有 [单选] [多选] [评分] [必填] [方面：…]');
    expect(said('评价 [单选] [多选] 好 / 差')).toBe('第 1 行：一道题只能有一种题型');
    expect(said('[单选] 好 / 差')).toBe('第 1 行：请在 [单选] 前面写题目');
    expect(said('总体评价 [评分] 好 / 差')).toBe('第 1 行：评分题不用写选项（固定为 1–5 分），“好 / 差”请删去');
    expect(said('意见 [必填] [选填]')).toBe('第 1 行：[必填] 和 [选填] 只能写一个');
  });

  it('takes only the meeting\'s aspects, and only on text questions', () => {
    expect(said('意见 [方面：会风文风]')).toBe('第 1 行：“会风文风”不是本次会议的对照检查方面，可选：理论学习、工作作风、廉洁自律');
    expect(said('评价 [单选] 好 / 差 [方面：工作作风]')).toBe('第 1 行：只有文字题可以对应方面（选择题、评分题的回答不进入意见清单）');
    expect(problemsInWords(readQuestionLines('意见 [方面:工作作风]', []).problems)).toBe('第 1 行：本次会议还没有设置对照检查方面');
  });

  it('refuses no questions and more than the API takes, and says only the first ten problems', () => {
    expect(said(' \n\n ')).toBe('请至少写一道题，每行一道');
    expect(said(Array.from({ length: MAX_QUESTIONS + 1 }, (_, index) => `第${index}题`).join('\n'))).toBe(`最多 ${MAX_QUESTIONS} 道题，现在有 ${MAX_QUESTIONS + 1} 道`);
    expect(said(Array.from({ length: 12 }, () => '评价 [单选]').join('\n'))).toMatch(/^第 1 行：.*第 10 行：[^；]*；另有 2 处问题$/);
  });

  it('gives questions at every limit that the API\'s DTO accepts, so the two agree', async () => {
    const options = Array.from({ length: MAX_OPTIONS }, (_, index) => `${index}${'选'.repeat(MAX_OPTION_LENGTH - String(index).length)}`).join(' / ');
    const lines = [`${'题'.repeat(MAX_PROMPT_LENGTH)} [多选] ${options}`, '意见 [方面：工作作风] [必填]', '评分 [评分]', ...Array.from({ length: MAX_QUESTIONS - 3 }, (_, index) => `第${index}题`)];
    const { questions, problems } = read(lines.join('\n'));
    expect(problems).toEqual([]);
    const dto = await validateInput(CreateSurveyDto, { title: '问卷', anonymous: true, questions: asQuestionInputs(questions) });
    expect(dto.questions.slice(0, 3).map((question) => [question.kind, question.options?.length, question.aspect, question.required])).toEqual([
      ['multi', MAX_OPTIONS, undefined, false],
      ['text', undefined, '工作作风', true],
      ['rating', undefined, undefined, false],
    ]);
  });
});
