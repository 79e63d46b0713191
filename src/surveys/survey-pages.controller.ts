import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppError, ErrorCode } from '../common/app-error';
import { Public } from '../common/decorators';
import { PublicReadLimit, SurveySubmitLimit } from '../rate-limit/public-limits';
import { formFields } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { GivenAnswer } from './survey-questions';
import { PublicSurveyView, SurveyResponsesService } from './survey-responses.service';
import { renderSurveyClosed, renderSurveyPage, renderSurveyThanks, renderTokenUsed, SurveyFormValues } from './views/survey-page';

/**
 * 征求意见表 pages (`/s/:token`): the form and its answer on one address, so the token is only
 * ever in the link on the printed sheet. Same rules and limits as the API.
 */
@ApiExcludeController()
@Public()
@Controller('s')
export class SurveyPagesController {
  constructor(private readonly responses: SurveyResponsesService) {}

  @Get(':token')
  @PublicReadLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async form(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    try {
      return renderSurveyPage(await this.responses.describe(token));
    } catch (error) {
      return refusalPage(error, reply);
    }
  }

  @Post(':token')
  @HttpCode(200)
  @SurveySubmitLimit()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async submit(@Param('token') token: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    let survey: PublicSurveyView;
    try {
      survey = await this.responses.describe(token);
    } catch (error) {
      return refusalPage(error, reply);
    }
    const values = formValues(body, survey);
    try {
      await this.responses.submit(token, { answers: answersFrom(values, survey) });
      return renderSurveyThanks(survey);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.ValidationFailed) {
        reply.status(error.status);
        const problems = new Map<number, string>();
        for (const detail of error.details ?? []) {
          const index = Number(detail.questionIndex);
          if (!problems.has(index)) problems.set(index, String(detail.message).replace(/^第 \d+ 题：/, '').replace(/^第 \d+ 题/, '此题'));
        }
        return renderSurveyPage(survey, values, problems);
      }
      return refusalPage(error, reply, survey.title);
    }
  }
}

/** Used or closed get their own page; anything else goes to the error page. */
function refusalPage(error: unknown, reply: FastifyReply, title = '征求意见表'): string {
  if (!(error instanceof AppError)) throw error;
  if (error.code === ErrorCode.TokenUsed) {
    reply.status(error.status);
    return renderTokenUsed();
  }
  if (error.code === ErrorCode.SurveyClosed) {
    reply.status(error.status);
    return renderSurveyClosed(title);
  }
  throw error;
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
