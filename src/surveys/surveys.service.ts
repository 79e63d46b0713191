import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { randomBase32 } from '../common/random-code';
import { findOwned } from '../common/tenancy';
import { AppConfig } from '../config/app-config';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { chosenAspect } from '../opinions/opinion-rules';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateSurveyDto, SurveyQuestionDto } from './dto/create-survey.dto';
import { IssueTokensDto } from './dto/issue-tokens.dto';
import { SurveyDirectory } from './survey-directory';
import { SurveyQuestion } from './survey-questions';
import { DEPARTMENT_RELEASE_THRESHOLD, releasableGroups, responseRate, tallyQuestions } from './survey-results';
import { SurveyResponse } from './survey-response.entity';
import { SURVEY_TOKEN_LENGTH, SurveyToken } from './survey-token.entity';
import { Survey } from './survey.entity';
import { IssuedTokens, isSurveyOpen, SurveyResults, surveyUrl, SurveyView, toSurveyView } from './survey.views';
import { surveyTemplate } from './survey-template';

const UNASSIGNED_DEPARTMENT = '未指定部门';
/** The questions are stored as JSON in a TEXT column (64 KB on MySQL): 15,000 characters fit even at 4 bytes each. */
const MAX_QUESTIONS_JSON_LENGTH = 15_000;

/** The organiser's side of the surveys (征求意见表): build, open and close, issue tokens, read results. */
@Injectable()
export class SurveysService {
  constructor(
    @InjectRepository(Survey) private readonly surveys: Repository<Survey>,
    @InjectRepository(SurveyToken) private readonly tokens: Repository<SurveyToken>,
    @InjectRepository(SurveyResponse) private readonly responses: Repository<SurveyResponse>,
    private readonly meetings: MeetingsService,
    private readonly organizations: OrganizationsService,
    private readonly directory: SurveyDirectory,
    private readonly keys: AnonymityKeys,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The ready-made form for the meeting's aspects, for a client to show or edit before creating it. */
  async template(actor: Actor, meetingId: string): Promise<CreateSurveyDto> {
    return surveyTemplate(await this.meetings.getMeeting(actor, meetingId));
  }

  async createSurvey(actor: Actor, meetingId: string, dto: CreateSurveyDto): Promise<SurveyView> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const survey: Survey = {
      id: newId(),
      organizationId: actor.organizationId,
      meetingId: meeting.id,
      title: dto.title,
      anonymous: dto.anonymous ?? true,
      questions: dto.questions.map((question, index) => toQuestion(meeting, question, index)),
      closedAt: null,
      createdBy: actor.userId,
      createdAt: this.clock.nowToSecond(),
    };
    if (JSON.stringify(survey.questions).length > MAX_QUESTIONS_JSON_LENGTH) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '问卷内容过长：请减少题目或选项的数量、缩短题目文字', [{ field: 'questions', message: '题目和选项合计过长' }]);
    }
    await this.surveys.insert(survey);
    return toSurveyView(survey, isSurveyOpen(survey, meeting.phase), { tokensIssued: 0, responses: 0 });
  }

  /** One click: the template, created as it is. */
  async createFromTemplate(actor: Actor, meetingId: string): Promise<SurveyView> {
    return this.createSurvey(actor, meetingId, await this.template(actor, meetingId));
  }

  async listSurveys(actor: Actor, meetingId: string): Promise<SurveyView[]> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const surveys = await this.surveys.find({ where: { meetingId: meeting.id, organizationId: actor.organizationId }, order: { createdAt: 'ASC' } });
    return Promise.all(surveys.map((survey) => this.describe(survey, meeting)));
  }

  async getSurvey(actor: Actor, id: string): Promise<SurveyView> {
    const { survey, meeting } = await this.findSurvey(actor, id);
    return this.describe(survey, meeting);
  }

  /** Stops taking answers; closing a closed survey changes nothing. */
  async closeSurvey(actor: Actor, id: string): Promise<SurveyView> {
    const { survey, meeting } = await this.findSurvey(actor, id);
    if (!survey.closedAt) await this.setClosedAt(survey, this.clock.nowToSecond());
    return this.describe(survey, meeting);
  }

  /** Takes answers again, until the meeting is held (409 after). */
  async reopenSurvey(actor: Actor, id: string): Promise<SurveyView> {
    const { survey, meeting } = await this.findSurvey(actor, id);
    if (!isSurveyOpen({ closedAt: null }, meeting.phase)) {
      throw AppError.conflict(ErrorCode.SurveyClosed, '会议已经召开，征求意见表不能再打开');
    }
    if (survey.closedAt) await this.setClosedAt(survey, null);
    return this.describe(survey, meeting);
  }

  /**
   * Issues `count` one-time tokens, optionally for a department. Each is 100 random bits and
   * only its keyed hash is kept: the tokens in the answer are the only copy there will ever be.
   */
  async issueTokens(actor: Actor, id: string, dto: IssueTokensDto): Promise<IssuedTokens & { departmentName: string | null; surveyTitle: string }> {
    const { survey, meeting } = await this.findSurvey(actor, id);
    if (!isSurveyOpen(survey, meeting.phase)) throw AppError.conflict(ErrorCode.SurveyClosed, '征求意见表已经关闭，不能再发放填写码');
    const department = dto.departmentId ? (await this.organizations.requireDepartments(actor, [dto.departmentId]))[0] : null;
    const tokens = Array.from({ length: dto.count }, () => randomBase32(SURVEY_TOKEN_LENGTH).toLowerCase());
    const rows: SurveyToken[] = tokens.map((token) => ({
      id: newId(),
      organizationId: actor.organizationId,
      surveyId: survey.id,
      tokenHash: this.keys.surveyTokenHash(token),
      departmentId: department?.id ?? null,
      used: false,
    }));
    await this.tokens.manager.transaction(async (manager) => {
      for (let start = 0; start < rows.length; start += 200) await manager.insert(SurveyToken, rows.slice(start, start + 200));
    });
    return {
      surveyId: survey.id,
      surveyTitle: survey.title,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? null,
      tokens,
      urls: tokens.map((token) => surveyUrl(this.config.publicBaseUrl, token)),
    };
  }

  /**
   * Counts per question, overall and for each department whose figures may be shown on their
   * own (see releasableGroups). Text answers are counted here and read in the opinion list.
   */
  async results(actor: Actor, id: string): Promise<SurveyResults> {
    const { survey, meeting } = await this.findSurvey(actor, id);
    const issued = await this.issuedByDepartment(survey.id);
    // Released answers only: an anonymous survey's held answers are in no count or rate until their batch goes out.
    const responses = await this.responses.find({ where: { surveyId: survey.id, held: false }, select: { departmentId: true, answers: true } });

    const answeredBy = new Map<string | null, SurveyResponse[]>();
    for (const response of responses) answeredBy.set(response.departmentId, [...(answeredBy.get(response.departmentId) ?? []), response]);
    const groupKeys = [...new Set([...issued.keys(), ...answeredBy.keys()])];
    const shown = releasableGroups(groupKeys.map((key) => ({ key, count: answeredBy.get(key)?.length ?? 0 })));
    const names = new Map((await this.organizations.findDepartments(actor, groupKeys.filter((key): key is string => key !== null))).map((department) => [department.id, department.name]));

    const departments = groupKeys.map((key) => {
      const tokensIssued = issued.get(key) ?? 0;
      const answers = answeredBy.get(key) ?? [];
      const visible = shown.has(key);
      return {
        departmentId: key,
        name: key === null ? UNASSIGNED_DEPARTMENT : names.get(key) ?? '（已删除的部门）',
        tokensIssued,
        responses: visible ? answers.length : null,
        responseRate: visible ? responseRate(answers.length, tokensIssued) : null,
        questions: visible ? tallyQuestions(survey.questions, answers.map((response) => response.answers)) : null,
      };
    });
    departments.sort((a, b) => (a.departmentId === null ? 1 : b.departmentId === null ? -1 : a.name.localeCompare(b.name, 'zh-CN')));
    const withheld = departments.filter((department) => department.responses === null);
    const tokensIssued = [...issued.values()].reduce((sum, count) => sum + count, 0);
    return {
      surveyId: survey.id,
      title: survey.title,
      anonymous: survey.anonymous,
      open: isSurveyOpen(survey, meeting.phase),
      tokensIssued,
      responses: responses.length,
      responseRate: responseRate(responses.length, tokensIssued),
      questions: tallyQuestions(survey.questions, responses.map((response) => response.answers)),
      departmentThreshold: DEPARTMENT_RELEASE_THRESHOLD,
      departments,
      withheld: { departments: withheld.length, responses: withheld.reduce((sum, department) => sum + (answeredBy.get(department.departmentId)?.length ?? 0), 0) },
    };
  }

  private async issuedByDepartment(surveyId: string): Promise<Map<string | null, number>> {
    const rows: Array<{ departmentId: string | null; issued: string | number }> = await this.tokens
      .createQueryBuilder('token')
      .select('token.departmentId', 'departmentId')
      .addSelect('COUNT(*)', 'issued')
      .where('token.surveyId = :surveyId', { surveyId })
      .groupBy('token.departmentId')
      .getRawMany();
    return new Map(rows.map((row) => [row.departmentId, Number(row.issued)]));
  }

  private async setClosedAt(survey: Survey, closedAt: Date | null): Promise<void> {
    survey.closedAt = closedAt;
    await this.surveys.update({ id: survey.id }, { closedAt });
    await this.directory.forget(survey.id);
  }

  private async findSurvey(actor: Actor, id: string): Promise<{ survey: Survey; meeting: Meeting }> {
    const survey = await findOwned(this.surveys, actor, id, '征求意见表');
    const meeting = await this.meetings.getMeeting(actor, survey.meetingId);
    return { survey, meeting };
  }

  private async describe(survey: Survey, meeting: Meeting): Promise<SurveyView> {
    const [tokensIssued, responses] = await Promise.all([this.tokens.count({ where: { surveyId: survey.id } }), this.responses.count({ where: { surveyId: survey.id, held: false } })]);
    return toSurveyView(survey, isSurveyOpen(survey, meeting.phase), { tokensIssued, responses });
  }
}

/** A question as stored, once its shape is checked: options only for choices, an aspect only for text. */
function toQuestion(meeting: Meeting, dto: SurveyQuestionDto, index: number): SurveyQuestion {
  const field = (name: string) => `questions.${index}.${name}`;
  const refuse = (name: string, message: string) => {
    throw AppError.badRequest(ErrorCode.ValidationFailed, `第 ${index + 1} 题：${message}`, [{ field: field(name), message }]);
  };
  const choice = dto.kind === 'single' || dto.kind === 'multi';
  let options: string[] | null = null;
  if (choice) {
    if (!dto.options) refuse('options', '选择题需要至少 2 个选项');
    options = dto.options!.map((option) => option.trim());
    if (options.some((option) => option === '')) refuse('options', '选项不能为空');
    if (new Set(options).size !== options.length) refuse('options', '选项不能重复');
  } else if (dto.options !== undefined) {
    refuse('options', '只有选择题（single、multi）可以设置选项');
  }
  if (dto.aspect !== undefined && dto.kind !== 'text') refuse('aspect', '只有文字题（text）可以对应对照检查的方面');
  return {
    kind: dto.kind,
    prompt: dto.prompt,
    aspect: chosenAspect({ aspects: meeting.aspects, memberIds: [] }, dto.aspect, field('aspect')),
    options,
    required: dto.required ?? true,
  };
}
