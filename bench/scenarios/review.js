'use strict';

/**
 * The organiser's review page (`GET /meetings/:id/items`) on a list of 500 items with 200
 * 可能重复 pairs: the server time of one page, read one at a time (the organiser is one person),
 * after a warm-up. Goal: p99 < 300 ms.
 *
 * The list is made through the API as an organiser would make it: 700 written opinions (书面征询)
 * under the six aspects, a fifth about the team and the rest about five members, aggregated by
 * the app into 300 items (by a worker process on MariaDB) (some texts come twice or three times: items with several sources);
 * 200 of those items also hold a near-copy of their text (two characters changed), which the
 * organiser then splits off into an item of its own — 500 items, and 200 pairs that say nearly
 * the same thing. The texts are random characters otherwise (lib/texts-like PRNG, seeded), so no
 * other two items look alike. The page then holds every item with its sources, the figures and
 * the 50 most similar pairs; it is read over HTTP on 127.0.0.1 with the page cookie, the time
 * taken from the request to the last byte (so it includes sending ~1–2 MB over loopback).
 *
 * Embedded (SQLite, inline queue) by default; BENCH_REVIEW_DB=mariadb runs it on MariaDB +
 * Redis instead (127.0.0.1:3306 root, 6379; its database tanxin_bench_review_<ms> and Redis keys
 * are dropped at the end).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { DEMO_LOGIN } = require('../lib/load');
const { format: formatProfile } = require('../lib/cpuprofile-summary');
const { cpuProfiler, envFlag } = require('../lib/profiling');
const { figure, printFigure } = require('../lib/report');
const { makeTempDir, startServer, startWorker } = require('../lib/server');
const { api, login, sleep, withBenchStack } = require('../lib/stack');
const { mulberry32 } = require('../lib/texts');

const BASE_ITEMS = 300;
const PAIRS = 200;
const ITEMS = BASE_ITEMS + PAIRS;
const MEMBERS = 5;
const WARMUP = 10;
const AFTER_MERGE_ROUNDS = 10;
const READS = Number(process.env.BENCH_REVIEW_READS || 100);
const GOALS = { p99Ms: 300 };
const ON_MARIADB = process.env.BENCH_REVIEW_DB === 'mariadb';
const PASSWORD = 'bench-password-1';
/** USER_HZ: what /proc/<pid>/stat counts CPU time in (100 on Linux, whatever the kernel's HZ). */
const CLOCK_TICKS = 100;
/** BENCH_REVIEW_PROFILE=1: CPU-profile the server over the measured reads. */
const PROFILING = envFlag('BENCH_REVIEW_PROFILE');

/** A text of `length` random CJK characters (U+4E00…U+5DFF: no two such texts share much). */
function randomText(random, length) {
  let text = '';
  for (let index = 0; index < length; index += 1) text += String.fromCodePoint(0x4e00 + Math.floor(random() * 0x1000));
  return text;
}

/** The same text with two characters changed: near enough that aggregation joins it to its item. */
function nearCopy(random, text) {
  const chars = [...text];
  for (let change = 0; change < 2; change += 1) chars[Math.floor(random() * chars.length)] = String.fromCodePoint(0x5e00 + Math.floor(random() * 0x400));
  return chars.join('');
}

/** A meeting with a team of six, and the 700 opinions; resolves what the bench needs to split. */
async function prepare(server, token) {
  const random = mulberry32(16);
  const stamp = Date.now().toString(36);
  const leaders = [];
  for (let index = 0; index <= MEMBERS; index += 1) {
    leaders.push(await api(server, 'POST', '/api/v1/users', { token, body: { username: `bench_review_${stamp}_${index}`, displayName: `班子成员${index + 1}`, password: PASSWORD, roles: ['leader'] } }));
  }
  const meeting = await api(server, 'POST', '/api/v1/meetings', {
    token,
    body: {
      title: '意见清单整理基准测试',
      year: 2026,
      kind: 'democratic-life',
      aspectPreset: '2023-theme-education',
      deadlines: { collectUntil: '2099-01-01', talksUntil: '2099-01-02', claimUntil: '2099-01-03', materialsUntil: '2099-01-04', heldOn: '2099-01-05' },
    },
  });
  await api(server, 'PUT', `/api/v1/meetings/${meeting.id}/team`, {
    token,
    body: { members: leaders.map((leader, index) => ({ userId: leader.id, role: index === 0 ? 'secretary' : 'member', oversees: [] })) },
  });

  const opinions = [];
  const copies = new Map();
  for (let index = 0; index < BASE_ITEMS; index += 1) {
    const text = randomText(random, 24 + Math.floor(random() * 40));
    const about = { aspect: meeting.aspects[index % meeting.aspects.length], ...(index % 5 === 0 ? {} : { targetMemberId: leaders[1 + (index % MEMBERS)].id }) };
    const times = index % 3 === 0 ? 2 : index % 7 === 0 ? 3 : 1;
    for (let time = 0; time < times; time += 1) opinions.push({ text, ...about });
    if (index < PAIRS) {
      const copy = nearCopy(random, text);
      copies.set(copy, text);
      opinions.push({ text: copy, ...about });
    }
  }
  for (let start = 0; start < opinions.length; start += 500) {
    await api(server, 'POST', `/api/v1/meetings/${meeting.id}/written-opinions`, { token, body: { fromBody: `基准测试单位${start / 500 + 1}`, opinions: opinions.slice(start, start + 500) } });
  }
  return { meeting, copies, opinions: opinions.length };
}

/** The items once aggregation has placed every opinion (the count stops growing at BASE_ITEMS). */
async function waitForItems(server, token, meetingId, sources) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const items = await api(server, 'GET', `/api/v1/meetings/${meetingId}/items`, { token });
    if (items.reduce((sum, item) => sum + item.sourceCount, 0) >= sources) return items;
    if (Date.now() > deadline) throw new Error(`after 120 s, ${items.length} items hold ${items.reduce((sum, item) => sum + item.sourceCount, 0)} of ${sources} opinions`);
    await sleep(500);
  }
}

/** Each near-copy split off its item: the 200 可能重复 pairs. */
async function splitCopies(server, token, items, copies) {
  let splits = 0;
  for (const item of items.filter((each) => each.sourceCount > 1)) {
    const detail = await api(server, 'GET', `/api/v1/items/${item.id}`, { token });
    const copy = detail.sources.find((source) => copies.has(source.text));
    if (!copy) continue;
    await api(server, 'POST', `/api/v1/items/${item.id}/split`, { token, body: { sourceIds: [copy.id] } });
    splits += 1;
  }
  return splits;
}

/** The page's session cookie, as a browser gets it from the sign-in form. */
async function pageCookie(server) {
  const answer = await server.request({
    method: 'POST',
    path: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(DEMO_LOGIN).toString(),
    timeoutMs: 10_000,
  });
  const cookie = [answer.headers['set-cookie']].flat()[0];
  if (answer.status !== 303 || !cookie) throw new Error(`signing in to the pages answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return cookie.split(';')[0];
}

/** CPU seconds the process has used (user + system, all its threads), from /proc; null where there is none. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Posts a page form as a browser would (urlencoded, with the cookie); resolves the 303's Location. */
async function postForm(server, cookie, formPath, fields) {
  const answer = await fetch(`${server.baseUrl}${formPath}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  const body = await answer.text();
  if (answer.status !== 303) throw new Error(`POST ${formPath} answered ${answer.status}: ${body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
  return answer.headers.get('location');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (ms) => Math.round(ms * 10) / 10;

async function measure({ dataDir, appEnv }) {
  const env = { ...appEnv, LOGIN_RATE_LIMIT: 1000, LOG_LEVEL: 'warn', DEMO_DATA: ON_MARIADB ? undefined : 'true' };
  const profiler = cpuProfiler(`review-${Date.now()}`, PROFILING);
  const server = await startServer({ dataDir, env: { ...env, ...profiler.env }, nodeArgs: profiler.nodeArgs, stdout: path.join(dataDir, 'api.log'), label: 'tanxin' });
  // On MariaDB + Redis the api runs no processors: a worker aggregates, as in production.
  const worker = ON_MARIADB ? startWorker({ dataDir, env, log: path.join(dataDir, 'worker.log') }) : null;
  try {
    const token = await login(server);
    const seeding = performance.now();
    const { meeting, copies, opinions } = await prepare(server, token);
    const items = await waitForItems(server, token, meeting.id, opinions);
    const splits = await splitCopies(server, token, items, copies);
    const listed = await api(server, 'GET', `/api/v1/meetings/${meeting.id}/items`, { token });
    const pairs = await api(server, 'GET', `/api/v1/meetings/${meeting.id}/items/similar?limit=100`, { token });
    const seededS = (performance.now() - seeding) / 1000;
    process.stdout.write(`  seeded in ${seededS.toFixed(1)} s: ${opinions} opinions, ${listed.length} items (${splits} split off), ${pairs.length}${pairs.length === 100 ? '+' : ''} 可能重复 pairs (API, limit 100)\n`);

    const cookie = await pageCookie(server);
    const pagePath = `/meetings/${meeting.id}/items`;
    // Node's fetch, over one keep-alive connection: the whole page is read (lib/server's request keeps only 1 MiB).
    const read = async () => {
      const started = performance.now();
      const answer = await fetch(`${server.baseUrl}${pagePath}`, { headers: { cookie }, redirect: 'manual' });
      const body = await answer.text();
      const ms = performance.now() - started;
      if (answer.status !== 200) throw new Error(`GET ${pagePath} answered ${answer.status}: ${body.slice(0, 300)}`);
      return { ms, body, bytes: Buffer.byteLength(body) };
    };
    const first = await read();
    for (let index = 1; index < WARMUP; index += 1) await read();
    const times = [];
    profiler.start(server);
    const cpuBefore = cpuSeconds(server.pid);
    for (let index = 0; index < READS; index += 1) times.push((await read()).ms);
    const cpuAfter = cpuSeconds(server.pid);
    profiler.stop(server);
    // Wall time counts waiting for a CPU too: on a busy machine the server's own CPU time per page says more.
    const cpuMs = cpuBefore === null || cpuAfter === null ? null : round(((cpuAfter - cpuBefore) * 1000) / READS);
    const load = os.loadavg()[0].toFixed(1);
    times.sort((a, b) => a - b);
    const profile = await profiler.summary();
    if (profile) process.stdout.write(`${formatProfile(profile)}\n`);

    // After a merge the comparison has new input: the page read right after one (the redirect's
    // GET), each merge then undone so that every round starts from the same list.
    const afterMerge = [];
    for (const pair of pairs.slice(0, AFTER_MERGE_ROUNDS)) {
      const merged = await postForm(server, cookie, `${pagePath}/${pair.merge.itemId}/merge`, { intoItemId: pair.merge.intoItemId });
      const started = performance.now();
      const answer = await fetch(`${server.baseUrl}${merged.split('#')[0]}`, { headers: { cookie }, redirect: 'manual' });
      await answer.text();
      afterMerge.push(performance.now() - started);
      const mergeId = /[?&]merge=([0-9a-f-]{36})/.exec(merged)[1];
      await postForm(server, cookie, `${pagePath}/merges/${mergeId}/undo`, {});
    }
    afterMerge.sort((a, b) => a - b);

    const problems = [];
    const sections = (first.body.match(/<section class="review-item/g) ?? []).length;
    const pairItems = (first.body.match(/<li class="pair"/g) ?? []).length;
    if (listed.length !== ITEMS) problems.push(`the list holds ${listed.length} items, not ${ITEMS}`);
    if (sections !== listed.length) problems.push(`the page shows ${sections} items, not ${listed.length}`);
    if (pairs.length < 100) problems.push(`the API finds ${pairs.length} 可能重复 pairs, fewer than 100 (of ${PAIRS} made)`);
    if (pairItems !== 50) problems.push(`the page shows ${pairItems} pairs, not 50`);

    const stats = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times[times.length - 1]) };
    const figures = [
      figure('review page: p50', stats.p50, 'ms', { note: `${READS} reads one at a time after ${WARMUP}; ${(first.bytes / 1024).toFixed(0)} KiB of HTML` }),
      figure('review page: p95', stats.p95, 'ms'),
      figure('review page: p99', stats.p99, 'ms', { below: GOALS.p99Ms, note: `${listed.length} items, ${pairItems} pairs shown, ${ON_MARIADB ? 'MariaDB + Redis' : 'SQLite embedded'}; load average ${load} on ${os.cpus().length} CPUs` }),
      figure('review page: server CPU per read', cpuMs, 'ms', { note: 'user + system time of the server process over the reads, from /proc' }),
      figure('review page right after a merge: p50', round(percentile(afterMerge, 50)), 'ms', { note: `${afterMerge.length} merges (each undone after), max ${round(afterMerge[afterMerge.length - 1])} ms: the 可能重复 pairs computed afresh` }),
    ];
    for (const each of figures) printFigure(each);
    const details = { database: ON_MARIADB ? 'mariadb' : 'sqlite', items: listed.length, pairsShown: pairItems, opinions, seededS, bytes: first.bytes, firstReadMs: round(first.ms), latencyMs: stats, afterMergeMs: afterMerge.map(round), cpuMsPerRead: cpuMs, loadAverage: Number(load) };
    return problems.length ? { figures, details, failed: problems.join('; ') } : { figures, details };
  } finally {
    if (worker) await worker.stop();
    await server.stop();
  }
}

module.exports = {
  name: 'review',
  title: `opinion-list review page: ${ITEMS} items, ${PAIRS} 可能重复 pairs, ${ON_MARIADB ? 'MariaDB + Redis' : 'SQLite embedded'} (goal p99 < ${GOALS.p99Ms} ms)`,

  run() {
    if (ON_MARIADB) return withBenchStack('review', measure, { demo: true });
    return measure({ dataDir: makeTempDir('tanxin-bench-review-'), appEnv: {} });
  },
};
