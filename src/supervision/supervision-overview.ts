import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { Role } from '../common/roles';
import { AppConfig } from '../config/app-config';
import { Meeting } from '../meetings/meeting.entity';
import { isCollectingOver } from '../meetings/meeting-phase';
import { ProgressService, ProgressView } from '../progress/progress.service';
import { SupervisionService } from './supervision.service';
import { SupervisedMeetingView } from './supervision.views';

/** Past this, the reader waits for a fresh overview rather than being served the last one. */
const STALE_MS = 60_000;
/** Meetings whose progress is computed at once: the database serves the api's other readers too. */
const CONCURRENCY = 4;

interface Made {
  at: number;
  rows: SupervisedMeetingView[];
  /** The rows as the API sends them, serialised once per making (200 units are some 70 KB). */
  json: string;
}

/**
 * 督导组 overview: each supervised unit's meetings side by side, counted by the unit's own
 * progress (ProgressService, so under the same release rules as its board: held anonymous opinions
 * count nowhere), the ones behind first. As old as the progress may be (PROGRESS_CACHE_SECONDS):
 * made once for everyone supervising the same units, and past that age remade in the background
 * while the last one is served (up to a minute old; older, the reader waits).
 */
@Injectable()
export class SupervisionOverview {
  private readonly made = new Map<string, Made>();
  private readonly making = new Map<string, Promise<Made>>();

  private readonly freshMs: number;

  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    private readonly supervision: SupervisionService,
    private readonly progress: ProgressService,
    config: AppConfig,
  ) {
    this.freshMs = config.progress.cacheSeconds * 1000;
  }

  async meetingsOf(actor: Actor): Promise<SupervisedMeetingView[]> {
    return (await this.overviewOf(actor)).rows;
  }

  /** The same as the API's JSON text. */
  async jsonOf(actor: Actor): Promise<string> {
    return (await this.overviewOf(actor)).json;
  }

  private async overviewOf(actor: Actor): Promise<Pick<Made, 'rows' | 'json'>> {
    const units = await this.supervision.supervisedUnits(actor);
    if (units.length === 0) return { rows: [], json: '[]' };
    const key = units.map((unit) => unit.id).sort().join(',');
    const made = this.made.get(key);
    const age = made ? Date.now() - made.at : Infinity;
    if (made && age < this.freshMs) return made;
    const next = this.remake(key, actor, units);
    if (made && this.freshMs > 0 && age < STALE_MS) {
      next.catch(() => undefined);
      return made;
    }
    return next;
  }

  private remake(key: string, actor: Actor, units: Array<{ id: string; name: string }>): Promise<Made> {
    let pending = this.making.get(key);
    if (!pending) {
      pending = this.compute(actor, units)
        .then((rows) => {
          const made = { at: Date.now(), rows, json: JSON.stringify(rows) };
          if (this.made.size > 1_000) this.made.clear();
          this.made.set(key, made);
          return made;
        })
        .finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    return pending;
  }

  private async compute(actor: Actor, units: Array<{ id: string; name: string }>): Promise<SupervisedMeetingView[]> {
    const nameOf = new Map(units.map((unit) => [unit.id, unit.name]));
    const meetings = await this.meetings.find({ where: { organizationId: In([...nameOf.keys()]) }, order: { year: 'DESC', createdAt: 'DESC' } });
    const rows: SupervisedMeetingView[] = new Array(meetings.length);
    let next = 0;
    const work = async () => {
      for (let at = next++; at < meetings.length; at = next++) {
        const meeting = meetings[at];
        // As the unit's own 督导组: its organisation, read-only.
        const reader: Actor = { userId: actor.userId, organizationId: meeting.organizationId, username: actor.username, roles: [Role.Supervisor], supervisingFrom: actor.organizationId };
        const progress = JSON.parse(await this.progress.progressJson(reader, meeting.id)) as ProgressView;
        rows[at] = rowOf({ id: meeting.organizationId, name: nameOf.get(meeting.organizationId)! }, meeting, progress);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, meetings.length) }, work));
    // The ones behind first (most behind first), then by unit and newest meeting, as listed.
    return rows
      .map((row, order) => ({ row, order }))
      .sort((a, b) => b.row.behind.length - a.row.behind.length || a.row.organization.name.localeCompare(b.row.organization.name, 'zh') || a.order - b.order)
      .map(({ row }) => row);
  }
}

function rowOf(organization: { id: string; name: string }, meeting: Meeting, progress: ProgressView): SupervisedMeetingView {
  return {
    organization,
    meeting: { id: meeting.id, title: meeting.title, year: meeting.year, phase: meeting.phase },
    opinions: progress.opinions.total,
    items: { published: progress.items.published, claimed: progress.items.claimed, answered: progress.items.answered },
    talks: { required: progress.talks.required, held: progress.talks.held, confirmed: progress.talks.confirmed },
    materials: { approved: progress.members.filter((member) => member.materialStatus === 'approved').length, total: progress.members.length, team: progress.teamMaterial },
    // Once held, its preparation is over: what was late then is history, not something to chase.
    behind: isCollectingOver(meeting.phase) ? [] : behindOf(progress),
  };
}

/** What is overdue, in the words a 督导组 reports in. */
export function behindOf(progress: ProgressView): string[] {
  const overdue = new Set(progress.deadlines.filter((deadline) => deadline.overdue).map((deadline) => deadline.name));
  const behind: string[] = [];
  if (overdue.has('collectUntil')) behind.push('征求意见逾期：仍有意见箱未关闭');
  if (overdue.has('talksUntil')) behind.push(`谈心谈话逾期：还有${progress.talks.pending}次未谈`);
  if (overdue.has('claimUntil')) {
    const unanswered = progress.items.published - progress.items.answered;
    behind.push(progress.items.published === 0 ? '认领答复逾期：意见清单尚未发布' : `认领答复逾期：${unanswered}条意见未答复`);
  }
  if (overdue.has('materialsUntil')) {
    const missing = progress.members.filter((member) => member.materialStatus !== 'approved').length;
    if (missing > 0) behind.push(`对照检查材料逾期：${missing}人未通过审核`);
    if (progress.members.length > 0 && progress.teamMaterial !== 'approved') behind.push('领导班子对照检查材料逾期：未通过审核');
  }
  if (overdue.has('heldOn')) behind.push('会议日期已过，尚未召开');
  return behind;
}
