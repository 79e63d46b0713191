'use strict';

/**
 * HTTP throughput of the embedded server: requests/s and p99 latency with autocannon.
 *
 * POST /api/v1/auth/login is rate limited per client address, so it is not loaded here; the
 * server still gets LOGIN_RATE_LIMIT=1000 so that the one login (and later scenarios' logins)
 * never meet the limit. Measured: GET /health/live (framework floor) and an authenticated
 * GET /api/v1/meetings (guard, JWT, database read, serialisation).
 */

const { DEMO_LOGIN, cannon } = require('../lib/load');
const { figure, printFigure } = require('../lib/report');
const { startServer } = require('../lib/server');

const CONNECTIONS = 50;
const DURATION_S = 5;
const WARMUP_S = 1;

async function login(server) {
  const answer = await server.request({ method: 'POST', path: '/api/v1/auth/login', body: DEMO_LOGIN, timeoutMs: 10_000 });
  if (answer.status !== 200) throw new Error(`login as ${DEMO_LOGIN.username} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const { accessToken } = JSON.parse(answer.body);
  if (typeof accessToken !== 'string' || accessToken === '') throw new Error('login answered 200 without an accessToken');
  return accessToken;
}

/** Checks the target answers 200 once before loading it (a 401 at 30k req/s is no figure). */
async function check(server, target) {
  const answer = await server.request({ path: target.path, headers: target.headers, timeoutMs: 10_000 });
  if (answer.status !== 200) throw new Error(`${target.label} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return answer;
}

async function measure(server, target) {
  const options = { url: `${server.baseUrl}${target.path}`, headers: target.headers, connections: CONNECTIONS };
  await cannon({ ...options, duration: WARMUP_S });
  const result = await cannon({ ...options, duration: DURATION_S });
  const problems = [];
  if (result.non2xx) problems.push(`${result.non2xx} non-2xx`);
  if (result.errors) problems.push(`${result.errors} errors`);
  if (result.timeouts) problems.push(`${result.timeouts} timeouts`);
  const note = problems.length ? problems.join(', ') : undefined;
  const figures = [
    figure(`${target.label}: requests/s`, Math.round(result.requests.average), 'req/s', { note }),
    figure(`${target.label}: p99 latency`, result.latency.p99, 'ms'),
  ];
  const details = {
    url: target.path,
    connections: CONNECTIONS,
    durationS: result.duration,
    requestsTotal: result.requests.total,
    requestsPerSecond: { average: result.requests.average, p50: result.requests.p50, min: result.requests.min, max: result.requests.max },
    latencyMs: { average: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodeStats: result.statusCodeStats,
  };
  return { figures, details };
}

module.exports = {
  name: 'http',
  title: `HTTP throughput, ${CONNECTIONS} connections, ${DURATION_S} s each (after ${WARMUP_S} s warm-up)`,

  async run() {
    const server = await startServer({ label: 'http server', env: { LOGIN_RATE_LIMIT: 1000 } });
    try {
      const token = await login(server);
      const targets = [
        { label: 'GET /health/live', path: '/health/live', headers: {} },
        { label: 'GET /api/v1/meetings (auth)', path: '/api/v1/meetings', headers: { authorization: `Bearer ${token}` } },
      ];
      const meetings = JSON.parse((await check(server, targets[1])).body);
      await check(server, targets[0]);

      const figures = [];
      const details = { meetingsInList: Array.isArray(meetings) ? meetings.length : null, runs: [] };
      for (const target of targets) {
        const measured = await measure(server, target);
        for (const fig of measured.figures) printFigure(fig);
        figures.push(...measured.figures);
        details.runs.push(measured.details);
      }
      if (!server.running) throw server.failure('the server exited during the run');
      return { figures, details };
    } finally {
      await server.stop();
    }
  },
};
