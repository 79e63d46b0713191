'use strict';

/**
 * The talk matrix (谈心谈话 必谈 grid) under readers, against MariaDB + Redis: a meeting whose
 * team is 12 people (1 secretary + 11 members) overseeing 40 departments, each with a head (half
 * with an account, half known by name), 30 talks logged; then 50 connections read
 * `GET /api/v1/meetings/:id/talks/matrix` as the organiser for 10 s (after a 3 s warm-up).
 * Goal: p99 under 50 ms.
 *
 * The matrix is computed on every read (team, departments and their heads, branch people, talks),
 * so this measures the whole read path: guard, JWT, five queries, the pair computation and JSON.
 * Expected pairs: 11 secretary–member + 55 member–member + 40 department-head = 106 cells.
 *
 * Needs MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379; skipped when
 * one is not running. Its database tanxin_bench_talks_<ms> and Redis keys are dropped at the end.
 */

const crypto = require('node:crypto');
const path = require('node:path');
const { format: formatProfile } = require('../lib/cpuprofile-summary');
const { cannon } = require('../lib/load');
const { figure, printFigure } = require('../lib/report');
const { startServer } = require('../lib/server');
const { cpuProfiler, envFlag } = require('../lib/profiling');
const { api, login, withBenchStack } = require('../lib/stack');

/** BENCH_TALKS_PROFILE=1: CPU-profile the server over the measured run (as survey-submit's BENCH_SURVEY_PROFILE). */
const PROFILING = envFlag('BENCH_TALKS_PROFILE');

const TEAM = 12;
const DEPARTMENTS = 40;
const TALKS = 30;
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 3;
const PASSWORD = 'bench-password-1';
const GOALS = { p99Ms: 50 };
const EXPECTED_CELLS = TEAM - 1 + ((TEAM - 1) * (TEAM - 2)) / 2 + DEPARTMENTS;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建国', '文华', '志强', '海燕', '明', '丽', '军', '静', '伟', '芳', '磊', '敏', '涛', '娟', '勇', '艳'];
const personName = (index) => `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}${index >= SURNAMES.length ? index : ''}`;

/** The team, the departments and their heads, a meeting and some talks, through the API. */
async function prepare(server) {
  const organiser = await login(server);
  const stamp = crypto.randomBytes(3).toString('hex');
  const createUser = (username, displayName, roles) => api(server, 'POST', '/api/v1/users', { token: organiser, body: { username, displayName, password: PASSWORD, roles } });

  const leaders = [];
  for (let index = 0; index < TEAM; index += 1) leaders.push(await createUser(`bench_leader_${stamp}_${index}`, `班子${personName(index)}`, ['leader']));
  const departments = [];
  for (let index = 0; index < DEPARTMENTS; index += 1) {
    const headName = `部长${personName(index + 100)}`;
    const head = index % 2 === 0 ? await createUser(`bench_head_${stamp}_${index}`, headName, ['staff']) : null;
    departments.push(
      await api(server, 'POST', '/api/v1/departments', { token: organiser, body: { name: `基准处室${stamp}-${index + 1}`, kind: 'department', ...(head ? { headUserId: head.id } : { headName }) } }),
    );
  }
  const meeting = await api(server, 'POST', '/api/v1/meetings', {
    token: organiser,
    body: {
      title: '基准测试民主生活会',
      year: 2026,
      kind: 'democratic-life',
      aspectPreset: '2023-theme-education',
      deadlines: { collectUntil: '2099-01-01', talksUntil: '2099-01-02', claimUntil: '2099-01-03', materialsUntil: '2099-01-04', heldOn: '2099-01-05' },
    },
  });
  // The members share the 40 departments out; the secretary oversees none.
  const members = leaders.slice(1);
  await api(server, 'PUT', `/api/v1/meetings/${meeting.id}/team`, {
    token: organiser,
    body: {
      members: [
        { userId: leaders[0].id, role: 'secretary', oversees: [] },
        ...members.map((member, index) => ({ userId: member.id, role: 'member', oversees: departments.filter((_, d) => d % members.length === index).map((department) => department.id) })),
      ],
    },
  });

  const tokens = [];
  for (const leader of leaders) tokens.push(await login(server, { username: leader.username, password: PASSWORD }));
  const today = new Date().toISOString().slice(0, 10);
  for (let index = 0; index < TALKS; index += 1) {
    const a = index % TEAM;
    const b = (index * 5 + 1) % TEAM;
    if (a === b) continue;
    await api(server, 'POST', `/api/v1/meetings/${meeting.id}/talks`, {
      token: tokens[a],
      body: { counterpartUserId: leaders[b].id, heldOn: today, summary: '双方交流了思想和工作情况，互相提出了批评意见。', opinions: [{ text: '班子成员之间的沟通还要加强，有事多商量。' }] },
    });
  }
  return { organiser, meetingId: meeting.id };
}

module.exports = {
  name: 'talk-matrix',
  title: `talk matrix: ${TEAM}-person team × ${DEPARTMENTS} departments, ${CONNECTIONS} readers on MariaDB + Redis (goal p99 < ${GOALS.p99Ms} ms)`,

  run() {
    return withBenchStack('talks', async ({ dataDir, appEnv }) => {
      let server;
      try {
        const profiler = cpuProfiler(`talk-matrix-${Date.now()}`, PROFILING);
        server = await startServer({
          dataDir,
          nodeArgs: profiler.nodeArgs,
          env: { ...appEnv, LOGIN_RATE_LIMIT: 1000, LOG_LEVEL: 'warn', ...profiler.env },
          stdout: path.join(dataDir, 'tanxin-stdout.log'),
          label: 'tanxin',
        });
        const { organiser, meetingId } = await prepare(server);

        const url = `${server.baseUrl}/api/v1/meetings/${meetingId}/talks/matrix`;
        const headers = { authorization: `Bearer ${organiser}` };
        const matrix = JSON.parse((await server.request({ path: `/api/v1/meetings/${meetingId}/talks/matrix`, headers, timeoutMs: 10_000 })).body);
        const cells = Array.isArray(matrix.cells) ? matrix.cells.length : -1;
        const held = matrix.totals?.held ?? 0;
        process.stdout.write(`  matrix: ${matrix.rows?.length} rows × ${matrix.columns?.length} columns, ${cells} required pairs (${held} held)\n`);

        await cannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_S });
        profiler.start(server);
        const result = await cannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
        profiler.stop(server);
        const profile = await profiler.summary();
        if (profile) process.stdout.write(`${formatProfile(profile)}\n`);
        const problems = [];
        if (cells !== EXPECTED_CELLS) problems.push(`${cells} cells instead of ${EXPECTED_CELLS}`);
        if (result.non2xx) problems.push(`${result.non2xx} non-2xx answers`);
        if (result.errors || result.timeouts) problems.push(`${result.errors} errors, ${result.timeouts} timeouts`);

        const figures = [
          figure('talk matrix: requests/s', Math.round(result.requests.average), 'req/s'),
          figure('talk matrix: p50 latency', result.latency.p50, 'ms'),
          figure('talk matrix: p99 latency', result.latency.p99, 'ms', { below: GOALS.p99Ms }),
        ];
        for (const each of figures) printFigure(each);
        const details = {
          team: TEAM,
          departments: DEPARTMENTS,
          cells,
          connections: CONNECTIONS,
          durationS: result.duration,
          requestsTotal: result.requests.total,
          latencyMs: { average: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
          non2xx: result.non2xx,
        };
        return problems.length ? { figures, details, failed: problems.join('; ') } : { figures, details };
      } finally {
        if (server) await server.stop();
      }
    });
  },
};
