import { isCollectingOver, MeetingPhase } from '../meetings/meeting-phase';
import { QuestionKind, SurveyQuestion } from './survey-questions';
import { Survey } from './survey.entity';

/** One question of a survey, with its place in it. */
export class SurveyQuestionView implements SurveyQuestion {
  index: number;
  kind: QuestionKind;
  prompt: string;
  /** A text question's aspect (对照检查的方面): its answers enter the opinion pool under it. */
  aspect: string | null;
  /** The choices of a `single` or `multi` question; null for the others. */
  options: string[] | null;
  required: boolean;
}

export class SurveyView {
  id: string;
  meetingId: string;
  title: string;
  anonymous: boolean;
  open: boolean;
  closedAt: string | null;
  questions: SurveyQuestionView[];
  tokensIssued: number;
  responses: number;
  createdAt: string;
}

/** What an organiser gets back when issuing tokens: shown this once, never again. */
export class IssuedTokens {
  surveyId: string;
  departmentId: string | null;
  tokens: string[];
  urls: string[];
}

/** A question's figures: how many answered, and the counts of choices or ratings. */
export class QuestionResultView {
  index: number;
  kind: QuestionKind;
  prompt: string;
  aspect: string | null;
  /** How many answered it (for a text question: wrote something, "无" included). */
  answered: number;
  /** Choice questions: how often each option was chosen. */
  options?: { option: string; count: number }[];
  /** Rating questions: how often each score was given, and the mean. */
  ratings?: RatingsView;
}

export class RatingsView {
  counts: { rating: number; count: number }[];
  average: number | null;
}

export class DepartmentResult {
  /** null: tokens issued without a department. */
  departmentId: string | null;
  name: string;
  tokensIssued: number;
  /** null when withheld: fewer than the threshold of answers, or it would let a smaller group be worked out. */
  responses: number | null;
  responseRate: number | null;
  questions: QuestionResultView[] | null;
}

export class SurveyResults {
  surveyId: string;
  title: string;
  anonymous: boolean;
  open: boolean;
  tokensIssued: number;
  responses: number;
  responseRate: number | null;
  questions: QuestionResultView[];
  /** A department's figures are shown on their own only from this many answers. */
  departmentThreshold: number;
  departments: DepartmentResult[];
  /** The departments whose figures are withheld, counted together. */
  withheld: { departments: number; responses: number };
}

/** What the survey page and `GET /api/v1/public/surveys/:token` show a respondent. */
export class PublicSurveyView {
  title: string;
  meetingTitle: string;
  anonymous: boolean;
  open: boolean;
  questions: SurveyQuestionView[];
}

/** The answers were taken. */
export class SurveyResponseReceivedView {
  received: true;
}

/** A survey takes answers until an organiser closes it or the meeting is held. */
export function isSurveyOpen(survey: Pick<Survey, 'closedAt'>, phase: MeetingPhase): boolean {
  return !survey.closedAt && !isCollectingOver(phase);
}

export function surveyUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/s/${token}`;
}

export function questionViews(questions: readonly SurveyQuestion[]): SurveyQuestionView[] {
  return questions.map((question, index) => ({ index, ...question }));
}

export function toSurveyView(survey: Survey, open: boolean, counts: { tokensIssued: number; responses: number }): SurveyView {
  return {
    id: survey.id,
    meetingId: survey.meetingId,
    title: survey.title,
    anonymous: survey.anonymous,
    open,
    closedAt: survey.closedAt?.toISOString() ?? null,
    questions: questionViews(survey.questions),
    ...counts,
    createdAt: survey.createdAt.toISOString(),
  };
}
