import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { isRealDate } from '../common/dates';
import { newId } from '../common/ids';
import { isUniqueViolation } from '../database/unique-violation';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingScope } from '../meetings/meeting-scope';
import { MeetingsService } from '../meetings/meetings.service';
import { AnswerDto, AssignDto, ClaimDto } from './dto/item.dto';
import { ClaimKind, ItemClaim } from './item-claim.entity';
import { ItemDetailView } from './item.views';
import { ItemsService } from './items.service';
import { OpinionItem } from './opinion-item.entity';
import { OpinionItemRepository } from './opinion-item.repository';

/** Who has claimed nothing yet, and which team items nobody has taken the lead on (人人认领). */
export interface ClaimOverview {
  membersWithoutClaims: Array<{ userId: string; name: string }>;
  unclaimedTeamItems: Array<{ id: string; aspect: string; summary: string }>;
  unclaimedMemberItems: Array<{ id: string; aspect: string; summary: string; targetMemberId: string }>;
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
    await this.claims.update({ id: mine.id }, { reflection: dto.reflection, measures: dto.measures, dueDate: dto.dueDate ?? null, answeredAt: this.clock.nowToSecond() });
    return this.viewOf(scope, item);
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

  /** A team member's items: published to them or to the team, in every meeting they sit on, with their sources. */
  async myItems(actor: Actor): Promise<ItemDetailView[]> {
    return (await this.myItemsByMeeting(actor)).flatMap(({ items }) => items);
  }

  /** The same, meeting by meeting (the meetings the actor sits on, with something published to them). */
  async myItemsByMeeting(actor: Actor): Promise<Array<{ meeting: Meeting; items: ItemDetailView[] }>> {
    const byMeeting = [];
    for (const meeting of await this.meetings.listMeetings(actor)) {
      const scope = await this.meetings.scope(actor, meeting.id);
      if (!scope.onTeam) continue;
      const published = await this.itemRows.published(meeting.id);
      const mine = published.filter((item) => !item.targetMemberId || item.targetMemberId === actor.userId);
      if (mine.length) byMeeting.push({ meeting, items: await this.items.detailViews(scope, mine) });
    }
    return byMeeting;
  }

  /** A published item of a meeting the actor sits on; 404 otherwise. */
  private async claimable(actor: Actor, itemId: string): Promise<{ item: OpinionItem; scope: MeetingScope }> {
    const item = await this.itemRows.findOwned(actor.organizationId, itemId);
    if (!item) throw AppError.notFound('意见');
    const scope = await this.meetings.scope(actor, item.meetingId).catch(() => null);
    if (!scope?.onTeam) throw AppError.notFound('意见');
    if (item.status !== 'published') throw AppError.conflict(ErrorCode.Conflict, '这条意见还没有发布，暂不能认领');
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
