import { ItemToCompare, LEAST_SIMILARITY, similarItemPairs } from '../../src/clustering/similar-items';
import { Centroid, SparseVector } from '../../src/clustering/similarity';

const item = (id: string, texts: string[], target: string | null = null): ItemToCompare => ({ id, target, texts });

describe('similar items (可能重复)', () => {
  const items = [
    item('a', ['会议太多，一周有大半时间在开会']),
    item('b', ['开会过多过频，挤占了干事的时间']),
    item('c', ['公务用车管理不严，节假日有私用情况']),
    item('d', ['公车私用的苗头要及时刹住', '公车私用的苗头要及时刹住']),
    item('e', ['年轻干部培养使用力度不够，成长渠道偏窄']),
    item('f', ['会议太多，一周有大半时间在开会'], 'member-1'),
  ];

  it('pairs items that say the same thing in other words, and leaves the rest alone', () => {
    const pairs = similarItemPairs(items, { limit: 10 });
    expect(pairs.map((pair) => pair.itemIds)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    for (const pair of pairs) expect(pair.similarity).toBeGreaterThanOrEqual(LEAST_SIMILARITY);
    expect(pairs[0].similarity).toBeGreaterThanOrEqual(pairs[1].similarity);
  });

  it('never pairs items of different targets, even with the same words', () => {
    const pairs = similarItemPairs([item('x', ['会议太多，一周有大半时间在开会']), item('y', ['会议太多，一周有大半时间在开会'], 'member-1')], { limit: 10 });
    expect(pairs).toEqual([]);
    const same = similarItemPairs([item('x', ['会议太多，一周有大半时间在开会'], 'member-1'), item('y', ['会议太多，一周有大半时间在开会'], 'member-1')], { limit: 10 });
    expect(same).toEqual([{ itemIds: ['x', 'y'], similarity: 1 }]);
  });

  it('gives the same pairs whatever the order of the items', () => {
    const expected = similarItemPairs(items, { limit: 10 });
    const reversed = similarItemPairs([...items].reverse(), { limit: 10 });
    const shuffled = similarItemPairs([items[3], items[0], items[5], items[2], items[4], items[1]], { limit: 10 });
    expect(reversed).toEqual(expected);
    expect(shuffled).toEqual(expected);
  });

  it('gives at most `limit` pairs, the most similar', () => {
    const all = similarItemPairs(items, { limit: 10 });
    expect(similarItemPairs(items, { limit: 1 })).toEqual(all.slice(0, 1));
    expect(similarItemPairs(items, { limit: 10, least: 0.99 })).toEqual([]);
  });

  it('reads an item by all its opinions: one that shares a point among others still pairs', () => {
    const pairs = similarItemPairs(
      [item('big', ['会议太多，一周有大半时间在开会', '会海问题有反弹苗头，会议总量偏大', '开会实在太频繁了']), item('small', ['开会过多过频，挤占了干事的时间']), item('other', ['食堂饭菜品种单一'])],
      { limit: 10 },
    );
    expect(pairs.map((pair) => pair.itemIds)).toEqual([['big', 'small']]);
  });

  it('has nothing to say about fewer than two items', () => {
    expect(similarItemPairs([], { limit: 10 })).toEqual([]);
    expect(similarItemPairs([items[0]], { limit: 10 })).toEqual([]);
  });
});

describe('Centroid.unitVector', () => {
  const vector = (entries: Array<[number, number]>): SparseVector => ({ terms: Int32Array.from(entries, (entry) => entry[0]), weights: Float64Array.from(entries, (entry) => entry[1]) });

  it('is the sum of its sources at unit length, heaviest terms first', () => {
    const centroid = new Centroid();
    centroid.add(vector([[1, 0.6], [2, 0.8]]), 1);
    centroid.add(vector([[2, 0.6], [3, 0.8]]), 1);
    const unit = centroid.unitVector();
    expect(Array.from(unit.terms)).toEqual([2, 3, 1]);
    const length = Math.sqrt(Array.from(unit.weights).reduce((sum, weight) => sum + weight * weight, 0));
    expect(length).toBeCloseTo(1, 10);
    expect(unit.weights[0] / unit.weights[2]).toBeCloseTo(1.4 / 0.6, 10);
  });

  it('is empty for an item without sources, or emptied', () => {
    const centroid = new Centroid();
    expect(centroid.unitVector().terms.length).toBe(0);
    centroid.add(vector([[1, 1]]), 1);
    centroid.add(vector([[1, 1]]), -1);
    expect(centroid.unitVector().terms.length).toBe(0);
  });
});
