import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { OTHER_ASPECT } from '../meetings/aspect-presets';
import { Meeting } from '../meetings/meeting.entity';
import { TeamMemberView } from '../meetings/meeting.views';
import { MeetingsService } from '../meetings/meetings.service';
import { chosenAspect, chosenTarget, TEAM_TARGET_NAME } from '../opinions/opinion-rules';
import { OPINION_CHANNELS, OpinionChannel, RawOpinion } from '../opinions/raw-opinion.entity';
import { AddItemDto, ListItemsQuery, MergeItemDto, SetAsideDto, SplitItemDto, UpdateItemDto } from './dto/item.dto';
import { ItemClaim } from './item-claim.entity';
import { ItemMerge } from './item-merge.entity';
import { ClaimView, ItemDetailView, ItemSummaryView, ItemTarget, ItemView } from './item.views';
import { OpinionItem } from './opinion-item.entity';


/** Everything a view of items needs besides the items: names, claims, channels. */
interface ViewContext {
  team: TeamMemberView[];
  claims: ItemClaim[];
  channels: Map<string, Set<OpinionChannel>>;
}

/**
 * The organiser's side of the opinion list (意见清单): read, filter, re-word, re-aspect,
 * re-target, merge (and undo), split, set aside, add items the upper level names, publish, and
 * the numbers for the report. Sources are shown as words, channel and day only.
 */
@Injectable()
export class ItemsService {
  constructor(
    @InjectRepository(OpinionItem) private readonly items: Repository<OpinionItem>,
    @InjectRepository(RawOpinion) private readonly opinions: Repository<RawOpinion>,
    @InjectRepository(ItemClaim) private readonly claims: Repository<ItemClaim>,
    @InjectRepository(ItemMerge) private readonly merges: Repository<ItemMerge>,
    private readonly meetings: MeetingsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The meeting's items; for the 督导组, the published ones only (see readsDrafts). */
  async listItems(actor: Actor, meetingId: string, query: ListItemsQuery): Promise<ItemView[]> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const readsAll = readsDrafts(actor);
    if (!readsAll && query.status && query.status !== 'published') return [];
    const where = {
      meetingId: meeting.id,
      status: query.status ?? (readsAll ? In(['draft', 'published', 'set-aside']) : 'published'),
      ...(query.aspect ? { aspect: query.aspect } : {}),
      ...(query.target ? { targetMemberId: query.target === 'team' ? IsNull() : query.target } : {}),
    };
    const items = await this.items.find({ where, order: { aspect: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return this.views(meeting, items);
  }

  /** One item with its verbatim sources; the notes for organisers and supervisors only. */
  async getItem(actor: Actor, id: string): Promise<ItemDetailView> {
    const { item, meeting } = await this.findItem(actor, id);
    const [view] = await this.detailViews(actor, meeting, [item]);
    return view;
  }

  /**
   * Items of one meeting with their sources, in one read of each (names, claims, channels,
   * sources), for items the caller has already found the actor may see. Notes for organisers
   * and supervisors only.
   */
  async detailViews(actor: Actor, meeting: Meeting, items: OpinionItem[]): Promise<ItemDetailView[]> {
    const views = await this.views(meeting, items);
    const sources = items.length
      ? await this.opinions.find({ where: { itemId: In(items.map((item) => item.id)) }, select: { id: true, itemId: true, text: true, channel: true, receivedOn: true }, order: { receivedOn: 'ASC', id: 'ASC' } })
      : [];
    const withNotes = hasRole(actor, Role.Organiser, Role.Supervisor);
    return items.map((item, index) => ({
      ...views[index],
      sources: sources.filter((source) => source.itemId === item.id).map((source) => ({ id: source.id, text: source.text, channel: source.channel, day: source.receivedOn })),
      ...(withNotes ? { notes: item.notes } : {}),
    }));
  }

  /** Re-words, re-aspects or re-targets an item; later automatic runs leave these as they are. */
  async updateItem(actor: Actor, id: string, dto: UpdateItemDto): Promise<ItemDetailView> {
    const { item, meeting } = await this.findItem(actor, id);
    this.assertInList(item);
    const team = await this.meetings.getTeam(actor, meeting.id);
    const choices = { aspects: [...meeting.aspects, OTHER_ASPECT], memberIds: team.map((seat) => seat.userId) };
    const changes: Partial<OpinionItem> = {};
    if (dto.summary !== undefined) changes.summary = dto.summary;
    if (dto.aspect !== undefined) changes.aspect = chosenAspect(choices, dto.aspect)!;
    if (dto.targetMemberId !== undefined) changes.targetMemberId = chosenTarget(choices, dto.targetMemberId);
    if (dto.notes !== undefined) changes.notes = dto.notes;
    if (dto.summary !== undefined || dto.aspect !== undefined || dto.targetMemberId !== undefined) changes.editedAt = this.clock.nowToSecond();
    await this.items.update({ id: item.id }, changes);
    return this.getItem(actor, item.id);
  }

  /** Puts an item's opinions into another item of the same meeting; the merge is kept so it can be undone. */
  async mergeItem(actor: Actor, id: string, dto: MergeItemDto): Promise<ItemDetailView & { mergeId: string }> {
    const { item } = await this.findItem(actor, id);
    const { item: into } = await this.findItem(actor, dto.intoItemId);
    if (into.id === item.id || into.meetingId !== item.meetingId) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '只能合并到同一次会议的另一条意见', [{ field: 'intoItemId', message: '不是同一次会议的另一条意见' }]);
    }
    this.assertInList(item);
    this.assertInList(into);
    if (await this.claims.exists({ where: { itemId: item.id } })) throw AppError.conflict(ErrorCode.Conflict, '这条意见已有班子成员认领，不能再合并到别的意见');
    const opinionIds = (await this.opinions.find({ where: { itemId: item.id }, select: { id: true } })).map((opinion) => opinion.id);
    const merge: ItemMerge = {
      id: newId(),
      organizationId: item.organizationId,
      fromItemId: item.id,
      intoItemId: into.id,
      opinionIds,
      fromStatus: item.status,
      mergedBy: actor.userId,
      mergedAt: this.clock.nowToSecond(),
      undoneAt: null,
    };
    await this.dataSource.transaction(async (manager) => {
      await this.moveOpinions(manager, opinionIds, into.id);
      await manager.update(OpinionItem, { id: item.id }, { status: 'merged', mergedIntoId: into.id, sourceCount: 0 });
      await manager.update(OpinionItem, { id: into.id }, { sourceCount: into.sourceCount + opinionIds.length });
      await manager.insert(ItemMerge, merge);
    });
    return { ...(await this.getItem(actor, into.id)), mergeId: merge.id };
  }

  /** Undoes a merge: the opinions still in the item they went to come back, and the item returns as it was. */
  async undoMerge(actor: Actor, mergeId: string): Promise<ItemDetailView> {
    const merge = await this.merges.findOne({ where: { id: mergeId, organizationId: actor.organizationId } });
    if (!merge) throw AppError.notFound('合并记录');
    const { item } = await this.findItem(actor, merge.fromItemId);
    if (merge.undoneAt || item.status !== 'merged') throw AppError.conflict(ErrorCode.Conflict, '这次合并已经撤销');
    await this.dataSource.transaction(async (manager) => {
      const stillThere = merge.opinionIds.length
        ? (await manager.find(RawOpinion, { where: { id: In(merge.opinionIds), itemId: merge.intoItemId }, select: { id: true } })).map((opinion) => opinion.id)
        : [];
      await this.moveOpinions(manager, stillThere, item.id);
      await manager.update(OpinionItem, { id: item.id }, { status: merge.fromStatus, mergedIntoId: null, sourceCount: stillThere.length });
      await manager.decrement(OpinionItem, { id: merge.intoItemId }, 'sourceCount', stillThere.length);
      await manager.update(ItemMerge, { id: merge.id }, { undoneAt: this.clock.nowToSecond() });
    });
    return this.getItem(actor, item.id);
  }

  /** Moves some of an item's sources to a new draft item, worded as the first of them. */
  async splitItem(actor: Actor, id: string, dto: SplitItemDto): Promise<ItemDetailView> {
    const { item } = await this.findItem(actor, id);
    this.assertInList(item);
    const ids = [...new Set(dto.sourceIds)];
    const sources = await this.opinions.find({ where: { id: In(ids), itemId: item.id }, order: { receivedOn: 'ASC', id: 'ASC' } });
    if (sources.length !== ids.length) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '要拆分的来源不全属于这条意见', [{ field: 'sourceIds', message: '含有不属于这条意见的来源' }]);
    }
    if (sources.length >= item.sourceCount) throw AppError.badRequest(ErrorCode.ValidationFailed, '至少要留下一条来源；要整体调整请直接修改这条意见', [{ field: 'sourceIds', message: '不能拆走全部来源' }]);
    const split: OpinionItem = {
      ...item,
      id: newId(),
      summary: sources[0].text,
      status: 'draft',
      origin: 'split',
      sourceCount: sources.length,
      setAsideReason: null,
      mergedIntoId: null,
      notes: null,
      editedAt: this.clock.nowToSecond(),
      publishedAt: null,
      createdAt: this.clock.nowToSecond(),
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(OpinionItem, split);
      await this.moveOpinions(manager, ids, split.id);
      await manager.update(OpinionItem, { id: item.id }, { sourceCount: item.sourceCount - ids.length });
    });
    return this.getItem(actor, split.id);
  }

  /** Keeps an item, visible and counted apart, out of the list claimants see. */
  async setAside(actor: Actor, id: string, dto: SetAsideDto): Promise<ItemDetailView> {
    const { item } = await this.findItem(actor, id);
    this.assertInList(item);
    if (await this.claims.exists({ where: { itemId: item.id } })) throw AppError.conflict(ErrorCode.Conflict, '这条意见已有班子成员认领，不能搁置');
    await this.items.update({ id: item.id }, { status: 'set-aside', setAsideReason: dto.reason });
    return this.getItem(actor, item.id);
  }

  /** Brings a set-aside item back, as a draft or, if it had been published, published. */
  async restore(actor: Actor, id: string): Promise<ItemDetailView> {
    const { item } = await this.findItem(actor, id);
    if (item.status !== 'set-aside') throw AppError.conflict(ErrorCode.Conflict, '这条意见没有被搁置');
    await this.items.update({ id: item.id }, { status: item.publishedAt ? 'published' : 'draft', setAsideReason: null });
    return this.getItem(actor, item.id);
  }

  /** An item the upper level or the 督导组 names: no source, to be claimed like any other. */
  async addItem(actor: Actor, meetingId: string, dto: AddItemDto): Promise<ItemDetailView> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const team = await this.meetings.getTeam(actor, meeting.id);
    const choices = { aspects: [...meeting.aspects, OTHER_ASPECT], memberIds: team.map((seat) => seat.userId) };
    const now = this.clock.nowToSecond();
    const item: OpinionItem = {
      id: newId(),
      organizationId: actor.organizationId,
      meetingId: meeting.id,
      aspect: chosenAspect(choices, dto.aspect)!,
      targetMemberId: chosenTarget(choices, dto.targetMemberId),
      summary: dto.summary,
      status: 'draft',
      origin: 'supervision',
      sourceCount: 0,
      setAsideReason: null,
      mergedIntoId: null,
      notes: null,
      editedAt: now,
      publishedAt: null,
      createdAt: now,
    };
    await this.items.insert(item);
    // Straight from the row just written: a supervisor who names it reads it back although it is a
    // draft, which they could not look up by id.
    const [view] = await this.detailViews(actor, meeting, [item]);
    return view;
  }

  /** Publishes every draft of the meeting: they go to the members they concern, or to the whole team. */
  async publish(actor: Actor, meetingId: string): Promise<{ published: number }> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const result = await this.items.update({ meetingId: meeting.id, status: 'draft' }, { status: 'published', publishedAt: this.clock.nowToSecond() });
    return { published: result.affected ?? 0 };
  }

  /** "共收集意见建议N条，归纳为X个方面Y条", with the figures behind it. */
  async summary(actor: Actor, meetingId: string): Promise<ItemSummaryView> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const team = await this.meetings.getTeam(actor, meeting.id);
    const items = await this.items.find({ where: { meetingId: meeting.id, status: In(['draft', 'published', 'set-aside']) } });
    const listed = items.filter((item) => item.status !== 'set-aside');
    const byChannel: Array<{ channel: OpinionChannel; count: string | number }> = await this.opinions
      .createQueryBuilder('opinion')
      .select('opinion.channel', 'channel')
      .addSelect('COUNT(*)', 'count')
      .where('opinion.meetingId = :meetingId', { meetingId: meeting.id })
      // Released opinions only: a held one is in no count until its batch goes out (统一整理).
      .andWhere('opinion.held = :held', { held: 0 })
      .groupBy('opinion.channel')
      .getRawMany();
    const opinions = byChannel.reduce((sum, row) => sum + Number(row.count), 0);
    const aspects = [...meeting.aspects, OTHER_ASPECT].filter((aspect) => listed.some((item) => item.aspect === aspect));
    const targets = [null, ...team.map((seat) => seat.userId)];
    return {
      opinions,
      aspects: aspects.length,
      items: listed.length,
      setAside: items.length - listed.length,
      sentence: `共收集意见建议${opinions}条，归纳为${aspects.length}个方面${listed.length}条`,
      byAspect: aspects.map((aspect) => {
        const inAspect = listed.filter((item) => item.aspect === aspect);
        return { aspect, items: inAspect.length, opinions: inAspect.reduce((sum, item) => sum + item.sourceCount, 0) };
      }),
      byTarget: targets
        .map((target) => ({ target: targetOf(team, target), items: listed.filter((item) => item.targetMemberId === target).length }))
        .filter((entry) => entry.items > 0),
      byChannel: OPINION_CHANNELS.map((channel) => ({ channel, opinions: Number(byChannel.find((row) => row.channel === channel)?.count ?? 0) })),
    };
  }

  /** Items as lists show them, with names, claims and channels. */
  async views(meeting: Meeting, items: OpinionItem[]): Promise<ItemView[]> {
    const context = await this.viewContext(meeting, items);
    return items.map((item) => toItemView(item, context));
  }

  private async viewContext(meeting: Meeting, items: OpinionItem[]): Promise<ViewContext> {
    const ids = items.map((item) => item.id);
    const team = (await this.meetings.findMeetingWithTeam(meeting.organizationId, meeting.id))?.team ?? [];
    if (ids.length === 0) return { team, claims: [], channels: new Map() };
    const claims = await this.claims.find({ where: { itemId: In(ids) }, order: { createdAt: 'ASC' } });
    const rows: Array<{ itemId: string; channel: OpinionChannel }> = await this.opinions
      .createQueryBuilder('opinion')
      .select('opinion.itemId', 'itemId')
      .addSelect('opinion.channel', 'channel')
      .where('opinion.itemId IN (:...ids)', { ids })
      .groupBy('opinion.itemId')
      .addGroupBy('opinion.channel')
      .getRawMany();
    const channels = new Map<string, Set<OpinionChannel>>();
    for (const row of rows) channels.set(row.itemId, (channels.get(row.itemId) ?? new Set()).add(row.channel));
    return { team, claims, channels };
  }

  /**
   * The item, if the actor's organisation has it and the actor may see it: organisers always; the
   * 督导组 once it is published; a team member once it is published to them or the team. Anything
   * else answers as if there were no such item.
   */
  async findItem(actor: Actor, id: string): Promise<{ item: OpinionItem; meeting: Meeting }> {
    const item = await this.items.findOne({ where: { id, organizationId: actor.organizationId } });
    if (!item) throw AppError.notFound('意见');
    const meeting = await this.meetings.getMeeting(actor, item.meetingId).catch(() => null);
    if (!meeting) throw AppError.notFound('意见');
    if (readsDrafts(actor)) return { item, meeting };
    if (item.status !== 'published') throw AppError.notFound('意见');
    const concernsThem = item.targetMemberId === null || item.targetMemberId === actor.userId;
    if (hasRole(actor, Role.Supervisor) || concernsThem) return { item, meeting };
    throw AppError.notFound('意见');
  }

  private assertInList(item: OpinionItem): void {
    if (item.status === 'merged') throw new AppError(ErrorCode.Conflict, HttpStatus.CONFLICT, '这条意见已经合并到别的意见');
  }

  private async moveOpinions(manager: EntityManager, ids: string[], itemId: string): Promise<void> {
    for (let start = 0; start < ids.length; start += 500) await manager.update(RawOpinion, { id: In(ids.slice(start, start + 500)) }, { itemId });
  }
}

/**
 * Whether the actor reads the list before it is published (drafts, set-aside and merged items):
 * organisers only. The 督导组 reads the published list and its answers, as the team does; a draft
 * is the organiser's work in progress, not yet anything the team has been asked to answer.
 */
export function readsDrafts(actor: Actor): boolean {
  return hasRole(actor, Role.Organiser);
}

function targetOf(team: TeamMemberView[], targetMemberId: string | null): ItemTarget {
  if (!targetMemberId) return { id: null, name: TEAM_TARGET_NAME };
  return { id: targetMemberId, name: team.find((seat) => seat.userId === targetMemberId)?.displayName ?? '' };
}

export function toItemView(item: OpinionItem, context: ViewContext): ItemView {
  const nameOf = (userId: string) => context.team.find((seat) => seat.userId === userId)?.displayName ?? '';
  const claims: ClaimView[] = context.claims
    .filter((claim) => claim.itemId === item.id)
    .map((claim) => ({
      memberUserId: claim.memberUserId,
      name: nameOf(claim.memberUserId),
      kind: claim.kind,
      answer: claim.answeredAt && claim.reflection && claim.measures ? { reflection: claim.reflection, measures: claim.measures, dueDate: claim.dueDate, answeredAt: claim.answeredAt.toISOString() } : null,
    }));
  return {
    id: item.id,
    meetingId: item.meetingId,
    aspect: item.aspect,
    target: targetOf(context.team, item.targetMemberId),
    summary: item.summary,
    sourceCount: item.sourceCount,
    channels: item.origin === 'supervision' ? ['supervision'] : [...(context.channels.get(item.id) ?? [])].sort(),
    status: item.status,
    setAsideReason: item.setAsideReason,
    claims,
  };
}
