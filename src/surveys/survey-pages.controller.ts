import { Body, Controller, Get, Header, HttpCode, HttpStatus, Ip, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppError, ErrorCode } from '../common/app-error';
import { AnonymousPages } from '../common/decorators';
import { PublicReadLimit } from '../rate-limit/public-limits';
import { isOutageAnswer } from '../database/outage';
import { OnRefusal, RecentlyShown, RefusalAnswer, RefusedRequest } from '../web/form-refusal';
import { formFields } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { GivenAnswer } from './survey-questions';
import { PublicSurveyView, SurveyResponsesService } from './survey-responses.service';
import { SurveySubmitLimits } from './survey-submit-limits';
import { renderSurveyAnswered, renderSurveyClosed, renderSurveyPage, SurveyFormValues } from './views/survey-page';

/**
 * 征求意见表 pages (`/s/:token`): the form and its answer on one address, so the token is only
 * ever in the link on the printed sheet. Same rules and limits as the API. An accepted answer
 * redirects back to the address (post/redirect/get): a reload then shows "已提交" and sends
 * nothing; the token's one answer is what makes sending twice impossible.
 */
@ApiExcludeController()
@AnonymousPages()
@Controller('s')
export class SurveyPagesController {
  /** The surveys shown lately, by token, to draw a refused form again while the database is down. */
  private readonly shown = new RecentlyShown<PublicSurveyView>();

  constructor(
    private readonly responses: SurveyResponsesService,
    private readonly limits: SurveySubmitLimits,
  ) {}

  /** `sent`: set by the redirect after an accepted answer, so the page says thanks rather than "already". */
  @Get(':token')
  @PublicReadLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  // An answered token is a normal state of the link, not an error.
  @OnRefusal((error, { query }) => (error.code === ErrorCode.TokenUsed ? { status: HttpStatus.OK, page: renderSurveyAnswered(query.sent !== undefined) } : undefined))
  async form(@Param('token') token: string): Promise<string> {
    return renderSurveyPage(this.shown.remember(token, await this.responses.describe(token)));
  }

  /**
   * Any refusal (400 a wrong answer, 409 closed, 429 too many) comes back with everything typed
   * and ticked kept and what to do about it; a used token (410) as the "已提交" page.
   */
  @Post(':token')
  @HttpCode(200)
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  @OnRefusal((error, sent, pages: SurveyPagesController) => pages.refused(error, sent), { outages: true })
  async submit(@Param('token') token: string, @Body() body: unknown, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const survey = this.shown.remember(token, await this.responses.describe(token));
    await this.limits.submit(token, { answers: answersFrom(formValues(body, survey), survey) }, address);
    reply.status(303).redirect(`/s/${encodeURIComponent(token)}?sent=1`);
  }

  /**
   * A used token (410) gets the "已提交" page; a wrong answer, too many answers or a closed survey
   * the form again, with what was typed and ticked. The survey is read first, as the send did:
   * another refusal of that reading (an unknown token) stays the error page.
   */
  async refused(error: AppError, { params, body }: RefusedRequest): Promise<RefusalAnswer | undefined> {
    if (error.code === ErrorCode.TokenUsed) return renderSurveyAnswered(false);
    if (isOutageAnswer(error)) return this.refusedDuringOutage(error, params.token, body);
    if (![ErrorCode.ValidationFailed, ErrorCode.RateLimited, ErrorCode.SurveyClosed].includes(error.code as ErrorCode)) return undefined;
    const survey = await this.responses.describe(params.token);
    const values = formValues(body, survey);
    if (error.code === ErrorCode.ValidationFailed) return renderSurveyPage(survey, values, problemsOf(error));
    if (error.code === ErrorCode.RateLimited) return renderSurveyPage(survey, values, undefined, `${error.message}。您填写的内容都已保留在下面，到时直接点“提交”即可。`);
    return renderSurveyClosed(survey, values);
  }

  /**
   * Database or Redis down (503: nothing stored; 504: not known): the form again with everything
   * typed and ticked, drawn from the survey if it can be read, else as this process showed it last
   * (else the error page). Sending it again is safe: the token takes one answer.
   */
  private async refusedDuringOutage(error: AppError, token: string, body: unknown): Promise<RefusalAnswer | undefined> {
    let survey: PublicSurveyView | undefined;
    try {
      survey = this.shown.remember(token, await this.responses.describe(token));
    } catch (readError) {
      // Back by now, and the answer had been stored after all.
      if (readError instanceof AppError && readError.code === ErrorCode.TokenUsed) return { status: HttpStatus.OK, page: renderSurveyAnswered(false) };
      survey = this.shown.recall(token);
    }
    if (!survey) return undefined;
    const message =
      error.code === ErrorCode.OutcomeUnknown
        ? '系统没有及时确认您的回答是否已经保存。您填写的内容都已保留在下面，请稍后再点一次“提交”：如果刚才已经保存，会提示已经提交过，不会重复保存。'
        : '系统暂时不可用，您的回答没有保存。您填写的内容都已保留在下面，请稍后再点“提交”。';
    return renderSurveyPage({ ...survey, open: true }, formValues(body, survey), undefined, message);
  }
}

/** Each wrong answer's message, by question, worded for the page beside the question. */
function problemsOf(error: AppError): Map<number, string> {
  const problems = new Map<number, string>();
  for (const detail of error.details ?? []) {
    const index = Number(detail.questionIndex);
    if (!problems.has(index)) problems.set(index, String(detail.message).replace(/^第 \d+ 题：/, '').replace(/^第 \d+ 题/, '此题'));
  }
  return problems;
}

/** The form's fields `q0`, `q1` …, as sent: a text, a choice, or the ticked boxes. */
function formValues(body: unknown, survey: PublicSurveyView): SurveyFormValues {
  const form = formFields(body);
  const values: SurveyFormValues = {};
  for (const question of survey.questions) {
    const raw = form[`q${question.index}`];
    const given = [raw ?? []].flat().filter((one): one is string => typeof one === 'string');
    if (given.length === 0) continue;
    values[question.index] = question.kind === 'multi' ? given : given[0];
  }
  return values;
}

/** The answers the API would have been sent: choices and ratings as numbers, blanks left out. */
function answersFrom(values: SurveyFormValues, survey: PublicSurveyView): GivenAnswer[] {
  const asNumber = (value: string) => (/^\d{1,3}$/.test(value) ? Number(value) : value);
  return survey.questions.flatMap((question): GivenAnswer[] => {
    const value = values[question.index];
    if (value === undefined || value === '') return [];
    if (question.kind === 'text') return [{ questionIndex: question.index, value }];
    if (question.kind === 'multi') return [{ questionIndex: question.index, value: [value].flat().map(asNumber) }];
    return [{ questionIndex: question.index, value: asNumber([value].flat()[0]) }];
  });
}
