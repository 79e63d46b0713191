import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { isRealDate } from '../common/dates';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { isUniqueViolation } from '../database/unique-violation';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingScope } from '../meetings/meeting-scope';
import { MeetingsService } from '../meetings/meetings.service';
import { TeamRole } from '../meetings/team-member.entity';
import { AnswerDto, AssignDto, ClaimDto } from './dto/item.dto';
import { ClaimKind, ItemClaim } from './item-claim.entity';
import { ItemDetailView, ItemView } from './item.views';
import { ItemsService } from './items.service';
import { OpinionItem } from './opinion-item.entity';
import { OpinionItemRepository } from './opinion-item.repository';

/** Who has claimed nothing yet, and which team items nobody has taken the lead on (人人认领). */
export interface ClaimOverview {
  membersWithoutClaims: Array<{ userId: string; name: string }>;
  unclaimedTeamItems: Array<{ id: string; aspect: string; summary: string }>;
  unclaimedMemberItems: Array<{ id: string; aspect: string; summary: string; targetMemberId: string }>;
}

/** A published item's answered lead claim: what the rectification ledger (整改台账) starts from. */
export interface AnsweredLead {
  itemId: string;
  /** The item's words, as the list states them. */
  summary: string;
  memberUserId: string;
  /** 整改措施 as the lead wrote them. */
  measures: string;
  dueDate: string | null;
}

/** One member's claims, for the claims page: each item with how they hold it and whether it is answered. */
export interface MemberClaims {
  userId: string;
  name: string;
  role: TeamRole;
  claims: Array<{ item: ItemView; kind: ClaimKind; answered: boolean }>;
}

/** 认领与答复 (the organiser's and the secretary's page): who claimed what, what nobody leads, by when. */
export interface ClaimsBoard {
  meeting: Pick<Meeting, 'id' | 'title' | 'claimUntil'>;
  today: string;
  /** The secretary assigns team items nobody leads (the API's rule: the organiser does not). */
  canAssign: boolean;
  team: MemberClaims[];
  /** Published items without a lead (joint claimants perhaps), in list order. */
  unled: ItemView[];
  published: number;
  answered: number;
}

/**
 * 认领: published items concerning one member go to that member, items concerning the team to
 * every member. One lead per item (the database keeps it so, whatever races), any number of
 * joint claims; the lead answers. The secretary can assign a team item nobody has taken.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectRepository(ItemClaim) private readonly claims: Repository<ItemClaim>,
    private readonly itemRows: OpinionItemRepository,
    private readonly items: ItemsService,
    private readonly meetings: MeetingsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async claim(actor: Actor, itemId: string, dto: ClaimDto): Promise<ItemDetailView> {
    const { item, scope } = await this.claimable(actor, itemId);
    if (item.targetMemberId && item.targetMemberId !== actor.userId) throw AppError.forbidden('这条意见针对其他班子成员，只能由本人认领');
    await this.insertClaim(item, actor.userId, dto.kind, null);
    return this.viewOf(scope, item);
  }

  /** The lead writes the answer: 问题认识 and 整改措施, with a due date if they give one. */
  async answer(actor: Actor, itemId: string, dto: AnswerDto): Promise<ItemDetailView> {
    const { item, scope } = await this.claimable(actor, itemId);
    const mine = await this.claims.findOne({ where: { itemId: item.id, memberUserId: actor.userId } });
    if (!mine) throw AppError.forbidden('请先认领这条意见');
    if (mine.kind !== 'lead') throw AppError.forbidden('由牵头认领的班子成员作答');
    if (dto.dueDate && !isRealDate(dto.dueDate)) throw AppError.badRequest(ErrorCode.ValidationFailed, '整改时限不是有效日期', [{ field: 'dueDate', message: '不是有效日期' }]);
    const { affected } = await this.claims.update({ id: mine.id }, { reflection: dto.reflection, measures: dto.measures, dueDate: dto.dueDate ?? null, answeredAt: this.clock.nowToSecond() });
    // Released between the read and the write: the answer has nowhere to go.
    if (affected === 0) throw AppError.forbidden('请先认领这条意见');
    return this.viewOf(scope, item);
  }

  /**
   * 放弃认领: a member takes back their own claim (tapped by mistake, or not theirs after all)
   * while the item is unanswered; once the lead has answered, the claims stand (409
   * CLAIM_ANSWERED). A lead released leaves the item without a lead (尚无人牵头认领) for anyone to
   * take, the secretary to assign, and the receipts to read "listed" again; its joint claimants
   * stay, and none of them becomes lead unasked. Nothing else follows a claim (no notification,
   * no cache to forget: progress is counted afresh), so nothing else follows its release.
   */
  async release(actor: Actor, itemId: string): Promise<ItemDetailView> {
    const { item, scope } = await this.releasable(actor, itemId);
    await this.dataSource.transaction(async (manager) => {
      const claims = manager.getRepository(ItemClaim);
      const mine = await claims.findOne({ where: { itemId: item.id, memberUserId: actor.userId } });
      if (!mine) throw notClaimed();
      const lead = mine.kind === 'lead' ? mine : await claims.findOne({ where: { itemId: item.id, kind: 'lead' } });
      if (lead?.answeredAt) throw answeredAlready();
      // Only while still unanswered: an answer written since the read above keeps the claim.
      const { affected } = await claims.delete({ id: mine.id, answeredAt: IsNull() });
      if (!affected) throw answeredAlready();
    });
    return this.viewOf(scope, item);
  }

  /** The item whose claim the actor is about to release, with its meeting: refused now as release would refuse it. */
  async releasableItem(actor: Actor, itemId: string): Promise<{ meeting: Meeting; item: ItemDetailView }> {
    const { item, scope } = await this.releasable(actor, itemId);
    const view = await this.viewOf(scope, item);
    const mine = view.claims.find((claim) => claim.memberUserId === actor.userId);
    if (!mine) throw notClaimed();
    if (view.claims.some((claim) => claim.kind === 'lead' && claim.answer)) throw answeredAlready();
    return { meeting: scope.meeting, item: view };
  }

  private async releasable(actor: Actor, itemId: string): Promise<{ item: OpinionItem; scope: MeetingScope }> {
    const found = await this.onTeamItem(actor, itemId);
    if (found.item.status !== 'published') throw AppError.conflict(ErrorCode.Conflict, '这条意见已不在发布的清单中，认领不能更改');
    return found;
  }

  /** The secretary gives a team item nobody leads to a member, as its lead. */
  async assign(actor: Actor, itemId: string, dto: AssignDto): Promise<ItemDetailView> {
    const { item, scope } = await this.claimable(actor, itemId);
    if (!scope.isSecretary) throw AppError.forbidden('只有主要负责同志可以分配意见');
    if (item.targetMemberId) throw AppError.conflict(ErrorCode.Conflict, '只有针对班子整体的意见可以分配');
    if (!scope.seatOf(dto.memberUserId)) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '所选的人不是本次会议的班子成员', [{ field: 'memberUserId', message: '不是班子成员' }]);
    }
    await this.insertClaim(item, dto.memberUserId, 'lead', actor.userId);
    return this.viewOf(scope, item);
  }

  async overview(actor: Actor, meetingId: string): Promise<ClaimOverview> {
    const scope = await this.meetings.scope(actor, meetingId);
    const team = await scope.team();
    const published = await this.itemRows.published(scope.meetingId);
    const claims = published.length ? await this.claims.find({ where: { itemId: In(published.map((item) => item.id)) } }) : [];
    const led = new Set(claims.filter((claim) => claim.kind === 'lead').map((claim) => claim.itemId));
    const claimants = new Set(claims.map((claim) => claim.memberUserId));
    const unled = published.filter((item) => !led.has(item.id));
    return {
      membersWithoutClaims: team.filter((seat) => !claimants.has(seat.userId)).map((seat) => ({ userId: seat.userId, name: seat.displayName })),
      unclaimedTeamItems: unled.filter((item) => !item.targetMemberId).map(({ id, aspect, summary }) => ({ id, aspect, summary })),
      unclaimedMemberItems: unled.filter((item) => item.targetMemberId).map(({ id, aspect, summary, targetMemberId }) => ({ id, aspect, summary, targetMemberId: targetMemberId! })),
    };
  }

  /**
   * The claims page: every published item's claims by member, and the items nobody leads. For
   * the organiser and for the meeting's secretary, who shares out the team's items; a member or
   * the 督导组 get 403 (the 督导组 read the published list instead).
   */
  async board(actor: Actor, meetingId: string): Promise<ClaimsBoard> {
    const scope = await this.meetings.scope(actor, meetingId);
    if (!hasRole(actor, Role.Organiser) && !scope.isSecretary) throw AppError.forbidden('认领情况供组织者和主要负责同志查看');
    const team = await scope.team();
    const items = await this.items.views(scope, await this.itemRows.published(scope.meetingId));
    const led = (item: ItemView) => item.claims.find((claim) => claim.kind === 'lead');
    const { id, title, claimUntil } = scope.meeting;
    return {
      meeting: { id, title, claimUntil },
      today: this.clock.today(),
      canAssign: scope.isSecretary,
      team: team.map((seat) => ({
        userId: seat.userId,
        name: seat.displayName,
        role: seat.role,
        claims: items.flatMap((item) =>
          item.claims.filter((claim) => claim.memberUserId === seat.userId).map((claim) => ({ item, kind: claim.kind, answered: led(item)?.answer != null })),
        ),
      })),
      unled: items.filter((item) => !led(item)),
      published: items.length,
      answered: items.filter((item) => led(item)?.answer).length,
    };
  }

  /** The answered lead claims of the meeting's published items, in list order. */
  async answeredLeads(scope: MeetingScope): Promise<AnsweredLead[]> {
    const published = await this.itemRows.published(scope.meetingId);
    if (!published.length) return [];
    const leads = await this.claims.find({ where: { itemId: In(published.map((item) => item.id)), kind: 'lead', answeredAt: Not(IsNull()) } });
    const byItem = new Map(leads.map((claim) => [claim.itemId, claim]));
    return published.flatMap((item) => {
      const lead = byItem.get(item.id);
      return lead ? [{ itemId: item.id, summary: item.summary, memberUserId: lead.memberUserId, measures: lead.measures ?? '', dueDate: lead.dueDate }] : [];
    });
  }

  /** The published list with its claims and answers, read-only (the 督导组's and the organiser's). */
  async publishedList(actor: Actor, meetingId: string): Promise<{ meeting: Meeting; items: ItemView[] }> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    return { meeting, items: await this.items.listItems(actor, meeting.id, { status: 'published' }) };
  }

  /** A team member's items: published to them or to the team, in every meeting they sit on, with their sources. */
  async myItems(actor: Actor): Promise<ItemDetailView[]> {
    return (await this.myItemsByMeeting(actor)).flatMap(({ items }) => items);
  }

  /** The same, meeting by meeting (the meetings the actor sits on, with something published to them). */
  async myItemsByMeeting(actor: Actor): Promise<Array<{ meeting: Meeting; isSecretary: boolean; items: ItemDetailView[] }>> {
    const byMeeting = [];
    for (const meeting of await this.meetings.listMeetings(actor)) {
      const scope = await this.meetings.scope(actor, meeting.id);
      if (!scope.onTeam) continue;
      const published = await this.itemRows.published(meeting.id);
      const mine = published.filter((item) => !item.targetMemberId || item.targetMemberId === actor.userId);
      if (mine.length) byMeeting.push({ meeting, isSecretary: scope.isSecretary, items: await this.items.detailViews(scope, mine) });
    }
    return byMeeting;
  }

  /** A published item of a meeting the actor sits on; 404 otherwise. */
  private async claimable(actor: Actor, itemId: string): Promise<{ item: OpinionItem; scope: MeetingScope }> {
    const found = await this.onTeamItem(actor, itemId);
    if (found.item.status !== 'published') throw AppError.conflict(ErrorCode.Conflict, '这条意见还没有发布，暂不能认领');
    return found;
  }

  /** An item of a meeting the actor sits on, whatever its status; 404 otherwise. */
  private async onTeamItem(actor: Actor, itemId: string): Promise<{ item: OpinionItem; scope: MeetingScope }> {
    const item = await this.itemRows.findOwned(actor.organizationId, itemId);
    if (!item) throw AppError.notFound('意见');
    const scope = await this.meetings.scope(actor, item.meetingId).catch(() => null);
    if (!scope?.onTeam) throw AppError.notFound('意见');
    return { item, scope };
  }

  /** The item with its claims as they are now: the row itself a claim does not change. */
  private async viewOf(scope: MeetingScope, item: OpinionItem): Promise<ItemDetailView> {
    const [view] = await this.items.detailViews(scope, [item]);
    return view;
  }

  private async insertClaim(item: OpinionItem, memberUserId: string, kind: ClaimKind, assignedBy: string | null): Promise<void> {
    try {
      await this.claims.insert({
        id: newId(),
        organizationId: item.organizationId,
        meetingId: item.meetingId,
        itemId: item.id,
        memberUserId,
        kind,
        leadOf: kind === 'lead' ? item.id : null,
        reflection: null,
        measures: null,
        dueDate: null,
        answeredAt: null,
        assignedBy,
        createdAt: this.clock.nowToSecond(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(ErrorCode.AlreadyClaimed, HttpStatus.CONFLICT, kind === 'lead' ? '这条意见已有班子成员牵头认领，可以联合认领' : '您已经认领了这条意见');
      }
      throw error;
    }
  }
}

function notClaimed(): AppError {
  return new AppError(ErrorCode.NotFound, HttpStatus.NOT_FOUND, '您没有认领这条意见');
}

function answeredAlready(): AppError {
  return AppError.conflict(ErrorCode.ClaimAnswered, '这条意见已经答复，不能再放弃认领');
}
