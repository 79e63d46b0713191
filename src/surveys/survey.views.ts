import { isCollectingOver, MeetingPhase } from '../meetings/meeting-phase';
import { SurveyQuestion } from './survey-questions';
import { QuestionResult } from './survey-results';
import { Survey } from './survey.entity';

export interface SurveyQuestionView extends SurveyQuestion {
  index: number;
}

export interface SurveyView {
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
export interface IssuedTokens {
  surveyId: string;
  departmentId: string | null;
  tokens: string[];
  urls: string[];
}

export interface DepartmentResult {
  /** null: tokens issued without a department. */
  departmentId: string | null;
  name: string;
  tokensIssued: number;
  /** null when withheld: fewer than the threshold of answers, or it would let a smaller group be worked out. */
  responses: number | null;
  responseRate: number | null;
  questions: QuestionResult[] | null;
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  anonymous: boolean;
  open: boolean;
  tokensIssued: number;
  responses: number;
  responseRate: number | null;
  questions: QuestionResult[];
  /** A department's figures are shown on their own only from this many answers. */
  departmentThreshold: number;
  departments: DepartmentResult[];
  /** The departments whose figures are withheld, counted together. */
  withheld: { departments: number; responses: number };
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
