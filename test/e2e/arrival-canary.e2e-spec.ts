import Redis from 'ioredis';
import { JobRunner } from '../../src/queue/job-runner';
import { createBoxScene, submitOpinion, submitOpinionByPage } from '../factories/boxes';
import { createOrg } from '../factories/organizations';
import { answer, createSurvey, issueTokens, surveyBody } from '../factories/surveys';
import { asText, diffSnapshots, isolatedDatabase, snapshotDatabase } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The canary: after anonymous submissions (box API, box page, survey answer) and a run of the
 * worker, nothing anywhere — a row of any table, a Redis key, value or kept job, a log line —
 * carries a time within the minute they were sent. Arrival could be matched with who stood at
 * the poster then.
 */
describe(`no trace of the minute an anonymous opinion arrived (${driverName})`, () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;

  beforeAll(async () => {
    // A database of its own on MySQL: its sweeps and scans must see no other file's records.
    database = await isolatedDatabase('tanxin_canary');
    t = await createTestApp(database.overrides);
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('finds none in the database, in Redis or in the logs', async () => {
    // Everything before the submissions happens hours earlier on the app's clock, so that any
    // time in the submissions' minute can only have come from them.
    t.clock.set(new Date(Date.now() - 3 * HOUR));
    const org = await createOrg(t);
    const { organiser, box, meeting } = await createBoxScene(t, org);
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody(meeting.aspects[0]));
    const [token] = await issueTokens(t, organiser, survey.id, 3);
    await t.drain();

    const databaseBefore = await snapshotDatabase(t.dataSource);
    const redisBefore = await readRedis(t);
    const logsBefore = t.logs.length;

    const sentAt = new Date();
    t.clock.set(sentAt);
    await submitOpinion(t, box.slug, { text: '干部提拔任用的过程可以更公开一些。' });
    await submitOpinionByPage(t, box.slug, { text: '会议通知经常临时下发，准备时间不够。' });
    await answer(t, token);
    await t.drain();
    await (t.worker ?? t.app).get(JobRunner).runDueNow();
    await t.drain();
    const minute = { from: Math.floor(sentAt.getTime() / MINUTE) * MINUTE, to: Math.floor(Date.now() / MINUTE) * MINUTE + MINUTE };

    const found: string[] = [];
    const databaseAfter = await snapshotDatabase(t.dataSource);
    // Every row of every table (on the clock, the set-up is hours away), and every new or changed row.
    for (const [table, rows] of databaseAfter) for (const row of rows) for (const [column, value] of Object.entries(row)) found.push(...timesWithin(value, minute).map((what) => `database ${table}.${column}: ${what}`));
    for (const [table, { added }] of diffSnapshots(databaseBefore, databaseAfter)) for (const row of added) found.push(...Object.entries(row).flatMap(([column, value]) => timesWithin(value, minute).map((what) => `database (changed) ${table}.${column}: ${what}`)));
    for (const [key, value] of await readRedis(t)) {
      if (redisBefore.get(key) === value) continue;
      found.push(...timesWithin(key, minute).map((what) => `redis key ${key}: ${what}`), ...timesWithin(value, minute).map((what) => `redis ${key}: ${what}`));
    }
    for (const line of t.logs.slice(logsBefore)) found.push(...timesWithin(line, minute).map((what) => `log line ${line.slice(0, 200)}: ${what}`));

    expect(found).toEqual([]);
  });
});

/** Descriptions of the times within [from, to) that a value holds: epoch seconds or milliseconds, date-times in UTC or in Shanghai. */
function timesWithin(value: unknown, { from, to }: { from: number; to: number }): string[] {
  const text = asText(value);
  const found: string[] = [];
  for (const match of text.matchAll(/\d{10,13}/g)) {
    const digits = match[0];
    const ms = digits.length === 13 ? Number(digits) : digits.length === 10 ? Number(digits) * 1000 : NaN;
    if (ms >= from && ms < to) found.push(`${digits} (an epoch time in that minute)`);
  }
  for (let at = from; at < to; at += MINUTE) {
    for (const shown of [new Date(at).toISOString().slice(0, 16), shanghai(at)]) {
      for (const form of [shown, shown.replace('T', ' ')]) if (text.includes(form)) found.push(`${form} (that minute as a date-time)`);
    }
  }
  return found;
}

function shanghai(at: number): string {
  return new Date(at + 8 * HOUR).toISOString().slice(0, 16);
}

/** Every key of the app's Redis prefix with what it holds, whatever its type (kept jobs are hashes, events a stream). */
async function readRedis(t: TestApp): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  if (!t.config.redis.url) return contents;
  const redis = new Redis(t.config.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${t.config.redis.prefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string' ? await redis.get(key)
          : type === 'hash' ? JSON.stringify(await redis.hgetall(key))
          : type === 'list' ? JSON.stringify(await redis.lrange(key, 0, -1))
          : type === 'set' ? JSON.stringify((await redis.smembers(key)).sort())
          : type === 'zset' ? JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'))
          : type === 'stream' ? JSON.stringify(await redis.xrange(key, '-', '+'))
          : type;
        contents.set(key, value ?? '');
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return contents;
}
