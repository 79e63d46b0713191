import { AppError, ErrorCode } from '../../src/common/app-error';
import { checkAnswers, GivenAnswer, isNothingToSay, SurveyQuestion, TEXT_ANSWER_MAX_LENGTH } from '../../src/surveys/survey-questions';

const ASPECT = '工作作风';

/** One question of each kind, as the survey builder stores them: 0 rating, 1 single, 2 multi, 3 text with an aspect, 4 optional text. */
const QUESTIONS: SurveyQuestion[] = [
  { kind: 'rating', prompt: '您对领导班子的总体评价（1–5 分）', aspect: null, options: null, required: true },
  { kind: 'single', prompt: '班子作风建设情况', aspect: null, options: ['好', '较好', '一般', '较差'], required: true },
  { kind: 'multi', prompt: '您认为最需要改进的方面（可多选）', aspect: null, options: ['调查研究', '联系群众', '会风文风', '干部培养'], required: true },
  { kind: 'text', prompt: `在“${ASPECT}”方面，您对班子有何意见建议？`, aspect: ASPECT, options: null, required: true },
  { kind: 'text', prompt: '其他意见建议', aspect: null, options: null, required: false },
];

/** The same questions, none of them required: for what counts as answered. */
const OPTIONAL = QUESTIONS.map((question) => ({ ...question, required: false }));

/** A complete, valid set of answers in question order; `overrides` replaces values by question index (undefined leaves one out). */
function answers(overrides: Record<number, unknown> = {}): GivenAnswer[] {
  const values: Record<number, unknown> = { 0: 4, 1: '较好', 2: ['调查研究', '会风文风'], 3: '调研多集中在机关，下基层次数偏少。', 4: '希望多开座谈会。', ...overrides };
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([index, value]) => ({ questionIndex: Number(index), value }));
}

/** What checkAnswers refused, as the API would report it; fails if it accepted the answers. */
function refusal(questions: readonly SurveyQuestion[], given: readonly GivenAnswer[]) {
  try {
    const accepted = checkAnswers(questions, given);
    throw new Error(`checkAnswers accepted answers it should refuse: ${JSON.stringify(given)} → ${JSON.stringify(accepted)}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      status: error.status,
      code: error.code,
      details: (error.details ?? []).map(({ field, questionIndex }) => ({ field, questionIndex })),
      messages: (error.details ?? []).map(({ message }) => message),
      message: error.message,
    };
  }
}

describe('survey answers (征求意见表): what is stored', () => {
  it('stores a complete set: option indexes for choices, the rating as given, true for each text', () => {
    const checked = checkAnswers(QUESTIONS, answers());
    expect(checked).toEqual({
      stored: { 0: 4, 1: 1, 2: [0, 2], 3: true, 4: true },
      texts: [
        { questionIndex: 3, text: '调研多集中在机关，下基层次数偏少。', aspect: ASPECT },
        { questionIndex: 4, text: '希望多开座谈会。', aspect: null },
      ],
    });
  });

  it('takes a single choice by its option text (trimmed) or its index, and stores the index', () => {
    const cases: Array<[string, unknown, number]> = [
      ['option text', '较好', 1],
      ['option text with spaces around it', '  一般 ', 2],
      ['first index', 0, 0],
      ['last index', 3, 3],
    ];
    for (const [name, value, index] of cases) {
      expect({ name, stored: checkAnswers(QUESTIONS, answers({ 1: value })).stored[1] }).toEqual({ name, stored: index });
    }
  });

  it('stores a multiple choice as its option indexes, without repeats, in order', () => {
    const cases: Array<[string, unknown[], number[]]> = [
      ['texts out of order', ['干部培养', '调查研究'], [0, 3]],
      ['indexes out of order', [2, 0, 1], [0, 1, 2]],
      ['the same option by text and by index', ['会风文风', 2, ' 会风文风 '], [2]],
      ['repeats mixed with others', [3, '调查研究', 3, 0], [0, 3]],
      ['one option', ['联系群众'], [1]],
    ];
    for (const [name, value, indexes] of cases) {
      expect({ name, stored: checkAnswers(QUESTIONS, answers({ 2: value })).stored[2] }).toEqual({ name, stored: indexes });
    }
  });

  it('stores every whole rating from 1 to 5 as given', () => {
    for (const rating of [1, 2, 3, 4, 5]) {
      expect({ rating, stored: checkAnswers(QUESTIONS, answers({ 0: rating })).stored[0] }).toEqual({ rating, stored: rating });
    }
  });

  it('stores only true for a text answer and passes the trimmed text on with its question and aspect', () => {
    const checked = checkAnswers(QUESTIONS, answers({ 3: '\n  会议太多，文件太长。 \u3000', 4: undefined }));
    expect(checked).toEqual({ stored: { 0: 4, 1: 1, 2: [0, 2], 3: true }, texts: [{ questionIndex: 3, text: '会议太多，文件太长。', aspect: ASPECT }] });
  });

  it('counts "无", "暂无意见。" and "没有" as answered, but passes none of them on as an opinion', () => {
    for (const text of ['无', '暂无意见。', '没有']) {
      const checked = checkAnswers(QUESTIONS, answers({ 3: text, 4: undefined }));
      expect({ text, stored: checked.stored[3], texts: checked.texts }).toEqual({ text, stored: true, texts: [] });
    }
  });

  it('takes answers in any order: the same stored answers, the texts in the order given', () => {
    const inOrder = checkAnswers(QUESTIONS, answers());
    const reversed = checkAnswers(QUESTIONS, answers().reverse());
    expect({ stored: reversed.stored, texts: reversed.texts }).toEqual({ stored: inOrder.stored, texts: [...inOrder.texts].reverse() });
  });

  it('leaves a question unanswered when its value is empty, blank or null, and that is fine when it is optional', () => {
    const cases: Array<[string, number, unknown]> = [
      ['rating null', 0, null],
      ['rating undefined', 0, undefined],
      ['single null', 1, null],
      ['single empty string', 1, ''],
      ['multi null', 2, null],
      ['multi empty array', 2, []],
      ['text null', 3, null],
      ['text empty', 3, ''],
      ['text of spaces and line breaks', 3, '  \n\t '],
      ['text of ideographic spaces', 3, '\u3000\u3000'],
    ];
    for (const [name, questionIndex, value] of cases) {
      const checked = checkAnswers(OPTIONAL, [{ questionIndex, value }]);
      expect({ name, checked }).toEqual({ name, checked: { stored: {}, texts: [] } });
    }
  });

  it('accepts no answers at all when nothing is required', () => {
    expect(checkAnswers(OPTIONAL, [])).toEqual({ stored: {}, texts: [] });
  });

  it('counts text length in characters (code points), not UTF-16 units: exactly 2000 with emoji is accepted', () => {
    const cases: Array<[string, string]> = [
      ['2000 CJK characters', '意'.repeat(TEXT_ANSWER_MAX_LENGTH)],
      ['an emoji and 1999 CJK characters (2001 UTF-16 units)', `😀${'意'.repeat(TEXT_ANSWER_MAX_LENGTH - 1)}`],
      ['2000 emoji (4000 UTF-16 units)', '😀'.repeat(TEXT_ANSWER_MAX_LENGTH)],
      ['2000 characters with spaces around them', `  ${'意'.repeat(TEXT_ANSWER_MAX_LENGTH)}  `],
    ];
    for (const [name, text] of cases) {
      const checked = checkAnswers(QUESTIONS, answers({ 3: text }));
      expect({ name, stored: checked.stored[3], length: Array.from(checked.texts[0]?.text ?? '').length }).toEqual({ name, stored: true, length: TEXT_ANSWER_MAX_LENGTH });
    }
  });
});

describe('survey answers (征求意见表): what is refused', () => {
  /** Each case: the answers, and the one problem expected (field and question). */
  const cases: Array<{ name: string; given: GivenAnswer[]; field: string; questionIndex: number }> = [
    { name: 'required rating left out', given: answers({ 0: undefined }), field: 'questions.0', questionIndex: 0 },
    { name: 'required rating sent as null', given: answers({ 0: null }), field: 'questions.0', questionIndex: 0 },
    { name: 'required single choice sent empty', given: answers({ 1: '' }), field: 'questions.1', questionIndex: 1 },
    { name: 'required multiple choice with nothing ticked', given: answers({ 2: [] }), field: 'questions.2', questionIndex: 2 },
    { name: 'required text left blank', given: answers({ 3: '   ' }), field: 'questions.3', questionIndex: 3 },
    { name: 'single choice text not among the options', given: answers({ 1: '很好' }), field: 'answers.1.value', questionIndex: 1 },
    { name: 'single choice index past the options', given: answers({ 1: 4 }), field: 'answers.1.value', questionIndex: 1 },
    { name: 'single choice negative index', given: answers({ 1: -1 }), field: 'answers.1.value', questionIndex: 1 },
    { name: 'single choice fractional index', given: answers({ 1: 1.5 }), field: 'answers.1.value', questionIndex: 1 },
    { name: 'single choice as an array', given: answers({ 1: ['较好'] }), field: 'answers.1.value', questionIndex: 1 },
    { name: 'multiple choice not an array', given: answers({ 2: '调查研究' }), field: 'answers.2.value', questionIndex: 2 },
    { name: 'multiple choice with one option not among the options', given: answers({ 2: ['调查研究', '不存在的选项'] }), field: 'answers.2.value', questionIndex: 2 },
    { name: 'multiple choice with an index past the options', given: answers({ 2: [0, 4] }), field: 'answers.2.value', questionIndex: 2 },
    { name: 'rating 0', given: answers({ 0: 0 }), field: 'answers.0.value', questionIndex: 0 },
    { name: 'rating 6', given: answers({ 0: 6 }), field: 'answers.0.value', questionIndex: 0 },
    { name: 'rating 3.5', given: answers({ 0: 3.5 }), field: 'answers.0.value', questionIndex: 0 },
    { name: 'rating "4" (a string)', given: answers({ 0: '4' }), field: 'answers.0.value', questionIndex: 0 },
    { name: 'text of 2001 characters', given: answers({ 3: '意'.repeat(TEXT_ANSWER_MAX_LENGTH + 1) }), field: 'answers.3.value', questionIndex: 3 },
    { name: 'text of 2001 emoji', given: answers({ 3: '😀'.repeat(TEXT_ANSWER_MAX_LENGTH + 1) }), field: 'answers.3.value', questionIndex: 3 },
    { name: 'text sent as a number', given: answers({ 3: 42 }), field: 'answers.3.value', questionIndex: 3 },
    { name: 'text sent as an array', given: answers({ 3: ['意见'] }), field: 'answers.3.value', questionIndex: 3 },
    { name: 'optional text sent as an object', given: answers({ 4: { text: '意见' } }), field: 'answers.4.value', questionIndex: 4 },
    { name: 'a question the survey does not have', given: [...answers(), { questionIndex: 5, value: '多出来的' }], field: 'answers.5.questionIndex', questionIndex: 5 },
    { name: 'a negative question index', given: [...answers(), { questionIndex: -1, value: 3 }], field: 'answers.5.questionIndex', questionIndex: -1 },
    { name: 'the same question answered twice', given: [...answers(), { questionIndex: 1, value: '好' }], field: 'answers.5.questionIndex', questionIndex: 1 },
  ];

  it.each(cases.map((one) => [one.name, one] as const))('refuses %s: 400 VALIDATION_FAILED with the field and question', (name, { given, field, questionIndex }) => {
    const refused = refusal(QUESTIONS, given);
    expect({ name, status: refused.status, code: refused.code, details: refused.details }).toEqual({
      name,
      status: 400,
      code: ErrorCode.ValidationFailed,
      details: [{ field, questionIndex }],
    });
    expect({ name, message: refused.message }).toEqual({ name, message: expect.stringMatching(new RegExp(`^请求内容有误：(没有)?第 ${questionIndex + 1} 题`)) });
  });

  it('names the answer by its position in the list, and the question by its index', () => {
    const given: GivenAnswer[] = [
      { questionIndex: 4, value: '其他意见' },
      { questionIndex: 3, value: '调研偏少' },
      { questionIndex: 2, value: ['调查研究'] },
      { questionIndex: 1, value: '很好' }, // position 3, question 1
      { questionIndex: 0, value: 5 },
    ];
    expect(refusal(QUESTIONS, given).details).toEqual([{ field: 'answers.3.value', questionIndex: 1 }]);
  });

  it('reports a wrong answer to a required question once, not also as missing', () => {
    const refused = refusal(QUESTIONS, answers({ 0: 9 }));
    expect({ details: refused.details, messages: refused.messages }).toEqual({
      details: [{ field: 'answers.0.value', questionIndex: 0 }],
      messages: [expect.stringContaining('评分应为 1 到 5 的整数')],
    });
  });

  it('counts a required question as answered by its first answer when it is answered twice', () => {
    const given: GivenAnswer[] = [...answers({ 1: undefined }), { questionIndex: 1, value: '好' }, { questionIndex: 1, value: '较差' }];
    expect(refusal(QUESTIONS, given).details).toEqual([{ field: 'answers.5.questionIndex', questionIndex: 1 }]);
  });

  it('reports every problem at once, sorted by question', () => {
    const given: GivenAnswer[] = [
      { questionIndex: 7, value: '没有这一题' },
      { questionIndex: 3, value: 42 },
      { questionIndex: 0, value: 9 },
      { questionIndex: 4, value: '这一题没问题' },
      // 1 and 2 (required) left out
    ];
    const refused = refusal(QUESTIONS, given);
    expect({ status: refused.status, code: refused.code, details: refused.details }).toEqual({
      status: 400,
      code: ErrorCode.ValidationFailed,
      details: [
        { field: 'answers.2.value', questionIndex: 0 },
        { field: 'questions.1', questionIndex: 1 },
        { field: 'questions.2', questionIndex: 2 },
        { field: 'answers.1.value', questionIndex: 3 },
        { field: 'answers.0.questionIndex', questionIndex: 7 },
      ],
    });
    expect({ messages: refused.messages }).toEqual({
      messages: [
        '第 1 题：评分应为 1 到 5 的整数',
        '第 2 题为必答题，请作答',
        '第 3 题为必答题，请作答',
        '第 4 题：请填写文字',
        '没有第 8 题（本表共 5 题）',
      ],
    });
    expect({ message: refused.message }).toEqual({ message: `请求内容有误：${refused.messages.join('；')}` });
  });

  it('refuses every required question when nothing is sent', () => {
    expect(refusal(QUESTIONS, []).details).toEqual([0, 1, 2, 3].map((index) => ({ field: `questions.${index}`, questionIndex: index })));
  });
});

describe('answers with nothing to say', () => {
  it('recognises "无", "没有", "暂无意见" and the like, whatever the punctuation and spacing', () => {
    for (const text of ['无', '没有', '暂无意见。', '暂无意见', ' 无 。', '没有意见！', '无。。。', '暂无建议…', '没有了', '无其他意见.', '不清楚', '暂 无']) {
      expect({ text, nothingToSay: isNothingToSay(text) }).toEqual({ text, nothingToSay: true });
    }
  });

  it('keeps real opinions, even short ones or ones that start with "无" or "没有"', () => {
    for (const text of ['没有下基层调研', '无会不开', '会太多', '暂无意见，但希望少开会', '无论如何要减少文山会海', '有']) {
      expect({ text, nothingToSay: isNothingToSay(text) }).toEqual({ text, nothingToSay: false });
    }
  });
});
