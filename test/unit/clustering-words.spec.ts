import { backgroundIdf, UNKNOWN_BACKGROUND_IDF } from '../../src/clustering/background';
import { normalise } from '../../src/clustering/normalise';
import { segment } from '../../src/clustering/segment';
import { TermTable } from '../../src/clustering/similarity';
import { FIXED_PHRASES } from '../../src/clustering/vocabulary';

describe('what is known about words (issue 18)', () => {
  it('weighs words by their background frequency in Chinese at large', () => {
    // Everyday words say less than the telling ones wherever they occur.
    expect(backgroundIdf('问题')).toBeLessThan(backgroundIdf('加班'));
    expect(backgroundIdf('工作')).toBeLessThan(backgroundIdf('形式主义'));
    // A word the table lacks (a domain phrase, a new word) weighs as an unknown word does.
    expect(backgroundIdf('两个维护')).toBe(UNKNOWN_BACKGROUND_IDF);
    expect(backgroundIdf('')).toBe(UNKNOWN_BACKGROUND_IDF);
  });

  it('blends the background into the meeting IDF of words only', () => {
    const table = new TermTable();
    // Each word in exactly one text: equal meeting IDF, so the background alone orders them.
    const first = table.addText(['问题'], ['问']);
    const second = table.addText(['留痕'], ['留']);
    expect(table.idf(first.words[0])).toBeLessThan(table.idf(second.words[0]));
    // Characters keep the meeting's IDF alone.
    expect(table.idf(first.bigrams[0])).toBeCloseTo(table.idf(second.bigrams[0]), 12);
  });

  it('does not count negations as content', () => {
    const { words, bigrams } = segment(normalise('周末加班没有补休'));
    expect(words).not.toContain('没有');
    expect(words).not.toContain('不');
    // Nor does it join what it stands between into a character pair.
    expect(bigrams).not.toContain('没');
    expect(bigrams).not.toContain('班没');
    // What the negation is about stays.
    expect(words).toEqual(expect.arrayContaining(['休息', '加班', '补休']));
    expect(segment(normalise('布置了就不管了')).words).toEqual(expect.arrayContaining(['部署', '督查']));
  });

  it('does not count the framing of a suggestion as content', () => {
    expect(segment(normalise('建议减少会议')).words).toEqual(segment(normalise('希望应该要减少会议')).words);
  });

  it('keeps the set phrases whole', () => {
    for (const phrase of ['四风', '两个维护', '一岗双责', '三重一大', '第一议题', '文山会海', '形式主义', '官僚主义']) expect(FIXED_PHRASES).toContain(phrase);
    expect(segment(normalise('践行两个维护不够坚决')).words).toContain('两个维护');
    expect(segment(normalise('践行两个维护不够坚决')).words).not.toContain('维护');
    expect(segment(normalise('落实第一议题制度')).words).toContain('第一议题');
    expect(segment(normalise('存在官僚主义')).words).toEqual(['官僚主义']);
    // 形式主义 is one concern: it does not share 形式 with 学习形式单一.
    expect(segment(normalise('形式主义突出')).words).not.toContain('形式');
  });
});
