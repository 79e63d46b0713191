import { AppError, ErrorCode, ErrorDetail } from '../common/app-error';
import { OPINION_MAX_LENGTH } from '../opinions/opinion-text.decorator';
import { StoredAnswers } from './survey-response.entity';

export const QUESTION_KINDS = ['text', 'single', 'multi', 'rating'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const TEXT_ANSWER_MAX_LENGTH = OPINION_MAX_LENGTH;

/** One question of a survey, as stored. */
export interface SurveyQuestion {
  kind: QuestionKind;
  prompt: string;
  /** A text question's aspect (对照检查的方面): its answers enter the opinion pool under it. */
  aspect: string | null;
  /** The choices of a `single` or `multi` question; null for the others. */
  options: string[] | null;
  required: boolean;
}

/** An answer as a client sends it: the option's text or index for a choice, 1–5 for a rating. */
export interface GivenAnswer {
  questionIndex: number;
  value: unknown;
}

/** A text answer on its way to the opinion pool. */
export interface TextAnswer {
  questionIndex: number;
  text: string;
  aspect: string | null;
}

export interface CheckedAnswers {
  /** Choices (option indexes), ratings, and `true` for each answered text question. */
  stored: StoredAnswers;
  /** The text answers worth reading: "无" and the like are counted as answered but not kept. */
  texts: TextAnswer[];
}

/** A problem with one answer, or with a required question left out. */
export interface AnswerProblem extends ErrorDetail {
  field: string;
  questionIndex: number;
}

/**
 * Checks a whole set of answers against the questions and says every problem at once, each
 * with its field (`answers.2.value`, or `questions.4` for a required question left out) and the
 * question it concerns, so a page can show it beside that question. Nothing is stored unless
 * all of it is right.
 */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: readonly unknown[]): CheckedAnswers {
  const problems: AnswerProblem[] = [];
  const stored: StoredAnswers = {};
  const texts: TextAnswer[] = [];
  const seen = new Set<number>();

  answers.forEach((answer, position) => {
    const shapeProblem = answerShapeProblem(answer, position);
    if (shapeProblem) return problems.push(shapeProblem);
    const { questionIndex, value } = answer as GivenAnswer;
    const question = questions[questionIndex];
    const problem = (field: 'value' | 'questionIndex', message: string) =>
      problems.push({ field: `answers.${position}.${field}`, questionIndex, message });
    if (!question) return problem('questionIndex', `没有第 ${questionIndex + 1} 题（本表共 ${questions.length} 题）`);
    if (seen.has(questionIndex)) return problem('questionIndex', `第 ${questionIndex + 1} 题重复作答`);
    seen.add(questionIndex);

    const checked = checkValue(question, value);
    if (checked === null) return; // left empty: only a problem if the question is required
    if ('problem' in checked) return problem('value', `第 ${questionIndex + 1} 题：${checked.problem}`);
    if (typeof checked.value === 'string') {
      stored[questionIndex] = true;
      if (!isNothingToSay(checked.value)) texts.push({ questionIndex, text: checked.value, aspect: question.aspect });
    } else {
      stored[questionIndex] = checked.value;
    }
  });

  questions.forEach((question, index) => {
    if (question.required && !(index in stored) && !problems.some((problem) => problem.questionIndex === index)) {
      problems.push({ field: `questions.${index}`, questionIndex: index, message: `第 ${index + 1} 题为必答题，请作答` });
    }
  });

  if (problems.length > 0) {
    problems.sort((a, b) => a.questionIndex - b.questionIndex);
    throw AppError.badRequest(ErrorCode.ValidationFailed, `请求内容有误：${problems.map((problem) => problem.message).join('；')}`, problems);
  }
  return { stored, texts };
}

const ANSWER_KEYS = new Set(['questionIndex', 'value']);

/** An answer must be `{questionIndex, value}` and nothing more; the problem, if not (its questionIndex -1: it names no question). */
function answerShapeProblem(answer: unknown, position: number): AnswerProblem | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return { field: `answers.${position}`, questionIndex: -1, message: `第 ${position + 1} 个回答应为 {questionIndex, value}` };
  }
  const unknownKey = Object.keys(answer).find((key) => !ANSWER_KEYS.has(key));
  if (unknownKey) return { field: `answers.${position}.${unknownKey}`, questionIndex: -1, message: `不允许的字段 answers.${position}.${unknownKey}` };
  const { questionIndex } = answer as { questionIndex?: unknown };
  // An index out of range is said by checkAnswers as a question the survey does not have.
  if (!Number.isInteger(questionIndex)) {
    return { field: `answers.${position}.questionIndex`, questionIndex: -1, message: `answers.${position}.questionIndex 应为题目序号（从 0 开始的整数）` };
  }
  return null;
}

type Checked = { value: string | number | number[] } | { problem: string } | null;

/** The stored form of one answer, null when left empty, or what is wrong with it. */
function checkValue(question: SurveyQuestion, value: unknown): Checked {
  // Nothing chosen or typed, however it comes (null, '', spaces, an empty list): not answered.
  if (value === null || value === undefined || isBlank(value)) return null;
  switch (question.kind) {
    case 'text': {
      if (typeof value !== 'string') return { problem: '请填写文字' };
      const text = value.trim();
      return [...text].length > TEXT_ANSWER_MAX_LENGTH ? { problem: `最多 ${TEXT_ANSWER_MAX_LENGTH} 个字` } : { value: text };
    }
    case 'single': {
      const index = optionIndex(question.options ?? [], value);
      return index === null ? { problem: '所选的选项不在可选范围内' } : { value: index };
    }
    case 'multi': {
      if (!Array.isArray(value)) return { problem: '请以数组给出所选的选项' };
      const indexes = value.filter((one) => !isBlank(one)).map((one) => optionIndex(question.options ?? [], one));
      if (indexes.some((index) => index === null)) return { problem: '所选的选项不在可选范围内' };
      return { value: [...new Set(indexes as number[])].sort((a, b) => a - b) };
    }
    case 'rating':
      return Number.isInteger(value) && (value as number) >= RATING_MIN && (value as number) <= RATING_MAX
        ? { value: value as number }
        : { problem: `评分应为 ${RATING_MIN} 到 ${RATING_MAX} 的整数` };
  }
}

function isBlank(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.every(isBlank);
}

/** An option named by its text or by its index. */
function optionIndex(options: readonly string[], value: unknown): number | null {
  if (Number.isInteger(value)) return (value as number) >= 0 && (value as number) < options.length ? (value as number) : null;
  if (typeof value === 'string') {
    const index = options.indexOf(value.trim());
    return index >= 0 ? index : null;
  }
  return null;
}

/** "无", "暂无意见", "没有。": answered, but nothing for the opinion list. */
const NOTHING_TO_SAY = /^(无|没有|暂无|暂时没有|没意见|无意见|没有意见|暂无意见|无建议|暂无建议|没有建议|无意见建议|暂无意见建议|没有了|不清楚|不了解|无其他|无其他意见)$/;

export function isNothingToSay(text: string): boolean {
  return NOTHING_TO_SAY.test(text.replace(/[\s。.，,！!、;；…~～]+/g, ''));
}
