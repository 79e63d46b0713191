import { applyDecorators, Body, Controller, Get, Header, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { asAttachment } from '../common/attachment';
import { validateInput } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { UsersService } from '../users/users.service';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { formFile } from '../web/multipart';
import { Viewer } from '../web/workbench';
import { CloseRectificationDto, CreateRectificationDto, ReportRectificationDto, ReturnRectificationDto, UpdateRectificationDto } from './dto/rectification.dto';
import { splitMeasures } from './rectification-mapping';
import { RectificationsService } from './rectifications.service';
import { EntryProblem } from './views/entry-parts';
import { EntryReader } from './views/entry-reader';
import { LEDGER_FILTERS, LedgerPage, renderLedger } from './views/ledger-page';
import { MyRectificationsPage, renderMyRectifications } from './views/my-rectifications-page';
import { ReachableBySupervisors } from '../common/supervised-units';


/** What each form's success says, by `?done=`. */
const NOTICES: Record<string, string> = {
  added: '已添加整改事项。',
  edited: '已保存修改。',
  closed: '已销号。',
  returned: '已退回责任人。',
  reported: '已报告完成，等待组织者或主要负责同志销号。',
};

const LEDGER_FORBIDDEN = '整改台账供组织者、督导组和主要负责同志查看；您负责的整改事项见“我的整改”';

/** A form of the ledger: a refusal is the ledger again, the message beside the entry (or form) and what was typed. */
const LedgerForm = (roles: Role[], form: EntryProblem['form']) =>
  applyDecorators(
    SignedInPage({ roles, forbidden: '整改台账由组织者管理，销号和退回也可由主要负责同志进行' }),
    Header('content-type', HTML_CONTENT_TYPE),
    OnRefusal((error, refused, pages: LedgerPagesController) => pages.withProblem(error, refused, form)),
  );

/** A form of 我的整改 (team members): a refusal is the page again, the message beside the entry. */
const MyForm = (form: EntryProblem['form']) =>
  applyDecorators(
    SignedInPage({ roles: [Role.Leader], forbidden: '我的整改页面供班子成员使用', next: '/me/rectifications' }),
    Header('content-type', HTML_CONTENT_TYPE),
    OnRefusal((error, refused, pages: MyRectificationsPagesController) => pages.withProblem(error, refused, form)),
  );

/** The fields of the add and edit forms, as typed. */
function typedEntry(form: unknown): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const name of ['problem', 'measures', 'ownerUserId', 'dueDate', 'note', 'reason', 'evidence']) {
    const value = formText(form, name);
    if (value !== undefined) typed[name] = value;
  }
  return typed;
}

/**
 * The add and edit forms' fields as the API takes them: measures one per line (list numbers
 * dropped), and a message of the page's own for what the form leaves empty. The DTO checks the rest.
 */
function entryFields(form: unknown): Pick<CreateRectificationDto, 'problem' | 'measures' | 'ownerUserId' | 'dueDate'> {
  const measures = formText(form, 'measures') ?? '';
  if (!measures.trim()) throw AppError.badRequest(ErrorCode.ValidationFailed, '请至少填写一条整改措施（每行一条）', [{ field: 'measures', message: '请填写' }]);
  const ownerUserId = formText(form, 'ownerUserId');
  if (!ownerUserId) throw AppError.badRequest(ErrorCode.ValidationFailed, '请选择责任人', [{ field: 'ownerUserId', message: '请选择' }]);
  const dueDate = formText(form, 'dueDate');
  if (!dueDate) throw AppError.badRequest(ErrorCode.ValidationFailed, '请填写完成时限', [{ field: 'dueDate', message: '请填写' }]);
  return { problem: formText(form, 'problem') ?? '', measures: splitMeasures(measures), ownerUserId, dueDate };
}

/**
 * 整改台账 (`/meetings/:id/rectifications`): the organiser's ledger (the 督导组 read it; the
 * meeting's secretary closes and returns there too). Every form posts and comes back (303) to the
 * ledger at its entry; a refusal is the ledger again with the message and what was typed.
 */
@ApiExcludeController()
@Controller('meetings/:id/rectifications')
export class LedgerPagesController {
  private readonly reader: EntryReader;

  constructor(
    private readonly rectifications: RectificationsService,
    private readonly meetings: MeetingsService,
    users: UsersService,
    clock: Clock,
  ) {
    this.reader = new EntryReader(users, clock);
  }

  @Get()
  @ReachableBySupervisors()
  @SignedInPage({ roles: [Role.Organiser, Role.Supervisor, Role.Leader], forbidden: LEDGER_FORBIDDEN })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async ledger(@Param('id', IdPipe) meetingId: string, @CurrentViewer() viewer: Viewer, @Query() query: Record<string, string | undefined>): Promise<string> {
    const created = Number(query.created);
    const notice = query.done === 'generated' ? `已从已答复的认领生成整改事项：新增 ${Number.isInteger(created) && created >= 0 ? created : 0} 条。` : query.done ? NOTICES[query.done] : undefined;
    const status = LEDGER_FILTERS.find((filter) => filter === query.status);
    return renderLedger(await this.ledgerOf(viewer, meetingId, { filter: { status, owner: query.owner || undefined }, notice }));
  }

  /** 从已答复的认领生成: idempotent (a second run adds nothing), the count said on the ledger. */
  @Post('from-claims')
  @LedgerForm([Role.Organiser], 'generate')
  async fromClaims(@Param('id', IdPipe) meetingId: string, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { created } = await this.rectifications.entriesFromClaims(viewer.actor, meetingId);
    reply.status(303).redirect(`/meetings/${meetingId}/rectifications?done=generated&created=${created}`);
  }

  @Post()
  @LedgerForm([Role.Organiser], 'add')
  async add(@Param('id', IdPipe) meetingId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const entry = await this.rectifications.createEntry(viewer.actor, meetingId, await validateInput(CreateRectificationDto, entryFields(form)));
    reply.status(303).redirect(`/meetings/${meetingId}/rectifications?done=added#entry-${entry.id}`);
  }

  @Post(':entryId/edit')
  @LedgerForm([Role.Organiser], 'edit')
  async edit(@Param('entryId', IdPipe) entryId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const entry = await this.rectifications.updateEntry(viewer.actor, entryId, await validateInput(UpdateRectificationDto, entryFields(form)));
    reply.status(303).redirect(`/meetings/${entry.meetingId}/rectifications?done=edited#entry-${entryId}`);
  }

  /** 销号 (organiser or the meeting's secretary, never the owner: the service refuses with OWN_ENTRY). */
  @Post(':entryId/close')
  @LedgerForm([Role.Organiser, Role.Leader], 'close')
  async close(@Param('entryId', IdPipe) entryId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const entry = await this.rectifications.closeEntry(viewer.actor, entryId, await validateInput(CloseRectificationDto, { note: formText(form, 'note') ?? '' }));
    reply.status(303).redirect(`/meetings/${entry.meetingId}/rectifications?done=closed#entry-${entryId}`);
  }

  @Post(':entryId/return')
  @LedgerForm([Role.Organiser, Role.Leader], 'return')
  async sendBack(@Param('entryId', IdPipe) entryId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const entry = await this.rectifications.returnEntry(viewer.actor, entryId, await validateInput(ReturnRectificationDto, { reason: formText(form, 'reason') ?? '' }));
    reply.status(303).redirect(`/meetings/${entry.meetingId}/rectifications?done=returned#entry-${entryId}`);
  }

  /** The ledger again with the refusal; a ledger the person may not read (or an unknown one) is the error page. */
  async withProblem(error: AppError, { params, body, viewer }: RefusedRequest, form: EntryProblem['form']): Promise<string | undefined> {
    if (error.code === ErrorCode.NotFound || !viewer) return undefined;
    const entryId = form === 'add' ? 'new' : form === 'generate' ? 'generate' : params.entryId;
    const problem: EntryProblem = { entryId, form, message: pageMessage(error), typed: typedEntry(body) };
    const page = await this.ledgerOf(viewer, params.id, { filter: {}, problem }).catch(() => null);
    return page ? renderLedger(page) : undefined;
  }

  private async ledgerOf(viewer: Viewer, meetingId: string, extra: Pick<LedgerPage, 'filter' | 'notice' | 'problem'>): Promise<LedgerPage> {
    const { actor } = viewer;
    const scope = await this.meetings.scope(actor, meetingId);
    const manages = hasRole(actor, Role.Organiser);
    if (!manages && !hasRole(actor, Role.Supervisor) && !scope.isSecretary) throw AppError.forbidden(LEDGER_FORBIDDEN);
    const team = (await scope.team()).map((member) => ({ userId: member.userId, name: member.displayName }));
    const entries = await this.reader.read(actor, await this.rectifications.listEntries(actor, meetingId), team);
    const meeting = scope.meeting;
    return {
      viewer,
      meeting: { id: meeting.id, title: meeting.title, year: meeting.year },
      entries,
      team,
      manages,
      reviews: manages || scope.isSecretary,
      carryOver: await this.carryOverOf(actor, meeting),
      ...extra,
    };
  }

  /** 上一年度整改落实情况, when the meeting names a previous one. */
  private async carryOverOf(actor: Actor, meeting: Meeting): Promise<LedgerPage['carryOver']> {
    return meeting.previousMeetingId ? this.rectifications.carryOver(actor, meeting.id) : null;
  }
}

/**
 * 我的整改 (`/me/rectifications`): a team member's entries across meetings, reported done with
 * evidence (a file goes up as a multipart form); for the meeting's secretary, 待我销号. The
 * evidence files come down here too, for whoever may read the entry (the service says who).
 */
@ApiExcludeController()
@Controller('me/rectifications')
export class MyRectificationsPagesController {
  private readonly reader: EntryReader;

  constructor(
    private readonly rectifications: RectificationsService,
    private readonly meetings: MeetingsService,
    private readonly config: AppConfig,
    users: UsersService,
    clock: Clock,
  ) {
    this.reader = new EntryReader(users, clock);
  }

  @Get()
  @SignedInPage({ roles: [Role.Leader], forbidden: '我的整改页面供班子成员使用', next: '/me/rectifications' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async mine(@CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return renderMyRectifications(await this.pageOf(viewer, { notice: done ? NOTICES[done] : undefined }));
  }

  /** 报告完成: the note, the evidence as text and, if chosen, a file (its type read from its content by the service). */
  @Post(':id/report')
  @MyForm('report')
  async report(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const evidence = formText(form, 'evidence')?.trim();
    const dto = await validateInput(ReportRectificationDto, { note: formText(form, 'note') ?? '', ...(evidence ? { evidence } : {}) });
    const chosen = formFile(form, 'file');
    const file = chosen && chosen.data.length > 0 ? { content: chosen.data, name: chosen.filename } : undefined;
    await this.rectifications.reportEntry(viewer.actor, id, dto, file);
    reply.status(303).redirect(`/me/rectifications?done=reported#entry-${id}`);
  }

  /** The secretary's 销号 of a team member's entry (their own is refused: OWN_ENTRY). */
  @Post(':id/close')
  @MyForm('close')
  async close(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.rectifications.closeEntry(viewer.actor, id, await validateInput(CloseRectificationDto, { note: formText(form, 'note') ?? '' }));
    reply.status(303).redirect('/me/rectifications?done=closed#to-close');
  }

  @Post(':id/return')
  @MyForm('return')
  async sendBack(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.rectifications.returnEntry(viewer.actor, id, await validateInput(ReturnRectificationDto, { reason: formText(form, 'reason') ?? '' }));
    reply.status(303).redirect('/me/rectifications?done=returned#to-close');
  }

  /** An evidence file, with the page cookie: for the owner, the organiser, the 督导组 and the secretary (the service says who). */
  @Get(':id/evidence/:eventId')
  @SignedInPage({ roles: [Role.Organiser, Role.Supervisor, Role.Leader], forbidden: '佐证材料供整改台账的读者查看' })
  @Header('cache-control', 'no-store')
  async evidence(@Param('id', IdPipe) id: string, @Param('eventId', IdPipe) eventId: string, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return asAttachment(reply, await this.rectifications.evidenceFile(viewer.actor, id, eventId));
  }

  /** The page again with the refusal beside its entry and what was typed; an entry that cannot be read is the error page. */
  async withProblem(error: AppError, { params, body, viewer }: RefusedRequest, form: EntryProblem['form']): Promise<string | undefined> {
    if (error.code === ErrorCode.NotFound || !viewer) return undefined;
    const typed = typedEntry(body);
    return renderMyRectifications(await this.pageOf(viewer, { problem: { entryId: params.id, form, message: pageMessage(error), typed } }));
  }

  private async pageOf(viewer: Viewer, extra: Pick<MyRectificationsPage, 'notice' | 'problem'>): Promise<MyRectificationsPage> {
    const { actor } = viewer;
    const [mine, toClose, secretaryOf, meetings] = await Promise.all([
      this.rectifications.entriesOwnedBy(actor),
      this.rectifications.awaitingReviewBy(actor),
      this.meetings.meetingsWhereSecretary(actor),
      this.meetings.listMeetings(actor),
    ]);
    return {
      viewer,
      mine: await this.reader.read(actor, mine),
      toClose: await this.reader.read(actor, toClose),
      ledgers: meetings.filter((meeting) => secretaryOf.includes(meeting.id)).map((meeting) => ({ id: meeting.id, title: meeting.title })),
      maxBytes: this.config.uploads.maxBytes,
      ...extra,
    };
  }
}
