import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { SurveyResponse } from '../../src/surveys/survey-response.entity';
import { SurveyView } from '../../src/surveys/survey.views';
import { TestApp } from '../setup/test-app';
import { TestUser } from './organizations';

/** A token as it appears in links: 20 lower-case Crockford base32 characters. */
export const TOKEN_FORMAT = /^[0-9a-hjkmnp-tv-z]{20}$/;

/** Questions of every kind: 0 rating, 1 single, 2 multi, 3 text tied to an aspect, 4 optional text. */
export function surveyBody(aspect: string, overrides: Record<string, unknown> = {}) {
  return {
    title: '2026年度民主生活会征求意见表',
    anonymous: true,
    questions: [
      { kind: 'rating', prompt: '您对领导班子的总体评价（1–5 分）' },
      { kind: 'single', prompt: '班子作风建设情况', options: ['好', '较好', '一般', '较差'] },
      { kind: 'multi', prompt: '您认为最需要改进的方面（可多选）', options: ['调查研究', '联系群众', '会风文风', '干部培养'] },
      { kind: 'text', prompt: `在“${aspect}”方面，您对班子有何意见建议？`, aspect },
      { kind: 'text', prompt: '其他意见建议', required: false },
    ],
    ...overrides,
  };
}

/** A complete, valid set of answers to `surveyBody`'s questions. */
export function fullAnswers(overrides: Record<number, unknown> = {}) {
  const values: Record<number, unknown> = { 0: 4, 1: '较好', 2: ['调查研究', '会风文风'], 3: '调研多集中在机关，下基层次数偏少。', ...overrides };
  return { answers: Object.entries(values).filter(([, value]) => value !== undefined).map(([index, value]) => ({ questionIndex: Number(index), value })) };
}

export async function createSurvey(t: TestApp, organiser: TestUser, meetingId: string, body: Record<string, unknown>): Promise<SurveyView> {
  const response = await t.http.post(`/api/v1/meetings/${meetingId}/surveys`).set(organiser.auth).send(body);
  if (response.status !== 201) throw new Error(`creating a survey failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function issueTokens(t: TestApp, organiser: TestUser, surveyId: string, count: number, departmentId?: string): Promise<string[]> {
  const response = await t.http.post(`/api/v1/surveys/${surveyId}/tokens`).set(organiser.auth).send({ count, ...(departmentId ? { departmentId } : {}) });
  if (response.status !== 201) throw new Error(`issuing tokens failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.tokens;
}

/** Answers through the API; any other answer than 201 throws with the body. */
export async function answer(t: TestApp, token: string, body: object = fullAnswers()): Promise<void> {
  const response = await t.http.post(`/api/v1/public/surveys/${token}/responses`).send(body);
  if (response.status !== 201) throw new Error(`answering a survey failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/** What one survey has stored: its answers and the opinions its text answers became. */
export async function storedForSurvey(t: TestApp, surveyId: string) {
  return {
    responses: await t.dataSource.getRepository(SurveyResponse).find({ where: { surveyId } }),
    opinions: await t.dataSource.getRepository(RawOpinion).find({ where: { sourceId: surveyId, channel: 'survey' } }),
  };
}
