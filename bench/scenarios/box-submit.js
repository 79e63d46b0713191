'use strict';

/**
 * Box submissions against MariaDB + Redis: `POST /api/v1/public/boxes/:slug/opinions` under
 * 200 connections for 20 s (after a 3 s warm-up), beside a baseline measured in the same run —
 * bench/lib/baseline-box-server.js, bare `node:http` + the same validation by hand + the same
 * single INSERT with mysql2. Both run as child processes started by lib/server.js, one at a
 * time; autocannon runs in this process (as in http.js).
 *
 * Needs MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379; when one is
 * not running the scenario says so and is skipped. It creates a database tanxin_bench_<ms>
 * (utf8mb4), runs `dist/cli.js migrate` and `demo` into it, opens four boxes through the API
 * (warm-up and measured, for tanxin and for the baseline, so that rows are counted per box).
 * The baseline writes into tanxin_bench_<ms>_baseline, migrated by the same CLI: the same
 * raw_opinions table, but as fresh as the app's (see the comment in run()). Both databases are
 * dropped at the end, failure or not (Redis keys under the run's random prefix too).
 *
 * The app logs at LOG_LEVEL=info (one day-only line per public request) into a file in its
 * temporary DATA_DIR, not into a pipe to this process.
 *
 * Before each measured run the scenario waits until MariaDB has written back the dirty pages
 * of what ran before (see quiesceMariadb): otherwise the second server measured pays for the
 * first one's rows.
 *
 * Rows vs 201s: when the 20 s are over autocannon closes its connections with up to one request
 * each still unanswered ("abandoned"); the servers still store those. So the check is
 * rows stored == 201s + abandoned, exact when there were no errors.
 *
 * For experiments (environment of `npm run bench`):
 *   BENCH_BOX_APP_ENV="LOG_LEVEL=warn DB_POOL_SIZE=40"  extra variables for the app
 *   BENCH_BOX_PROFILE=1        CPU-profile both servers over the measured 20 s; the profiles go
 *                              to bench/results/profiles/, their summaries into the output
 *   BENCH_BOX_SKIP_BASELINE=1  measure the app only
 *   BENCH_BOX_ORDER=tanxin-first  measure the app before the baseline (default: after)
 *   BENCH_BOX_APP_SCRIPT=bench/results/x/dist/main.js  measure a patched copy of dist/ instead
 *   BENCH_BOX_DURATION=20, BENCH_BOX_CONNECTIONS=200
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const mysql = require('mysql2/promise');
const { cpuMeter, systemCpuMs } = require('../lib/cpu');
const { format: formatProfile } = require('../lib/cpuprofile-summary');
const { cannon } = require('../lib/load');
const { cpuProfiler, envFlag } = require('../lib/profiling');
const { figure, formatValue, median, printFigure } = require('../lib/report');
const { MAIN_JS, ROOT, makeTempDir, startServer, tanxinEnvironment } = require('../lib/server');
const { MYSQL, REDIS, STATUS, api, cleanup, login, guardOnExit, mariadbProblem, mariadbStatus, mib, parseExtraEnv, quiesceMariadb, redisProblem, runCli, sleep } = require('../lib/stack');
const { mulberry32, opinionText } = require('../lib/texts');

const CONNECTIONS = Number(process.env.BENCH_BOX_CONNECTIONS || 200);
const DURATION_S = Number(process.env.BENCH_BOX_DURATION || 20);
const WARMUP_S = 3;
const BODY_COUNT = 300;
const BASELINE_JS = path.join(__dirname, '..', 'lib', 'baseline-box-server.js');
const GOALS = { ratio: 0.85, p99Ms: 100 };

// ---------------------------------------------------------------------------------------------
// Setup: API (the database, CLI and cleanup are in lib/stack.js)
// ---------------------------------------------------------------------------------------------

/** Logs in, finds the demo meeting and team, opens the four boxes. */
async function prepareBoxes(server, db) {
  const token = await login(server);
  const meetings = await api(server, 'GET', '/api/v1/meetings', { token });
  if (!Array.isArray(meetings) || meetings.length === 0) throw new Error('the demo organisation has no meeting');
  const meeting = meetings[0];
  const team = await api(server, 'GET', `/api/v1/meetings/${meeting.id}/team`, { token });
  const members = team.map((member) => member.userId);
  if (members.length === 0) throw new Error('the demo meeting has no team');
  if (!Array.isArray(meeting.aspects) || meeting.aspects.length === 0) throw new Error('the demo meeting has no aspects');
  const titles = {
    tanxinWarmup: '基准测试意见箱（预热）',
    tanxin: '基准测试意见箱',
    baselineWarmup: '基准测试意见箱（基线预热）',
    baseline: '基准测试意见箱（基线）',
  };
  const boxes = {};
  for (const [key, title] of Object.entries(titles)) {
    const box = await api(server, 'POST', `/api/v1/meetings/${meeting.id}/boxes`, { token, body: { title } });
    boxes[key] = { id: box.id, slug: box.slug, meetingId: box.meetingId };
  }
  const [rows] = await db.query('SELECT id, organizationId FROM boxes WHERE id IN (?)', [Object.values(boxes).map((box) => box.id)]);
  for (const box of Object.values(boxes)) box.organizationId = rows.find((row) => row.id === box.id).organizationId;
  return { meeting: { id: meeting.id, aspects: meeting.aspects }, members, boxes };
}

// ---------------------------------------------------------------------------------------------
// The request bodies
// ---------------------------------------------------------------------------------------------

/** BODY_COUNT valid opinions: 20–200 Chinese characters; ~40 % with an aspect, ~40 % about one member. */
function makeBodies(aspects, members) {
  const random = mulberry32(20260101);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const bodies = [];
  for (let i = 0; i < BODY_COUNT; i += 1) {
    const length = 20 + Math.floor(random() * 181);
    const body = { text: opinionText(random, length) };
    if (random() < 0.4) body.aspect = pick(aspects);
    if (random() < 0.4) body.targetMemberId = pick(members);
    bodies.push(JSON.stringify(body));
  }
  return bodies;
}

function bodyStats(bodies) {
  const parsed = bodies.map((body) => JSON.parse(body));
  const lengths = parsed.map((body) => [...body.text].length);
  return {
    count: bodies.length,
    textLength: { min: Math.min(...lengths), max: Math.max(...lengths), mean: Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length) },
    withAspect: parsed.filter((body) => body.aspect).length,
    withTarget: parsed.filter((body) => body.targetMemberId).length,
    bytes: { min: Math.min(...bodies.map((b) => Buffer.byteLength(b))), max: Math.max(...bodies.map((b) => Buffer.byteLength(b))) },
  };
}

// ---------------------------------------------------------------------------------------------
// Checks before the load: both servers take a valid opinion and refuse the same invalid ones
// ---------------------------------------------------------------------------------------------

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

async function checkServer(server, label, slug, setup) {
  const opinionPath = `/api/v1/public/boxes/${slug}/opinions`;
  const valid = { text: '  建议会议文件再精简一些，少开会、开短会。  ', aspect: setup.meeting.aspects[0], targetMemberId: setup.members[0] };
  const created = await server.request({ method: 'POST', path: opinionPath, body: valid, timeoutMs: 10_000 });
  if (created.status !== 201) throw new Error(`${label}: a valid opinion answered ${created.status}: ${created.body.slice(0, 300)}`);
  const { receipt } = JSON.parse(created.body);
  if (!RECEIPT.test(receipt ?? '')) throw new Error(`${label}: 201 without a receipt code: ${created.body.slice(0, 300)}`);
  const invalid = {
    'text too short (4 code points)': { text: ' 𠀀𠀀短短 ' },
    'text not a string': { text: 12345 },
    'text missing': { aspect: setup.meeting.aspects[0] },
    'unknown field': { text: valid.text, name: '张三' },
    'aspect not the meeting’s': { text: valid.text, aspect: '不存在的方面' },
    'target not in the team': { text: valid.text, targetMemberId: crypto.randomUUID() },
    'text over 2000 characters': { text: '长'.repeat(2001) },
  };
  const answers = {};
  for (const [name, body] of Object.entries(invalid)) {
    const answer = await server.request({ method: 'POST', path: opinionPath, body, timeoutMs: 10_000 });
    answers[name] = answer.status;
    if (answer.status !== 400) throw new Error(`${label}: ${name} answered ${answer.status} instead of 400: ${answer.body.slice(0, 300)}`);
  }
  return { valid: 201, invalid: answers };
}

// ---------------------------------------------------------------------------------------------
// Load and accounting (CPU: lib/cpu.js; MariaDB's counters and write-back: lib/stack.js)
// ---------------------------------------------------------------------------------------------

async function countRows(db, database, boxId) {
  const [[row]] = await db.query(`SELECT COUNT(*) AS n FROM \`${database}\`.raw_opinions WHERE sourceId = ?`, [boxId]);
  return Number(row.n);
}

/** Warm-up on one box, then the measured run on another; rows counted on the measured box. */
async function measure(server, label, { warmupSlug, slug, boxId, database, databases }, bodies, db, profiler) {
  // One request whose body rotates through all the bodies across the connections. Not one
  // request per body: autocannon builds every client's whole list before it starts, ~0.8 s of
  // this process's time for 200 × 300 that would be counted as the servers' latency.
  let cursor = 0;
  const requestsFor = (boxSlug) => [
    {
      method: 'POST',
      path: `/api/v1/public/boxes/${boxSlug}/opinions`,
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        request.body = bodies[cursor % bodies.length];
        cursor += 1;
        return request;
      },
    },
  ];
  const common = { url: server.baseUrl, connections: CONNECTIONS };
  await cannon({ ...common, duration: WARMUP_S, requests: requestsFor(warmupSlug) });
  await sleep(500); // the warm-up's abandoned requests land on the warm-up box, not in the measured run
  const quiesce = await quiesceMariadb(db, databases);
  process.stdout.write(
    `  ${label}: MariaDB backlog before the run ${quiesce.before.dirtyPages} dirty pages, checkpoint age ${mib(quiesce.before.checkpointAgeBytes)}` +
      ` → written back in ${(quiesce.waitedMs / 1000).toFixed(1)} s (${quiesce.after.dirtyPages} pages, ${mib(quiesce.after.checkpointAgeBytes)})\n`,
  );

  const rowsBefore = await countRows(db, database, boxId);
  const statusBefore = await mariadbStatus(db);
  profiler.start(server);
  const meter = cpuMeter(server.pid);
  // Per second of the run: answers and the slowest one (stalls show as spikes).
  const timeline = [];
  const startedAt = Date.now();
  const onResponse = (_client, _status, _bytes, responseTime) => {
    const second = Math.floor((Date.now() - startedAt) / 1000);
    const slot = timeline[second] ?? (timeline[second] = { answers: 0, maxMs: 0 });
    slot.answers += 1;
    if (responseTime > slot.maxMs) slot.maxMs = Math.round(responseTime);
  };
  const result = await cannon({ ...common, duration: DURATION_S, requests: requestsFor(slug) }, onResponse);
  const cpu = meter();
  const statusAfter = await mariadbStatus(db);
  if (!server.running) throw server.failure('the server exited during the run');
  profiler.stop(server);

  // The abandoned requests are still being stored: wait until the count stops moving.
  let rows = await countRows(db, database, boxId);
  for (let settled = 0, i = 0; settled < 3 && i < 50; i += 1) {
    await sleep(200);
    const now = await countRows(db, database, boxId);
    settled = now === rows ? settled + 1 : 0;
    rows = now;
  }
  rows -= rowsBefore;

  const profile = await profiler.summary();

  const created = result.statusCodeStats['201']?.count ?? 0;
  const mariadb = Object.fromEntries(STATUS.map((name) => [name, statusAfter[name] - statusBefore[name]]));
  const perRequest = (n) => (result.requests.total ? Math.round((n / result.requests.total) * 100) / 100 : null);
  // autocannon's aggregate: requests.sent (written to a socket) and requests.total (answered).
  const abandoned = result.requests.sent - result.requests.total - result.errors;
  return {
    label,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, average: result.latency.average },
    created,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sent: result.requests.sent,
    completed: result.requests.total,
    abandoned,
    rows,
    rowsMatch: rows === created + abandoned,
    // A request the client gave up on (timeout) may still have been stored: then the surplus
    // equals the timeouts, and no write was lost or doubled, though the goal is missed.
    surplusIsTimeouts: rows !== created + abandoned && rows - created - abandoned === result.timeouts,
    statusCodeStats: result.statusCodeStats,
    durationS: result.duration,
    cpuPercent: cpu,
    mariadbQuiesce: quiesce,
    timeline: Array.from(timeline, (slot) => slot ?? { answers: 0, maxMs: 0 }),
    mariadb: {
      ...mariadb,
      selectsPerRequest: perRequest(mariadb.Com_select),
      insertStatementsPerRequest: perRequest(mariadb.Com_insert),
      rowsPerInsert: mariadb.Com_insert ? Math.round((rows / mariadb.Com_insert) * 10) / 10 : null,
    },
    profile,
    profileFile: profile ? path.relative(ROOT, profiler.file) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** The full seconds of the run (not the last, partial one). */
const fullSeconds = (m) => m.timeline.slice(0, Math.floor(m.durationS) - 1);
const slowestSecond = (m) => (m.timeline.length > 2 ? Math.min(...fullSeconds(m).map((slot) => slot.answers)) : null);
const medianMax = (m) => median(fullSeconds(m).map((slot) => slot.maxMs));

function printTable(baseline, tanxin, out = process.stdout) {
  const n = (value, unit = '') => (value === null || value === undefined ? 'n/a' : formatValue(value, unit).trim());
  const cpu = (m, key) => (m?.cpuPercent?.[key] === null || m?.cpuPercent?.[key] === undefined ? 'n/a' : `${m.cpuPercent[key]} %`);
  const rows = [
    ['', 'baseline', 'tanxin'],
    ['requests/s (mean)', n(baseline?.requestsPerSecond), n(tanxin.requestsPerSecond)],
    ['p50 latency', n(baseline?.latencyMs.p50, 'ms'), n(tanxin.latencyMs.p50, 'ms')],
    ['p99 latency', n(baseline?.latencyMs.p99, 'ms'), n(tanxin.latencyMs.p99, 'ms')],
    ['201s', n(baseline?.created), n(tanxin.created)],
    ['non-2xx', n(baseline?.non2xx), n(tanxin.non2xx)],
    ['errors (timeouts)', baseline ? `${baseline.errors} (${baseline.timeouts})` : 'n/a', `${tanxin.errors} (${tanxin.timeouts})`],
    ['abandoned at stop', n(baseline?.abandoned), n(tanxin.abandoned)],
    ['rows stored', n(baseline?.rows), n(tanxin.rows)],
    ['rows == 201s + abandoned', baseline ? (baseline.rowsMatch ? 'yes' : 'NO') : 'n/a', tanxin.rowsMatch ? 'yes' : 'NO'],
    ['CPU (% of one core): server', cpu(baseline, 'server'), cpu(tanxin, 'server')],
    ['CPU: MariaDB / Redis', baseline ? `${cpu(baseline, 'mariadb')} / ${cpu(baseline, 'redis')}` : 'n/a', `${cpu(tanxin, 'mariadb')} / ${cpu(tanxin, 'redis')}`],
    ['CPU: autocannon (this process)', cpu(baseline, 'loadGenerator'), cpu(tanxin, 'loadGenerator')],
    ['CPU: other processes', cpu(baseline, 'others'), cpu(tanxin, 'others')],
    ['SELECTs per request', n(baseline?.mariadb.selectsPerRequest), n(tanxin.mariadb.selectsPerRequest)],
    ['rows per INSERT', n(baseline?.mariadb.rowsPerInsert), n(tanxin.mariadb.rowsPerInsert)],
    ['answers/s, slowest second', n(baseline && slowestSecond(baseline)), n(slowestSecond(tanxin))],
    ['max latency per second, median', n(baseline && medianMax(baseline), 'ms'), n(medianMax(tanxin), 'ms')],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => [...row[column]].length)));
  out.write('\n');
  for (const row of rows) out.write(`  ${row[0].padEnd(widths[0])}  ${row[1].padStart(widths[1])}  ${row[2].padStart(widths[2])}\n`);
}

function goals(baseline, tanxin) {
  const ratio = baseline && baseline.requestsPerSecond > 0 ? tanxin.requestsPerSecond / baseline.requestsPerSecond : null;
  return {
    ratio,
    list: [
      { text: `throughput ≥ ${GOALS.ratio} × baseline`, value: ratio === null ? 'n/a' : `${ratio.toFixed(2)} ×`, met: ratio !== null && ratio >= GOALS.ratio },
      { text: `p99 < ${GOALS.p99Ms} ms`, value: `${tanxin.latencyMs.p99} ms`, met: tanxin.latencyMs.p99 < GOALS.p99Ms },
      { text: 'zero errors and non-2xx', value: `${tanxin.errors} errors, ${tanxin.non2xx} non-2xx`, met: tanxin.errors === 0 && tanxin.non2xx === 0 },
      {
        text: 'rows == 201s (+ abandoned at stop)',
        value: `${tanxin.rows} rows, ${tanxin.created} + ${tanxin.abandoned}${tanxin.surplusIsTimeouts ? ` (+ ${tanxin.timeouts} timed out, stored anyway)` : ''}`,
        met: tanxin.rowsMatch,
      },
    ],
  };
}

function figuresOf(baseline, tanxin, judged) {
  const figures = [];
  const note = (m) => (m.non2xx || m.errors ? `${m.non2xx} non-2xx, ${m.errors} errors` : undefined);
  if (baseline) {
    figures.push(figure('baseline: requests/s', Math.round(baseline.requestsPerSecond), 'req/s', { note: note(baseline) }));
    figures.push(figure('baseline: p50 / p99 latency', baseline.latencyMs.p50, 'ms', { note: `p99 ${baseline.latencyMs.p99} ms` }));
  }
  figures.push(figure('tanxin: requests/s', Math.round(tanxin.requestsPerSecond), 'req/s', { note: note(tanxin) }));
  figures.push(figure('tanxin: p50 latency', tanxin.latencyMs.p50, 'ms'));
  figures.push(figure('tanxin: p99 latency', tanxin.latencyMs.p99, 'ms', { below: GOALS.p99Ms }));
  const ratio = figure('tanxin / baseline throughput', judged.ratio === null ? null : Math.round(judged.ratio * 100) / 100, '×');
  ratio.goal = { text: `≥ ${GOALS.ratio} ×`, met: judged.list[0].met };
  figures.push(ratio);
  const failures = figure('tanxin: errors + non-2xx', tanxin.errors + tanxin.non2xx, 'responses');
  failures.goal = { text: '= 0', met: judged.list[2].met };
  figures.push(failures);
  const surplus = tanxin.surplusIsTimeouts ? '; the surplus = the timed-out requests, stored after the client gave up' : '';
  const rows = figure('tanxin: rows − (201s + abandoned)', tanxin.rows - tanxin.created - tanxin.abandoned, 'rows', { note: `${tanxin.rows} rows, ${tanxin.created} 201s, ${tanxin.abandoned} abandoned at stop${surplus}` });
  rows.goal = { text: '= 0', met: tanxin.rowsMatch };
  figures.push(rows);
  return figures;
}


module.exports = {
  name: 'box-submit',
  title: `box submissions on MariaDB + Redis vs a bare node:http + mysql2 baseline, ${CONNECTIONS} connections, ${DURATION_S} s each (after ${WARMUP_S} s warm-up)`,

  async run() {
    const missing = (await mariadbProblem()) ?? (await redisProblem());
    if (missing) {
      process.stdout.write(`  skipped: ${missing}\n`);
      return { skipped: `${missing}; the scenario needs MariaDB and Redis` };
    }

    // Both servers, MariaDB and autocannon share this machine's CPUs: say so when something else is busy.
    const idleBefore = systemCpuMs();
    await sleep(2000);
    const idleAfter = systemCpuMs();
    const busyBefore = idleBefore && idleAfter ? Math.round(((idleAfter.busy - idleBefore.busy) / 2000) * 100) : null;
    if (busyBefore !== null && busyBefore > 20) process.stdout.write(`  WARNING: the machine was already ${busyBefore} % busy (of one core) before the run: the figures will be low\n`);

    const appEnv = parseExtraEnv(process.env.BENCH_BOX_APP_ENV, 'BENCH_BOX_APP_ENV');
    // An experiment's patched copy of dist/ (under the repository, so node_modules resolves).
    const appScript = process.env.BENCH_BOX_APP_SCRIPT ? path.resolve(ROOT, process.env.BENCH_BOX_APP_SCRIPT) : MAIN_JS;
    if (appScript !== MAIN_JS) process.stdout.write(`  measuring ${path.relative(ROOT, appScript)} instead of dist/main.js\n`);
    const profiling = envFlag('BENCH_BOX_PROFILE');
    const skipBaseline = envFlag('BENCH_BOX_SKIP_BASELINE');
    const tanxinFirst = process.env.BENCH_BOX_ORDER === 'tanxin-first';
    const stamp = Date.now();
    // Each server writes into its own, equally fresh raw_opinions (same migrations, same
    // definition): measured one after the other in one table, the second pays for the first's
    // ~100k rows (measured: −20 % throughput and +50 ms p99, for whichever goes second).
    const database = `tanxin_bench_${stamp}`;
    const baselineDatabase = `${database}_baseline`;
    const databases = [database, baselineDatabase];
    const redisPrefix = `tanxin_bench_${crypto.randomBytes(6).toString('hex')}`;
    const urlOf = (name) => `mysql://root@${MYSQL.host}:${MYSQL.port}/${name}`;
    const databaseUrl = urlOf(database);
    const dataDir = makeTempDir();
    const appLog = path.join(dataDir, 'tanxin-stdout.log');
    const profilerOf = (who) => cpuProfiler(`box-submit-${stamp}-${who}`, profiling);

    const unguard = guardOnExit(databases, redisPrefix);
    const admin = await mysql.createConnection({ ...MYSQL, connectTimeout: 5000 });
    try {
      for (const name of databases) await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await admin.end();
    }
    process.stdout.write(`  databases ${databases.join(', ')}, Redis prefix ${redisPrefix}, app stdout → ${appLog}\n`);

    const db = await mysql.createConnection({ ...MYSQL, database, connectTimeout: 5000 });
    const appEnvironment = {
      DB_TYPE: 'mariadb',
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://${REDIS.host}:${REDIS.port}`,
      REDIS_PREFIX: redisPrefix,
      BOX_SUBMIT_RATE_LIMIT: 1_000_000,
      BOX_SUBMIT_CEILING: 1_000_000,
      LOGIN_RATE_LIMIT: 1000,
      LOG_LEVEL: 'info',
      ...appEnv,
    };
    let server;
    try {
      const cliEnv = tanxinEnvironment(dataDir, { DB_TYPE: 'mariadb', DATABASE_URL: databaseUrl });
      process.stdout.write(`  migrate: ${await runCli(['migrate'], cliEnv, dataDir)}\n`);
      process.stdout.write(`  demo: ${(await runCli(['demo'], cliEnv, dataDir)).split('\n')[0]}\n`);
      const baselineCliEnv = tanxinEnvironment(dataDir, { DB_TYPE: 'mariadb', DATABASE_URL: urlOf(baselineDatabase) });
      process.stdout.write(`  migrate (baseline's database): ${await runCli(['migrate'], baselineCliEnv, dataDir)}\n`);

      // Setup through the API, then the app goes: the servers are measured one at a time.
      server = await startServer({ dataDir, env: appEnvironment, stdout: appLog, label: 'tanxin (setup)' });
      const setup = await prepareBoxes(server, db);
      const bodies = makeBodies(setup.meeting.aspects, setup.members);
      const checks = { tanxin: await checkServer(server, 'tanxin', setup.boxes.tanxinWarmup.slug, setup) };
      await server.stop();
      server = undefined;

      const runBaseline = async () => {
        const { boxes } = setup;
        const profiler = profilerOf('baseline');
        server = await startServer({
          dataDir,
          script: BASELINE_JS,
          label: 'baseline',
          nodeArgs: profiler.nodeArgs,
          env: {
            ...profiler.env,
            BASELINE_DATABASE_URL: urlOf(baselineDatabase),
            BASELINE_POOL_SIZE: 20,
            BASELINE_BOXES: JSON.stringify(Object.fromEntries([boxes.baselineWarmup, boxes.baseline].map((box) => [box.slug, { id: box.id, organizationId: box.organizationId, meetingId: box.meetingId }]))),
            BASELINE_ASPECTS: JSON.stringify(setup.meeting.aspects),
            BASELINE_TEAM: JSON.stringify(setup.members),
          },
        });
        checks.baseline = await checkServer(server, 'baseline', boxes.baselineWarmup.slug, setup);
        process.stdout.write(`  baseline: ${DURATION_S} s …\n`);
        const measured = await measure(server, 'baseline', { warmupSlug: boxes.baselineWarmup.slug, slug: boxes.baseline.slug, boxId: boxes.baseline.id, database: baselineDatabase, databases }, bodies, db, profiler);
        await server.stop();
        server = undefined;
        return measured;
      };
      const runTanxin = async () => {
        const profiler = profilerOf('tanxin');
        server = await startServer({ dataDir, env: { ...appEnvironment, ...profiler.env }, nodeArgs: profiler.nodeArgs, script: appScript, stdout: appLog, label: 'tanxin' });
        process.stdout.write(`  tanxin: ${DURATION_S} s …\n`);
        const measured = await measure(server, 'tanxin', { warmupSlug: setup.boxes.tanxinWarmup.slug, slug: setup.boxes.tanxin.slug, boxId: setup.boxes.tanxin.id, database, databases }, bodies, db, profiler);
        await server.stop();
        server = undefined;
        return measured;
      };
      // Baseline first, unless BENCH_BOX_ORDER=tanxin-first (to see what the order costs).
      let baseline = null;
      let tanxin;
      if (tanxinFirst) {
        tanxin = await runTanxin();
        if (!skipBaseline) baseline = await runBaseline();
      } else {
        if (!skipBaseline) baseline = await runBaseline();
        tanxin = await runTanxin();
      }

      printTable(baseline, tanxin);
      const judged = goals(baseline, tanxin);
      for (const measured of [baseline, tanxin].filter((m) => m && m.cpuPercent.others > 20)) {
        process.stdout.write(`\n  WARNING: other processes used ${measured.cpuPercent.others} % of a core during the ${measured.label} run: its figures are low, the ratio unreliable`);
      }
      process.stdout.write('\n');
      for (const goal of judged.list) process.stdout.write(`  ${goal.met ? 'PASS' : 'FAIL'}  ${goal.text.padEnd(36)} ${goal.value}\n`);
      for (const measured of [baseline, tanxin].filter((m) => m && m.profile)) {
        process.stdout.write(`\n  CPU profile of ${measured.label} (${measured.profileFile}):\n${formatProfile(measured.profile).replace(/^/gm, '    ')}\n`);
      }
      process.stdout.write('\n');
      const figures = figuresOf(baseline, tanxin, judged);
      for (const fig of figures) printFigure(fig);

      let logLines = null;
      try {
        logLines = fs.readFileSync(appLog, 'utf8').split('\n').filter(Boolean).length;
      } catch {
        // no log
      }
      return {
        figures,
        details: {
          databases: { tanxin: database, baseline: baselineDatabase },
          connections: CONNECTIONS,
          durationS: DURATION_S,
          warmupS: WARMUP_S,
          order: tanxinFirst ? 'tanxin, baseline' : 'baseline, tanxin',
          machineBusyBeforePercent: busyBefore,
          appEnvironment: Object.fromEntries(Object.entries(appEnvironment).filter(([key]) => !/SECRET|PASSWORD/.test(key))),
          appStdout: `file in the temporary DATA_DIR (${logLines} lines at the end)`,
          bodies: bodyStats(bodies),
          checks,
          goals: judged.list,
          ratio: judged.ratio,
          baseline,
          tanxin,
        },
      };
    } finally {
      if (server) await server.stop();
      await db.end().catch(() => {});
      const problems = await cleanup(databases, redisPrefix);
      if (problems.length) process.stderr.write(`  cleanup: ${problems.join('; ')}\n`);
      else unguard();
    }
  },
};

