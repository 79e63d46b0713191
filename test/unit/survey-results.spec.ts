import { SurveyQuestion } from '../../src/surveys/survey-questions';
import { StoredAnswers } from '../../src/surveys/survey-response.entity';
import { DEPARTMENT_RELEASE_THRESHOLD, releasableGroups, responseRate, tallyQuestions } from '../../src/surveys/survey-results';

const ASPECT = '工作作风';

/** 0 rating, 1 single, 2 multi, 3 text with an aspect, 4 optional text. */
const QUESTIONS: SurveyQuestion[] = [
  { kind: 'rating', prompt: '总体评价', aspect: null, options: null, required: true },
  { kind: 'single', prompt: '作风建设', aspect: null, options: ['好', '较好', '一般', '较差'], required: true },
  { kind: 'multi', prompt: '需要改进的方面', aspect: null, options: ['调查研究', '联系群众', '会风文风', '干部培养'], required: true },
  { kind: 'text', prompt: `在“${ASPECT}”方面的意见`, aspect: ASPECT, options: null, required: true },
  { kind: 'text', prompt: '其他意见建议', aspect: null, options: null, required: false },
];

const ratingCounts = (counts: [number, number, number, number, number]) => counts.map((count, offset) => ({ rating: offset + 1, count }));

describe('survey results: counts per question', () => {
  const responses: StoredAnswers[] = [
    { 0: 5, 1: 1, 2: [0, 2], 3: true },
    { 0: 4, 1: 1, 2: [2], 3: true, 4: true },
    { 0: 4, 1: 3, 2: [0, 1, 2, 3], 3: true },
  ];

  it('counts ratings, choices and answered texts', () => {
    expect(tallyQuestions(QUESTIONS, responses)).toStrictEqual([
      { index: 0, kind: 'rating', prompt: '总体评价', aspect: null, answered: 3, ratings: { counts: ratingCounts([0, 0, 0, 2, 1]), average: 4.33 } },
      {
        index: 1,
        kind: 'single',
        prompt: '作风建设',
        aspect: null,
        answered: 3,
        options: [
          { option: '好', count: 0 },
          { option: '较好', count: 2 },
          { option: '一般', count: 0 },
          { option: '较差', count: 1 },
        ],
      },
      {
        index: 2,
        kind: 'multi',
        prompt: '需要改进的方面',
        aspect: null,
        answered: 3,
        options: [
          { option: '调查研究', count: 2 },
          { option: '联系群众', count: 1 },
          { option: '会风文风', count: 3 },
          { option: '干部培养', count: 1 },
        ],
      },
      { index: 3, kind: 'text', prompt: `在“${ASPECT}”方面的意见`, aspect: ASPECT, answered: 3 },
      { index: 4, kind: 'text', prompt: '其他意见建议', aspect: null, answered: 1 },
    ]);
  });

  it('averages ratings to two decimals', () => {
    const cases: Array<[number[], number]> = [
      [[5, 4, 4], 4.33],
      [[5, 5, 4], 4.67],
      [[1, 2], 1.5],
      [[3], 3],
      [[1, 1, 1, 1, 1, 1, 2], 1.14],
      [[5, 5, 5, 5, 5, 5, 4], 4.86],
    ];
    for (const [scores, average] of cases) {
      const [rating] = tallyQuestions(QUESTIONS, scores.map((score) => ({ 0: score })));
      expect({ scores, average: rating.ratings?.average }).toEqual({ scores, average });
    }
  });

  it('gives no average, and zero counts, when nobody rated', () => {
    for (const [name, given] of [
      ['no responses at all', []],
      ['responses that left the rating out', [{ 1: 0 }, { 3: true }]],
    ] as Array<[string, StoredAnswers[]]>) {
      const [rating] = tallyQuestions(QUESTIONS, given);
      expect({ name, answered: rating.answered, ratings: rating.ratings }).toEqual({ name, answered: 0, ratings: { counts: ratingCounts([0, 0, 0, 0, 0]), average: null } });
    }
  });

  it('counts nothing for questions nobody answered, and lists every option even when unchosen', () => {
    const results = tallyQuestions(QUESTIONS, [{ 0: 3 }]);
    expect(results.map(({ index, answered, options }) => ({ index, answered, options }))).toEqual([
      { index: 0, answered: 1, options: undefined },
      { index: 1, answered: 0, options: ['好', '较好', '一般', '较差'].map((option) => ({ option, count: 0 })) },
      { index: 2, answered: 0, options: ['调查研究', '联系群众', '会风文风', '干部培养'].map((option) => ({ option, count: 0 })) },
      { index: 3, answered: 0, options: undefined },
      { index: 4, answered: 0, options: undefined },
    ]);
  });
});

/** The counts of the groups shown, for groups keyed by their position. */
function shownCounts(counts: number[], threshold?: number): number[] {
  const shown = releasableGroups(
    counts.map((count, key) => ({ key, count })),
    threshold,
  );
  return counts.filter((_, key) => shown.has(key));
}

describe('which departments may be shown on their own', () => {
  it('uses a threshold of 5 answers', () => {
    expect(DEPARTMENT_RELEASE_THRESHOLD).toBe(5);
  });

  it('shows groups of at least 5, withholds smaller ones, and the smallest shown ones too when the rest would be 1 to 4', () => {
    const cases: Array<[string, number[], number[]]> = [
      ['no groups', [], []],
      ['one group of 5', [5], [5]],
      ['one group of 4', [4], []],
      ['two groups of 5', [5, 5], [5, 5]],
      ['5 and 3: showing the 5 would give away the 3', [5, 3], []],
      ['12 and 1: showing the 12 would give away the 1', [12, 1], []],
      ['6, 5 and 2: the 5 joins the 2 so the rest is 7', [6, 5, 2], [6]],
      ['2, 6 and 5 in another order', [2, 6, 5], [6]],
      ['9, 6 and 5: nothing left over', [9, 6, 5], [9, 6, 5]],
      ['7, 5 and 0: an empty group leaves no rest', [7, 5, 0], [7, 5]],
      ['5, 4 and 1: the rest is already 5', [5, 4, 1], [5]],
      ['8, 3 and 3: the rest is 6', [8, 3, 3], [8]],
      ['20, 10, 5 and 4: the 5 joins the 4', [20, 10, 5, 4], [20, 10]],
      ['only small groups', [4, 4, 4], []],
      ['only empty groups', [0, 0], []],
    ];
    for (const [name, counts, shown] of cases) expect({ name, shown: shownCounts(counts) }).toEqual({ name, shown });
  });

  it('withholds only one of two equal smallest groups', () => {
    const shown = shownCounts([5, 5, 2]);
    expect({ shown }).toEqual({ shown: [5] });
  });

  it('takes another threshold when given one', () => {
    const cases: Array<[number[], number, number[]]> = [
      [[3, 1, 1], 3, []],
      [[3, 2, 1], 3, [3]],
      [[4, 3, 1], 3, [4]],
      [[10, 9], 10, []],
      [[10, 10, 10], 10, [10, 10, 10]],
    ];
    for (const [counts, threshold, shown] of cases) expect({ counts, threshold, shown: shownCounts(counts, threshold) }).toEqual({ counts, threshold, shown });
  });

  it('for 500 random sets of groups: every shown group reaches the threshold, the rest is 0 or reaches it too, and no more is withheld than needed', () => {
    const random = mulberry32(20261123);
    const int = (below: number) => Math.floor(random() * below);
    const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
    const failures: string[] = [];
    let joinedTheRest = 0;
    for (let run = 0; run < 500; run += 1) {
      const threshold = [DEPARTMENT_RELEASE_THRESHOLD, DEPARTMENT_RELEASE_THRESHOLD, 2, 3, 10][int(5)];
      // Mostly small groups, so remainders of 1 to threshold - 1 come up often.
      const counts = Array.from({ length: int(9) }, () => (random() < 0.6 ? int(threshold + 1) : int(4 * threshold)));
      const shown = shownCounts(counts, threshold);
      const rest = sum(counts) - sum(shown);
      const eligible = counts.filter((count) => count >= threshold);
      const restIfAllEligibleShown = sum(counts) - sum(eligible);
      const why: string[] = [];
      if (shown.some((count) => count < threshold)) why.push('a shown group is below the threshold');
      // With nothing shown only the total is known: the rest is then the total, and gives no group away.
      if (shown.length > 0 && rest > 0 && rest < threshold) why.push(`the rest, ${rest}, can be worked out and is below the threshold`);
      if (shown.length < eligible.length) {
        joinedTheRest += 1;
        // One group of at least the threshold always lifts the rest to it: so one, the smallest, and only when needed.
        if (eligible.length - shown.length > 1) why.push(`${eligible.length - shown.length} groups of at least ${threshold} withheld where one would do`);
        else if (sum(eligible) - sum(shown) !== Math.min(...eligible)) why.push('the withheld group is not the smallest shown one');
        if (restIfAllEligibleShown === 0 || restIfAllEligibleShown >= threshold) why.push(`a group was withheld though the rest, ${restIfAllEligibleShown}, did not need it`);
      }
      if (why.length) failures.push(`counts ${JSON.stringify(counts)}, threshold ${threshold}: shown ${JSON.stringify(shown)} — ${why.join('; ')}`);
    }
    expect({ failures: failures.slice(0, 10), count: failures.length }).toEqual({ failures: [], count: 0 });
    // The cases must reach the interesting branch often enough to mean something.
    expect({ joinedTheRest, enough: joinedTheRest >= 50 }).toEqual({ joinedTheRest, enough: true });
  });
});

describe('response rate', () => {
  it('is answered ÷ issued to three decimals', () => {
    const cases: Array<[number, number, number]> = [
      [1, 3, 0.333],
      [2, 3, 0.667],
      [1, 6, 0.167],
      [1, 8, 0.125],
      [0, 10, 0],
      [5, 5, 1],
      [37, 40, 0.925],
    ];
    for (const [responses, issued, rate] of cases) expect({ responses, issued, rate: responseRate(responses, issued) }).toEqual({ responses, issued, rate });
  });

  it('is null when no token was issued', () => {
    expect({ rate: responseRate(0, 0) }).toEqual({ rate: null });
    expect({ rate: responseRate(3, 0) }).toEqual({ rate: null });
  });
});

/** A small seeded generator, so the random cases are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
