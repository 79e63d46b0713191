import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CandidateIndex } from '../../src/clustering/candidates';
import { clusterAll, DEFAULT_THRESHOLD, placeOpinions, OpinionToPlace, Placement } from '../../src/clustering/cluster';
import { normalise } from '../../src/clustering/normalise';
import { segment } from '../../src/clustering/segment';
import { buildVector, Centroid, cosine, SparseVector, TermTable } from '../../src/clustering/similarity';
import { SYNONYM_GROUPS, TOPIC_GROUPS } from '../../src/clustering/vocabulary';

const THEME_ASPECTS = ['理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律'];

/** Vectors of `texts`, with the IDF of `texts` as the corpus. */
function vectorsOf(texts: string[]): SparseVector[] {
  const table = new TermTable();
  const ids = texts.map((text) => {
    const { words, bigrams } = segment(normalise(text));
    return table.addText(words, bigrams);
  });
  return ids.map((each) => buildVector(table, each.words, each.bigrams));
}

const opinion = (id: string, text: string, target: string | null = null, aspect: string | null = null): OpinionToPlace => ({ id, text, aspect, target });

/** A partition as sorted lists of ids, comparable whatever the item names. */
function partition(placements: Placement[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const placement of placements) {
    const key = placement.itemId ?? placement.newItemKey!;
    groups.set(key, [...(groups.get(key) ?? []), placement.opinionId]);
  }
  return [...groups.values()].map((ids) => ids.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** A deterministic shuffle (the same in every run). */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function labelledSet(file = 'labelled-opinions.jsonl'): Array<{ id: string; text: string; aspect?: string; target?: string; cluster: string }> {
  return readFileSync(join(__dirname, '..', '..', 'bench', 'data', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

describe('normalisation', () => {
  it('turns full-width letters, digits and spaces into half-width ones and lower-cases letters', () => {
    expect(normalise('ＡＢＣ　１２３ ppt ＰＰＴ')).toBe('abc 123 ppt ppt');
  });

  it('turns every run of punctuation and whitespace into one space and trims the ends', () => {
    expect(normalise('  会议太多！！！文件也多，\n\t“形式主义”……  ')).toBe('会议太多 文件也多 形式主义');
  });

  it('leaves the Chinese characters themselves alone', () => {
    expect(normalise('重部署轻督查')).toBe('重部署轻督查');
  });
});

describe('segmentation', () => {
  it('drops the filler every opinion is wrapped in', () => {
    const { words } = segment(normalise('希望进一步加强对年轻干部的培养'));
    for (const filler of ['希望', '进一步', '的', '对']) expect(words).not.toContain(filler);
    expect(words).toEqual(expect.arrayContaining(['加强', '年轻干部', '培养']));
  });

  it('folds synonyms into one word (布置 → 部署, 青年干部 → 年轻干部, 一线 → 基层, 调查研究 → 调研)', () => {
    expect(segment('布置了就不管了').words).toContain('部署');
    expect(segment('青年干部培养').words).toContain('年轻干部');
    expect(segment('到一线调查研究').words).toEqual(expect.arrayContaining(['基层', '调研']));
    expect(segment('开会太多').words).toEqual(['会议', '过多']);
  });

  it('keeps supervision of deployed work (督促检查) apart from the inspections that burden 基层 (督查检查)', () => {
    expect(segment('督促检查不够').words).toContain('督查');
    expect(segment('督查检查太多').words).toEqual(['检查', '过多']);
  });

  it('puts every word of the synonym and topic tables in one row only (a second row would silently win)', () => {
    const rowOf = new Map<string, string>();
    const twice: string[] = [];
    for (const row of [...SYNONYM_GROUPS, ...TOPIC_GROUPS]) {
      for (const word of row) {
        if (rowOf.has(word)) twice.push(`${word}: [${rowOf.get(word)}] and [${row.join(', ')}]`);
        rowOf.set(word, row.join(', '));
      }
    }
    expect(twice).toEqual([]);
  });

  it('folds the words of one concern together (连轴转 → 加班, 提拔 → 晋升, 家属 → 亲属)', () => {
    expect(segment(normalise('干部长期连轴转')).words).toContain('加班');
    expect(segment(normalise('提拔慢，看不到奔头')).words.filter((word) => word === '晋升')).toHaveLength(2);
    expect(segment(normalise('对家属子女要求不严')).words).toContain('亲属');
  });

  it('also counts a compound word as its parts, so a shorter wording meets it', () => {
    expect(segment('工作作风不够扎实').words).toEqual(expect.arrayContaining(['工作作风', '工作', '作风']));
  });

  it('takes character pairs and single characters from the text without filler, not across punctuation', () => {
    const { bigrams } = segment(normalise('希望加强培养，会议太多'));
    expect(bigrams).toEqual(['加强', '强培', '培养', '加', '强', '培', '养', '会议', '议太', '太多', '会', '议', '太', '多']);
  });
});

describe('similarity', () => {
  it('scores identical texts 1 and texts without a shared term 0', () => {
    const [a, b, c] = vectorsOf(['会议太多', '会议太多', '食堂饭菜质量差']);
    expect(cosine(a, b)).toBeCloseTo(1, 10);
    expect(cosine(a, c)).toBe(0);
  });

  it('scores a reworded duplicate above a complaint that only shares its topic', () => {
    const [many, reworded, quality] = vectorsOf(['会议太多，一周要开好几个会', '开会过多，占用了大量时间', '会议质量不高，议而不决', '食堂饭菜质量差', '公车私用']);
    expect(cosine(many, reworded)).toBeGreaterThan(cosine(many, quality));
  });

  it('finds two wordings alike by the characters they share when they share no word and no pair', () => {
    const [lent, borrowed, canteen] = vectorsOf(['基层人员被长期借调', '骨干经常被上面借走', '食堂饭菜质量差']);
    expect(cosine(lent, borrowed)).toBeGreaterThan(0);
    expect(cosine(lent, canteen)).toBe(0);
  });

  it('keeps a centroid of unit vectors: one source gives cosine 1 with itself, removing it empties the item', () => {
    const [a, b] = vectorsOf(['重部署轻督查', '布置了就不管了']);
    const centroid = new Centroid();
    centroid.add(a, 1);
    expect(centroid.cosine(a)).toBeCloseTo(1, 10);
    centroid.add(b, 1);
    centroid.add(a, -1);
    expect(centroid.cosine(b)).toBeCloseTo(1, 10);
    centroid.add(b, -1);
    expect(centroid.cosine(b)).toBe(0);
  });
});

describe('candidate search', () => {
  const texts = ['重部署轻督查，很多工作布置下去就没有下文了', '食堂饭菜质量差，品种单一', '公务用车管理不严', '会议太多，文山会海', '对年轻干部的培养力度不够'];
  const queries = ['重部署轻督查，很多工作布置下去就没有下文了', '布置了就不管了', '单位停车位太紧张'];
  const vectors = vectorsOf([...texts, ...queries]);
  const index = new CandidateIndex(texts.length);
  texts.forEach((_, item) => index.add(item, [...vectors[item].terms]));

  it('finds the item of an identical text first', () => {
    expect(index.candidates(vectors[texts.length], DEFAULT_THRESHOLD)[0]).toBe(0);
  });

  it('finds the item of a reworded duplicate (布置了就不管了 → 重部署轻督查)', () => {
    expect(index.candidates(vectors[texts.length + 1], DEFAULT_THRESHOLD)).toContain(0);
  });

  it('finds nothing for a text that shares no term with any item', () => {
    expect(index.candidates(vectors[texts.length + 2], DEFAULT_THRESHOLD)).toEqual([]);
  });

  it('stops indexing a term once it is in maxPostings items, so a common term cannot make search quadratic', () => {
    const small = new CandidateIndex(10, { maxProbes: 4, maxPostings: 3, maxCandidates: 10 });
    for (let item = 0; item < 10; item += 1) small.add(item, [7]);
    expect(small.candidates({ terms: Int32Array.of(7), weights: Float64Array.of(1) }, 0.5)).toEqual([0, 1, 2]);
  });
});

describe('placing opinions', () => {
  const aspects = THEME_ASPECTS;

  it('puts duplicates in other words together and keeps other complaints apart', () => {
    const placements = placeOpinions(
      [],
      [
        opinion('a1', '会议太多，一周要开好几个会'),
        opinion('a2', '开会过多，占用了大量干事的时间'),
        opinion('a3', '会议太多了，建议减少会议'),
        opinion('b1', '食堂饭菜质量差，品种单一'),
        opinion('b2', '食堂饭菜品种单一，质量差'),
        opinion('c1', '公务用车管理不严，存在公车私用'),
      ],
      { aspects },
    );
    expect(partition(placements)).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']]);
  });

  it('gives identical texts (after normalisation) the same item', () => {
    const placements = placeOpinions([], [opinion('x', '会议太多！'), opinion('y', '会议太多'), opinion('z', '　会议太多。')], { aspects });
    expect(new Set(placements.map((placement) => placement.newItemKey)).size).toBe(1);
  });

  it('names a new item after its first opinion in canonical order (normalised text, then id), not after arrival', () => {
    const placements = placeOpinions([], [opinion('late', '会议太多'), opinion('early', '会议太多')], { aspects });
    expect(placements.map((placement) => placement.newItemKey)).toEqual(['new:early', 'new:early']);
    for (const placement of placements) expect(placement.itemId).toBeNull();
  });

  it.each(['labelled-opinions.jsonl', 'labelled-opinions-holdout.jsonl'])('gives the same partition whatever order the batch arrives in (%s)', (file) => {
    const rows = labelledSet(file).map((row) => opinion(row.id, row.text, row.target ?? null, row.aspect ?? null));
    const expected = placeOpinions([], rows, { aspects });
    for (const seed of [1, 2, 3]) {
      const again = placeOpinions([], shuffled(rows, seed), { aspects });
      expect(partition(again)).toEqual(partition(expected));
      const keyOf = new Map(expected.map((placement) => [placement.opinionId, placement.newItemKey]));
      for (const placement of again) expect({ id: placement.opinionId, key: placement.newItemKey }).toEqual({ id: placement.opinionId, key: keyOf.get(placement.opinionId) });
    }
  });

  it('lets a new opinion join an existing item of its target, and leaves the existing item as it was', () => {
    const existing = [
      { id: 'item-meetings', aspect: '工作作风', target: null, texts: ['会议太多，文山会海', '开会过多过长'] },
      { id: 'item-canteen', aspect: '其他', target: null, texts: ['食堂饭菜质量差'] },
    ];
    const before = JSON.stringify(existing);
    const placements = placeOpinions(existing, [opinion('n1', '会议太多了，希望减少会议', null, '担当作为'), opinion('n2', '单位停车位太紧张')], { aspects });
    expect(placements[0]).toEqual({ opinionId: 'n1', aspect: '工作作风', target: null, itemId: 'item-meetings', newItemKey: null });
    expect(placements[1]).toMatchObject({ opinionId: 'n2', itemId: null, newItemKey: 'new:n2' });
    expect(JSON.stringify(existing)).toBe(before);
  });

  it('puts an opinion whose text an existing item already holds into that item', () => {
    const existing = [{ id: 'e1', aspect: '工作作风', target: 'm1', texts: ['重部署轻督查'] }];
    const [placement] = placeOpinions(existing, [opinion('n1', '重部署，轻督查！', 'm1')], { aspects });
    expect(placement.itemId).toBe('e1');
  });

  it('never puts opinions about different targets into one item, not even identical texts', () => {
    const existing = [{ id: 'team-item', aspect: '工作作风', target: null, texts: ['调研不够深入，下基层少'] }];
    const placements = placeOpinions(
      existing,
      [opinion('t1', '调研不够深入，下基层少', 'm1'), opinion('t2', '调研不够深入，下基层少', 'm2'), opinion('t3', '调研不够深入，下基层少'), opinion('t4', '下基层调研少', 'm1')],
      { aspects },
    );
    const byId = new Map(placements.map((placement) => [placement.opinionId, placement]));
    expect(byId.get('t3')!.itemId).toBe('team-item');
    expect(byId.get('t1')!.itemId).toBeNull();
    expect(byId.get('t2')!.itemId).toBeNull();
    expect(byId.get('t1')!.newItemKey).not.toBe(byId.get('t2')!.newItemKey);
    expect(byId.get('t4')!.newItemKey).toBe(byId.get('t1')!.newItemKey);
    for (const placement of placements) expect(placement.target).toBe(byId.get(placement.opinionId)!.target);
  });

  it('keeps targets apart on the labelled set: every item holds one target only', () => {
    const rows = labelledSet();
    const placements = placeOpinions([], rows.map((row) => opinion(row.id, row.text, row.target ?? null, row.aspect ?? null)), { aspects });
    const targets = new Map<string, Set<string | null>>();
    for (const placement of placements) targets.set(placement.newItemKey!, (targets.get(placement.newItemKey!) ?? new Set()).add(placement.target));
    const mixed = [...targets].filter(([, set]) => set.size > 1).map(([key]) => key);
    expect(mixed).toEqual([]);
  });

  it("decides a new item's aspect by its opinions, the writer's choice counting double the lexicon's guess", () => {
    const placements = placeOpinions(
      [],
      [opinion('1', '会议太多', null, '担当作为'), opinion('2', '会议太多，文山会海'), opinion('3', '会议太多了'), opinion('4', '会议太多！')],
      { aspects },
    );
    expect(new Set(placements.map((placement) => placement.newItemKey)).size).toBe(1);
    // 担当作为 chosen once (2 votes) against 工作作风 guessed three times (3 votes).
    expect(placements.map((placement) => placement.aspect)).toEqual(['工作作风', '工作作风', '工作作风', '工作作风']);
    const single = placeOpinions([], [opinion('1', '会议太多', null, '担当作为')], { aspects });
    expect(single[0].aspect).toBe('担当作为');
  });

  it("treats a writer's aspect that the meeting does not have as no choice", () => {
    const [placement] = placeOpinions([], [opinion('1', '公车私用', null, '不存在的方面')], { aspects });
    expect(placement.aspect).toBe('廉洁自律');
  });

  it('refuses a batch with a repeated id and a threshold outside (0, 1]', () => {
    expect(() => placeOpinions([], [opinion('1', 'a'), opinion('1', 'b')], { aspects })).toThrow(/occurs twice/);
    expect(() => placeOpinions([], [], { aspects, threshold: 0 })).toThrow(RangeError);
    expect(() => placeOpinions([], [], { aspects, threshold: 1.5 })).toThrow(RangeError);
  });

  it('places an opinion without any word (only punctuation) on its own', () => {
    const placements = placeOpinions([], [opinion('1', '。。。'), opinion('2', '会议太多')], { aspects });
    expect(placements[0].newItemKey).toBe('new:1');
    expect(placements[1].newItemKey).toBe('new:2');
  });
});

describe('the labelled sets', () => {
  it.each([
    ['labelled-opinions.jsonl', 200, 30],
    ['labelled-opinions-holdout.jsonl', 120, 25],
  ])('%s has distinct ids, a text and a cluster on every line, and enough opinions and clusters', (file, opinions, clusters) => {
    const rows = labelledSet(file);
    expect(rows.length).toBeGreaterThanOrEqual(opinions);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) expect(typeof row.text === 'string' && typeof row.cluster === 'string').toBe(true);
    expect(new Set(rows.map((row) => row.cluster)).size).toBeGreaterThanOrEqual(clusters);
  });

  it('never puts the same opinion in two sets (the hold-out set is independent)', () => {
    const first = new Set(labelledSet().map((row) => normalise(row.text)));
    expect(labelledSet('labelled-opinions-holdout.jsonl').filter((row) => first.has(normalise(row.text)))).toEqual([]);
  });
});

describe('clusterAll (the CLI and the bench)', () => {
  it('names items item-1, item-2, … in order of first appearance in the input', () => {
    const result = clusterAll([
      { id: 'p', text: '食堂饭菜质量差' },
      { id: 'q', text: '会议太多' },
      { id: 'r', text: '食堂饭菜质量差！' },
      { id: 's', text: '会议太多。', target: 'm1' },
    ]);
    expect(result).toEqual([
      { id: 'p', item: 'item-1' },
      { id: 'q', item: 'item-2' },
      { id: 'r', item: 'item-1' },
      { id: 's', item: 'item-3' },
    ]);
  });
});
