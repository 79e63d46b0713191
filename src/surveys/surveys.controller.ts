import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { CreateSurveyDto } from './dto/create-survey.dto';
import { IssueTokensDto, TokenSheetQuery } from './dto/issue-tokens.dto';
import { IssuedTokens, SurveyResults, SurveyView } from './survey.views';
import { SurveysService } from './surveys.service';
import { renderTokenSheetHtml, renderTokenSheetXlsx } from './token-sheets';
import { ReachableBySupervisors } from '../common/supervised-units';

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('api/v1')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  /** The ready-made 征求意见表 for the meeting's aspects, to edit and send back as a new survey. */
  @Get('meetings/:id/surveys/template')
  @Roles(Role.Organiser)
  template(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<CreateSurveyDto> {
    return this.surveys.template(actor, meetingId);
  }

  /** Creates a survey (征求意见表); it takes answers at once. */
  @Post('meetings/:id/surveys')
  @Roles(Role.Organiser)
  create(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: CreateSurveyDto): Promise<SurveyView> {
    return this.surveys.createSurvey(actor, meetingId, dto);
  }

  /** Creates the ready-made survey in one step. */
  @Post('meetings/:id/surveys/from-template')
  @Roles(Role.Organiser)
  createFromTemplate(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<SurveyView> {
    return this.surveys.createFromTemplate(actor, meetingId);
  }

  /** The meeting's surveys with tokens issued and answers released. */
  @Get('meetings/:id/surveys')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<SurveyView[]> {
    return this.surveys.listSurveys(actor, meetingId);
  }

  /** One survey with its questions and counts. */
  @Get('surveys/:id')
  @Roles(Role.Organiser, Role.Supervisor)
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<SurveyView> {
    return this.surveys.getSurvey(actor, id);
  }

  /** Stops the survey taking answers. */
  @Post('surveys/:id/close')
  @HttpCode(200)
  @Roles(Role.Organiser)
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<SurveyView> {
    return this.surveys.closeSurvey(actor, id);
  }

  /** Takes answers again (409 once the meeting has been held). */
  @Post('surveys/:id/open')
  @HttpCode(200)
  @Roles(Role.Organiser)
  reopen(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<SurveyView> {
    return this.surveys.reopenSurvey(actor, id);
  }

  /**
   * Issues one-time tokens (填写码), shown this once: as JSON, as a print view of QR cards
   * (`?format=html`) or as a workbook with the QR codes (`?format=xlsx`).
   */
  @Post('surveys/:id/tokens')
  @Roles(Role.Organiser)
  @ApiProduces('application/json', 'text/html', XLSX_CONTENT_TYPE)
  @ApiExtraModels(IssuedTokens)
  @ApiCreatedResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(IssuedTokens) } },
      'text/html': { schema: { type: 'string' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async issueTokens(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Query() query: TokenSheetQuery,
    @Body() dto: IssueTokensDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IssuedTokens | string | Buffer> {
    const { surveyTitle, departmentName, ...issued } = await this.surveys.issueTokens(actor, id, dto);
    reply.header('cache-control', 'no-store');
    if (query.format === 'html') {
      reply.header('content-type', HTML_CONTENT_TYPE);
      return renderTokenSheetHtml({ ...issued, surveyTitle, departmentName });
    }
    if (query.format === 'xlsx') {
      reply.header('content-type', XLSX_CONTENT_TYPE);
      reply.header('content-disposition', `attachment; filename="survey-tokens.xlsx"`);
      return renderTokenSheetXlsx({ ...issued, surveyTitle, departmentName });
    }
    return issued;
  }

  /** Counts per question and response rates, per department only where enough answered. */
  @Get('surveys/:id/results')
  @Roles(Role.Organiser, Role.Supervisor)
  results(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<SurveyResults> {
    return this.surveys.results(actor, id);
  }
}
