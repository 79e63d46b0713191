'use strict';

/**
 * Preparation progress and the opinion-list export on a large database, MariaDB + Redis.
 *
 * The database (bench/seed/progress-seed.js): 1,000 meetings of one organisation with 1,000,000
 * raw opinions and 200,000 items (+ claims, boxes, surveys, talks, materials), and an export
 * meeting with 2,000 answered items. Then:
 *
 * 1. uncached: PROGRESS_CACHE_SECONDS=0, 50 connections read `GET /api/v1/meetings/:id/progress`
 *    as the organiser, round the 1,000 meetings, flat out for 12 s after a 3 s warm-up. Goal p99 <
 *    100 ms. (The app's short in-process caches stay on: the meeting row for 2 s, a meeting's
 *    required talks for 3 s; going round 1,000 meetings, they serve only when a meeting comes
 *    round again within that time.) Then the same 50 readers at 50 requests/s in all, each request
 *    sent on time whatever the answers do (lib/paced.js), 10 s after 3 s at that rate.
 * 2. cached: a new server with PROGRESS_CACHE_SECONDS=60, every meeting read once, then the same
 *    load: every read within the window, so this is the cost of a hit (access check included).
 *    Goal p99 < 10 ms. Then the 50 readers at 50 requests/s (each reading once a second, as a
 *    board watched by 50 people would be read at most), at 1,000 requests/s in all, and
 *    GET /health/live flat out for the floor: what any request costs on this machine at 50
 *    connections.
 * 3. export: a worker process beside the api; `POST /meetings/:id/exports {opinion-list, xlsx}`
 *    for the 2,000-item meeting, timed until `GET /exports/:id` says done; the file is read back
 *    with exceljs and must hold 2,000 rows under its header. Goal < 5 s.
 *
 * Flat out, 50 connections are 50 requests always waiting: p99 is then about 50 / (requests/s)
 * and measures throughput more than the wait of one reader; the paced runs show that wait. Both
 * readings of "50 concurrent readers" carry the goals, and both are printed.
 *
 * Seeding takes about a minute. BENCH_KEEP_DB=1 keeps the database (tanxin_bench_progress) and
 * reuses it on the next run when its seed marker is current; otherwise tanxin_bench_progress_<ms>
 * is dropped at the end. BENCH_PROGRESS_PROFILE=1 CPU-profiles the server over the uncached run.
 *
 * Needs MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379; skipped when
 * one is not running. Redis keys under the run's prefix are deleted at the end.
 */

const path = require('node:path');
const { performance } = require('node:perf_hooks');
const mysql = require('mysql2/promise');
const { format: formatProfile } = require('../lib/cpuprofile-summary');
const { cannon } = require('../lib/load');
const { paced } = require('../lib/paced');
const { cpuProfiler, envFlag } = require('../lib/profiling');
const { figure, printFigure } = require('../lib/report');
const { startServer, startWorker } = require('../lib/server');
const { MYSQL, api, login, mariadbStatus, quiesceMariadb, sleep, withBenchStack } = require('../lib/stack');
const { exportMeetingId, isSeeded, meetingIds, seedProgressData, SEED } = require('../seed/progress-seed');

const CONNECTIONS = 50;
const DURATION_S = 12;
const WARMUP_S = 3;
const CACHED_WINDOW_S = 60;
const PACED_S = 10;
const UNCACHED_RATE = 50;
const CACHED_RATE = 1_000;
const FLOOR_S = 5;
const GOALS = { uncachedP99Ms: 100, cachedP99Ms: 10, exportS: 5 };
const KEEP_DB = envFlag('BENCH_KEEP_DB');
const KEPT_DATABASE = 'tanxin_bench_progress';
const PROFILING = envFlag('BENCH_PROGRESS_PROFILE');
/** Counted over the uncached run: statements, and pages InnoDB had to read from disk. */
const MARIADB_COUNTERS = ['Com_select', 'Innodb_buffer_pool_reads'];

/**
 * The migrated database (withBenchStack's): the kept one reused when seeded; otherwise the demo
 * and the seed put in. Resolves what the seed reports, or null when reused.
 */
async function prepareDatabase(database, cli) {
  const db = await mysql.createConnection({ ...MYSQL, database, connectTimeout: 5000 });
  let seeded = null;
  try {
    if (await isSeeded(db)) {
      process.stdout.write(`  reusing ${database}: seeded already\n`);
    } else {
      const [[{ tables }]] = await db.query("SELECT COUNT(*) AS tables FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'organizations'", [database]);
      const [[{ organisations }]] = tables ? await db.query('SELECT COUNT(*) AS organisations FROM organizations') : [[{ organisations: 0 }]];
      if (Number(organisations) > 0) throw new Error(`${database} holds data but no complete seed: drop it (DROP DATABASE ${database}) and run again`);
      await cli('demo');
      process.stdout.write(`  seeding ${database} …\n`);
      seeded = await seedProgressData(db, { log: (line) => process.stdout.write(`${line}\n`) });
    }
    const quiet = await quiesceMariadb(db, [database]);
    process.stdout.write(`  MariaDB write-back before measuring: ${(quiet.waitedMs / 1000).toFixed(1)} s\n`);
  } finally {
    await db.end();
  }
  return seeded;
}

/** `connections` (50 unless told) reading the progress of `meetings` in turn, flat out, for `duration` s or `amount` requests. */
function readProgress(server, token, meetings, { duration, connections = CONNECTIONS, amount }) {
  let next = 0;
  return cannon({
    url: server.baseUrl,
    headers: { authorization: `Bearer ${token}` },
    connections,
    duration,
    ...(amount ? { amount } : {}),
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/v1/meetings/${meetings[next++ % meetings.length]}/progress` }) }],
  });
}

/** The same readers at `rate` requests/s in all, sent on time whatever the answers do (lib/paced.js). */
async function readPaced(server, token, meetings, rate, label, problems) {
  let next = 0;
  const options = { baseUrl: server.baseUrl, headers: { authorization: `Bearer ${token}` }, rate, connections: CONNECTIONS, nextPath: () => `/api/v1/meetings/${meetings[next++ % meetings.length]}/progress` };
  // First at that rate unmeasured: what the flat-out run left behind (queues, garbage) clears.
  await paced({ ...options, durationS: WARMUP_S });
  const result = await paced({ ...options, durationS: PACED_S });
  if (result.non2xx) problems.push(`${label}: ${result.non2xx} non-2xx answers`);
  if (result.errors) problems.push(`${label}: ${result.errors} errors`);
  return result;
}

function loadProblems(label, result) {
  const problems = [];
  if (result.non2xx) problems.push(`${label}: ${result.non2xx} non-2xx answers`);
  if (result.errors || result.timeouts) problems.push(`${label}: ${result.errors} errors, ${result.timeouts} timeouts`);
  return problems;
}

const latencyOf = (result) => ({ average: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max });

/** What one seeded meeting's progress must say (see the seed's distribution). */
function progressProblems(view) {
  const problems = [];
  const expect = (what, actual, wanted) => {
    if (actual !== wanted) problems.push(`progress ${what}: ${JSON.stringify(actual)} instead of ${JSON.stringify(wanted)}`);
  };
  expect('opinions.total', view.opinions?.total, SEED.OPINIONS_PER_MEETING);
  expect('opinions.byChannel', JSON.stringify(view.opinions?.byChannel), JSON.stringify({ box: 500, survey: 200, talk: 100, symposium: 100, written: 100 }));
  expect('opinions.byDay days', view.opinions?.byDay?.length, 30);
  expect('opinions.byAspect sum', Object.values(view.opinions?.byAspect ?? {}).reduce((sum, count) => sum + count, 0), SEED.OPINIONS_PER_MEETING);
  expect('boxes', view.boxes?.map((box) => box.opinions).join(','), '250,250');
  expect('items.total', view.items?.total, SEED.ITEMS_PER_MEETING * 0.95);
  expect('items.published', view.items?.published, SEED.ITEMS_PER_MEETING * 0.7);
  expect('members', view.members?.length, SEED.TEAM);
  expect('surveys[0].responses', view.surveys?.[0]?.responses, 25);
  return problems;
}

/** One export through the queue and the worker: seconds from the request until it is done, and the file. */
async function timeExport(server, token, meetingId) {
  const started = performance.now();
  const job = await api(server, 'POST', `/api/v1/meetings/${meetingId}/exports`, { token, body: { what: 'opinion-list', format: 'xlsx' } });
  let view = job;
  while (view.status !== 'done' && view.status !== 'failed') {
    if (performance.now() - started > 60_000) throw new Error(`export ${job.id} not done within 60 s (${view.status})`);
    await sleep(20);
    view = await api(server, 'GET', `/api/v1/exports/${job.id}`, { token });
  }
  const seconds = (performance.now() - started) / 1000;
  if (view.status === 'failed') throw new Error(`export ${job.id} failed: ${view.error}`);
  const response = await fetch(`${server.baseUrl}${view.downloadUrl}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET ${view.downloadUrl} answered ${response.status}`);
  return { seconds, file: Buffer.from(await response.arrayBuffer()) };
}

async function xlsxRows(file) {
  const ExcelJS = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file);
  const sheet = workbook.worksheets[0];
  return { rows: sheet.actualRowCount, header: sheet.getRow(1).getCell(3).text };
}

/** The three measurements on the stack withBenchStack prepared (migrated, no demo yet). */
async function measure({ database, dataDir, appEnv: stackEnv, cli }) {
  const servers = [];
  let worker = null;
  try {
    const seeded = await prepareDatabase(database, cli);
    const appEnv = { ...stackEnv, LOGIN_RATE_LIMIT: 1000, LOG_LEVEL: 'warn' };
    const meetings = meetingIds();
    const problems = [];
    const figures = [];
    if (seeded) figures.push(figure('seed: 1,000 meetings, 1M opinions, 200k items', Number(seeded.seconds.toFixed(0)), 's'));

    // 1. Uncached.
    const profiler = cpuProfiler(`progress-${Date.now()}`, PROFILING);
    let server = await startServer({
      dataDir,
      nodeArgs: profiler.nodeArgs,
      env: { ...appEnv, PROGRESS_CACHE_SECONDS: 0, ...profiler.env },
      stdout: path.join(dataDir, 'api-uncached.log'),
      label: 'tanxin (uncached)',
    });
    servers.push(server);
    let token = await login(server);
    const view = await api(server, 'GET', `/api/v1/meetings/${meetings[1]}/progress`, { token });
    problems.push(...progressProblems(view));
    process.stdout.write(`  one meeting: ${view.opinions.total} opinions, ${view.items.total} items, ${view.members.length} members, ${view.talks.required} required talks\n`);
    await readProgress(server, token, meetings, { duration: WARMUP_S });
    profiler.start(server);
    const counters = await mysql.createConnection({ ...MYSQL, connectTimeout: 5000 });
    const before = await mariadbStatus(counters, MARIADB_COUNTERS);
    const uncached = await readProgress(server, token, meetings, { duration: DURATION_S });
    const after = await mariadbStatus(counters, MARIADB_COUNTERS);
    await counters.end();
    const perRequest = (name) => Number(((after[name] - before[name]) / uncached.requests.total).toFixed(1));
    const mariadb = { selectsPerRequest: perRequest('Com_select'), pageReadsFromDiskPerRequest: perRequest('Innodb_buffer_pool_reads') };
    profiler.stop(server);
    const profile = await profiler.summary();
    if (profile) process.stdout.write(`${formatProfile(profile)}\n`);
    problems.push(...loadProblems('uncached', uncached));
    const uncachedPaced = await readPaced(server, token, meetings, UNCACHED_RATE, 'uncached, paced', problems);
    await server.stop();

    // 2. Cached: every meeting read once, then the measured reads are all within the window.
    server = await startServer({ dataDir, env: { ...appEnv, PROGRESS_CACHE_SECONDS: CACHED_WINDOW_S }, stdout: path.join(dataDir, 'api-cached.log'), label: 'tanxin (cached)' });
    servers.push(server);
    token = await login(server);
    const filling = await readProgress(server, token, meetings, { connections: 10, amount: meetings.length, duration: 60 });
    problems.push(...loadProblems('filling the cache', filling));
    await readProgress(server, token, meetings, { duration: WARMUP_S });
    const cached = await readProgress(server, token, meetings, { duration: DURATION_S });
    problems.push(...loadProblems('cached', cached));
    const cachedPaced = await readPaced(server, token, meetings, CACHED_RATE, 'cached, paced', problems);
    const cachedReaders = await readPaced(server, token, meetings, UNCACHED_RATE, 'cached, 50 readers', problems);
    const floor = await cannon({ url: `${server.baseUrl}/health/live`, connections: CONNECTIONS, duration: FLOOR_S });
    problems.push(...loadProblems('GET /health/live', floor));
    const again = await api(server, 'GET', `/api/v1/meetings/${meetings[1]}/progress`, { token });
    if (JSON.stringify(again) !== JSON.stringify(view)) problems.push('the cached progress of a meeting differs from the computed one');

    figures.push(
      figure('progress uncached: requests/s', Math.round(uncached.requests.average), 'req/s', {
        note: `${CONNECTIONS} connections flat out; per request ${mariadb.selectsPerRequest} SELECTs, ${mariadb.pageReadsFromDiskPerRequest} InnoDB pages read from disk`,
      }),
      figure('progress uncached: p50 latency', uncached.latency.p50, 'ms'),
      figure('progress uncached: p99 latency', uncached.latency.p99, 'ms', { below: GOALS.uncachedP99Ms }),
      figure(`progress uncached, paced ${UNCACHED_RATE}/s: p99`, uncachedPaced.latency.p99, 'ms', { below: GOALS.uncachedP99Ms, note: `p50 ${uncachedPaced.latency.p50} ms; ${CONNECTIONS} readers each reading once a second, sent on time` }),
      figure('progress cached: requests/s', Math.round(cached.requests.average), 'req/s', { note: `${CONNECTIONS} connections flat out` }),
      figure('progress cached: p50 latency', cached.latency.p50, 'ms'),
      figure('progress cached: p99 latency', cached.latency.p99, 'ms', { below: GOALS.cachedP99Ms, note: `every read a hit: ${CACHED_WINDOW_S} s window, each meeting read once first` }),
      figure(`progress cached, paced ${UNCACHED_RATE}/s: p99`, cachedReaders.latency.p99, 'ms', { below: GOALS.cachedP99Ms, note: `p50 ${cachedReaders.latency.p50} ms; ${CONNECTIONS} readers each reading once a second, sent on time` }),
      figure(`progress cached, paced ${CACHED_RATE.toLocaleString('en')}/s: p99`, cachedPaced.latency.p99, 'ms', { note: `p50 ${cachedPaced.latency.p50} ms; ${CONNECTIONS} connections, requests sent on time` }),
      figure('floor: GET /health/live p99, same server', floor.latency.p99, 'ms', { note: `${Math.round(floor.requests.average)} req/s, ${CONNECTIONS} connections flat out` }),
    );

    // 3. The export, built by a worker process as in production.
    worker = startWorker({ dataDir, env: { ...appEnv, PROGRESS_CACHE_SECONDS: CACHED_WINDOW_S }, log: path.join(dataDir, 'worker.log') });
    await sleep(3000); // the worker connects to MariaDB and Redis; a job sent before waits in the queue anyway
    const first = await timeExport(server, token, exportMeetingId());
    const second = await timeExport(server, token, exportMeetingId());
    const sheet = await xlsxRows(first.file);
    if (sheet.rows !== SEED.EXPORT_ITEMS + 1) problems.push(`the xlsx holds ${sheet.rows} rows, not ${SEED.EXPORT_ITEMS} + the header`);
    if (sheet.header !== '意见内容') problems.push(`the xlsx header's third column is "${sheet.header}", not 意见内容`);
    figures.push(
      figure(`xlsx export, ${SEED.EXPORT_ITEMS.toLocaleString('en')} items: request → done`, Number(first.seconds.toFixed(2)), 's', {
        below: GOALS.exportS,
        note: `first after the worker started; again: ${second.seconds.toFixed(2)} s; ${sheet.rows - 1} rows, ${(first.file.length / 1024).toFixed(0)} KiB`,
      }),
    );
    for (const each of figures) printFigure(each);

    const details = {
      database: { name: database, kept: KEEP_DB, seeded },
      connections: CONNECTIONS,
      durationS: DURATION_S,
      uncached: { requestsTotal: uncached.requests.total, requestsPerSecond: uncached.requests.average, latencyMs: latencyOf(uncached), mariadb },
      uncachedPaced: { rate: UNCACHED_RATE, requestsPerSecond: uncachedPaced.requestsPerSecond, latencyMs: uncachedPaced.latency },
      cached: { windowS: CACHED_WINDOW_S, requestsTotal: cached.requests.total, requestsPerSecond: cached.requests.average, latencyMs: latencyOf(cached) },
      cachedPaced: { rate: CACHED_RATE, requestsPerSecond: cachedPaced.requestsPerSecond, latencyMs: cachedPaced.latency },
      floor: { requestsPerSecond: floor.requests.average, latencyMs: latencyOf(floor) },
      export: { firstS: first.seconds, secondS: second.seconds, rows: sheet.rows, bytes: first.file.length },
    };
    return problems.length ? { figures, details, failed: problems.join('; ') } : { figures, details };
  } finally {
    if (worker) await worker.stop();
    for (const each of servers) await each.stop();
    if (KEEP_DB) process.stdout.write(`  kept ${database} (BENCH_KEEP_DB=1)\n`);
  }
}

module.exports = {
  name: 'progress',
  title: `progress on ${SEED.MEETINGS.toLocaleString('en')} meetings / 1M opinions, ${CONNECTIONS} readers uncached and cached (goals p99 < ${GOALS.uncachedP99Ms} / ${GOALS.cachedP99Ms} ms); xlsx of ${SEED.EXPORT_ITEMS.toLocaleString('en')} items (< ${GOALS.exportS} s)`,

  run() {
    return withBenchStack('progress', measure, { database: KEEP_DB ? KEPT_DATABASE : undefined, keep: KEEP_DB, demo: false });
  },
};
