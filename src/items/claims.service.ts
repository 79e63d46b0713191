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
import { MeetingsService } from '../meetings/meetings.service';
import { AnswerDto, AssignDto, ClaimDto } from './dto/item.dto';
import { ClaimKind, ItemClaim } from './item-claim.entity';
import { ItemDetailView } from './item.views';
import { ItemsService } from './items.service';
import { OpinionItem } from './opinion-item.entity';

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
    @InjectRepository(OpinionItem) private readonly itemRows: Repository<OpinionItem>,
    private readonly items: ItemsService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  async claim(actor: Actor, itemId: string, dto: ClaimDto): Promise<ItemDetailView> {
    const item = await this.claimable(actor, itemId);
    if (item.targetMemberId && item.targetMemberId !== actor.userId) throw AppError.forbidden('这条意见针对其他班子成员，只能由本人认领');
    await this.insertClaim(item, actor.userId, dto.kind, null);
    return this.items.getItem(actor, item.id);
  }

  /** The lead writes the answer: 问题认识 and 整改措施, with a due date if they give one. */
  async answer(actor: Actor, itemId: string, dto: AnswerDto): Promise<ItemDetailView> {
    const item = await this.claimable(actor, itemId);
    const mine = await this.claims.findOne({ where: { itemId: item.id, memberUserId: actor.userId } });
    if (!mine) throw AppError.forbidden('请先认领这条意见');
    if (mine.kind !== 'lead') throw AppError.forbidden('由牵头认领的班子成员作答');
    if (dto.dueDate && !isRealDate(dto.dueDate)) throw AppError.badRequest(ErrorCode.ValidationFailed, '整改时限不是有效日期', [{ field: 'dueDate', message: '不是有效日期' }]);
    await this.claims.update({ id: mine.id }, { reflection: dto.reflection, measures: dto.measures, dueDate: dto.dueDate ?? null, answeredAt: this.clock.nowToSecond() });
    return this.items.getItem(actor, item.id);
  }

  /** The secretary gives a team item nobody leads to a member, as its lead. */
  async assign(actor: Actor, itemId: string, dto: AssignDto): Promise<ItemDetailView> {
    const item = await this.claimable(actor, itemId);
    const team = await this.meetings.getTeam(actor, item.meetingId);
    if (!team.some((seat) => seat.userId === actor.userId && seat.role === 'secretary')) throw AppError.forbidden('只有主要负责同志可以分配意见');
    if (item.targetMemberId) throw AppError.conflict(ErrorCode.Conflict, '只有针对班子整体的意见可以分配');
    if (!team.some((seat) => seat.userId === dto.memberUserId)) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '所选的人不是本次会议的班子成员', [{ field: 'memberUserId', message: '不是班子成员' }]);
    }
    await this.insertClaim(item, dto.memberUserId, 'lead', actor.userId);
    return this.items.getItem(actor, item.id);
  }

  async overview(actor: Actor, meetingId: string): Promise<ClaimOverview> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const team = await this.meetings.getTeam(actor, meeting.id);
    const published = await this.itemRows.find({ where: { meetingId: meeting.id, status: 'published' }, order: { aspect: 'ASC', createdAt: 'ASC' } });
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
      if (!(await this.meetings.getTeam(actor, meeting.id)).some((seat) => seat.userId === actor.userId)) continue;
      const published = await this.itemRows.find({ where: { meetingId: meeting.id, status: 'published' }, order: { aspect: 'ASC', createdAt: 'ASC' } });
      const mine = published.filter((item) => !item.targetMemberId || item.targetMemberId === actor.userId);
      if (mine.length) byMeeting.push({ meeting, items: await this.items.detailViews(actor, meeting, mine) });
    }
    return byMeeting;
  }

  /** A published item of a meeting the actor sits on; 404 otherwise. */
  private async claimable(actor: Actor, itemId: string): Promise<OpinionItem> {
    const item = await this.itemRows.findOne({ where: { id: itemId, organizationId: actor.organizationId } });
    if (!item) throw AppError.notFound('意见');
    const team = await this.meetings.getTeam(actor, item.meetingId).catch(() => null);
    if (!team?.some((seat) => seat.userId === actor.userId)) throw AppError.notFound('意见');
    if (item.status !== 'published') throw AppError.conflict(ErrorCode.Conflict, '这条意见还没有发布，暂不能认领');
    return item;
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
