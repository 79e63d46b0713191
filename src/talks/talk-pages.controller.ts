import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { isCollectingOver } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { UsersService } from '../users/users.service';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { CorrectTalkDto, LogTalkDto, RequestCorrectionDto } from './dto/log-talk.dto';
import { TalksService } from './talks.service';
import { counterpartChoice, MyTalksMeeting, renderMyTalks, requiredRowsOf } from './views/my-talks-page';
import { CorrectTalkValues, LogTalkValues, renderCorrectTalk, renderLogTalk } from './views/talk-form-pages';

/**
 * Team members hold and log the talks; a department head with an account (often a staff
 * account, on no team) is the other side of some and confirms them here too.
 */
const ForParticipants = () => SignedInPage({ roles: [Role.Leader, Role.Staff], forbidden: '谈心谈话页面供班子成员和谈话对象使用', next: '/me/talks' });

const NOTICES: Record<string, string> = {
  logged: '谈话记录已保存，待对方确认。',
  recorded: '谈话记录已保存。',
  confirmed: '已确认谈话记录。',
  correction: '已向记录人提出更正，待其修改。',
  corrected: '谈话记录已修改，待对方再次确认。',
};

/**
 * 谈心谈话 (`/me/talks`): for each meeting whose team the person sits on, the talks they must
 * hold (必谈) and how far each is; the records they kept or that were kept of a talk with them,
 * whole, for them only (never the secretary's wider reading right, never an organiser); log a
 * talk, confirm one, ask for a correction, correct one's own.
 */
@ApiExcludeController()
@Controller('me/talks')
export class TalkPagesController {
  constructor(
    private readonly talks: TalksService,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ForParticipants()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async myTalks(@CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return renderMyTalks({ viewer, meetings: await this.meetingsOf(viewer.actor), notice: done ? NOTICES[done] : undefined });
  }

  @Get('new')
  @ForParticipants()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async newTalk(@CurrentViewer() viewer: Viewer, @Query('meeting', IdPipe) meetingId: string, @Query('with') counterpart?: string): Promise<string> {
    return renderLogTalk(await this.logFormOf(viewer, meetingId, { with: counterpart ?? '', heldOn: this.clock.today() }));
  }

  @Post('new')
  @ForParticipants()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: TalkPagesController) => pages.logRefused(error, refused))
  async log(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const meetingId = new IdPipe().transform(formText(form, 'meeting') ?? '');
    const values = logValues(form);
    const team = await this.meetings.getTeam(viewer.actor, meetingId);
    const dto = await validateInput(LogTalkDto, {
      ...counterpartOf(values),
      heldOn: values.heldOn,
      ...(values.place.trim() ? { place: values.place } : {}),
      summary: values.summary,
      ...opinionsOf(values, team.map((seat) => seat.userId)),
    }).catch(inWords);
    await this.talks.logTalk(viewer.actor, meetingId, dto);
    // Someone without an account has nobody to confirm the record.
    reply.status(303).redirect(`/me/talks?done=${dto.counterpartUserId ? 'logged' : 'recorded'}#meeting-${meetingId}`);
  }

  @Post(':id/confirm')
  @ForParticipants()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: TalkPagesController) => pages.listRefused(error, refused))
  async confirm(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.talks.confirm(viewer.actor, id);
    reply.status(303).redirect(`/me/talks?done=confirmed#talk-${id}`);
  }

  @Post(':id/request-correction')
  @ForParticipants()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: TalkPagesController) => pages.listRefused(error, refused))
  async requestCorrection(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const comment = formText(form, 'comment') ?? '';
    if (!comment.trim()) throw AppError.badRequest(ErrorCode.ValidationFailed, '请写明需要更正的地方');
    await this.talks.requestCorrection(viewer.actor, id, await validateInput(RequestCorrectionDto, { comment }).catch(inWords));
    reply.status(303).redirect(`/me/talks?done=correction#talk-${id}`);
  }

  @Get(':id/edit')
  @ForParticipants()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async editTalk(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    return renderCorrectTalk(await this.correctFormOf(viewer, id));
  }

  @Post(':id/edit')
  @ForParticipants()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: TalkPagesController) => pages.correctRefused(error, refused))
  async correct(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.ownRecord(viewer.actor, id);
    const values = correctValues(form);
    const dto = await validateInput(CorrectTalkDto, { heldOn: values.heldOn, place: values.place, summary: values.summary }).catch(inWords);
    await this.talks.correct(viewer.actor, id, dto);
    reply.status(303).redirect(`/me/talks?done=corrected#talk-${id}`);
  }

  /** The log form again with what was typed; a meeting that cannot be read goes to the error page. */
  async logRefused(error: AppError, refused: RefusedRequest): Promise<string | undefined> {
    const meetingId = formText(refused.body, 'meeting') ?? '';
    if (error.code === ErrorCode.NotFound) return undefined;
    const viewer = await this.viewerOf(refused.actor!);
    return renderLogTalk({ ...(await this.logFormOf(viewer, meetingId, logValues(refused.body))), problem: pageMessage(error) });
  }

  /** The list again, the refusal beside its talk with the reason typed. */
  async listRefused(error: AppError, refused: RefusedRequest): Promise<string | undefined> {
    if (error.code === ErrorCode.NotFound) return undefined;
    const viewer = await this.viewerOf(refused.actor!);
    const problem = { talkId: refused.params.id, message: pageMessage(error), comment: formText(refused.body, 'comment') };
    return renderMyTalks({ viewer, meetings: await this.meetingsOf(viewer.actor), problem });
  }

  async correctRefused(error: AppError, refused: RefusedRequest): Promise<string | undefined> {
    if (error.code === ErrorCode.NotFound) return undefined;
    const viewer = await this.viewerOf(refused.actor!);
    return renderCorrectTalk({ ...(await this.correctFormOf(viewer, refused.params.id)), values: correctValues(refused.body), problem: pageMessage(error) });
  }

  /**
   * The meetings of the person's page, current ones (not yet held) first: each meeting they sit
   * on, with their required talks; and each meeting of a talk they took part in.
   */
  private async meetingsOf(actor: Actor): Promise<MyTalksMeeting[]> {
    const [seated, participated] = await Promise.all([this.meetings.listMeetings(actor), this.talks.participantTalks(actor)]);
    const pages: MyTalksMeeting[] = [];
    for (const meeting of seated) {
      const scope = await this.meetings.scope(actor, meeting.id);
      if (!scope.onTeam) continue;
      const [required, team] = await Promise.all([this.talks.requiredTalks(actor, meeting.id), scope.team()]);
      const talks = participated.find((entry) => entry.meeting.id === meeting.id)?.talks ?? [];
      pages.push({ meeting, onTeam: true, required: requiredRowsOf(actor.userId, required, team, talks), talks });
    }
    for (const { meeting, talks } of participated) {
      if (!pages.some((entry) => entry.meeting.id === meeting.id)) pages.push({ meeting, onTeam: false, required: [], talks });
    }
    const later = (entry: MyTalksMeeting) => (isCollectingOver(entry.meeting.phase) ? 1 : 0);
    return pages.sort((a, b) => later(a) - later(b) || b.meeting.heldOn.localeCompare(a.meeting.heldOn));
  }

  /** What the log form offers: the meeting's required counterparts first, then the rest of the team. */
  private async logFormOf(viewer: Viewer, meetingId: string, values: Partial<LogTalkValues>) {
    const scope = await this.meetings.scope(viewer.actor, meetingId);
    if (!scope.onTeam) throw AppError.forbidden('只有本次会议的班子成员可以记录谈心谈话');
    const [required, team, participated] = await Promise.all([this.talks.requiredTalks(viewer.actor, meetingId), scope.team(), this.talks.participantTalks(viewer.actor)]);
    const talks = participated.find((entry) => entry.meeting.id === meetingId)?.talks ?? [];
    const rows = requiredRowsOf(viewer.userId, required, team, talks);
    const others = team.filter((seat) => seat.userId !== viewer.userId && !rows.some((row) => row.choice === counterpartChoice(seat.userId, null)));
    return {
      viewer,
      meeting: { id: scope.meeting.id, title: scope.meeting.title },
      today: this.clock.today(),
      required: rows,
      others: others.map((seat) => ({ choice: counterpartChoice(seat.userId, null), name: seat.displayName })),
      members: team.map((seat) => ({ userId: seat.userId, name: seat.userId === viewer.userId ? `${seat.displayName}（本人）` : seat.displayName })),
      values: { with: '', counterpartName: '', heldOn: '', place: '', summary: '', opinions: '', opinionsTarget: '', ...values },
    };
  }

  private async correctFormOf(viewer: Viewer, id: string) {
    const talk = await this.ownRecord(viewer.actor, id);
    return { viewer, talk, values: { heldOn: talk.heldOn, place: talk.place ?? '', summary: talk.summary } as CorrectTalkValues };
  }

  /** A record the person kept; anyone else's (even one the secretary may read) is not there for this page. */
  private async ownRecord(actor: Actor, id: string) {
    const talk = await this.talks.getTalk(actor, id);
    if (talk.loggedBy.userId !== actor.userId) throw AppError.notFound('谈话记录');
    return talk;
  }

  /** The refused request's person, as the page header names them. */
  private async viewerOf(actor: Actor): Promise<Viewer> {
    const [me] = await this.users.findUsers(actor, [actor.userId]);
    return { actor, userId: actor.userId, name: me?.displayName || actor.username, roles: actor.roles };
  }
}

function logValues(form: unknown): LogTalkValues {
  const text = (name: string) => formText(form, name) ?? '';
  return { with: text('with'), counterpartName: text('counterpartName'), heldOn: text('heldOn'), place: text('place'), summary: text('summary'), opinions: text('opinions'), opinionsTarget: text('opinionsTarget') };
}

function correctValues(form: unknown): CorrectTalkValues {
  const text = (name: string) => formText(form, name) ?? '';
  return { heldOn: text('heldOn'), place: text('place'), summary: text('summary') };
}

/** The other side: chosen from the list (an account or a head known by name), or a name typed in. */
function counterpartOf(values: LogTalkValues): { counterpartUserId?: string; counterpartName?: string } {
  const typed = values.counterpartName.trim();
  if (values.with && typed) throw AppError.badRequest(ErrorCode.ValidationFailed, '请在名单中选择谈话对象，或填写名单外谈话对象的姓名，二者选一');
  if (typed) return { counterpartName: typed };
  if (values.with.startsWith('user:')) return { counterpartUserId: values.with.slice('user:'.length) };
  if (values.with.startsWith('name:')) return { counterpartName: values.with.slice('name:'.length) };
  throw AppError.badRequest(ErrorCode.ValidationFailed, '请选择谈话对象');
}

/** One opinion a line, all about the team or the one member chosen. */
function opinionsOf(values: LogTalkValues, memberIds: string[]): { opinions?: Array<{ text: string; targetMemberId?: string }> } {
  const lines = values.opinions.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return {};
  const target = memberIds.includes(values.opinionsTarget) ? values.opinionsTarget : undefined;
  return { opinions: lines.map((text) => ({ text, ...(target ? { targetMemberId: target } : {}) })) };
}

const FIELD_NAMES: Array<[RegExp, string]> = [
  [/\bheldOn\b/g, '谈话日期'],
  [/\bplace\b/g, '谈话地点'],
  [/\bsummary\b/g, '谈话内容'],
  [/\bcomment\b/g, '更正理由'],
  [/\bcounterpartName\b/g, '谈话对象姓名'],
  [/\bcounterpartUserId\b/g, '谈话对象'],
  [/\bopinions\b/g, '意见'],
];

/** The DTO's refusal in the form's own words: its fields by their labels, an opinion by its line. */
function inWords(error: unknown): never {
  if (!(error instanceof AppError) || !error.details?.length) throw error;
  const said = error.details.map((detail) => {
    const line = /^opinions\.(\d+)\./.exec(detail.field ?? '');
    if (line) return `第 ${Number(line[1]) + 1} 条意见：${detail.message}`;
    return FIELD_NAMES.reduce((message, [field, name]) => message.replace(field, name), detail.message);
  });
  throw new AppError(error.code, error.status, said.join('；'), error.details);
}
