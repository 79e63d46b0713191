import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { systemActor } from '../common/actor';
import { addDays } from '../common/dates';
import { Role } from '../common/roles';
import { AppConfig } from '../config/app-config';
import { ItemsService } from '../items/items.service';
import { CheckMaterial } from '../materials/check-material.entity';
import { MATERIAL_STATUS_NAMES } from '../materials/material.views';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { NewNotification, NotificationsService } from '../notifications/notifications.service';
import { ProgressService } from '../progress/progress.service';
import { Rectification } from '../rectifications/rectification.entity';
import { Talk } from '../talks/talk.entity';
import { TalksService } from '../talks/talks.service';
import { User } from '../users/user.entity';
import { dayInWords } from '../web/dates';

/** Meetings still being prepared: reminders stop once the meeting is held. */
const PREPARING: Array<Meeting['phase']> = ['preparing', 'collecting', 'claiming'];

/**
 * 每日提醒: once a day, each person is told what they owe — talks pending near `talksUntil`,
 * talk records to confirm, items to claim or answer near `claimUntil`, their material near
 * `materialsUntil` — and organisers get a digest of what is overdue. After the meeting, owners of
 * rectification entries (整改事项) are told as their deadlines near and pass. Each reminder carries
 * a key of person, kind, meeting and day, so running the job twice the same day sends nothing twice.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly talks: TalksService,
    private readonly items: ItemsService,
    private readonly progress: ProgressService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** Sends the reminders of `day`; returns how many messages it asked for (duplicates are dropped on the way). */
  async sendReminders(day: string): Promise<number> {
    const meetings = await this.dataSource.getRepository(Meeting).find({ where: { phase: In(PREPARING) } });
    let total = 0;
    for (const meeting of meetings) {
      const messages = await this.remindersFor(meeting, day);
      await this.notifications.notify(messages);
      total += messages.length;
    }
    total += await this.sendRectificationReminders(day);
    if (total) this.logger.log(`${day}: ${total} reminders for ${meetings.length} meetings in preparation and the rectification ledgers`);
    return total;
  }

  /**
   * 整改提醒: each owner of entries not yet reported, from REMINDER_LEAD_DAYS before the due date
   * and every day once it has passed, one message per meeting and day; organisers hear of the
   * overdue ones. Rectification follows the meeting, so this reads meetings in every phase but
   * closed (a closed meeting's open entries have been carried into the next, or given up).
   */
  private async sendRectificationReminders(day: string): Promise<number> {
    const horizon = addDays(day, this.config.reminders.leadDays);
    // Open entries of meetings not closed; an entry carried into a later meeting's ledger is owed there, not twice.
    const owed = await this.dataSource
      .getRepository(Rectification)
      .createQueryBuilder('entry')
      .innerJoin(Meeting, 'meeting', 'meeting.id = entry.meetingId')
      .leftJoin(Rectification, 'continuation', 'continuation.carriedFromId = entry.id')
      .select(['entry.id', 'entry.meetingId', 'entry.ownerUserId', 'entry.dueDate'])
      .where('entry.status = :open', { open: 'open' })
      .andWhere('entry.dueDate <= :horizon', { horizon })
      .andWhere('meeting.phase <> :closed', { closed: 'closed' })
      .andWhere('continuation.id IS NULL')
      .getMany();
    if (!owed.length) return 0;
    const meetings = await this.dataSource.getRepository(Meeting).find({ where: { id: In([...new Set(owed.map((entry) => entry.meetingId))]) } });
    let total = 0;
    for (const meeting of meetings) {
      const messages = await this.rectificationRemindersFor(meeting, owed.filter((entry) => entry.meetingId === meeting.id), day);
      await this.notifications.notify(messages);
      total += messages.length;
    }
    return total;
  }

  private async rectificationRemindersFor(meeting: Meeting, due: Rectification[], day: string): Promise<NewNotification[]> {
    const messages: NewNotification[] = [];
    const remind = (userId: string, kind: string, title: string, body: string, link: string | null) =>
      messages.push({ organizationId: meeting.organizationId, userId, kind: `reminder.${kind}`, title, body, link, dedupeKey: `rem:${kind}:${meeting.id}:${userId}:${day}` });

    const byOwner = new Map<string, Rectification[]>();
    for (const entry of due) byOwner.set(entry.ownerUserId, [...(byOwner.get(entry.ownerUserId) ?? []), entry]);
    for (const [userId, entries] of byOwner) {
      const overdue = entries.filter((entry) => entry.dueDate < day).length;
      const near = entries.length - overdue;
      const counts = [near ? `${near} 项临近完成时限` : '', overdue ? `${overdue} 项已超过完成时限` : ''].filter(Boolean).join('，');
      const earliest = entries.map((entry) => entry.dueDate).sort()[0];
      remind(userId, 'rectification', '整改落实提醒', `${meeting.title}：您负责的整改事项中，${counts}（最早 ${dayInWords(earliest)}），请抓紧落实并报告整改情况。`, '/me/rectifications');
    }

    const overdue = due.filter((entry) => entry.dueDate < day);
    if (overdue.length) {
      const users = await this.dataSource.getRepository(User).find({ where: { organizationId: meeting.organizationId } });
      const organisers = users.filter((user) => user.active && user.roles.includes(Role.Organiser));
      const owners = [...new Set(overdue.map((entry) => entry.ownerUserId))].map((userId) => users.find((user) => user.id === userId)?.displayName ?? '').filter(Boolean);
      const text = `${meeting.title}：整改台账中有 ${overdue.length} 项已超过完成时限仍未完成${owners.length ? `（责任人：${owners.join('、')}）` : ''}。`;
      for (const organiser of organisers) remind(organiser.id, 'rectification-digest', '整改逾期提醒', text, `/meetings/${meeting.id}/rectifications?status=overdue`);
    }
    return messages;
  }

  private async remindersFor(meeting: Meeting, day: string): Promise<NewNotification[]> {
    const actor = systemActor(meeting.organizationId);
    const near = (deadline: string) => day >= addDays(deadline, -this.config.reminders.leadDays);
    const late = (deadline: string) => day > deadline;
    const when = (deadline: string) => (late(deadline) ? `截止 ${dayInWords(deadline)}，已逾期` : `截止 ${dayInWords(deadline)}`);
    const team = (await this.meetings.findMeetingWithTeam(meeting.organizationId, meeting.id))?.team ?? [];
    const messages: NewNotification[] = [];
    const remind = (userId: string, kind: string, title: string, body: string, link: string | null = null) =>
      messages.push({ organizationId: meeting.organizationId, userId, kind: `reminder.${kind}`, title, body, link, dedupeKey: `rem:${kind}:${meeting.id}:${userId}:${day}` });

    if (near(meeting.talksUntil)) {
      const pending = (await this.talks.requiredTalks(actor, meeting.id)).filter((pair) => pair.status === 'pending');
      for (const seat of team) {
        const owed = pending.filter((pair) => pair.a === seat.userId || pair.b === seat.userId).length;
        if (owed) remind(seat.userId, 'talks', '谈心谈话提醒', `${meeting.title}：您还有 ${owed} 次必谈谈话未完成（${when(meeting.talksUntil)}）。`);
      }
    }
    const unconfirmed = await this.dataSource.getRepository(Talk).find({ where: { meetingId: meeting.id, status: Not('confirmed') }, select: { counterpartUserId: true } });
    const toConfirm = new Map<string, number>();
    for (const talk of unconfirmed) if (talk.counterpartUserId) toConfirm.set(talk.counterpartUserId, (toConfirm.get(talk.counterpartUserId) ?? 0) + 1);
    for (const [userId, count] of toConfirm) remind(userId, 'confirm', '请确认谈话记录', `${meeting.title}：有 ${count} 份谈话记录等待您确认。`);

    if (near(meeting.claimUntil)) {
      const published = await this.items.listItems(actor, meeting.id, { status: 'published' });
      const unled = published.filter((item) => !item.claims.some((claim) => claim.kind === 'lead'));
      const teamUnled = unled.filter((item) => item.target.id === null).length;
      for (const seat of team) {
        const own = unled.filter((item) => item.target.id === seat.userId).length;
        if (own || teamUnled) remind(seat.userId, 'claim', '意见认领提醒', `${meeting.title}：针对您的意见有 ${own} 条尚未认领，班子整体的意见有 ${teamUnled} 条无人牵头（${when(meeting.claimUntil)}）。`, '/me/items');
        const unanswered = published.filter((item) => item.claims.some((claim) => claim.kind === 'lead' && claim.memberUserId === seat.userId && !claim.answer)).length;
        if (unanswered) remind(seat.userId, 'answer', '意见答复提醒', `${meeting.title}：您牵头认领的 ${unanswered} 条意见尚未答复（${when(meeting.claimUntil)}）。`, '/me/items');
      }
    }
    if (near(meeting.materialsUntil)) {
      // The 对照检查材料 only: its deadline is materialsUntil; a 发言提纲 has its own status.
      const materials = await this.dataSource.getRepository(CheckMaterial).find({ where: { meetingId: meeting.id, kind: 'check' }, select: { memberUserId: true, status: true } });
      for (const seat of team) {
        const status = materials.find((material) => material.memberUserId === seat.userId)?.status ?? 'not-started';
        if (status === 'not-started' || status === 'drafting' || status === 'returned') {
          remind(seat.userId, 'materials', '对照检查材料提醒', `${meeting.title}：您的对照检查材料目前为“${MATERIAL_STATUS_NAMES[status]}”（${when(meeting.materialsUntil)}）。`);
        }
      }
    }

    const overdue = (await this.progress.progress(actor, meeting.id)).deadlines.filter((deadline) => deadline.overdue);
    if (overdue.length) {
      const organisers = (await this.dataSource.getRepository(User).find({ where: { organizationId: meeting.organizationId, active: true } })).filter((user) => user.roles.includes(Role.Organiser));
      const text = overdue.map((deadline) => `${deadline.label}（${deadline.date}）`).join('、');
      for (const organiser of organisers) remind(organiser.id, 'digest', '筹备逾期提醒', `${meeting.title}：以下事项已过截止日期仍未完成：${text}。`);
    }
    return messages;
  }
}
