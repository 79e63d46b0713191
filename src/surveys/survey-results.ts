import { RATING_MAX, RATING_MIN, SurveyQuestion } from './survey-questions';
import { StoredAnswers } from './survey-response.entity';

/** Fewer answers than this from one department and its figures are not shown on their own. */
export const DEPARTMENT_RELEASE_THRESHOLD = 5;

export interface QuestionResult {
  index: number;
  kind: SurveyQuestion['kind'];
  prompt: string;
  aspect: string | null;
  /** How many answered it (for a text question: wrote something, "无" included). */
  answered: number;
  /** Choice questions: how often each option was chosen. */
  options?: Array<{ option: string; count: number }>;
  /** Rating questions: how often each score was given, and the mean. */
  ratings?: { counts: Array<{ rating: number; count: number }>; average: number | null };
}

/** Per question: counts of choices and ratings, how many answered a text question. */
export function tallyQuestions(questions: readonly SurveyQuestion[], responses: readonly StoredAnswers[]): QuestionResult[] {
  return questions.map((question, index) => {
    const given = responses.map((answers) => answers[index]).filter((value) => value !== undefined);
    const result: QuestionResult = { index, kind: question.kind, prompt: question.prompt, aspect: question.aspect, answered: given.length };
    if (question.kind === 'single' || question.kind === 'multi') {
      const chosen = given.flatMap((value) => (Array.isArray(value) ? value : [value as number]));
      result.options = (question.options ?? []).map((option, optionIndex) => ({ option, count: chosen.filter((one) => one === optionIndex).length }));
    }
    if (question.kind === 'rating') {
      const scores = given as number[];
      const counts = [];
      for (let rating = RATING_MIN; rating <= RATING_MAX; rating++) counts.push({ rating, count: scores.filter((score) => score === rating).length });
      const average = scores.length ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100 : null;
      result.ratings = { counts, average };
    }
    return result;
  });
}

/**
 * Which groups (departments) may be shown on their own: those with at least `threshold`
 * answers, and only so long as the rest, which can be worked out by subtracting the shown
 * groups from the total, is empty or also at least `threshold`. When the rest would be a
 * smaller group, the smallest shown groups join it until it is not.
 */
export function releasableGroups<K>(groups: ReadonlyArray<{ key: K; count: number }>, threshold = DEPARTMENT_RELEASE_THRESHOLD): Set<K> {
  const shown = groups.filter((group) => group.count >= threshold).sort((a, b) => a.count - b.count);
  let rest = groups.reduce((sum, group) => sum + group.count, 0) - shown.reduce((sum, group) => sum + group.count, 0);
  while (rest > 0 && rest < threshold && shown.length > 0) rest += shown.shift()!.count;
  return new Set(shown.map((group) => group.key));
}

/** Answered ÷ issued, to three decimals; null when nothing was issued. */
export function responseRate(responses: number, issued: number): number | null {
  return issued > 0 ? Math.round((responses / issued) * 1000) / 1000 : null;
}
