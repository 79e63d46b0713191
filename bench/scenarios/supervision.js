'use strict';

/**
 * The 督导组's overview across units (GET /api/v1/supervision/meetings), MariaDB + Redis: the
 * demo's parent body (示范市直机关工委) creates 200 more units through the API, each with a
 * meeting, a team of two and a symposium's opinions; its 督导组 member duban1 is given all of them.
 * Then the overview read as duban1 two ways: 20 readers at 100 requests/s in all, each request sent
 * on time whatever the answers do (lib/paced.js; a 督导组 is a handful of people, so this is
 * generous), 10 s after 3 s at that rate — goal p99 < 100 ms; and 20 connections flat out for 10 s,
 * for the throughput (its p99 is then about 20 / (requests/s), printed without a goal).
 *
 * The overview counts each meeting by the unit's own progress (same release rules as its board),
 * so a fresh one costs one progress computation per meeting; it is made once per
 * PROGRESS_CACHE_SECONDS (10 s by default) for everyone supervising the same units and remade in
 * the background while the last one is served. The first request after start, which waits for a
 * fresh one, is timed and printed apart: that is what a 督导组 member waits once a minute at worst.
 *
 * Seeding takes about a minute (account passwords are hashed as in production). Needs MariaDB on
 * 127.0.0.1:3306 and Redis on 127.0.0.1:6379; skipped when one is not running.
 */

const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { format: formatProfile } = require('../lib/cpuprofile-summary');
const { cannon } = require('../lib/load');
const { paced } = require('../lib/paced');
const { cpuProfiler, envFlag } = require('../lib/profiling');
const { figure, printFigure } = require('../lib/report');
const { startServer } = require('../lib/server');
const { api, login, withBenchStack } = require('../lib/stack');

const UNITS = 200;
const CONNECTIONS = 20;
const PACED_RATE = 100;
const DURATION_S = 10;
const WARMUP_S = 3;
/** Units seeded at once: the database and the password hashing share two cores. */
const SEEDING = 4;
const PASSWORD = 'bench-password-1';
const PARENT = { username: 'shangji', password: 'demo12345' };
const SUPERVISOR = { username: 'duban1', password: 'demo12345' };
const GOALS = { p99Ms: 100 };
/** BENCH_SUPERVISION_PROFILE=1: CPU-profile the server over the measured run. */
const PROFILING = envFlag('BENCH_SUPERVISION_PROFILE');

/** One unit: created by the parent, then its meeting, team and a symposium, as its own organiser. */
async function seedUnit(server, parentToken, index, stamp) {
  const admin = `bench_unit_${stamp}_${index}`;
  const unit = await api(server, 'POST', '/api/v1/organization/units', { token: parentToken, body: { name: `基准下属单位${stamp}-${String(index + 1).padStart(3, '0')}`, adminUsername: admin, adminPassword: PASSWORD } });
  const token = await login(server, { username: admin, password: PASSWORD });
  const leaders = [];
  for (const [n, name] of ['甲', '乙'].entries()) {
    leaders.push(await api(server, 'POST', '/api/v1/users', { token, body: { username: `${admin}_l${n}`, displayName: `班子成员${name}${index}`, password: PASSWORD, roles: ['leader'] } }));
  }
  // Half the units are behind: their talks were due yesterday.
  const behind = index % 2 === 0;
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const meeting = await api(server, 'POST', '/api/v1/meetings', {
    token,
    body: {
      title: `${new Date().getFullYear()}年度民主生活会`,
      year: new Date().getFullYear(),
      kind: 'democratic-life',
      aspectPreset: '2023-theme-education',
      deadlines: behind
        ? { collectUntil: day(-3), talksUntil: day(-1), claimUntil: day(5), materialsUntil: day(8), heldOn: day(12) }
        : { collectUntil: day(10), talksUntil: day(15), claimUntil: day(18), materialsUntil: day(21), heldOn: day(25) },
    },
  });
  await api(server, 'PUT', `/api/v1/meetings/${meeting.id}/team`, { token, body: { members: leaders.map((leader, n) => ({ userId: leader.id, role: n === 0 ? 'secretary' : 'member', oversees: [] })) } });
  await api(server, 'POST', `/api/v1/meetings/${meeting.id}/symposiums`, {
    token,
    body: { heldOn: day(0), audience: '职工代表', attendeeCount: 10, opinions: [{ text: '会议太多，文件太长。' }, { text: '年轻干部培养力度不够。' }, { text: '下基层调研次数偏少。' }] },
  });
  return unit.id;
}

async function prepare(server) {
  const parentToken = await login(server, PARENT);
  const stamp = Date.now().toString(36);
  const unitIds = new Array(UNITS);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < UNITS; index = next++) unitIds[index] = await seedUnit(server, parentToken, index, stamp);
  };
  await Promise.all(Array.from({ length: SEEDING }, worker));
  const people = await api(server, 'GET', '/api/v1/users', { token: parentToken });
  const duban = people.find((user) => user.username === SUPERVISOR.username);
  const [group] = await api(server, 'GET', '/api/v1/supervision/groups', { token: parentToken });
  const units = (await api(server, 'GET', '/api/v1/organization/units', { token: parentToken })).map((unit) => unit.id);
  await api(server, 'PUT', `/api/v1/supervision/groups/${group.id}`, { token: parentToken, body: { name: group.name, memberUserIds: [duban.id], unitIds: units } });
  return { supervisorToken: await login(server, SUPERVISOR), units: units.length };
}

module.exports = {
  name: 'supervision',
  title: `督导组 overview: ${UNITS} units with a meeting each, ${CONNECTIONS} readers at ${PACED_RATE} requests/s on MariaDB + Redis (goal p99 < ${GOALS.p99Ms} ms)`,

  run() {
    return withBenchStack('supervision', async ({ dataDir, appEnv }) => {
      let server;
      try {
        const profiler = cpuProfiler(`supervision-${Date.now()}`, PROFILING);
        server = await startServer({
          dataDir,
          nodeArgs: profiler.nodeArgs,
          env: { ...appEnv, LOGIN_RATE_LIMIT: 10_000, LOG_LEVEL: 'warn', ...profiler.env },
          stdout: path.join(dataDir, 'tanxin-stdout.log'),
          label: 'tanxin',
        });
        const seedStarted = performance.now();
        const { supervisorToken, units } = await prepare(server);
        process.stdout.write(`  seeded ${UNITS} units through the API in ${Math.round((performance.now() - seedStarted) / 1000)} s; the group supervises ${units}\n`);

        const headers = { authorization: `Bearer ${supervisorToken}` };
        const coldStarted = performance.now();
        const first = await server.request({ path: '/api/v1/supervision/meetings', headers, timeoutMs: 60_000 });
        const coldMs = performance.now() - coldStarted;
        const rows = JSON.parse(first.body);
        const behind = rows.filter((row) => row.behind.length > 0).length;
        process.stdout.write(`  overview: ${rows.length} meetings, ${behind} behind (listed first: ${rows.slice(0, behind).every((row) => row.behind.length > 0)})\n`);

        const url = `${server.baseUrl}/api/v1/supervision/meetings`;
        const pacedOptions = { baseUrl: server.baseUrl, headers, rate: PACED_RATE, connections: CONNECTIONS, nextPath: () => '/api/v1/supervision/meetings' };
        await paced({ ...pacedOptions, durationS: WARMUP_S });
        profiler.start(server);
        const steady = await paced({ ...pacedOptions, durationS: DURATION_S });
        profiler.stop(server);
        const result = await cannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
        const profile = await profiler.summary();
        if (profile) process.stdout.write(`${formatProfile(profile)}\n`);
        const problems = [];
        if (rows.length < UNITS) problems.push(`${rows.length} meetings in the overview, ${UNITS} expected`);
        if (behind < UNITS / 2) problems.push(`${behind} meetings behind, at least ${UNITS / 2} expected`);
        if (result.non2xx || steady.non2xx) problems.push(`${result.non2xx + steady.non2xx} non-2xx answers`);
        if (steady.errors) problems.push(`${steady.errors} errors at ${PACED_RATE} requests/s`);
        if (result.errors || result.timeouts) problems.push(`${result.errors} errors, ${result.timeouts} timeouts`);

        const figures = [
          figure('overview: first read after start (made fresh)', Math.round(coldMs), 'ms', { note: `${rows.length} meetings, one progress each` }),
          figure(`overview at ${PACED_RATE} requests/s: p50 latency`, steady.latency.p50, 'ms'),
          figure(`overview at ${PACED_RATE} requests/s: p99 latency`, steady.latency.p99, 'ms', { below: GOALS.p99Ms, note: `${CONNECTIONS} readers for ${DURATION_S} s; remade in the background every PROGRESS_CACHE_SECONDS` }),
          figure('overview flat out: requests/s', Math.round(result.requests.average), 'req/s', { note: `${CONNECTIONS} connections` }),
          figure('overview flat out: p99 latency', result.latency.p99, 'ms', { note: 'throughput-bound: about connections / (requests/s)' }),
        ];
        for (const each of figures) printFigure(each);
        const details = {
          units: rows.length,
          behind,
          coldMs: Math.round(coldMs),
          connections: CONNECTIONS,
          paced: { rate: PACED_RATE, latencyMs: steady.latency },
          flatOut: { requestsTotal: result.requests.total, latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max } },
        };
        return problems.length ? { figures, details, failed: problems.join('; ') } : { figures, details };
      } finally {
        await server?.stop();
      }
    });
  },
};
