import { RemindersService } from '../../src/reminders/reminders.service';
import { DailyReminderSchedule } from '../../src/reminders/reminders.processor';
import { createMeeting, createTeam, DEADLINES, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

interface Notice {
  kind: string;
  title: string;
  body: string;
}

describe(`daily reminders (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    meetingId = (await createMeeting(t, org.admin)).id;
    team = await createTeam(t, org, meetingId, 3);
    await t.http.post(`/api/v1/meetings/${meetingId}/phase`).set(org.admin.auth).send({ phase: 'collecting' }).expect(200);
    // The secretary records a talk with member 0, who has not confirmed it.
    await t.http.post(`/api/v1/meetings/${meetingId}/talks`).set(team.secretary.auth).send({ counterpartUserId: team.members[0].id, heldOn: t.clock.today(), summary: '交流思想。' }).expect(201);
  });
  afterAll(() => t.close());

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
