import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { addDays } from '../../src/common/dates';
import { RemindersService } from '../../src/reminders/reminders.service';
import { DailyReminderSchedule } from '../../src/reminders/reminders.processor';
import { createMeeting, createTeam, DEADLINES, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { isolatedDatabase } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * The daily job reminds every meeting in the database: on MySQL, where the test files share one,
 * each describe here runs on a database of its own, or it would post to the other files'
 * webhooks and notify their users (and count their reminders in its own).
 */
describe(`daily reminders (${driverName})`, () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let org: TestOrg;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    database = await isolatedDatabase('tanxin_remind');
    t = await createTestApp(database.overrides);
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
    team = await createTeam(t, org, meetingId, 3);
    await t.http.post(`/api/v1/meetings/${meetingId}/phase`).set(org.admin.auth).send({ phase: 'collecting' }).expect(200);
    // The secretary records a talk with member 0, who has not confirmed it.
    await t.http.post(`/api/v1/meetings/${meetingId}/talks`).set(team.secretary.auth).send({ counterpartUserId: team.members[0].id, heldOn: t.clock.today(), summary: '交流思想。' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const notices = async (user: TestUser): Promise<Notice[]> =>
    ((await t.http.get('/api/v1/me/notifications').set(user.auth).expect(200)).body.items as Notice[]).filter((notice) => notice.kind.startsWith('reminder.'));

  it('tells each person what they owe near the deadline, once a day however often the job runs', async () => {
    const reminders = t.app.get(RemindersService);
    const dayBeforeTalks = DEADLINES.talksUntil.replace(/\d\d$/, (day) => String(Number(day) - 1).padStart(2, '0'));
    await reminders.sendReminders(dayBeforeTalks);
    await reminders.sendReminders(dayBeforeTalks);
    await t.drain();

    const kinds = async (user: TestUser) => (await notices(user)).map((notice) => notice.kind).sort();
    expect(await kinds(team.members[0])).toEqual(['reminder.confirm', 'reminder.talks']);
    expect(await kinds(team.members[1])).toEqual(['reminder.talks']);
    expect(await kinds(team.secretary)).toEqual(['reminder.talks']);
    const [talks] = (await notices(team.members[1])).filter((notice) => notice.kind === 'reminder.talks');
    expect(talks.body).toContain('2 次必谈谈话未完成');
    // The deadline as people read it (DEADLINES.talksUntil is 2026-12-15).
    expect(talks.body).toContain('截止 2026年12月15日');
  });

  it('sends the next day\'s reminders again, and an overdue digest to organisers once a deadline has passed', async () => {
    const reminders = t.app.get(RemindersService);
    const dayAfterTalks = DEADLINES.talksUntil.replace(/\d\d$/, (day) => String(Number(day) + 1).padStart(2, '0'));
    const shift = Date.parse(`${dayAfterTalks}T04:00:00Z`) - t.clock.now().getTime();
    t.clock.advance(shift);
    try {
      await reminders.sendReminders(dayAfterTalks);
      await reminders.sendReminders(dayAfterTalks);
    } finally {
      t.clock.advance(-shift);
    }
    await t.drain();
    expect((await notices(team.members[1])).filter((notice) => notice.kind === 'reminder.talks')).toHaveLength(2);
    const digest = (await notices(org.admin)).filter((notice) => notice.kind === 'reminder.digest');
    expect(digest).toHaveLength(1);
    expect(digest[0].body).toContain('谈心谈话截止');
  });

  it('is not scheduled when reminders are switched off', async () => {
    expect(await t.app.get(DailyReminderSchedule).run()).toBe(0);
  });
});

describe(`rectification reminders (${driverName})`, () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let org: TestOrg;
  let team: TestTeam;
  let meetingId: string;
  let nextMeetingId: string;
  let server: Server;
  const hooked: string[] = [];
  /** The entries' 完成时限. */
  const due = '2027-03-31';

  beforeAll(async () => {
    database = await isolatedDatabase('tanxin_remind');
    t = await createTestApp(database.overrides);
    t.clock.set('2027-01-05T02:00:00Z');
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
    team = await createTeam(t, org, meetingId, 3);
    // Rectification follows the meeting: the reminders reach meetings past their preparation.
    await t.http.post(`/api/v1/meetings/${meetingId}/phase`).set(org.admin.auth).send({ phase: 'rectifying' }).expect(200);
    const entry = async (owner: TestUser, problem: string) =>
      (await t.http.post(`/api/v1/meetings/${meetingId}/rectifications`).set(org.admin.auth).send({ problem, measures: ['整改措施'], ownerUserId: owner.id, dueDate: due }).expect(201)).body.id as string;
    await entry(team.members[0], '文山会海问题突出。');
    await entry(team.members[0], '调查研究不够深入。');
    // Member 1 has reported theirs done: nothing to remind them of.
    const reported = await entry(team.members[1], '年轻干部培养力度不够。');
    await t.http.post(`/api/v1/rectifications/${reported}/reports`).set(team.members[1].auth).send({ note: '已制定培养计划。' }).expect(201);
    // The organisation's webhook hears the reminders too.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        hooked.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await t.http.post('/api/v1/webhooks').set(org.admin.auth).send({ url, format: 'generic' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  const notices = async (user: TestUser, kind: string): Promise<Notice[]> =>
    ((await t.http.get('/api/v1/me/notifications').set(user.auth).expect(200)).body.items as Notice[]).filter((notice) => notice.kind === kind);

  /** Runs the day's job twice, as a second worker or a restart would. */
  async function runTwice(day: string): Promise<void> {
    const reminders = t.app.get(RemindersService);
    await reminders.sendReminders(day);
    await reminders.sendReminders(day);
    await t.drain();
  }

  it('says nothing before REMINDER_LEAD_DAYS ahead of the deadline', async () => {
    await runTwice(addDays(due, -t.config.reminders.leadDays - 1));
    expect(await notices(team.members[0], 'reminder.rectification')).toEqual([]);
  });

  it('reminds the owner once a day within the lead days, in-app and on the webhook, one message for all their entries', async () => {
    await runTwice(addDays(due, -t.config.reminders.leadDays));
    const [notice, ...more] = await notices(team.members[0], 'reminder.rectification');
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ title: '整改落实提醒', link: '/me/rectifications' });
    expect(notice.body).toContain('2 项临近完成时限');
    expect(notice.body).toContain('2027年3月31日');
    expect(hooked.filter((body) => body.includes('整改落实提醒'))).toHaveLength(1);
    // Reported is not owed.
    expect(await notices(team.members[1], 'reminder.rectification')).toEqual([]);
    expect(await notices(org.admin, 'reminder.rectification-digest')).toEqual([]);
  });

  it('reminds again every day once the deadline has passed, and tells organisers what is overdue', async () => {
    await runTwice(addDays(due, 1));
    const sent = await notices(team.members[0], 'reminder.rectification');
    expect(sent).toHaveLength(2);
    expect(sent.find((notice) => notice.body.includes('已超过完成时限'))!.body).toContain('2 项已超过完成时限');
    const digest = await notices(org.admin, 'reminder.rectification-digest');
    expect(digest).toHaveLength(1);
    expect(digest[0].body).toContain(`2 项已超过完成时限仍未完成（责任人：${team.members[0].displayName}）`);
    expect(await notices(team.members[1], 'reminder.rectification')).toEqual([]);

    await runTwice(addDays(due, 2));
    expect(await notices(team.members[0], 'reminder.rectification')).toHaveLength(3);
  });

  it('reminds of a carried entry once, in the meeting it was carried into', async () => {
    const next = await createMeeting(t, org.admin, { title: '2027年度专题民主生活会', year: 2027, previousMeetingId: meetingId });
    nextMeetingId = next.id;
    await runTwice(addDays(due, 3));
    const sent = await notices(team.members[0], 'reminder.rectification');
    expect(sent).toHaveLength(4);
    expect(sent.filter((notice) => notice.body.startsWith('2027年度专题民主生活会'))).toHaveLength(1);
  });

  it('stops once the meeting is closed', async () => {
    await t.http.post(`/api/v1/meetings/${nextMeetingId}/phase`).set(org.admin.auth).send({ phase: 'closed' }).expect(200);
    await runTwice(addDays(due, 4));
    expect(await notices(team.members[0], 'reminder.rectification')).toHaveLength(4);
  });
});
