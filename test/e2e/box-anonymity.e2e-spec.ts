import Redis from 'ioredis';
import { Role } from '../../src/common/roles';
import { BoxScene, createBoxScene, RECEIPT_FORMAT, receiptOnPage } from '../factories/boxes';
import { createOrg, TestUser } from '../factories/organizations';
import { Changes, diffSnapshots, isolatedDatabase, Row, snapshotDatabase, timeFinerThanADay, asText, unjudgedColumns } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, onBullmq, onMysql } from '../setup/test-env';

/**
 * Everything a submission to a box leaves in the database, in Redis and in the log, compared
 * with everything known about the writer's request. A change that makes a submission write
 * somewhere new fails here until someone has judged it safe for anonymity.
 */

/** The columns of raw_opinions, each judged unable to identify a writer. */
// `held`: one flag shared by every opinion of a batch until its release; it tells nothing of anyone.
const RAW_OPINION_COLUMNS = ['id', 'organizationId', 'meetingId', 'channel', 'sourceId', 'text', 'aspect', 'targetMemberId', 'receivedOn', 'receiptHash', 'itemId', 'pendingAggregation', 'held'];

/** The only tables a submission may write to. */
const TABLES_A_SUBMISSION_MAY_WRITE = ['raw_opinions'];

const USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) TanxinProbeAgent/9.8.7 wxwork/4.1.22';
const FORWARDED_FOR = '203.0.113.77';
const COOKIE_VALUE = 'probe-session-4f1c9a2b7d';
const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

describe(`what a box submission leaves behind (${driverName})`, () => {
  let t: TestApp;
  let scene: BoxScene;
  let staff: TestUser;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;

  beforeAll(async () => {
    // A snapshot must see this file's writes only: on MySQL it gets a database of its own.
    database = await isolatedDatabase('tanxin_anon');
    t = await createTestApp({ TRUST_PROXY: 'true', ...database.overrides });
    const org = await createOrg(t);
    scene = await createBoxScene(t, org);
    staff = await org.user([Role.Staff]);
  });

  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** The writer's request, as identifying as a request can be: a logged-in staff member's token, a cookie, an address, a user agent. */
  const writerHeaders = () => ({
    'user-agent': USER_AGENT,
    'x-forwarded-for': FORWARDED_FOR,
    authorization: staff.auth.authorization,
    cookie: `sid=${COOKIE_VALUE}`,
  });

  /** What must not be found anywhere a submission leaves a trace, named for the failure message. */
  const identifying = (receipt: string): Array<[string, string]> => [
    ...LOOPBACK.map((address): [string, string] => ['the loopback address', address]),
    ['the X-Forwarded-For address', FORWARDED_FOR],
    ['the user agent', USER_AGENT],
    ['a part of the user agent', 'TanxinProbeAgent'],
    ['the cookie', COOKIE_VALUE],
    ["the staff user's id", staff.id],
    ["the staff user's username", staff.username],
    ["the staff user's token", staff.token],
    ['the receipt code', receipt],
    ['the receipt code without dashes', receipt.replace(/-/g, '')],
    ['the receipt code with spaces', receipt.replace(/-/g, ' ')],
  ];

  /** Findings, one sentence each, for every identifying value or finer-than-a-day time among the rows. */
  function findingsIn(table: string, rows: Row[], receipt: string, options = { times: true }): string[] {
    const probes = identifying(receipt);
    const findings: string[] = [];
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = asText(value).toLowerCase();
        for (const [what, probe] of probes) {
          if (text.includes(probe.toLowerCase())) findings.push(`${table}.${column} holds ${what} (${probe})`);
        }
        // Any other normalisation of the code: case, dashes, spaces and the like removed.
        if (text.replace(/[^0-9a-z]/g, '').includes(receipt.replace(/-/g, '').toLowerCase())) findings.push(`${table}.${column} holds the receipt code in some form`);
        const time = options.times ? timeFinerThanADay(value) : null;
        if (time) findings.push(`${table}.${column} holds ${time}: a time finer than a day`);
      }
    }
    return [...new Set(findings)];
  }

  /** Runs a submission between two snapshots of the whole database and the log. */
  async function observe(submit: () => Promise<string>): Promise<{ receipt: string; changes: Changes; logLines: string[] }> {
    // Earlier work finished first: the log taken around the submission holds only what it wrote.
    await t.drain();
    const before = await snapshotDatabase(t.dataSource);
    const logsBefore = t.logs.length;
    const receipt = await submit();
    const logLines = t.logs.slice(logsBefore);
    const changes = diffSnapshots(before, await snapshotDatabase(t.dataSource));
    return { receipt, changes, logLines };
  }

  const submissions: Array<{ route: string; maskedUrl: string; text: string; submit: () => Promise<string> }> = [
    {
      route: 'POST /api/v1/public/boxes/:slug/opinions',
      maskedUrl: '/api/v1/public/boxes/:param/opinions',
      text: '接口提交：班子成员下基层调研的次数偏少，听取一线职工意见的渠道不畅。',
      async submit() {
        const response = await t.http.post(`/api/v1/public/boxes/${scene.box.slug}/opinions`).set(writerHeaders()).send({ text: this.text, aspect: '工作作风', targetMemberId: scene.team.members[0].id });
        if (response.status !== 201) throw new Error(`the submission failed: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body.receipt;
      },
    },
    {
      route: 'POST /b/:slug',
      maskedUrl: '/b/:param',
      text: '页面提交：公务接待和差旅报销的制度执行要再严格一些，建议定期公开。',
      async submit() {
        const response = await t.http.post(`/b/${scene.box.slug}`).set(writerHeaders()).type('form').send({ text: this.text, aspect: '廉洁自律', targetMemberId: scene.team.secretary.id });
        const receipt = receiptOnPage(response.text ?? '');
        if (response.status !== 200 || !receipt) throw new Error(`the page submission failed: ${response.status} ${response.text}`);
        return receipt;
      },
    },
  ];

  describe.each(submissions)('a submission through $route', (submission) => {
    let observed: Awaited<ReturnType<typeof observe>>;
    beforeAll(async () => {
      observed = await observe(() => submission.submit());
      expect(observed.receipt).toMatch(RECEIPT_FORMAT);
    });

    it('writes to raw_opinions only: one new row, nothing changed or removed elsewhere', () => {
      const elsewhere = [...observed.changes.keys()]
        .filter((table) => !TABLES_A_SUBMISSION_MAY_WRITE.includes(table))
        .map((table) => `submission wrote to table ${table}: review it for anonymity, then allow it here`);
      expect(elsewhere).toEqual([]);
      const rawOpinions = observed.changes.get('raw_opinions');
      expect({ added: rawOpinions?.added.length, removed: rawOpinions?.removed.length }).toEqual({ added: 1, removed: 0 });
      expect(rawOpinions!.added[0]).toMatchObject({ text: submission.text, sourceId: scene.box.id, channel: 'box' });
    });

    it('leaves no address, user agent, cookie, account, receipt code or time finer than a day in any new or changed row', () => {
      const findings = [...observed.changes].flatMap(([table, { added }]) => findingsIn(table, added, observed.receipt));
      expect(findings).toEqual([]);
    });

    it('writes no log line while answering it: no neighbouring timestamped line can date it', () => {
      expect({ linesWrittenDuringTheSubmission: observed.logLines }).toEqual({ linesWrittenDuringTheSubmission: [] });
    });

    it('is counted in a line written when the day ends: the day, the masked path, the count, and nothing about the writer, the text or the box', () => {
      const logsBefore = t.logs.length;
      t.flushPublicLog();
      const flushed = t.logs.slice(logsBefore);
      const lines = flushed.map((line) => JSON.parse(line) as Record<string, unknown>);
      const requestLine = lines.find((line) => line.scope === 'public' && (line.req as { url?: string } | undefined)?.url === submission.maskedUrl);
      expect(requestLine).toMatchObject({ day: t.clock.today(), res: { statusCode: submission.route.startsWith('POST /b/') ? 200 : 201 }, count: 1 });

      const probes: Array<[string, string]> = [
        ...identifying(observed.receipt),
        ['the text', submission.text],
        ['a part of the text', submission.text.slice(5, 15)],
        ['the slug', scene.box.slug],
      ];
      const findings = flushed.flatMap((line, index) => [
        ...probes.filter(([, probe]) => line.toLowerCase().includes(probe.toLowerCase())).map(([what]) => `log line ${index} holds ${what}: ${line}`),
        ...('time' in lines[index] ? [`log line ${index} has a "time" field: ${line}`] : []),
        ...(/user-agent|remoteAddress|"ip"|"body"|"id"/i.test(line) ? [`log line ${index} names a request detail: ${line}`] : []),
      ]);
      expect(findings).toEqual([]);
    });
  });

  it(`has exactly the judged columns in raw_opinions, none of which can hold a time of day`, async () => {
    expect(await unjudgedColumns(t.dataSource, 'raw_opinions', RAW_OPINION_COLUMNS)).toEqual([]);
  });

  if (!onMysql) {
    it('keeps raw_opinions WITHOUT ROWID on SQLite: there is no rowid to tell the order of arrival', async () => {
      await expect(t.dataSource.query('SELECT rowid FROM raw_opinions')).rejects.toThrow(/no such column: rowid/);
      // The same query works on a table with a rowid, so the failure above is not about something else.
      await expect(t.dataSource.query('SELECT rowid FROM boxes')).resolves.toEqual(expect.any(Array));
    });
  }

  if (onBullmq) {
    it('keeps nothing about the writer in Redis but hashed rate-limit counters that expire', async () => {
      const receipt = await submissions[0].submit.call({ ...submissions[0], text: '为了检查 Redis 里留下的东西而提交的意见。' });
      const redis = new Redis(t.config.redis.url!);
      try {
        const keys: string[] = [];
        let cursor = '0';
        do {
          const [next, found] = await redis.scan(cursor, 'MATCH', `${t.config.redis.prefix}:*`, 'COUNT', 500);
          keys.push(...found);
          cursor = next;
        } while (cursor !== '0');
        const counters = keys.filter((key) => key.includes(':rl:'));
        expect(counters.length).toBeGreaterThan(0);
        const findings: string[] = [];
        for (const key of keys) {
          const type = await redis.type(key);
          const value = type === 'string' ? await redis.get(key) : type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : '';
          // Queue bookkeeping (BullMQ's own timestamps) is not about anyone; the counters must hold no time either.
          findings.push(...findingsIn(`redis key ${key}`, [{ key, value }], receipt, { times: counters.includes(key) }));
        }
        for (const key of counters) {
          const ttl = await redis.ttl(key);
          if (!(ttl > 0 && ttl <= t.config.anonymity.publicRateWindowSeconds)) findings.push(`rate-limit counter ${key} has TTL ${ttl}: it must expire with its window`);
        }
        expect(findings).toEqual([]);
      } finally {
        redis.disconnect();
      }
    });
  }

  it('counts a failed submission (500) by error type and code at the end of the day, without the message, the text or the slug', async () => {
    // A real failure: the table the submission writes to is not there for a moment.
    const text = '失败时的意见：这段文字绝不能出现在日志里。';
    await t.http.get(`/api/v1/public/boxes/${scene.box.slug}`).expect(200);
    // Earlier submissions placed first: a job failing on the missing table would log in the window below.
    await t.drain();
    const logsBefore = t.logs.length;
    await t.dataSource.query('ALTER TABLE raw_opinions RENAME TO raw_opinions_away');
    let apiStatus: number;
    let pageStatus: number;
    try {
      const api = await t.http.post(`/api/v1/public/boxes/${scene.box.slug}/opinions`).set(writerHeaders()).send({ text });
      apiStatus = api.status;
      expect(api.body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
      expect(JSON.stringify(api.body)).not.toMatch(/raw_opinions|INSERT/i);
      pageStatus = (await t.http.post(`/b/${scene.box.slug}`).set(writerHeaders()).type('form').send({ text })).status;
    } finally {
      await t.dataSource.query('ALTER TABLE raw_opinions_away RENAME TO raw_opinions');
    }
    expect({ apiStatus, pageStatus }).toEqual({ apiStatus: 500, pageStatus: 500 });

    const duringTheRequests = t.logs.slice(logsBefore);
    expect({ linesWrittenDuringTheFailedSubmissions: duringTheRequests }).toEqual({ linesWrittenDuringTheFailedSubmissions: [] });

    t.flushPublicLog();
    const lines = t.logs.slice(logsBefore);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const errorLines = parsed.filter((line) => (line.level as number) >= 50);
    expect(errorLines).toEqual([expect.objectContaining({ scope: 'public', day: t.clock.today(), errorType: 'QueryFailedError', count: 2 })]);
    expect(parsed.filter((line) => (line.res as { statusCode?: number } | undefined)?.statusCode === 500).map((line) => [(line.req as { url: string }).url, line.count]).sort()).toEqual(
      [['/api/v1/public/boxes/:param/opinions', 1], ['/b/:param', 1]].sort(),
    );
    const probes: Array<[string, string]> = [
      ...identifying('0000-0000-0000-0000'),
      ['the text', text],
      ['a part of the text', text.slice(0, 6)],
      ['the slug', scene.box.slug],
      ['the table name from the error message', 'raw_opinions'],
      ['the SQL', 'INSERT'],
      ['a stack trace', 'stack'],
    ];
    const findings = lines.flatMap((line, index) => [
      ...probes.filter(([, probe]) => line.toLowerCase().includes(probe.toLowerCase())).map(([what]) => `log line ${index} holds ${what}: ${line}`),
      ...('time' in parsed[index] ? [`log line ${index} has a "time" field: ${line}`] : []),
      ...('requestId' in parsed[index] ? [`log line ${index} has a request id, which the client was shown at the time: ${line}`] : []),
    ]);
    expect(findings).toEqual([]);
  });
});
