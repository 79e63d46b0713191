import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { AppError, ErrorCode } from '../common/app-error';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { MeetingsService } from '../meetings/meetings.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { OnRefusal } from '../web/form-refusal';
import { Viewer } from '../web/workbench';
import { CreateSurveyDto } from './dto/create-survey.dto';
import { IssueTokensDto } from './dto/issue-tokens.dto';
import { asQuestionInputs, problemsInWords, QuestionLine, readQuestionLines } from './question-lines';
import { SurveysService } from './surveys.service';
import { renderTokenSheetHtml, renderTokenSheetXlsx } from './token-sheets';
import { NewSurveyValues, renderSurveyList } from './views/survey-admin-list';
import { renderSurveyAdmin, SurveyAdminPage } from './views/survey-admin-survey';

const ForOrganisers = () => SignedInPage({ roles: [Role.Organiser], forbidden: '征求意见表的管理页面供组织者使用' });

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NOTICES: Record<string, string> = { create: '征求意见表已创建，可以发放填写码了。', close: '征求意见表已关闭。', open: '征求意见表已重新开放。' };

/** The forms' field names, as a person reads them in a refusal. */
const FIELD_WORDS: Array<[RegExp, string]> = [
  [/\bquestions\.(\d+)\.prompt\b/g, '题目'],
  [/\btitle\b/g, '标题'],
  [/\bcount\b/g, '数量'],
  [/\bdepartmentId\b/g, '部门'],
];

/**
 * The organiser's 征求意见表 pages: the meeting's surveys and creating one
 * (`/meetings/:id/surveys`), one survey with its 填写码 and results (`/surveys/:id`). The token
 * sheet and its xlsx are the answer to the issuing form itself: the tokens exist nowhere else.
 */
@ApiExcludeController()
@Controller()
export class SurveyAdminPagesController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly meetings: MeetingsService,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfig,
  ) {}

  @Get('meetings/:id/surveys')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async list(@Param('id', IdPipe) meetingId: string, @Query('done') done: string | undefined, @CurrentViewer() viewer: Viewer): Promise<string> {
    return this.listPage(viewer, meetingId, { notice: done ? NOTICES[done] : undefined });
  }

  @Post('meetings/:id/surveys/from-template')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async fromTemplate(@Param('id', IdPipe) meetingId: string, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const survey = await this.surveys.createFromTemplate(viewer.actor, meetingId);
    reply.status(303).redirect(`/surveys/${survey.id}?done=create`);
  }

  /**
   * The custom form: `step=preview` answers with the questions as they will be created (the form
   * kept); anything else creates the survey. Refusals name the line of the question box.
   */
  @Post('meetings/:id/surveys')
  @HttpCode(200)
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, { body, params, viewer }, pages: SurveyAdminPagesController) => pages.listPage(viewer!, params.id, { problem: inWords(error), values: newSurveyValues(body) }))
  async create(@Param('id', IdPipe) meetingId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    const values = newSurveyValues(form);
    const meeting = await this.meetings.getMeeting(viewer.actor, meetingId);
    const { questions, problems } = readQuestionLines(values.questions ?? '', meeting.aspects);
    if (problems.length) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, problemsInWords(problems), problems.map((problem) => ({ field: 'questions', message: problem.message })));
    }
    const dto = await validateInput(CreateSurveyDto, surveyInput(values, questions));
    if (formText(form, 'step') === 'preview') return this.listPage(viewer, meetingId, { preview: questions, values });
    const survey = await this.surveys.createSurvey(viewer.actor, meetingId, dto);
    reply.status(303).redirect(`/surveys/${survey.id}?done=create`);
  }

  @Get('surveys/:id')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async survey(@Param('id', IdPipe) id: string, @Query('done') done: string | undefined, @CurrentViewer() viewer: Viewer): Promise<string> {
    return this.surveyPage(viewer, id, { notice: done ? NOTICES[done] : undefined });
  }

  @Post('surveys/:id/close')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async close(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const survey = await this.surveys.closeSurvey(viewer.actor, id);
    reply.status(303).redirect(formText(form, 'back') === 'list' ? `/meetings/${survey.meetingId}/surveys?done=close` : `/surveys/${survey.id}?done=close`);
  }

  /** Open again: refused (409) once the meeting is held, said on the survey's page. */
  @Post('surveys/:id/open')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, { params, viewer }, pages: SurveyAdminPagesController) => pages.surveyPage(viewer!, params.id, { problem: pageMessage(error) }))
  async reopen(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { meetingId } = await this.surveys.reopenSurvey(viewer.actor, id);
    reply.status(303).redirect(formText(form, 'back') === 'list' ? `/meetings/${meetingId}/surveys?done=open` : `/surveys/${id}?done=open`);
  }

  /**
   * Issues 填写码 and answers with their sheet: the print page (`format=html`) or the workbook
   * (`format=xlsx`). Not a redirect: the tokens are in this answer and nowhere else.
   */
  @Post('surveys/:id/tokens')
  @HttpCode(200)
  @ForOrganisers()
  @OnRefusal((error, { body, params, viewer }, pages: SurveyAdminPagesController) => pages.surveyPage(viewer!, params.id, { problem: inWords(error), values: tokenValues(body) }))
  async issueTokens(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    const values = tokenValues(form);
    const count = values.count?.trim() ?? '';
    // HTML unless the workbook is asked for: the sheet, or the survey's page again on a refusal.
    reply.header('cache-control', 'no-store').header('content-type', HTML_CONTENT_TYPE);
    const dto = await validateInput(IssueTokensDto, { count: /^\d+$/.test(count) ? Number(count) : count, ...(values.departmentId ? { departmentId: values.departmentId } : {}) });
    const { surveyTitle, departmentName, ...issued } = await this.surveys.issueTokens(viewer.actor, id, dto);
    if (formText(form, 'format') === 'xlsx') {
      reply.header('content-type', XLSX_CONTENT_TYPE);
      reply.header('content-disposition', `attachment; filename="survey-tokens.xlsx"`);
      return renderTokenSheetXlsx({ ...issued, surveyTitle, departmentName });
    }
    return renderTokenSheetHtml({ ...issued, surveyTitle, departmentName }, { back: `/surveys/${id}`, localAddress: !this.config.publicBaseUrlGiven });
  }

  async listPage(viewer: Viewer, meetingId: string, extra: { notice?: string; problem?: string; values?: NewSurveyValues; preview?: QuestionLine[] }): Promise<string> {
    const meeting = await this.meetings.getMeeting(viewer.actor, meetingId);
    const surveys = await this.surveys.listSurveys(viewer.actor, meeting.id);
    return renderSurveyList({ viewer, meeting: { id: meeting.id, title: meeting.title }, surveys, aspects: meeting.aspects, ...extra });
  }

  async surveyPage(viewer: Viewer, id: string, extra: Pick<SurveyAdminPage, 'notice' | 'problem' | 'values'>): Promise<string> {
    const survey = await this.surveys.getSurvey(viewer.actor, id);
    const [meeting, results, departments] = await Promise.all([
      this.meetings.getMeeting(viewer.actor, survey.meetingId),
      this.surveys.results(viewer.actor, id),
      this.organizations.listDepartments(viewer.actor),
    ]);
    return renderSurveyAdmin({
      viewer,
      meeting: { id: meeting.id, title: meeting.title },
      survey,
      results,
      departments: departments.map((department) => ({ id: department.id, name: department.name })),
      ...extra,
    });
  }
}

/** The custom form as the API's DTO, its questions read from their lines (question-lines.ts). */
function surveyInput(values: NewSurveyValues, questions: readonly QuestionLine[]): Record<string, unknown> {
  return { title: values.title ?? '', anonymous: values.anonymous !== 'no', questions: asQuestionInputs(questions) };
}

/** The custom survey form as typed. */
function newSurveyValues(form: unknown): NewSurveyValues {
  return { title: formText(form, 'title'), anonymous: formText(form, 'anonymous'), questions: formText(form, 'questions') };
}

/** The token form as typed. */
function tokenValues(form: unknown): { count?: string; departmentId?: string } {
  return { count: formText(form, 'count'), departmentId: formText(form, 'departmentId') };
}

/** The refusal with the form's field names in Chinese (`questions.2.prompt` → 第 3 题). */
function inWords(error: AppError): string {
  return FIELD_WORDS.reduce(
    (message, [pattern, words]) => message.replace(pattern, (_match, group: unknown) => (typeof group === 'string' ? `第 ${Number(group) + 1} 道${words}` : words)),
    pageMessage(error),
  );
}
