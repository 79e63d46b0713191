import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not, Repository } from 'typeorm';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { chineseNumeral } from '../common/chinese-numbers';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { findOwned } from '../common/tenancy';
import { StoredFile } from '../common/file-store';
import { isUniqueViolation } from '../database/unique-violation';
import { ClaimsService } from '../items/claims.service';
import { ItemsService } from '../items/items.service';
import { MeetingScope } from '../meetings/meeting-scope';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { UsersService } from '../users/users.service';
import { dayInWords } from '../web/dates';
import { CloseRectificationDto, CreateRectificationDto, ReportRectificationDto, ReturnRectificationDto, UpdateRectificationDto } from './dto/rectification.dto';
import { detectEvidenceType, EVIDENCE_CONTENT_TYPES, EvidenceFiles, evidenceFileName, EvidenceFileType } from './evidence-files';
import { Rectification, RectificationStatus } from './rectification.entity';
import { RectificationEvent, RectificationEventKind } from './rectification-event.entity';
import { RectificationMeasure } from './rectification-measure.entity';
import { CarriedFromView, CarryOverView, OwnRectificationView, RectificationView, RemainingEntryView } from './rectification.views';
import { rectificationView, splitMeasures, statusToday } from './rectification-mapping';

/** What a new entry needs besides its meeting. */
interface NewEntry {
  problem: string;
  measures: string[];
  ownerUserId: string;
  dueDate: string;
  itemId: string | null;
}

/** A file the owner shows with a report, as uploaded. */
export interface UploadedEvidence {
  content: Buffer;
  name?: string;
}

type EventFields = Pick<RectificationEvent, 'kind' | 'note' | 'evidence' | 'actorUserId'> & Partial<Pick<RectificationEvent, 'evidenceFileName' | 'evidenceFileType' | 'evidenceFileKey'>>;

const EDITED_FIELD_NAMES = { problem: '问题', measures: '整改措施', ownerUserId: '责任人', dueDate: '完成时限' } as const;

/**
 * 整改台账与销号: a meeting's entries, turned from the answered claims or typed by the organiser;
 * the owner reports (with evidence), the organiser or the secretary closes (销号) or returns it
 * with a reason, and nobody closes their own.
 */
@Injectable()
export class RectificationsService implements OnModuleInit {
  constructor(
    @InjectRepository(Rectification) private readonly entries: Repository<Rectification>,
    @InjectRepository(RectificationMeasure) private readonly measures: Repository<RectificationMeasure>,
    @InjectRepository(RectificationEvent) private readonly events: Repository<RectificationEvent>,
    private readonly meetings: MeetingsService,
    private readonly items: ItemsService,
    private readonly claims: ClaimsService,
    private readonly users: UsersService,
    private readonly files: EvidenceFiles,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A meeting that names the one before it takes over its unfinished entries as it is created. */
  onModuleInit(): void {
    this.meetings.whenCreated((manager, actor, meeting) => this.carryInto(manager, actor, meeting));
  }

  /** The ledger: organisers, the 督导组 and the meeting's team read it (others: 404 as for the meeting). */
  async listEntries(actor: Actor, meetingId: string): Promise<RectificationView[]> {
    const scope = await this.meetings.scope(actor, meetingId);
    const entries = await this.entries.find({ where: { meetingId: scope.meetingId, organizationId: actor.organizationId }, order: { seq: 'ASC', id: 'ASC' } });
    return this.views(entries);
  }

  /** 我的整改: the entries the actor answers for, in every meeting, the most pressing first. */
  async entriesOwnedBy(actor: Actor): Promise<OwnRectificationView[]> {
    const entries = await this.entries.find({ where: { organizationId: actor.organizationId, ownerUserId: actor.userId }, order: { dueDate: 'ASC', seq: 'ASC', id: 'ASC' } });
    return this.withMeetingTitles(actor, await this.views(entries));
  }

  /** 待我销号: reported entries of the meetings where the actor is the secretary, not their own. */
  async awaitingReviewBy(actor: Actor): Promise<OwnRectificationView[]> {
    const meetingIds = await this.meetings.meetingsWhereSecretary(actor);
    if (!meetingIds.length) return [];
    const entries = await this.entries.find({ where: { organizationId: actor.organizationId, meetingId: In(meetingIds), status: 'reported', ownerUserId: Not(actor.userId) }, order: { dueDate: 'ASC', id: 'ASC' } });
    return this.withMeetingTitles(actor, await this.views(entries));
  }

  /** An entry the organiser types: a problem from anywhere (a member's own 查摆问题, the 督导组's words). */
  async createEntry(actor: Actor, meetingId: string, dto: CreateRectificationDto): Promise<RectificationView> {
    const scope = await this.meetings.scope(actor, meetingId);
    assertOwnerOnTeam(scope, dto.ownerUserId);
    if (dto.itemId) await this.assertItemOfMeeting(actor, scope, dto.itemId);
    const entry = await this.insertEntry(actor, scope, { problem: dto.problem, measures: dto.measures, ownerUserId: dto.ownerUserId, dueDate: dto.dueDate, itemId: dto.itemId ?? null }).catch((error) => {
      if (isUniqueViolation(error)) throw AppError.conflict(ErrorCode.RectificationExists, '这条意见已经列入整改台账');
      throw error;
    });
    return this.viewOf(entry);
  }

  /**
   * One entry per answered lead claim of a published item: the item's words as the problem, the
   * answer's 整改措施 line by line as the measures, the lead as owner, the answer's due date or
   * else the year-end after the meeting's year (年底对账讲评). Items already in the ledger are left
   * alone, so a second run creates nothing (the unique index settles a race).
   */
  async entriesFromClaims(actor: Actor, meetingId: string): Promise<{ created: number }> {
    const scope = await this.meetings.scope(actor, meetingId);
    const leads = await this.claims.answeredLeads(scope);
    const existing = leads.length ? await this.entries.find({ select: { itemId: true }, where: { meetingId: scope.meetingId, itemId: In(leads.map((lead) => lead.itemId)) } }) : [];
    const listed = new Set(existing.map((entry) => entry.itemId));
    const defaultDue = `${scope.meeting.year + 1}-12-31`;
    let created = 0;
    for (const lead of leads.filter((candidate) => !listed.has(candidate.itemId))) {
      const entry = { problem: lead.summary, measures: splitMeasures(lead.measures), ownerUserId: lead.memberUserId, dueDate: lead.dueDate ?? defaultDue, itemId: lead.itemId };
      try {
        await this.insertEntry(actor, scope, entry);
        created += 1;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return { created };
  }

  /**
   * The owner reports the measures done, with a note and evidence (text, and a file: a PDF, .docx
   * or a photo, its type read from its content): open (or overdue) → reported.
   */
  async reportEntry(actor: Actor, id: string, dto: ReportRectificationDto, file?: UploadedEvidence): Promise<RectificationView> {
    const { entry } = await this.findEntry(actor, id);
    if (entry.ownerUserId !== actor.userId) throw AppError.forbidden('只有责任人可以报告整改完成');
    await this.assertNotCarriedOn(entry);
    const stored = file?.content.length ? await this.storeEvidence(file) : null;
    try {
      await this.move(entry, 'open', 'reported', { kind: 'reported', note: dto.note, evidence: dto.evidence || null, actorUserId: actor.userId, ...stored }, '只有未完成的整改可以报告完成');
    } catch (error) {
      if (stored) await this.files.remove(stored.evidenceFileKey);
      throw error;
    }
    return this.viewOf(entry);
  }

  /** A report's evidence file, for whoever may read the entry. */
  async evidenceFile(actor: Actor, id: string, eventId: string): Promise<StoredFile> {
    const { entry } = await this.findEntry(actor, id);
    const event = await this.events.findOne({ where: { id: eventId, entryId: entry.id } });
    if (!event?.evidenceFileKey || !event.evidenceFileType) throw AppError.notFound('佐证材料');
    const type = event.evidenceFileType as EvidenceFileType;
    return this.files.download(event.evidenceFileKey, event.evidenceFileName ?? `整改佐证材料.${type}`, EVIDENCE_CONTENT_TYPES[type], '佐证材料文件已不在服务器上');
  }

  /** The organiser corrects an entry not yet closed: its problem, measures, owner or due date. */
  async updateEntry(actor: Actor, id: string, dto: UpdateRectificationDto): Promise<RectificationView> {
    const { entry, scope } = await this.findEntry(actor, id);
    if (!hasRole(actor, Role.Organiser)) throw AppError.forbidden('只有组织者可以修改整改事项');
    if (entry.status === 'closed') throw AppError.conflict(ErrorCode.IllegalTransition, '已销号的整改事项不能再修改');
    await this.assertNotCarriedOn(entry);
    if (dto.ownerUserId !== undefined && dto.ownerUserId !== entry.ownerUserId) assertOwnerOnTeam(scope, dto.ownerUserId);
    const current = (await this.measures.find({ where: { entryId: entry.id }, order: { position: 'ASC' } })).map((measure) => measure.text);
    const changes: Partial<Pick<Rectification, 'problem' | 'ownerUserId' | 'dueDate'>> = {};
    if (dto.problem !== undefined && dto.problem !== entry.problem) changes.problem = dto.problem;
    if (dto.ownerUserId !== undefined && dto.ownerUserId !== entry.ownerUserId) changes.ownerUserId = dto.ownerUserId;
    if (dto.dueDate !== undefined && dto.dueDate !== entry.dueDate) changes.dueDate = dto.dueDate;
    const measuresChanged = dto.measures !== undefined && dto.measures.join('\n') !== current.join('\n');
    const changed = [...Object.keys(changes), ...(measuresChanged ? ['measures'] : [])] as Array<keyof typeof EDITED_FIELD_NAMES>;
    if (!changed.length) return this.viewOf(entry);
    await this.dataSource.transaction(async (manager) => {
      if (Object.keys(changes).length) await manager.getRepository(Rectification).update({ id: entry.id }, changes);
      if (measuresChanged) {
        await manager.getRepository(RectificationMeasure).delete({ entryId: entry.id });
        await manager.getRepository(RectificationMeasure).insert(dto.measures!.map((text, position) => ({ id: newId(), entryId: entry.id, text, position })));
      }
      await this.addEvent(manager, entry.id, { kind: 'edited', note: `修改了${changed.map((field) => EDITED_FIELD_NAMES[field]).join('、')}`, evidence: null, actorUserId: actor.userId });
    });
    return this.viewOf(entry);
  }

  /**
   * 上一年度整改落实情况: how many entries the previous meeting's ledger had, how many are closed
   * (there, or here after being carried), and which remain and why — with the paragraph the
   * report opens with.
   */
  async carryOver(actor: Actor, meetingId: string): Promise<CarryOverView> {
    const scope = await this.meetings.scope(actor, meetingId);
    const previous = scope.meeting.previousMeetingId ? await this.meetings.findMeeting(actor.organizationId, scope.meeting.previousMeetingId) : null;
    if (!previous) return { previousMeeting: null, total: 0, closed: 0, remaining: [], paragraph: '' };
    const earlier = await this.entries.find({ where: { meetingId: previous.id, organizationId: actor.organizationId }, order: { seq: 'ASC', id: 'ASC' } });
    const carried = earlier.length ? await this.entries.find({ where: { meetingId: scope.meetingId, carriedFromId: In(earlier.map((entry) => entry.id)) } }) : [];
    const continuation = new Map(carried.map((entry) => [entry.carriedFromId!, entry]));
    const today = this.clock.today();
    // Each earlier entry as it stands now: here once carried, else there.
    const unfinished = earlier.map((entry) => ({ earlierId: entry.id, now: continuation.get(entry.id) ?? entry })).filter(({ now }) => now.status !== 'closed');
    const open = unfinished.map(({ now }) => now);
    const [events, owners] = await Promise.all([
      open.length ? this.events.find({ where: { entryId: In(open.map((entry) => entry.id)) }, order: { seq: 'ASC' } }) : Promise.resolve<RectificationEvent[]>([]),
      this.users.findUsers(actor, [...new Set(open.map((entry) => entry.ownerUserId))]),
    ]);
    const names = new Map(owners.map((user) => [user.id, user.displayName]));
    const remaining: RemainingEntryView[] = unfinished.map(({ earlierId, now: entry }) => ({
      entryId: earlierId,
      problem: entry.problem,
      ownerUserId: entry.ownerUserId,
      ownerName: names.get(entry.ownerUserId) ?? '（已不在本单位）',
      dueDate: entry.dueDate,
      status: statusToday(entry, today) as RemainingEntryView['status'],
      reason: whyUnfinished(entry, events.filter((event) => event.entryId === entry.id), today),
    }));
    const view = { previousMeeting: { id: previous.id, title: previous.title, year: previous.year }, total: earlier.length, closed: earlier.length - remaining.length, remaining };
    return { ...view, paragraph: carryOverParagraph(view) };
  }

  /** 销号: the organiser or the meeting's secretary approves a reported entry: reported → closed. */
  async closeEntry(actor: Actor, id: string, dto: CloseRectificationDto): Promise<RectificationView> {
    const entry = await this.reviewable(actor, id);
    await this.move(entry, 'reported', 'closed', { kind: 'closed', note: dto.note, evidence: null, actorUserId: actor.userId }, '只有已报告完成的整改可以销号');
    return this.viewOf(entry);
  }

  /** Sent back with a reason: reported → open. */
  async returnEntry(actor: Actor, id: string, dto: ReturnRectificationDto): Promise<RectificationView> {
    const entry = await this.reviewable(actor, id);
    await this.move(entry, 'reported', 'open', { kind: 'returned', note: dto.reason, evidence: null, actorUserId: actor.userId }, '只有已报告完成的整改可以退回');
    return this.viewOf(entry);
  }

  /** An entry of a meeting the actor may see, or their own; 404 otherwise (another organisation's too). */
  private async findEntry(actor: Actor, id: string): Promise<{ entry: Rectification; scope: MeetingScope }> {
    const entry = await findOwned(this.entries, actor, id, '整改事项');
    // Its owner reaches it through the entry: a carried entry's owner may no longer sit on the team.
    const scope = entry.ownerUserId === actor.userId ? await this.meetings.scopeViaRecord(actor, entry.meetingId) : await this.meetings.scope(actor, entry.meetingId).catch(() => null);
    if (!scope) throw AppError.notFound('整改事项');
    return { entry, scope };
  }

  /** Who may close or return: the organiser or the secretary, and never the entry's owner. */
  private async reviewable(actor: Actor, id: string): Promise<Rectification> {
    const { entry, scope } = await this.findEntry(actor, id);
    if (!hasRole(actor, Role.Organiser) && !scope.isSecretary) throw AppError.forbidden('只有组织者或主要负责同志可以销号或退回');
    if (entry.ownerUserId === actor.userId) throw new AppError(ErrorCode.OwnEntry, HttpStatus.FORBIDDEN, '责任人不能给自己的整改事项销号或退回');
    await this.assertNotCarriedOn(entry);
    return entry;
  }

  /** An entry carried into a later meeting is finished there: its steps are taken on the continuation. */
  private async assertNotCarriedOn(entry: Rectification): Promise<void> {
    const continuation = await this.entries.findOne({ where: { carriedFromId: entry.id }, select: { meetingId: true } });
    if (!continuation) return;
    const meeting = await this.meetings.findMeeting(entry.organizationId, continuation.meetingId);
    throw AppError.conflict(ErrorCode.IllegalTransition, `这条整改已转入${meeting ? `“${meeting.title}”` : '下一次会议'}的整改台账，请在那里办理`);
  }

  /**
   * The previous meeting's unfinished entries come across (open, reported or overdue), each with
   * its measures and its history, marked carriedFrom; the earlier entry records where it went.
   */
  private async carryInto(manager: EntityManager, actor: Actor, meeting: Meeting): Promise<void> {
    if (!meeting.previousMeetingId) return;
    const previous = await manager.getRepository(Meeting).findOneBy({ id: meeting.previousMeetingId, organizationId: meeting.organizationId });
    const unfinished = await manager.getRepository(Rectification).find({ where: { meetingId: meeting.previousMeetingId, organizationId: meeting.organizationId, status: Not('closed') }, order: { seq: 'ASC', id: 'ASC' } });
    if (!previous || !unfinished.length) return;
    const ids = unfinished.map((entry) => entry.id);
    const [measures, events] = await Promise.all([
      manager.getRepository(RectificationMeasure).find({ where: { entryId: In(ids) }, order: { position: 'ASC' } }),
      manager.getRepository(RectificationEvent).find({ where: { entryId: In(ids) }, order: { seq: 'ASC' } }),
    ]);
    for (const [index, earlier] of unfinished.entries()) {
      // Carried entries head the new ledger, in their old order.
      const entry: Rectification = { ...earlier, id: newId(), meetingId: meeting.id, seq: index + 1, carriedFromId: earlier.id, createdAt: this.clock.nowToSecond() };
      await manager.getRepository(Rectification).insert(entry);
      const own = measures.filter((measure) => measure.entryId === earlier.id).map((measure) => ({ ...measure, id: newId(), entryId: entry.id }));
      if (own.length) await manager.getRepository(RectificationMeasure).insert(own);
      const history = events.filter((event) => event.entryId === earlier.id).map((event) => ({ ...event, id: newId(), entryId: entry.id }));
      if (history.length) await manager.getRepository(RectificationEvent).insert(history);
      await this.addEvent(manager, entry.id, { kind: 'carried-in', note: `由“${previous.title}”整改台账转入`, evidence: null, actorUserId: actor.userId });
      await this.addEvent(manager, earlier.id, { kind: 'carried-out', note: `转入“${meeting.title}”整改台账继续整改`, evidence: null, actorUserId: actor.userId });
    }
  }

  private async storeEvidence(file: UploadedEvidence): Promise<Pick<RectificationEvent, 'evidenceFileName' | 'evidenceFileType' | 'evidenceFileKey'>> {
    const type = detectEvidenceType(file.content);
    if (!type) throw new AppError(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, '佐证材料只能是 PDF、Word（.docx）或 JPG、PNG 图片，且文件内容须与类型一致');
    const key = await this.files.save(file.content, type);
    return { evidenceFileKey: key, evidenceFileType: type, evidenceFileName: evidenceFileName(file.name, type) };
  }

  private async withMeetingTitles(actor: Actor, views: RectificationView[]): Promise<OwnRectificationView[]> {
    const meetings = await this.meetingsOf(actor.organizationId, views.map((view) => view.meetingId));
    return views.map((view) => ({ ...view, meetingTitle: meetings.get(view.meetingId)?.title ?? '' }));
  }

  /** The organisation's meetings by id, each read once (from the meetings' short-lived snapshot). */
  private async meetingsOf(organizationId: string, meetingIds: string[]): Promise<Map<string, Meeting>> {
    const meetings = new Map<string, Meeting>();
    for (const meetingId of new Set(meetingIds)) {
      const meeting = await this.meetings.findMeeting(organizationId, meetingId);
      if (meeting) meetings.set(meetingId, meeting);
    }
    return meetings;
  }

  /** One step: the status changes only from `from` (a racing second step finds nothing to change), with its history row. */
  private async move(entry: Rectification, from: RectificationStatus, to: RectificationStatus, event: EventFields, refusal: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.getRepository(Rectification).update({ id: entry.id, status: from }, { status: to });
      if (!affected) throw AppError.conflict(ErrorCode.IllegalTransition, refusal);
      await this.addEvent(manager, entry.id, event);
    });
  }

  private async insertEntry(actor: Actor, scope: MeetingScope, entry: NewEntry): Promise<Rectification> {
    const row: Rectification = { id: newId(), organizationId: actor.organizationId, meetingId: scope.meetingId, seq: 0, ...entry, status: 'open', carriedFromId: null, createdAt: this.clock.nowToSecond() };
    await this.dataSource.transaction(async (manager) => {
      // 序号 follows the last; two entries made at the same instant may share one, and keep an order by id.
      const last = await manager.getRepository(Rectification).maximum('seq', { meetingId: scope.meetingId });
      row.seq = (last ?? 0) + 1;
      await manager.getRepository(Rectification).insert(row);
      await manager.getRepository(RectificationMeasure).insert(entry.measures.map((text, position) => ({ id: newId(), entryId: row.id, text, position })));
      await this.addEvent(manager, row.id, { kind: 'created', note: null, evidence: null, actorUserId: actor.userId });
    });
    return row;
  }

  private async addEvent(manager: EntityManager, entryId: string, event: EventFields & { kind: RectificationEventKind }): Promise<void> {
    const events = manager.getRepository(RectificationEvent);
    const seq = await events.count({ where: { entryId } });
    await events.insert({ evidenceFileName: null, evidenceFileType: null, evidenceFileKey: null, ...event, id: newId(), entryId, at: this.clock.nowToSecond(), seq });
  }

  private async assertItemOfMeeting(actor: Actor, scope: MeetingScope, itemId: string): Promise<void> {
    const found = await this.items.findItem(actor, itemId).catch(() => null);
    if (!found || found.item.meetingId !== scope.meetingId) {
      throw AppError.badRequest(ErrorCode.UnknownItem, '本次会议的意见清单中没有这条意见', [{ field: 'itemId', message: `意见 ${itemId} 不存在` }]);
    }
  }

  private async viewOf(entry: Rectification): Promise<RectificationView> {
    const fresh = await this.entries.findOneByOrFail({ id: entry.id });
    return (await this.views([fresh]))[0];
  }

  private async views(entries: Rectification[]): Promise<RectificationView[]> {
    if (!entries.length) return [];
    const ids = entries.map((entry) => entry.id);
    const fromIds = entries.map((entry) => entry.carriedFromId).filter((id): id is string => id !== null);
    const [measures, events, continuations, origins] = await Promise.all([
      this.measures.find({ where: { entryId: In(ids) }, order: { position: 'ASC' } }),
      this.events.find({ where: { entryId: In(ids) }, order: { seq: 'ASC' } }),
      this.entries.find({ where: { carriedFromId: In(ids) }, select: { carriedFromId: true } }),
      fromIds.length ? this.entries.find({ where: { id: In(fromIds) }, select: { id: true, meetingId: true, organizationId: true } }) : Promise.resolve([]),
    ]);
    const carriedOn = new Set(continuations.map((entry) => entry.carriedFromId));
    const originMeetings = origins.length ? await this.meetingsOf(origins[0].organizationId, origins.map((origin) => origin.meetingId)) : new Map<string, Meeting>();
    const carriedFrom = new Map<string, CarriedFromView>(
      origins.map((origin) => {
        const meeting = originMeetings.get(origin.meetingId);
        return [origin.id, { entryId: origin.id, meetingId: origin.meetingId, meetingTitle: meeting?.title ?? '', year: meeting?.year ?? 0 }];
      }),
    );
    const today = this.clock.today();
    return entries.map((entry) =>
      rectificationView(entry, measures.filter((measure) => measure.entryId === entry.id), events.filter((event) => event.entryId === entry.id), today, {
        carriedFrom: entry.carriedFromId ? (carriedFrom.get(entry.carriedFromId) ?? null) : null,
        carriedOn: carriedOn.has(entry.id),
      }),
    );
  }
}

/** Why an entry is not done, in a phrase for the report. */
function whyUnfinished(entry: Rectification, events: RectificationEvent[], today: string): string {
  const last = [...events].reverse().find((event) => event.kind === 'returned' || event.kind === 'reported');
  if (entry.status === 'reported') return `已报告完成，待销号${last?.note ? `（${last.note}）` : ''}`;
  if (last?.kind === 'returned') return `报告后被退回：${last.note}`;
  if (entry.dueDate < today) return `已超过完成时限（${dayInWords(entry.dueDate)}），尚未报告完成`;
  return `正在整改，完成时限${dayInWords(entry.dueDate)}`;
}

/** 一是、二是 … 十是, then 第11条: how the report numbers points. */
function ordinal(index: number): string {
  return index < 10 ? `${chineseNumeral(index + 1)}是` : `第${index + 1}条`;
}

/** The paragraph the new meeting's report opens with (上一年度整改落实情况). */
export function carryOverParagraph(view: Omit<CarryOverView, 'paragraph'>): string {
  const { previousMeeting, total, closed, remaining } = view;
  if (!previousMeeting) return '';
  if (!total) return `${previousMeeting.title}未建立整改台账，没有需要报告的整改事项。`;
  const rate = Math.round((closed / total) * 100);
  const opening = `${previousMeeting.title}查摆出的问题，共列入整改台账${total}条，已完成整改并销号${closed}条，整改完成率${rate}%。`;
  if (!remaining.length) return `${opening}所有整改事项均已销号。`;
  const points = remaining.map((entry, index) => `${ordinal(index)}“${entry.problem.replace(/[。；;]+$/, '')}”（责任人：${entry.ownerName}，${entry.reason}）`);
  return `${opening}尚有${remaining.length}条未完成，已转入本次整改台账继续推进：${points.join('；')}。`;
}

function assertOwnerOnTeam(scope: MeetingScope, ownerUserId: string): void {
  if (!scope.seatOf(ownerUserId)) {
    throw AppError.badRequest(ErrorCode.UnknownUser, '责任人须是本次会议的班子成员', [{ field: 'ownerUserId', message: '不是班子成员' }]);
  }
}
