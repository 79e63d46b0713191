import { acceptsFile, MATERIAL_STATUSES, MaterialParty, MaterialStatus, moveMadeBy } from '../../src/materials/material-states';

/** The legal moves (对照检查材料), and who makes each; every other pair of statuses is no move at all. */
const LEGAL: Record<string, MaterialParty> = {
  'not-started → drafting': 'author',
  'not-started → submitted': 'author',
  'drafting → submitted': 'author',
  'returned → drafting': 'author',
  'returned → submitted': 'author',
  'submitted → returned': 'reviewer',
  'submitted → approved': 'reviewer',
};

const everyPair: Array<[MaterialStatus, MaterialStatus]> = MATERIAL_STATUSES.flatMap((from) => MATERIAL_STATUSES.map((to) => [from, to] as [MaterialStatus, MaterialStatus]));

describe('check material (对照检查材料) status moves', () => {
  it('knows five statuses, so 25 (from, to) pairs to judge', () => {
    expect(MATERIAL_STATUSES).toEqual(['not-started', 'drafting', 'submitted', 'returned', 'approved']);
    expect(everyPair).toHaveLength(25);
  });

  it('allows exactly the seven moves, each by its party, and nothing else (same → same included)', () => {
    const actual = everyPair.map(([from, to]) => `${from} → ${to}: ${moveMadeBy(from, to) ?? 'no move'}`);
    const expected = everyPair.map(([from, to]) => `${from} → ${to}: ${LEGAL[`${from} → ${to}`] ?? 'no move'}`);
    expect(actual).toEqual(expected);
  });

  const table = everyPair.map(([from, to]) => {
    const party = LEGAL[`${from} → ${to}`] ?? null;
    return [from, to, party ? `a move by the ${party}` : 'no move', party] as const;
  });
  it.each(table)('%s → %s: %s', (from, to, _label, party) => {
    expect({ move: `${from} → ${to}`, by: moveMadeBy(from, to) }).toEqual({ move: `${from} → ${to}`, by: party });
  });

  it('lets the author make every move towards submission and the reviewer only the verdicts', () => {
    const movesBy = (party: MaterialParty) => everyPair.filter(([from, to]) => moveMadeBy(from, to) === party).map(([from, to]) => `${from} → ${to}`);
    expect({ author: movesBy('author'), reviewer: movesBy('reviewer') }).toEqual({
      author: ['not-started → drafting', 'not-started → submitted', 'drafting → submitted', 'returned → drafting', 'returned → submitted'],
      reviewer: ['submitted → returned', 'submitted → approved'],
    });
  });

  it('has no way out of approved, and no way back to not-started', () => {
    expect(MATERIAL_STATUSES.filter((to) => moveMadeBy('approved', to) !== null)).toEqual([]);
    expect(MATERIAL_STATUSES.filter((from) => moveMadeBy(from, 'not-started') !== null)).toEqual([]);
  });
});

describe('whether a material takes a (new) file', () => {
  it('takes one exactly while it is the author\'s to work on: not started, drafting or returned', () => {
    expect(MATERIAL_STATUSES.map((status) => `${status}: ${acceptsFile(status) ? 'takes a file' : 'refuses files'}`)).toEqual([
      'not-started: takes a file',
      'drafting: takes a file',
      'submitted: refuses files',
      'returned: takes a file',
      'approved: refuses files',
    ]);
  });
});
