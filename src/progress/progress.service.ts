import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { MaterialStatus } from '../materials/material-states';
import { Meeting } from '../meetings/meeting.entity';
import { isCollectingOver } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { OPINION_CHANNELS, OpinionChannel } from '../opinions/raw-opinion.entity';
import { isBoxOpen } from '../boxes/box-state';
import { responseRate } from '../surveys/survey-results';
import { TalkMatrixView } from '../talks/talk.views';
import { TalksService } from '../talks/talks.service';
import { ProgressCache } from './progress-cache';
import { DEADLINE_FIELDS, DeadlineName } from '../meetings/deadlines';

/** Where an opinion without an aspect counts until it is placed in an item. */
const UNFILED = '未归类';


export interface ProgressView {
  meetingId: string;
  phase: Meeting['phase'];
  opinions: { total: number; byChannel: Record<OpinionChannel, number>; byAspect: Record<string, number>; byDay: Array<{ day: string; count: number }> };
  boxes: Array<{ id: string; title: string; opinions: number; releaseThreshold: number; released: boolean }>;
  surveys: Array<{ id: string; title: string; tokensIssued: number; responses: number; responseRate: number | null }>;
  talks: { required: number; pending: number; held: number; confirmed: number };
  items: { total: number; draft: number; published: number; setAside: number; claimed: number; answered: number };
  repeats: { items: number; closed: number };
  members: Array<{ userId: string; name: string; role: string; talksPending: number; itemsUnclaimed: number; itemsUnanswered: number; materialStatus: MaterialStatus }>;
  /** The 领导班子对照检查材料's status (the secretary writes it for the team). */
  teamMaterial: MaterialStatus;
  deadlines: Array<{ name: DeadlineName; label: string; date: string; passed: boolean; overdue: boolean }>;
}

/**
 * Everything progress reads of a meeting besides its team and talks, in one statement: a round
 * trip costs more than most of these reads themselves. UNION ALL of six parts, `part` naming each
 * row's, the same columns in all (text s1–s5, numbers n1–n2), in SQL that MySQL and SQLite both
 * read; dates cast to text, so both drivers give the same strings.
 * - opinions (released: held ones count nowhere): s1 channel, s2 source, s3 day, n1 waiting to be placed (0/1), n2 how many
 * - item (on the list, not merged away): s1 id, s2 status, s3 target, s4 aspect, n1 sourceCount
 * - lead (牵头 claims): s1 item, s2 member, n1 answered (0/1)
 * - material: s1 member, s2 status, s3 kind (the members' 对照检查材料 and the 领导班子's: the 发言提纲 count nowhere here)
 * - survey: s1 id, s2 title, s3 created, n1 tokens issued, n2 answers released (a token's use
 *   would count an anonymous answer the moment it is sent)
 * - box: s1 id, s2 title, s3 created, s4 closes, s5 closed, n1 release threshold
 * - repeat (items on the list, not set aside, that say again what an earlier meeting's item
 *   said): s1 id, n1 whether that item's rectification entry was closed (0/1). Reads the rows
 *   (repeatOfItemId is in no index), but only the meeting's items'. `rectifications` read by name
 *   here as every other table is.
 * The opinions, items and leads each read one range of one index per meeting (see the entities):
 * on 1,000,000 opinions, a meeting's own index entries and never the rows themselves.
 */
const PARTS = `
  SELECT 'opinions' AS part, channel AS s1, sourceId AS s2, CAST(receivedOn AS CHAR) AS s3, NULL AS s4, NULL AS s5, pendingAggregation AS n1, COUNT(*) AS n2
    FROM raw_opinions WHERE meetingId = ? AND held = 0 GROUP BY channel, sourceId, receivedOn, pendingAggregation
  UNION ALL SELECT 'item', id, status, targetMemberId, aspect, NULL, sourceCount, NULL FROM opinion_items WHERE meetingId = ? AND status <> 'merged'
  UNION ALL SELECT 'lead', itemId, memberUserId, NULL, NULL, NULL, CASE WHEN answeredAt IS NULL THEN 0 ELSE 1 END, NULL FROM item_claims WHERE meetingId = ? AND kind = 'lead'
  UNION ALL SELECT 'material', memberUserId, status, kind, NULL, NULL, NULL, NULL FROM check_materials WHERE meetingId = ? AND kind IN ('check', 'team')
  UNION ALL SELECT 'survey', survey.id, survey.title, CAST(survey.createdAt AS CHAR), NULL, NULL,
      (SELECT COUNT(*) FROM survey_tokens token WHERE token.surveyId = survey.id),
      (SELECT COUNT(*) FROM survey_responses response WHERE response.surveyId = survey.id AND response.held = 0)
    FROM surveys survey WHERE survey.meetingId = ?
  UNION ALL SELECT 'box', id, title, CAST(createdAt AS CHAR), CAST(closesAt AS CHAR), CAST(closedAt AS CHAR), releaseThreshold, NULL FROM boxes WHERE meetingId = ?
  UNION ALL SELECT 'repeat', item.id, NULL, NULL, NULL, NULL,
      CASE WHEN EXISTS (SELECT 1 FROM rectifications entry WHERE entry.itemId = item.repeatOfItemId AND entry.status = 'closed') THEN 1 ELSE 0 END, NULL
    FROM opinion_items item WHERE item.meetingId = ? AND item.status IN ('draft', 'published') AND item.repeatOfItemId IS NOT NULL`;
const PART_COUNT = 7;

/** Opinions not yet in an item, by the aspect their writer chose: asked only while some wait. */
const UNPLACED_BY_ASPECT = 'SELECT aspect, COUNT(*) AS n FROM raw_opinions WHERE meetingId = ? AND held = 0 AND itemId IS NULL GROUP BY aspect';

/** Numbers come as numbers or strings, depending on the driver and the part's column type. */
type Count = number | string | null;
interface PartRow { part: 'opinions' | 'item' | 'lead' | 'material' | 'survey' | 'box' | 'repeat'; s1: string; s2: string; s3: string | null; s4: string | null; s5: string | null; n1: Count; n2: Count }

/**
 * 筹备进度: how far a meeting's preparation has come, from aggregate queries: opinions are counted
 * in the database; of items, claims, materials, surveys and boxes only ids, statuses and counts are
 * read, from their indexes. The API's reads go through the ProgressCache (progressJson); other
 * callers (reports, the board page) get it computed afresh (progress).
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly talks: TalksService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cache: ProgressCache,
  ) {}

  /** The progress computed now (reports, reminders): 404 for a meeting the actor may not see. */
  async progress(actor: Actor, meetingId: string): Promise<ProgressView> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    return (await this.compute(actor, meeting)).progress;
  }

  /** The board's reading: the meeting, its progress and the talk matrix the progress was counted from. */
  async board(actor: Actor, meetingId: string): Promise<{ meeting: Meeting; progress: ProgressView; matrix: TalkMatrixView }> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    return { meeting, ...(await this.compute(actor, meeting)) };
  }

  /**
   * The progress as JSON text, for the API: the cached text when there is one (up to
   * PROGRESS_CACHE_SECONDS old), else computed and cached.
   *
   * Cached under the reader's organisation: such a key exists only for that organisation's
   * meetings, and only its organisers and supervisors get this far (the controller's roles), so a
   * hit needs no database read to check access. Another organisation's reader misses and gets
   * getMeeting's 404.
   */
  progressJson(actor: Actor, meetingId: string): Promise<string> {
    return this.cache.json(`${actor.organizationId}:${meetingId}`, this.clock.today(), async () => JSON.stringify(await this.progress(actor, meetingId)));
  }

  /** The progress, with the talk matrix it was counted from (which brings the team with its required talks). */
  private async compute(actor: Actor, meeting: Meeting): Promise<{ progress: ProgressView; matrix: TalkMatrixView }> {
    const today = this.clock.today();
    const [matrix, rows] = await Promise.all([
      this.talks.matrix(actor, meeting.id),
      this.dataSource.query(PARTS, Array(PART_COUNT).fill(meeting.id)) as Promise<PartRow[]>,
    ]);
    const of = (part: PartRow['part']) => rows.filter((row) => row.part === part);

    const opinions = tallyOpinions(of('opinions'));
    const items = of('item').map(({ s1: id, s2: status, s3: target, s4: aspect, n1: sourceCount }) => ({ id, status, target, aspect: aspect!, sourceCount: Number(sourceCount) }));
    const leadOf = new Map(of('lead').map(({ s1: itemId, s2: lead, n1: answered }) => [itemId, { lead, answered: Number(answered) === 1 }]));
    const published = items.filter((item) => item.status === 'published');

    // An opinion counts under its item's aspect once placed, under the writer's until then.
    const byAspect = new Map<string, number>();
    for (const item of items) byAspect.set(item.aspect, (byAspect.get(item.aspect) ?? 0) + item.sourceCount);
    if (opinions.waiting) {
      const unplaced: Array<{ aspect: string | null; n: Count }> = await this.dataSource.query(UNPLACED_BY_ASPECT, [meeting.id]);
      for (const { aspect, n } of unplaced) byAspect.set(aspect ?? UNFILED, (byAspect.get(aspect ?? UNFILED) ?? 0) + Number(n));
    }

    const userOfColumn = new Map(matrix.columns.map((column) => [column.key, column.userId]));
    const pending = matrix.cells.filter((cell) => cell.status === 'pending');
    const materialOf = new Map(of('material').filter((row) => row.s3 === 'check').map(({ s1: member, s2: status }) => [member, status as MaterialStatus]));
    const teamMaterial = (of('material').find((row) => row.s3 === 'team')?.s2 ?? 'not-started') as MaterialStatus;
    const members = matrix.rows.map((seat) => ({
      userId: seat.userId,
      name: seat.name,
      role: seat.role,
      talksPending: pending.filter((cell) => cell.row === seat.userId || userOfColumn.get(cell.column) === seat.userId).length,
      itemsUnclaimed: published.filter((item) => item.target === seat.userId && !leadOf.has(item.id)).length,
      itemsUnanswered: published.filter((item) => leadOf.get(item.id)?.lead === seat.userId && !leadOf.get(item.id)?.answered).length,
      materialStatus: materialOf.get(seat.userId) ?? ('not-started' as MaterialStatus),
    }));

    const now = this.clock.now();
    const boxes = of('box')
      .sort(byCreation)
      .map(({ s1: id, s2: title, n1: threshold }) => {
        const count = opinions.bySource.get(id) ?? 0;
        const releaseThreshold = Number(threshold);
        return { id, title, opinions: count, releaseThreshold, released: count >= releaseThreshold };
      });
    const anyBoxOpen = of('box').some(({ s4: closesAt, s5: closedAt }) => isBoxOpen({ closesAt: utcDate(closesAt), closedAt: utcDate(closedAt) }, meeting.phase, now));
    const unfinished: Record<DeadlineName, boolean> = {
      collectUntil: anyBoxOpen,
      talksUntil: pending.length > 0,
      claimUntil: published.some((item) => !leadOf.get(item.id)?.answered),
      materialsUntil: members.some((member) => member.materialStatus !== 'approved') || (members.length > 0 && teamMaterial !== 'approved'),
      heldOn: !isCollectingOver(meeting.phase),
    };
    const progress: ProgressView = {
      meetingId: meeting.id,
      phase: meeting.phase,
      opinions: {
        total: opinions.total,
        byChannel: opinions.byChannel,
        byAspect: Object.fromEntries([...byAspect].filter(([, count]) => count > 0)),
        byDay: [...opinions.byDay].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
      },
      boxes,
      surveys: of('survey')
        .sort(byCreation)
        .map(({ s1: id, s2: title, n1: issued, n2: answered }) => {
          const responses = Number(answered ?? 0);
          return { id, title, tokensIssued: Number(issued), responses, responseRate: responseRate(responses, Number(issued)) };
        }),
      talks: matrix.totals,
      items: {
        total: items.length,
        draft: items.filter((item) => item.status === 'draft').length,
        published: published.length,
        setAside: items.filter((item) => item.status === 'set-aside').length,
        claimed: published.filter((item) => leadOf.has(item.id)).length,
        answered: published.filter((item) => leadOf.get(item.id)?.answered).length,
      },
      // 屡提屡犯: raised at an earlier meeting, and of those, closed out (已销号) then yet raised again.
      repeats: { items: of('repeat').length, closed: of('repeat').filter((row) => Number(row.n1) === 1).length },
      members,
      teamMaterial,
      deadlines: DEADLINE_FIELDS.map(({ name, label }) => {
        const date = meeting[name];
        const passed = date < today;
        return { name, label, date, passed, overdue: passed && unfinished[name] };
      }),
    };
    return { progress, matrix };
  }
}

/** The opinions part added up by channel, by source and by day; and whether any wait to be placed. */
function tallyOpinions(rows: PartRow[]) {
  const tally = { total: 0, byChannel: Object.fromEntries(OPINION_CHANNELS.map((channel) => [channel, 0])) as Record<OpinionChannel, number>, bySource: new Map<string, number>(), byDay: new Map<string, number>(), waiting: false };
  for (const { s1: channel, s2: sourceId, s3: day, n1: waiting, n2: count } of rows) {
    const n = Number(count);
    tally.total += n;
    tally.byChannel[channel as OpinionChannel] += n;
    tally.bySource.set(sourceId, (tally.bySource.get(sourceId) ?? 0) + n);
    tally.byDay.set(day!, (tally.byDay.get(day!) ?? 0) + n);
    if (Number(waiting)) tally.waiting = true;
  }
  return tally;
}

/** Oldest first, by the creation time cast to text (s3), then by id. */
function byCreation(a: PartRow, b: PartRow): number {
  return (a.s3 ?? '').localeCompare(b.s3 ?? '') || a.s1.localeCompare(b.s1);
}

/** A DATETIME cast to text: UTC on both databases ('2026-11-23 09:30:00' on MySQL, with '.000' on SQLite). */
function utcDate(text: string | null): Date | null {
  return text ? new Date(`${text.replace(' ', 'T')}Z`) : null;
}
