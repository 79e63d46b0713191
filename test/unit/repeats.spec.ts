import { repeatMarks } from '../../src/aggregation/repeat-marks';
import { placeOpinions } from '../../src/clustering/cluster';
import { EarlierItem, EarlierItems } from '../../src/clustering/repeats';
import { SegmentCache } from '../../src/clustering/segment';

const earlier = (id: string, texts: string[], target: string | null = null): EarlierItem => ({ id, target, texts });

describe('problems that come back (屡提屡犯): EarlierItems', () => {
  const lastYear = [
    earlier('meetings', ['会议太多太长，文山会海问题突出', '开会太频繁，一周有大半时间在开会']),
    earlier('cars', ['公务用车管理不严，节假日有私用情况']),
    earlier('young', ['年轻干部培养力度不够，成长渠道偏窄'], 'member-1'),
  ];
  const index = new EarlierItems(lastYear);

  it('finds the earlier item a new one says again in other words, and none for something else', () => {
    expect(index.repeatOf(null, ['开会过多过频，会议又长又多'])).toBe('meetings');
    expect(index.repeatOf(null, ['公车私用的苗头要及时刹住'])).toBe('cars');
    expect(index.repeatOf(null, ['办公室空调老旧，夏天太热'])).toBeNull();
    expect(index.repeatOf(null, [])).toBeNull();
    expect(new EarlierItems([]).repeatOf(null, ['会议太多'])).toBeNull();
  });

  it('matches a member item with the same member or the team, never with another member', () => {
    expect(index.repeatOf('member-1', ['对年轻干部的培养力度不够'])).toBe('young');
    expect(index.repeatOf(null, ['对年轻干部的培养力度不够'])).toBe('young');
    expect(index.repeatOf('member-2', ['对年轻干部的培养力度不够'])).toBeNull();
    expect(index.repeatOf('member-2', ['会议太多太长，文山会海问题突出'])).toBe('meetings');
  });

  it('gives a tie to the item given first (the most recent meeting)', () => {
    const twice = new EarlierItems([earlier('2025', ['会议太多太长，文山会海问题突出']), earlier('2024', ['会议太多太长，文山会海问题突出'])]);
    expect(twice.repeatOf(null, ['会议太多太长，文山会海问题突出'])).toBe('2025');
  });

  it('weighs new items without changing the earlier ones: the same answers in any order of asking', () => {
    const asked = ['公车私用的苗头要及时刹住', '开会过多过频，会议又长又多', '食堂菜品单一', '对年轻干部的培养力度不够'];
    const fresh = new EarlierItems(lastYear);
    const forward = asked.map((text) => fresh.repeatOf(null, [text]));
    const other = new EarlierItems(lastYear);
    const backward = [...asked].reverse().map((text) => other.repeatOf(null, [text])).reverse();
    expect(backward).toEqual(forward);
  });

  it('uses the run segmentations it is given, and keeps its questions out of them (a prepared list outlives the run)', () => {
    const segments: SegmentCache = new Map();
    const shared = new EarlierItems(lastYear, { segments });
    expect(segments.size).toBe(4);
    expect(shared.repeatOf(null, ['开会过多过频，会议又长又多'])).toBe('meetings');
    expect(segments.size).toBe(4);
  });
});

describe('problems that come back (屡提屡犯): repeatMarks for a placed batch', () => {
  const index = new EarlierItems([earlier('meetings', ['会议太多太长，文山会海问题突出']), earlier('cars', ['公务用车管理不严，节假日有私用情况'])]);
  const existing = [
    { id: 'item-marked', aspect: '其他', target: null, texts: ['会议太多太长'], repeatOfItemId: 'meetings' },
    { id: 'item-plain', aspect: '其他', target: null, texts: ['用车不规范'], repeatOfItemId: null },
  ];

  it('marks new items by their key, and leaves an item already marked as it is', () => {
    const incoming = [
      { id: 'o1', text: '开会过多过频，会议又长又多', aspect: null, target: null },
      { id: 'o2', text: '办公室空调老旧', aspect: null, target: null },
    ];
    const placements = placeOpinions([], incoming, { aspects: [] });
    const marks = repeatMarks(index, [], incoming, placements, 30);
    expect(marks).toEqual(new Map([['new:o1', 'meetings']]));
    const joined = [{ opinionId: 'o1', aspect: '其他', target: null, itemId: 'item-marked', newItemKey: null }];
    expect(repeatMarks(index, existing, incoming, joined, 30)).toEqual(new Map());
  });

  it('compares a grown item by its old texts and the new ones together', () => {
    const placements = [{ opinionId: 'o3', aspect: '其他', target: null, itemId: 'item-plain', newItemKey: null }];
    const marks = repeatMarks(index, existing, [{ id: 'o3', text: '公车私用，节假日私用公务用车', aspect: null, target: null }], placements, 30);
    expect(marks).toEqual(new Map([['item-plain', 'cars']]));
    expect(repeatMarks(new EarlierItems([]), existing, [], placements, 30)).toEqual(new Map());
  });
});
