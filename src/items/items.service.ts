import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { OTHER_ASPECT } from '../meetings/aspect-presets';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingScope } from '../meetings/meeting-scope';
import { TeamMemberView } from '../meetings/meeting.views';
import { MeetingsService } from '../meetings/meetings.service';
import { OpinionPlacements } from '../opinions/opinion-placements';
import { chosenAspect, chosenTarget, TEAM_TARGET_NAME } from '../opinions/opinion-rules';
import { OPINION_CHANNELS, OpinionChannel } from '../opinions/raw-opinion.entity';
import { QuestionsService } from '../questions/questions.service';
import { AddItemDto, ListItemsQuery, MergeItemDto, SetAsideDto, SplitItemDto, UpdateItemDto } from './dto/item.dto';
import { ItemClaim } from './item-claim.entity';
import { newItem } from './item-factory';
import { ItemMerge } from './item-merge.entity';
import { ItemSources } from './item-sources';
import { ClaimView, ItemDetailView, ItemSummaryView, ItemTarget, ItemView, MergedItemView, RepeatOfView, SourceView } from './item.views';
import { OpinionItem } from './opinion-item.entity';
import { ON_THE_LIST, OpinionItemRepository } from './opinion-item.repository';
import { RepeatOrigins } from './repeat-origins';

/** Everything a view of items needs besides the items: names, claims, channels. */
interface ViewContext {
  team: TeamMemberView[];
  claims: ItemClaim[];
  channels: Map<string, Set<OpinionChannel>>;
  /** The earlier items the items repeat, by id. */
  repeats: Map<string, RepeatOfView>;
}

/** An item the actor may see, and their scope of its meeting. */
export interface FoundItem {
  item: OpinionItem;
  scope: MeetingScope;
}

/**
 * The organiser's side of the opinion list (意见清单): read, filter, re-word, re-aspect,
 * re-target, merge (and undo), split, set aside, add items the upper level names, publish, and
 * the numbers for the report. Sources are shown as words, channel and day only; they move
 * between items through ItemSources alone, which keeps each item's count.
 */
@Injectable()
export class ItemsService {
  constructor(
    private readonly items: OpinionItemRepository,
    private readonly sources: ItemSources,
    private readonly placements: OpinionPlacements,
    @InjectRepository(ItemClaim) private readonly claims: Repository<ItemClaim>,
    @InjectRepository(ItemMerge) private readonly merges: Repository<ItemMerge>,
    private readonly meetings: MeetingsService,
    private readonly repeatOrigins: RepeatOrigins,
    private readonly questions: QuestionsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * A meeting's published items, oldest first — those of `ids`, or the team's (naming no member) —
   * for a draft of the 对照检查材料, whose service has checked who may read them.
   */
  publishedItems(meetingId: string, which: { ids: string[] } | { team: true }): Promise<OpinionItem[]> {
    if ('ids' in which && which.ids.length === 0) return Promise.resolve([]);
    return this.items.findPublished(meetingId, which);
  }

  /** The organisation an item belongs to, or null, whoever asks: for the 督导组's reach only (see SupervisedUnits). */
  organizationOf(id: string): Promise<string | null> {
    return this.items.organizationOf(id);
  }

  /** The meeting's items; for the 督导组, the published ones only (see readsDrafts). */
  async listItems(actor: Actor, meetingId: string, query: ListItemsQuery): Promise<ItemView[]> {
    const scope = await this.meetings.scope(actor, meetingId);
    const readsAll = readsDrafts(actor);
    if (!readsAll && query.status && query.status !== 'published') return [];
    const items = await this.items.inListOrder(scope.meetingId, {
      status: query.status ?? (readsAll ? In([...ON_THE_LIST]) : 'published'),
      ...(query.aspect ? { aspect: query.aspect } : {}),
      ...(query.target ? { targetMemberId: query.target === 'team' ? IsNull() : query.target } : {}),
    });
    return this.views(scope, items);
  }

  /**
   * The organiser's review of the whole list (/meetings/:id/items): the meeting, its team and
   * every item on the list (draft, published, set aside) with its sources, in one read of each.
   */
  async reviewList(actor: Actor, meetingId: string): Promise<{ meeting: Meeting; team: TeamMemberView[]; items: ItemDetailView[] }> {
    const scope = await this.meetings.scope(actor, meetingId);
    if (!readsDrafts(actor)) throw AppError.forbidden('意见清单的整理供组织者使用');
    const items = await this.items.onTheList(scope.meetingId);
    const [team, views] = await Promise.all([scope.team(), this.detailViews(scope, items)]);
    return { meeting: scope.meeting, team, items: views };
  }

  /** The id of the meeting's listed item whose id begins with `prefix` (the short number pages show), if exactly one does. */
  async listedItemIdByPrefix(actor: Actor, meetingId: string, prefix: string): Promise<string | null> {
    const scope = await this.meetings.scope(actor, meetingId);
    const wanted = prefix.toLowerCase();
    const matches = (await this.items.forPlacing(scope.meetingId)).filter((item) => item.id.startsWith(wanted));
    return matches.length === 1 ? matches[0].id : null;
  }

  /** One item with its verbatim sources; the notes for organisers and supervisors only. */
  async getItem(actor: Actor, id: string): Promise<ItemDetailView> {
    const { item, scope } = await this.findItem(actor, id);
    const [view] = await this.detailViews(scope, [item]);
    return view;
  }

  /**
   * Items of one meeting with their sources, in one read of each (names, claims, channels,
   * sources), for items the caller has already found the actor may see. Notes for organisers
   * and supervisors only.
   */
  async detailViews(scope: MeetingScope, items: OpinionItem[]): Promise<ItemDetailView[]> {
    const views = await this.views(scope, items);
    const sources = await this.placements.sourcesOf(items.map((item) => item.id));
    // 追问 beside its source; a reply only once released (QuestionsService.forSources).
    const questions = await this.questions.forSources(sources.map((source) => source.id));
    // Grouped once: the review page asks for several hundred items at a time.
    const sourcesOf = new Map<string, SourceView[]>();
    for (const source of sources) {
      const asked = questions.get(source.id);
      const view = { id: source.id, text: source.text, channel: source.channel, day: source.receivedOn, ...(asked ? { questions: asked } : {}) };
      const list = sourcesOf.get(source.itemId!);
      if (list) list.push(view);
      else sourcesOf.set(source.itemId!, [view]);
    }
    const withNotes = scope.oversees;
    return items.map((item, index) => ({
      ...views[index],
      sources: sourcesOf.get(item.id) ?? [],
      ...(withNotes ? { notes: item.notes } : {}),
    }));
  }

  /** Re-words, re-aspects or re-targets an item; later automatic runs leave these as they are. */
  async updateItem(actor: Actor, id: string, dto: UpdateItemDto): Promise<ItemDetailView> {
    const { item, scope } = await this.findItem(actor, id);
    this.assertInList(item);
    const choices = scope.choices(true);
    const changes: Partial<OpinionItem> = {};
    if (dto.summary !== undefined) changes.summary = dto.summary;
    if (dto.aspect !== undefined) changes.aspect = chosenAspect(choices, dto.aspect)!;
    if (dto.targetMemberId !== undefined) changes.targetMemberId = chosenTarget(choices, dto.targetMemberId);
    if (dto.notes !== undefined) changes.notes = dto.notes;
    if (dto.summary !== undefined || dto.aspect !== undefined || dto.targetMemberId !== undefined) changes.editedAt = this.clock.nowToSecond();
    if (Object.keys(changes).length === 0) {
      const message = '没有要修改的内容：请给出 summary、aspect、targetMemberId 或 notes';
      throw AppError.badRequest(ErrorCode.ValidationFailed, `请求内容有误：${message}`, [{ field: 'body', message }]);
    }
    await this.items.update(item.id, changes);
    return this.reread(scope, item.id);
  }

  /** Puts an item's opinions into another item of the same meeting; the merge is kept so it can be undone. */
  async mergeItem(actor: Actor, id: string, dto: MergeItemDto): Promise<MergedItemView> {
    const { item, scope } = await this.findItem(actor, id);
    const { item: into } = await this.findItem(actor, dto.intoItemId);
    if (into.id === item.id || into.meetingId !== item.meetingId) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '只能合并到同一次会议的另一条意见', [{ field: 'intoItemId', message: '不是同一次会议的另一条意见' }]);
    }
    this.assertInList(item);
    this.assertInList(into);
    if (await this.claims.exists({ where: { itemId: item.id } })) throw AppError.conflict(ErrorCode.Conflict, '这条意见已有班子成员认领，不能再合并到别的意见');
    const opinionIds = await this.placements.idsIn(item.id);
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
      await this.sources.move(manager, opinionIds, item.id, into.id);
      await this.items.update(item.id, { status: 'merged', mergedIntoId: into.id }, manager);
      await manager.insert(ItemMerge, merge);
    });
    return { ...(await this.reread(scope, into.id)), mergeId: merge.id };
  }

  /** Undoes a merge: the opinions still in the item they went to come back, and the item returns as it was. */
  async undoMerge(actor: Actor, mergeId: string): Promise<ItemDetailView> {
    const merge = await this.merges.findOne({ where: { id: mergeId, organizationId: actor.organizationId } });
    if (!merge) throw AppError.notFound('合并记录');
    const { item, scope } = await this.findItem(actor, merge.fromItemId);
    if (merge.undoneAt || item.status !== 'merged') throw AppError.conflict(ErrorCode.Conflict, '这次合并已经撤销');
    await this.dataSource.transaction(async (manager) => {
      const stillThere = await this.placements.stillIn(manager, merge.opinionIds, merge.intoItemId);
      await this.sources.move(manager, stillThere, merge.intoItemId, item.id);
      await this.items.update(item.id, { status: merge.fromStatus, mergedIntoId: null }, manager);
      await manager.update(ItemMerge, { id: merge.id }, { undoneAt: this.clock.nowToSecond() });
    });
    return this.reread(scope, item.id);
  }

  /** Moves some of an item's sources to a new draft item, worded as the first of them. */
  async splitItem(actor: Actor, id: string, dto: SplitItemDto): Promise<ItemDetailView> {
    const { item, scope } = await this.findItem(actor, id);
    this.assertInList(item);
    const ids = [...new Set(dto.sourceIds)];
    const sources = await this.placements.sourcesOf([item.id], ids);
    if (sources.length !== ids.length) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '要拆分的来源不全属于这条意见', [{ field: 'sourceIds', message: '含有不属于这条意见的来源' }]);
    }
    if (sources.length >= item.sourceCount) throw AppError.badRequest(ErrorCode.ValidationFailed, '至少要留下一条来源；要整体调整请直接修改这条意见', [{ field: 'sourceIds', message: '不能拆走全部来源' }]);
    const split = newItem({ ...item, summary: sources[0].text, origin: 'split', now: this.clock.nowToSecond(), byHand: true });
    await this.dataSource.transaction((manager) => this.sources.splitOff(manager, split, ids, item.id));
    return this.reread(scope, split.id);
  }

  /** Keeps an item, visible and counted apart, out of the list claimants see. */
  async setAside(actor: Actor, id: string, dto: SetAsideDto): Promise<ItemDetailView> {
    const { item, scope } = await this.findItem(actor, id);
    this.assertInList(item);
    if (await this.claims.exists({ where: { itemId: item.id } })) throw AppError.conflict(ErrorCode.Conflict, '这条意见已有班子成员认领，不能搁置');
    await this.items.update(item.id, { status: 'set-aside', setAsideReason: dto.reason });
    return this.reread(scope, item.id);
  }

  /** Brings a set-aside item back, as a draft or, if it had been published, published. */
  async restore(actor: Actor, id: string): Promise<ItemDetailView> {
    const { item, scope } = await this.findItem(actor, id);
    if (item.status !== 'set-aside') throw AppError.conflict(ErrorCode.Conflict, '这条意见没有被搁置');
    await this.items.update(item.id, { status: item.publishedAt ? 'published' : 'draft', setAsideReason: null });
    return this.reread(scope, item.id);
  }

  /** An item the upper level or the 督导组 names: no source, to be claimed like any other. */
  async addItem(actor: Actor, meetingId: string, dto: AddItemDto): Promise<ItemDetailView> {
    const scope = await this.meetings.scope(actor, meetingId);
    const choices = scope.choices(true);
    const item = newItem({
      organizationId: actor.organizationId,
      meetingId: scope.meetingId,
      aspect: chosenAspect(choices, dto.aspect)!,
      targetMemberId: chosenTarget(choices, dto.targetMemberId),
      summary: dto.summary,
      origin: 'supervision',
      now: this.clock.nowToSecond(),
      byHand: true,
    });
    await this.dataSource.transaction((manager) => this.items.insert(manager, [item]));
    // Straight from the row just written: a supervisor who names it reads it back although it is a
    // draft, which they could not look up by id.
    const [view] = await this.detailViews(scope, [item]);
    return view;
  }

  /** Publishes every draft of the meeting: they go to the members they concern, or to the whole team. */
  async publish(actor: Actor, meetingId: string): Promise<{ published: number }> {
    const scope = await this.meetings.scope(actor, meetingId);
    return { published: await this.items.publishDrafts(scope.meetingId, this.clock.nowToSecond()) };
  }

  /** "共收集意见建议N条，归纳为X个方面Y条", with the figures behind it. */
  async summary(actor: Actor, meetingId: string): Promise<ItemSummaryView> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    const team = await scope.team();
    const items = await this.items.onTheList(meeting.id);
    const listed = items.filter((item) => item.status !== 'set-aside');
    // Released opinions only: a held one is in no count until its batch goes out (统一整理).
    const byChannel = await this.placements.releasedByChannel(meeting.id);
    const opinions = [...byChannel.values()].reduce((sum, count) => sum + count, 0);
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
      byChannel: OPINION_CHANNELS.map((channel) => ({ channel, opinions: byChannel.get(channel) ?? 0 })),
    };
  }

  /** Items as lists show them, with names, claims and channels. */
  async views(scope: MeetingScope, items: OpinionItem[]): Promise<ItemView[]> {
    const context = await this.viewContext(scope, items);
    return items.map((item) => toItemView(item, context));
  }

  private async viewContext(scope: MeetingScope, items: OpinionItem[]): Promise<ViewContext> {
    const ids = items.map((item) => item.id);
    const team = await scope.team();
    if (ids.length === 0) return { team, claims: [], channels: new Map(), repeats: new Map() };
    const repeatOfIds = items.flatMap((item) => (item.repeatOfItemId ? [item.repeatOfItemId] : []));
    const [claims, channels, repeats] = await Promise.all([
      this.claims.find({ where: { itemId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.placements.channelsOf(ids),
      repeatOfIds.length ? this.repeatOrigins.of(repeatOfIds) : new Map<string, RepeatOfView>(),
    ]);
    return { team, claims, channels, repeats };
  }

  /**
   * The item, if the actor's organisation has it and the actor may see it: organisers always; the
   * 督导组 once it is published; a team member once it is published to them or the team. Anything
   * else answers as if there were no such item.
   */
  async findItem(actor: Actor, id: string): Promise<FoundItem> {
    const item = await this.items.findOwned(actor.organizationId, id);
    if (!item) throw AppError.notFound('意见');
    const scope = await this.meetings.scope(actor, item.meetingId).catch(() => null);
    if (!scope) throw AppError.notFound('意见');
    if (readsDrafts(actor)) return { item, scope };
    if (item.status !== 'published') throw AppError.notFound('意见');
    const concernsThem = item.targetMemberId === null || item.targetMemberId === actor.userId;
    if (hasRole(actor, Role.Supervisor) || concernsThem) return { item, scope };
    throw AppError.notFound('意见');
  }

  /** An item as it is now, after the actor changed it (the actor was allowed to see it before). */
  async reread(scope: MeetingScope, id: string): Promise<ItemDetailView> {
    const { item } = await this.findItem(scope.actor, id);
    const [view] = await this.detailViews(scope, [item]);
    return view;
  }

  private assertInList(item: OpinionItem): void {
    if (item.status === 'merged') throw new AppError(ErrorCode.Conflict, HttpStatus.CONFLICT, '这条意见已经合并到别的意见');
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
  // The lead first, then the joint claimants in the order they claimed.
  const claims: ClaimView[] = context.claims
    .filter((claim) => claim.itemId === item.id)
    .sort((a, b) => Number(a.kind !== 'lead') - Number(b.kind !== 'lead'))
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
    repeatOf: (item.repeatOfItemId && context.repeats.get(item.repeatOfItemId)) || null,
  };
}
