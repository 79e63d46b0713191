import { assembleDraft, assembleOutline, draftCoverage, DraftSource, PLACEHOLDER, quotesSummary } from '../../src/materials/draft-assembly';

const ASPECTS = ['理论学习', '党性修养', '作风建设'];

function source(itemId: string, aspect: string, overrides: Partial<DraftSource> = {}): DraftSource {
  return { itemId, aspect, summary: `${itemId}的问题表述`, reflection: `${itemId}的问题认识`, measures: `${itemId}的整改措施`, dueDate: '2027-06-30', ...overrides };
}

const paragraphsOf = (draft: ReturnType<typeof assembleDraft>, key: string) => draft.sections.find((section) => section.key === key)!.paragraphs;

describe('the 对照检查材料 draft assembled from claims', () => {
  it('lists problems by aspect in the meeting\'s order, numbered 一是/二是, with the item\'s words as 比如', () => {
    const draft = assembleDraft({
      memberName: '王刚',
      year: 2026,
      aspects: ASPECTS,
      sources: [source('甲', '作风建设'), source('乙', '理论学习'), source('丙', '作风建设', { reflection: '对丙的问题表述认识不足' }), source('丁', '其他')],
      carryOver: null,
    });
    expect(draft.title).toBe('王刚同志2026年度民主生活会个人对照检查材料');
    expect(draft.sections.map((section) => section.title)).toEqual(['一、上年度整改措施落实情况', '二、存在的问题', '三、产生问题的原因分析', '四、今后的努力方向和整改措施']);
    expect(paragraphsOf(draft, 'problems')).toEqual([
      '（一）在“理论学习”方面。',
      '一是乙的问题认识。比如：乙的问题表述。',
      '（二）在“作风建设”方面。',
      '一是甲的问题认识。比如：甲的问题表述。',
      // The reflection already holds the item's words: no 比如.
      '二是对丙的问题表述认识不足。',
      '（三）在“其他”方面。',
      '一是丁的问题认识。比如：丁的问题表述。',
    ]);
    // In the order the problems are told.
    expect(paragraphsOf(draft, 'measures')).toEqual([
      '（一）乙的整改措施。（完成时限：2027年6月30日）',
      '（二）甲的整改措施。（完成时限：2027年6月30日）',
      '（三）丙的整改措施。（完成时限：2027年6月30日）',
      '（四）丁的整改措施。（完成时限：2027年6月30日）',
    ]);
  });

  it('says "please add" where there is nothing to draw on, never inventing text', () => {
    const draft = assembleDraft({ memberName: '李明', year: 2026, aspects: ASPECTS, sources: [source('甲', '理论学习', { reflection: null, measures: null, dueDate: null })], carryOver: null });
    expect(draft.sections.map((section) => section.paragraphs)).toEqual([[PLACEHOLDER], [PLACEHOLDER], [PLACEHOLDER], [PLACEHOLDER]]);
  });

  it('joins numbered measures into one point and says when the deadline is not set', () => {
    const draft = assembleDraft({ memberName: '李明', year: 2026, aspects: ASPECTS, sources: [source('甲', '理论学习', { measures: '1. 每季度蹲点调研一次。\n2. 建立联系点制度', dueDate: null })], carryOver: null });
    expect(paragraphsOf(draft, 'measures')).toEqual(['（一）1. 每季度蹲点调研一次；2. 建立联系点制度。（完成时限：待定）']);
  });

  it('reports the previous year\'s entries with their status in words', () => {
    const draft = assembleDraft({
      memberName: '王刚',
      year: 2027,
      aspects: ASPECTS,
      sources: [],
      carryOver: [
        { problem: '文山会海问题突出。', dueDate: '2027-03-31', status: 'closed' },
        { problem: '调研不够深入', dueDate: '2027-06-30', status: 'overdue' },
      ],
    });
    expect(paragraphsOf(draft, 'carry-over')).toEqual([
      '上年度民主生活会查摆的问题中，本人牵头整改2条，已完成整改并销号1条。',
      '一是文山会海问题突出（完成时限：2027年3月31日），已完成整改并销号。',
      '二是调研不够深入（完成时限：2027年6月30日），已超过完成时限，尚未完成。',
    ]);
    expect(paragraphsOf(draft, 'causes')).toEqual([PLACEHOLDER]);
  });

  it('titles the team\'s material as the 领导班子\'s and counts the ledger as the team\'s', () => {
    const draft = assembleDraft({ memberName: null, year: 2026, aspects: ASPECTS, sources: [source('甲', '党性修养')], carryOver: [{ problem: '甲', dueDate: '2026-06-30', status: 'reported' }] });
    expect(draft.title).toBe('领导班子2026年度民主生活会对照检查材料');
    expect(paragraphsOf(draft, 'carry-over')[0]).toBe('上年度民主生活会查摆的问题中，列入整改台账1条，已完成整改并销号0条。');
    expect(paragraphsOf(draft, 'problems')[0]).toBe('（一）在“党性修养”方面。');
  });

  it('counts an item answered while the problems section holds its reflection or its words, ignoring spacing and punctuation', () => {
    const sources = [source('甲', '理论学习'), source('乙', '理论学习'), source('丙', '作风建设', { reflection: null })];
    const assembled = assembleDraft({ memberName: '王刚', year: 2026, aspects: ASPECTS, sources, carryOver: null });
    expect(draftCoverage(sources, assembled.sections)).toEqual({ claimed: 3, answered: 2, missing: ['丙'] });
    const edited = [{ key: 'problems' as const, paragraphs: ['一是 甲的问题，认识！', '二是另写的内容'] }];
    expect(draftCoverage(sources, edited)).toEqual({ claimed: 3, answered: 1, missing: ['乙', '丙'] });
    expect(draftCoverage(sources, [{ key: 'problems', paragraphs: ['比如：乙的问题表述'] }, { key: 'causes', paragraphs: ['甲的问题认识'] }]).missing).toEqual(['甲', '丙']);
    expect(quotesSummary('对丙的问题表述认识不足', '丙的问题表述。')).toBe(false);
  });
});

describe('the 发言提纲 draft assembled from the same claims', () => {
  it('tells the problems briefly in the meeting\'s order, leaves each fellow member\'s line to write, and carries the measures', () => {
    const sources = [source('乙', '作风建设'), source('甲', '理论学习'), source('丙', '理论学习', { reflection: null })];
    const outline = assembleOutline({ memberName: '王刚', year: 2026, aspects: ASPECTS, sources, fellows: ['李明', '张华'] });
    expect(outline.title).toBe('王刚同志在2026年度民主生活会上的发言提纲');
    expect(outline.sections.map((section) => section.key)).toEqual(['self-criticism', 'criticism', 'direction']);
    expect(outline.sections[0].paragraphs).toEqual(['一是甲的问题认识。', '二是乙的问题认识。']);
    expect(outline.sections[1].paragraphs).toEqual([`对李明同志：${PLACEHOLDER}`, `对张华同志：${PLACEHOLDER}`]);
    expect(outline.sections[2].paragraphs.map((line) => line.slice(0, 3))).toEqual(['（一）', '（二）']);
    // Coverage reads the 对照检查 section: the claim left unanswered is missing, the others found.
    expect(draftCoverage(sources, outline.sections, 'outline')).toEqual({ claimed: 3, answered: 2, missing: ['丙'] });
    expect(draftCoverage(sources, outline.sections, 'check').answered).toBe(0);
  });

  it('says "please add" where a member has nothing to draw on and no fellow member', () => {
    const outline = assembleOutline({ memberName: '王刚', year: 2026, aspects: ASPECTS, sources: [], fellows: [] });
    expect(outline.sections.map((section) => section.paragraphs)).toEqual([[PLACEHOLDER], [PLACEHOLDER], [PLACEHOLDER]]);
  });
});
