import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { ItemClaim } from '../items/item-claim.entity';
import { OpinionItem } from '../items/opinion-item.entity';
import { CheckMaterial } from '../materials/check-material.entity';
import { MaterialStatus } from '../materials/material-states';
import { Meeting } from '../meetings/meeting.entity';
import { isCollectingOver } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { OPINION_CHANNELS, OpinionChannel, RawOpinion } from '../opinions/raw-opinion.entity';
import { isBoxOpen } from '../boxes/box-state';
import { Box } from '../boxes/box.entity';
import { responseRate } from '../surveys/survey-results';
import { Survey } from '../surveys/survey.entity';
import { SurveyToken } from '../surveys/survey-token.entity';
import { TalksService } from '../talks/talks.service';

const DEADLINES = [
  { name: 'collectUntil', label: '征求意见截止' },
  { name: 'talksUntil', label: '谈心谈话截止' },
  { name: 'claimUntil', label: '认领答复截止' },
  { name: 'materialsUntil', label: '对照检查材料截止' },
  { name: 'heldOn', label: '会议召开' },
] as const;
type DeadlineName = (typeof DEADLINES)[number]['name'];

export interface ProgressView {
  meetingId: string;
  phase: Meeting['phase'];
  opinions: { total: number; byChannel: Record<OpinionChannel, number>; byAspect: Record<string, number>; byDay: Array<{ day: string; count: number }> };
  boxes: Array<{ id: string; title: string; opinions: number; releaseThreshold: number; released: boolean }>;
  surveys: Array<{ id: string; title: string; tokensIssued: number; responses: number; responseRate: number | null }>;
  talks: { required: number; pending: number; held: number; confirmed: number };
  items: { total: number; draft: number; published: number; setAside: number; claimed: number; answered: number };
  members: Array<{ userId: string; name: string; role: string; talksPending: number; itemsUnclaimed: number; itemsUnanswered: number; materialStatus: MaterialStatus }>;
  deadlines: Array<{ name: DeadlineName; label: string; date: string; passed: boolean; overdue: boolean }>;
}

type CountRow = { key: string | null; count: string | number };

/**
 * 筹备进度: how far a meeting's preparation has come, from aggregate queries (counts grouped in
 * the database; of items, claims and materials only ids and statuses are read).
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly talks: TalksService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async progress(actor: Actor, meetingId: string): Promise<ProgressView> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    return this.compute(actor, meeting);
  }

  private async compute(actor: Actor, meeting: Meeting): Promise<ProgressView> {
    const today = this.clock.today();
    const team = await this.meetings.getTeam(actor, meeting.id);
    const [byChannel, byAspect, byDay, boxes, surveys, items, claims, materials, required] = await Promise.all([
      this.counts(RawOpinion, 'channel', meeting.id),
      this.opinionsByAspect(meeting.id),
      this.counts(RawOpinion, 'receivedOn', meeting.id),
      this.boxCounts(meeting),
      this.surveyCounts(meeting.id),
      this.dataSource.getRepository(OpinionItem).find({ where: { meetingId: meeting.id }, select: { id: true, status: true, targetMemberId: true } }),
      this.dataSource.getRepository(ItemClaim).find({ where: { meetingId: meeting.id }, select: { itemId: true, memberUserId: true, kind: true, answeredAt: true } }),
      this.dataSource.getRepository(CheckMaterial).find({ where: { meetingId: meeting.id }, select: { memberUserId: true, status: true } }),
      this.talks.requiredTalks(actor, meeting.id),
    ]);

    const total = byChannel.reduce((sum, row) => sum + Number(row.count), 0);
    const listed = items.filter((item) => item.status !== 'merged');
    const published = listed.filter((item) => item.status === 'published');
    const leadOf = new Map(claims.filter((claim) => claim.kind === 'lead').map((claim) => [claim.itemId, claim]));
    const talkCount = (status: string) => required.filter((pair) => pair.status === status).length;
    const members = team.map((seat) => ({
      userId: seat.userId,
      name: seat.displayName,
      role: seat.role,
      talksPending: required.filter((pair) => pair.status === 'pending' && (pair.a === seat.userId || pair.b === seat.userId)).length,
      itemsUnclaimed: published.filter((item) => item.targetMemberId === seat.userId && !leadOf.has(item.id)).length,
      itemsUnanswered: published.filter((item) => leadOf.get(item.id)?.memberUserId === seat.userId && !leadOf.get(item.id)?.answeredAt).length,
      materialStatus: materials.find((material) => material.memberUserId === seat.userId)?.status ?? ('not-started' as MaterialStatus),
    }));
    const unfinished: Record<DeadlineName, boolean> = {
      collectUntil: boxes.some((box) => box.open),
      talksUntil: talkCount('pending') > 0,
      claimUntil: published.some((item) => !leadOf.get(item.id)?.answeredAt),
      materialsUntil: members.some((member) => member.materialStatus !== 'approved'),
      heldOn: !isCollectingOver(meeting.phase),
    };
    return {
      meetingId: meeting.id,
      phase: meeting.phase,
      opinions: {
        total,
        byChannel: Object.fromEntries(OPINION_CHANNELS.map((channel) => [channel, Number(byChannel.find((row) => row.key === channel)?.count ?? 0)])) as Record<OpinionChannel, number>,
        byAspect: Object.fromEntries(byAspect.map((row) => [row.key ?? '未归类', Number(row.count)])),
        byDay: byDay.map((row) => ({ day: dayOf(row.key), count: Number(row.count) })).sort((a, b) => a.day.localeCompare(b.day)),
      },
      boxes: boxes.map(({ open: _open, ...box }) => box),
      surveys,
      talks: { required: required.length, pending: talkCount('pending'), held: talkCount('held'), confirmed: talkCount('confirmed') },
      items: {
        total: listed.length,
        draft: listed.filter((item) => item.status === 'draft').length,
        published: published.length,
        setAside: listed.filter((item) => item.status === 'set-aside').length,
        claimed: published.filter((item) => leadOf.has(item.id)).length,
        answered: published.filter((item) => leadOf.get(item.id)?.answeredAt).length,
      },
      members,
      deadlines: DEADLINES.map(({ name, label }) => {
        const date = meeting[name];
        const passed = date < today;
        return { name, label, date, passed, overdue: passed && unfinished[name] };
      }),
    };
  }

  /** Rows of `entity` for the meeting, counted by one column. */
  private counts(entity: typeof RawOpinion, column: keyof RawOpinion, meetingId: string): Promise<CountRow[]> {
    return this.dataSource
      .getRepository(entity)
      .createQueryBuilder('row')
      .select(`row.${column}`, 'key')
      .addSelect('COUNT(*)', 'count')
      .where('row.meetingId = :meetingId', { meetingId })
      .groupBy(`row.${column}`)
      .getRawMany();
  }

  /** Opinions by the aspect of the item they are in (or the writer's, while not yet placed). */
  private opinionsByAspect(meetingId: string): Promise<CountRow[]> {
    return this.dataSource
      .getRepository(RawOpinion)
      .createQueryBuilder('opinion')
      .leftJoin(OpinionItem, 'item', 'item.id = opinion.itemId')
      .select('COALESCE(item.aspect, opinion.aspect)', 'key')
      .addSelect('COUNT(*)', 'count')
      .where('opinion.meetingId = :meetingId', { meetingId })
      .groupBy('COALESCE(item.aspect, opinion.aspect)')
      .getRawMany();
  }

  private async boxCounts(meeting: Meeting): Promise<Array<{ id: string; title: string; opinions: number; releaseThreshold: number; released: boolean; open: boolean }>> {
    const meetingId = meeting.id;
    const boxes = await this.dataSource.getRepository(Box).find({ where: { meetingId }, order: { createdAt: 'ASC' } });
    if (boxes.length === 0) return [];
    const rows: CountRow[] = await this.dataSource
      .getRepository(RawOpinion)
      .createQueryBuilder('opinion')
      .select('opinion.sourceId', 'key')
      .addSelect('COUNT(*)', 'count')
      .where('opinion.meetingId = :meetingId AND opinion.channel = :channel', { meetingId, channel: 'box' })
      .groupBy('opinion.sourceId')
      .getRawMany();
    const now = this.clock.now();
    return boxes.map((box) => {
      const opinions = Number(rows.find((row) => row.key === box.id)?.count ?? 0);
      return { id: box.id, title: box.title, opinions, releaseThreshold: box.releaseThreshold, released: opinions >= box.releaseThreshold, open: isBoxOpen(box, meeting.phase, now) };
    });
  }

  private async surveyCounts(meetingId: string): Promise<ProgressView['surveys']> {
    const surveys = await this.dataSource.getRepository(Survey).find({ where: { meetingId }, order: { createdAt: 'ASC' } });
    if (surveys.length === 0) return [];
    const rows: Array<{ surveyId: string; issued: string | number; used: string | number }> = await this.dataSource
      .getRepository(SurveyToken)
      .createQueryBuilder('token')
      .select('token.surveyId', 'surveyId')
      .addSelect('COUNT(*)', 'issued')
      .addSelect('SUM(CASE WHEN token.used THEN 1 ELSE 0 END)', 'used')
      .where('token.surveyId IN (:...ids)', { ids: surveys.map((survey) => survey.id) })
      .groupBy('token.surveyId')
      .getRawMany();
    return surveys.map((survey) => {
      const row = rows.find((candidate) => candidate.surveyId === survey.id);
      const issued = Number(row?.issued ?? 0);
      const responses = Number(row?.used ?? 0);
      return { id: survey.id, title: survey.title, tokensIssued: issued, responses, responseRate: responseRate(responses, issued) };
    });
  }
}

/** A DATE column as YYYY-MM-DD, whether the driver gives a string (SQLite) or a Date at UTC midnight (mysql2). */
function dayOf(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
