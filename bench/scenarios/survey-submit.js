'use strict';

/**
 * Survey answers against MariaDB + Redis: 500 one-time tokens of one survey, answered by 100
 * concurrent clients through `POST /api/v1/public/surveys/:token/responses`, each token once:
 * every answer must be stored exactly once, and p99 stay under 150 ms.
 *
 * Not autocannon: it loads a route for a time, while here every request has its own token and
 * there are exactly 500 of them. So 100 clients in this process, each with one keep-alive
 * connection (node:http, an agent of one socket each), take tokens from a shared queue and send
 * one answer per token; each request is timed with process.hrtime.bigint(), from the write of
 * the request to the end of the answer. Throughput = requests / (first request sent → last
 * answer).
 *
 * Needs MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379; when one is
 * not running the scenario says so and is skipped. It creates a database tanxin_bench_survey_<ms>
 * (utf8mb4), runs `dist/cli.js migrate` and `demo` into it, and starts dist/main.js on it with the
 * app's real settings (Redis, LOG_LEVEL=info into a file in its temporary DATA_DIR) but the
 * public rate limits raised (every client is 127.0.0.1). Database and Redis keys are dropped at
 * the end, failure or not (lib/stack.js).
 *
 * Steps, all through the API as the demo organiser:
 *   1. two anonymous surveys on the demo meeting — warm-up and measured — with a rating, a single
 *      and a multiple choice, and a text question (its answers go to raw_opinions);
 *   2. warm-up: 2,000 tokens of the warm-up survey answered by the same 100 clients, not
 *      measured (this opens their connections, fills the pool, and lets V8 optimise the route:
 *      measured on 2 cores, after 100 warm-up answers the 500 run at ~250–340 req/s, after 1,000
 *      at ~300–330, after 2,000 at ~410, after 4,000 at ~500; a server that has been up for
 *      a while is the warm one), then a race: 50 more tokens, each sent twice at once by two
 *      clients, which must give one 201 and one 410 per token;
 *   3. MariaDB writes back its dirty pages (as in box-submit), then the measured run: 500 tokens,
 *      100 clients;
 *   4. checks: 500 × 201; the 500 sent again, 500 × 410; in the database 500 survey_responses,
 *      500 survey_tokens used, 500 raw_opinions (channel 'survey', sourceId the survey); and
 *      `GET /api/v1/surveys/:id/results` saying 500 responses of 500 tokens, every question
 *      answered 500 times.
 *
 * Exactly once failing (any of the checks of step 4, or the race) fails the scenario: the bench
 * exits 1. p99 over 150 ms is a missed goal, shown as FAIL, as box-submit's.
 *
 * For experiments (environment of `npm run bench`):
 *   BENCH_SURVEY_APP_ENV="LOG_LEVEL=warn DB_POOL_SIZE=40"  extra variables for the app
 *   BENCH_SURVEY_PROFILE=1   CPU-profile the server over the measured run (not the re-send); the
 *                            profile goes to bench/results/profiles/, its summary into the output
 *   BENCH_SURVEY_APP_SCRIPT=bench/results/x/dist/main.js  measure a patched copy of dist/ instead
 *   BENCH_SURVEY_TOKENS=500, BENCH_SURVEY_CLIENTS=100, BENCH_SURVEY_WARMUP=2000 (answers before the run)
 */

const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
const mysql = require('mysql2/promise');
const { cpuMeter, systemCpuMs } = require('../lib/cpu');
const { format: formatProfile } = require('../lib/cpuprofile-summary');
const { cpuProfiler, envFlag } = require('../lib/profiling');
const { figure, formatValue, printFigure } = require('../lib/report');
const { HOST, MAIN_JS, ROOT, makeTempDir, startServer, tanxinEnvironment } = require('../lib/server');
const { MYSQL, REDIS, api, cleanup, login, guardOnExit, mariadbProblem, mariadbStatus, mib, parseExtraEnv, quiesceMariadb, redisProblem, runCli, sleep } = require('../lib/stack');
const { mulberry32, opinionText } = require('../lib/texts');

const TOKENS = Number(process.env.BENCH_SURVEY_TOKENS || 500);
const CLIENTS = Number(process.env.BENCH_SURVEY_CLIENTS || 100);
const WARMUP_TOKENS = Number(process.env.BENCH_SURVEY_WARMUP || 2000);
const RACE_TOKENS = 50;
const MAX_TOKENS_PER_CALL = 1000; // MAX_TOKENS_PER_REQUEST of IssueTokensDto
const REQUEST_TIMEOUT_MS = 10_000;
const GOALS = { p99Ms: 150 };
const STATUS = ['Com_select', 'Com_insert', 'Com_update', 'Com_commit', 'Innodb_data_fsyncs'];

const RATINGS = [1, 2, 3, 4, 5];
const STYLE = ['好', '较好', '一般', '较差'];
const IMPROVE = ['调查研究', '联系群众', '会风文风'];

// ---------------------------------------------------------------------------------------------
// Setup: the surveys and their tokens, through the API (database, CLI, cleanup: lib/stack.js)
// ---------------------------------------------------------------------------------------------

function surveyBody(title, aspect) {
  return {
    title,
    anonymous: true,
    questions: [
      { kind: 'rating', prompt: '总体评价' },
      { kind: 'single', prompt: '作风', options: STYLE },
      { kind: 'multi', prompt: '改进', options: IMPROVE },
      { kind: 'text', prompt: '意见建议', aspect, required: false },
    ],
  };
}

async function issueTokens(server, token, surveyId, count) {
  const tokens = [];
  while (tokens.length < count) {
    const issued = await api(server, 'POST', `/api/v1/surveys/${surveyId}/tokens`, { token, body: { count: Math.min(MAX_TOKENS_PER_CALL, count - tokens.length) } });
    if (!Array.isArray(issued.tokens) || !Array.isArray(issued.urls) || issued.urls.length !== issued.tokens.length) throw new Error(`POST /api/v1/surveys/${surveyId}/tokens answered without tokens and urls`);
    tokens.push(...issued.tokens);
  }
  if (new Set(tokens).size !== tokens.length) throw new Error('the tokens issued are not all distinct');
  return tokens;
}

/** Logs in, finds the demo meeting, creates the warm-up and the measured survey, issues their tokens. */
async function prepareSurveys(server) {
  const token = await login(server);
  const meetings = await api(server, 'GET', '/api/v1/meetings', { token });
  if (!Array.isArray(meetings) || meetings.length === 0) throw new Error('the demo organisation has no meeting');
  const meeting = meetings[0];
  if (!Array.isArray(meeting.aspects) || meeting.aspects.length === 0) throw new Error('the demo meeting has no aspects');
  const aspect = meeting.aspects[0];
  const surveys = {};
  for (const [key, title] of Object.entries({ warmup: '基准测试征求意见表（预热）', measured: '基准测试征求意见表' })) {
    const survey = await api(server, 'POST', `/api/v1/meetings/${meeting.id}/surveys`, { token, body: surveyBody(title, aspect) });
    if (!survey.open) throw new Error(`the new survey "${title}" is not open (meeting phase ${meeting.phase})`);
    surveys[key] = { id: survey.id };
  }
  surveys.warmup.tokens = await issueTokens(server, token, surveys.warmup.id, WARMUP_TOKENS + RACE_TOKENS);
  surveys.measured.tokens = await issueTokens(server, token, surveys.measured.id, TOKENS);
  return { token, meeting: { id: meeting.id, aspects: meeting.aspects }, aspect, surveys };
}

/** One token of the warm-up survey reads as the respondent's page would (and is still unused). */
async function checkPublicRead(server, surveyToken) {
  const answer = await server.request({ path: `/api/v1/public/surveys/${surveyToken}`, timeoutMs: REQUEST_TIMEOUT_MS });
  if (answer.status !== 200) throw new Error(`GET /api/v1/public/surveys/:token answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const view = JSON.parse(answer.body);
  if (!view.open || !Array.isArray(view.questions) || view.questions.length !== 4) throw new Error(`GET /api/v1/public/surveys/:token: not the open 4-question survey: ${answer.body.slice(0, 300)}`);
}

// ---------------------------------------------------------------------------------------------
// The request bodies: one person's answers each, all valid, the texts 10–120 characters
// ---------------------------------------------------------------------------------------------

function makeAnswers(count, seed) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const bodies = [];
  for (let i = 0; i < count; i += 1) {
    const improve = IMPROVE.filter(() => random() < 0.5);
    bodies.push(
      JSON.stringify({
        answers: [
          { questionIndex: 0, value: pick(RATINGS) },
          { questionIndex: 1, value: pick(STYLE) },
          { questionIndex: 2, value: improve.length ? improve : [pick(IMPROVE)] },
          { questionIndex: 3, value: opinionText(random, 10 + Math.floor(random() * 111)) },
        ],
      }),
    );
  }
  return bodies;
}

// ---------------------------------------------------------------------------------------------
// The clients
// ---------------------------------------------------------------------------------------------

/** `count` clients, each with its own keep-alive connection (opened by its first request). */
function makeClients(count) {
  return Array.from({ length: count }, () => new http.Agent({ keepAlive: true, maxSockets: 1, maxFreeSockets: 1 }));
}

/** One POST on a client's connection; resolves { status, body, ms } (ms: request written → answer read), or { error, ms }. */
function post(agent, port, urlPath, payload) {
  return new Promise((resolve) => {
    let startedAt;
    const done = (result) => resolve({ ...result, ms: Number(process.hrtime.bigint() - startedAt) / 1e6 });
    const req = http.request(
      {
        host: HOST,
        port,
        method: 'POST',
        path: urlPath,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => done({ error: error.code || error.message }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error) => done({ error: error.code || error.message }));
    startedAt = process.hrtime.bigint();
    req.end(payload);
  });
}

/**
 * The clients take the jobs ({ token, body }) from one queue, in order, one request at a time
 * each, until none is left. Resolves the answers (job order) and the wall time, first request
 * sent → last answer read.
 */
async function answerAll(server, clients, jobs) {
  const answers = new Array(jobs.length);
  let next = 0;
  const startedAt = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (agent) => {
      while (next < jobs.length) {
        const index = next;
        next += 1;
        const job = jobs[index];
        answers[index] = { ...(await post(agent, server.port, `/api/v1/public/surveys/${job.token}/responses`, job.body)), token: job.token, client: agent };
      }
    }),
  );
  return { answers, wallMs: Number(process.hrtime.bigint() - startedAt) / 1e6 };
}

const jobsOf = (tokens, bodies) => tokens.map((token, i) => ({ token, body: Buffer.from(bodies[i % bodies.length]) }));

// ---------------------------------------------------------------------------------------------
// Accounting
// ---------------------------------------------------------------------------------------------

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round1 = (value) => (value === null ? null : Math.round(value * 10) / 10);

function latencyOf(answers) {
  const sorted = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return {
    p50: round1(percentile(sorted, 50)),
    p90: round1(percentile(sorted, 90)),
    p99: round1(percentile(sorted, 99)),
    max: round1(sorted[sorted.length - 1] ?? null),
    mean: round1(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}

function statusCounts(answers) {
  const counts = {};
  for (const answer of answers) {
    const key = answer.error ? `error ${answer.error}` : String(answer.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** The first answers that were not `status`, for the output. */
function unexpected(answers, status) {
  return answers
    .filter((answer) => answer.status !== status)
    .slice(0, 3)
    .map((answer) => (answer.error ? `error ${answer.error}` : `${answer.status} ${answer.body.slice(0, 200)}`));
}

function summariseRun(run, expected) {
  const { answers, wallMs } = run;
  return {
    requests: answers.length,
    wallMs: Math.round(wallMs),
    requestsPerSecond: answers.length && wallMs > 0 ? Math.round((answers.length / wallMs) * 1000) : null,
    latencyMs: latencyOf(answers),
    statuses: statusCounts(answers),
    expected: answers.filter((answer) => answer.status === expected).length,
    unexpected: unexpected(answers, expected),
  };
}

async function countsInDatabase(db, surveyId) {
  const one = async (sql) => Number((await db.query(sql, [surveyId]))[0][0].n);
  return {
    responses: await one('SELECT COUNT(*) AS n FROM survey_responses WHERE surveyId = ?'),
    responsesWithToken: await one('SELECT COUNT(*) AS n FROM survey_responses WHERE surveyId = ? AND tokenId IS NOT NULL'),
    tokens: await one('SELECT COUNT(*) AS n FROM survey_tokens WHERE surveyId = ?'),
    tokensUsed: await one('SELECT COUNT(*) AS n FROM survey_tokens WHERE surveyId = ? AND used = 1'),
    opinions: await one("SELECT COUNT(*) AS n FROM raw_opinions WHERE sourceId = ? AND channel = 'survey'"),
  };
}

/** Every token once, both of each pair together: one 201 and one 410 per token, nothing else. */
function judgeRace(answers) {
  const byToken = new Map();
  for (const answer of answers) byToken.set(answer.token, [...(byToken.get(answer.token) ?? []), answer.error ? 'error' : answer.status]);
  let wrong = 0;
  for (const statuses of byToken.values()) if (statuses.sort().join(',') !== '201,410') wrong += 1;
  const sameClient = answers.filter((answer, i) => i % 2 === 1 && answer.client === answers[i - 1].client).length;
  return { tokens: byToken.size, wrong, statuses: statusCounts(answers), pairsOnOneClient: sameClient };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function printTable(m, out = process.stdout) {
  const n = (value, unit = '') => (value === null || value === undefined ? 'n/a' : formatValue(value, unit).trim());
  const cpu = (key) => (m.cpuPercent?.[key] === null || m.cpuPercent?.[key] === undefined ? 'n/a' : `${m.cpuPercent[key]} %`);
  const statuses = (s) => Object.entries(s.statuses).map(([status, count]) => `${count} × ${status}`).join(', ');
  const rows = [
    ['requests (one token each)', n(m.run.requests)],
    ['concurrent clients', n(CLIENTS)],
    ['wall time', n(m.run.wallMs, 'ms')],
    ['throughput', n(m.run.requestsPerSecond, 'req/s')],
    ['latency p50 / p90', `${n(m.run.latencyMs.p50, 'ms')} / ${n(m.run.latencyMs.p90, 'ms')}`],
    ['latency p99 / max', `${n(m.run.latencyMs.p99, 'ms')} / ${n(m.run.latencyMs.max, 'ms')}`],
    [`  first ${Math.min(CLIENTS, m.run.requests)} (sent at once) p99`, n(m.firstWave.p99, 'ms')],
    ['  the others p99', n(m.rest.p99, 'ms')],
    ['answers', statuses(m.run)],
    ['sent again: answers', statuses(m.resend)],
    ['sent again: p99', n(m.resend.latencyMs.p99, 'ms')],
    ['survey_responses rows', n(m.rows.responses)],
    ['survey_tokens used / issued', `${n(m.rows.tokensUsed)} / ${n(m.rows.tokens)}`],
    ["raw_opinions (channel 'survey')", n(m.rows.opinions)],
    ['results: responses / tokens', `${n(m.results.responses)} / ${n(m.results.tokensIssued)}`],
    ['CPU (% of one core): server', cpu('server')],
    ['CPU: MariaDB / Redis', `${cpu('mariadb')} / ${cpu('redis')}`],
    ['CPU: clients (this process)', cpu('loadGenerator')],
    ['CPU: other processes', cpu('others')],
    ['statements per request', Object.entries(m.mariadb.perRequest).map(([name, value]) => `${name.replace('Com_', '')} ${value}`).join(', ')],
  ];
  const width = Math.max(...rows.map((row) => [...row[0]].length));
  out.write('\n');
  for (const [name, value] of rows) out.write(`  ${name.padEnd(width)}  ${value}\n`);
}

function judge(m) {
  const expectedRows = m.run.requests;
  const checks = [
    { text: `${expectedRows} answered 201`, value: `${m.run.expected}`, met: m.run.expected === expectedRows },
    { text: `${expectedRows} sent again, all 410`, value: `${m.resend.expected}`, met: m.resend.expected === expectedRows },
    { text: `survey_responses = ${expectedRows}`, value: `${m.rows.responses}`, met: m.rows.responses === expectedRows },
    { text: `survey_tokens used = ${expectedRows}`, value: `${m.rows.tokensUsed} of ${m.rows.tokens}`, met: m.rows.tokensUsed === expectedRows && m.rows.tokens === expectedRows },
    { text: `raw_opinions (survey) = ${expectedRows}`, value: `${m.rows.opinions}`, met: m.rows.opinions === expectedRows },
    {
      text: `results: ${expectedRows} responses, each question`,
      value: `${m.results.responses} of ${m.results.tokensIssued}, answered ${m.results.answered.join('/')}`,
      met: m.results.responses === expectedRows && m.results.tokensIssued === expectedRows && m.results.answered.every((count) => count === expectedRows),
    },
    {
      text: 'race: 1 × 201 + 1 × 410 per token',
      value: `${m.race.tokens - m.race.wrong} of ${m.race.tokens} tokens; warm-up survey ${m.race.warmupSurveyRows.responses} answers of ${m.race.expectedWarmupRows}`,
      met: m.race.wrong === 0 && m.race.rowsMatch,
    },
    { text: 'anonymous: no response keeps its token', value: `${m.rows.responsesWithToken} with a token`, met: m.rows.responsesWithToken === 0 },
  ];
  const exactlyOnce = checks.every((check) => check.met);
  const p99 = { text: `p99 < ${GOALS.p99Ms} ms`, value: `${m.run.latencyMs.p99} ms`, met: m.run.latencyMs.p99 !== null && m.run.latencyMs.p99 < GOALS.p99Ms };
  return { checks, exactlyOnce, p99 };
}

function figuresOf(m, judged) {
  const note = m.run.requests !== m.run.expected ? `${m.run.requests - m.run.expected} not 201` : undefined;
  const violations = judged.checks.filter((check) => !check.met).length;
  const once = figure('checks of exactly once failed', violations, 'checks', { note: `of ${judged.checks.length}; exactly once: ${judged.exactlyOnce ? 'yes' : 'no'}` });
  once.goal = { text: '= 0', met: violations === 0 };
  return [
    figure('requests (distinct tokens)', m.run.requests, 'requests', { note: `${CLIENTS} concurrent clients, after a warm-up of ${WARMUP_TOKENS} + ${RACE_TOKENS} × 2` }),
    figure('throughput', m.run.requestsPerSecond, 'req/s', { note }),
    figure('latency p50', m.run.latencyMs.p50, 'ms'),
    figure('latency p90', m.run.latencyMs.p90, 'ms'),
    figure('latency p99', m.run.latencyMs.p99, 'ms', { below: GOALS.p99Ms }),
    figure('latency max', m.run.latencyMs.max, 'ms'),
    figure('survey_responses stored', m.rows.responses, 'rows'),
    figure('survey_tokens used', m.rows.tokensUsed, 'rows'),
    figure("raw_opinions (channel 'survey')", m.rows.opinions, 'rows'),
    figure('sent again: answered 410', m.resend.expected, 'requests', { note: `of ${m.resend.requests}` }),
    once,
  ];
}

// ---------------------------------------------------------------------------------------------

module.exports = {
  name: 'survey-submit',
  title: `survey answers on MariaDB + Redis: ${TOKENS} tokens answered once each by ${CLIENTS} concurrent clients (after a warm-up of ${WARMUP_TOKENS})`,

  async run() {
    const missing = (await mariadbProblem()) ?? (await redisProblem());
    if (missing) {
      process.stdout.write(`  skipped: ${missing}\n`);
      return { skipped: `${missing}; the scenario needs MariaDB and Redis` };
    }

    // The server, MariaDB and the clients share this machine's CPUs: say so when something else is busy.
    const idleBefore = systemCpuMs();
    await sleep(1000);
    const idleAfter = systemCpuMs();
    const busyBefore = idleBefore && idleAfter ? Math.round(((idleAfter.busy - idleBefore.busy) / 1000) * 100) : null;
    if (busyBefore !== null && busyBefore > 20) process.stdout.write(`  WARNING: the machine was already ${busyBefore} % busy (of one core) before the run: the figures will be low\n`);

    const appEnv = parseExtraEnv(process.env.BENCH_SURVEY_APP_ENV, 'BENCH_SURVEY_APP_ENV');
    const appScript = process.env.BENCH_SURVEY_APP_SCRIPT ? path.resolve(ROOT, process.env.BENCH_SURVEY_APP_SCRIPT) : MAIN_JS;
    if (appScript !== MAIN_JS) process.stdout.write(`  measuring ${path.relative(ROOT, appScript)} instead of dist/main.js\n`);
    const stamp = Date.now();
    const database = `tanxin_bench_survey_${stamp}`;
    const redisPrefix = `tanxin_bench_${crypto.randomBytes(6).toString('hex')}`;
    const databaseUrl = `mysql://root@${MYSQL.host}:${MYSQL.port}/${database}`;
    const dataDir = makeTempDir();
    const appLog = path.join(dataDir, 'tanxin-stdout.log');
    const profiler = cpuProfiler(`survey-submit-${stamp}`, envFlag('BENCH_SURVEY_PROFILE'));

    const unguard = guardOnExit([database], redisPrefix);
    const admin = await mysql.createConnection({ ...MYSQL, connectTimeout: 5000 });
    try {
      await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await admin.end();
    }
    process.stdout.write(`  database ${database}, Redis prefix ${redisPrefix}, app stdout → ${appLog}\n`);

    const db = await mysql.createConnection({ ...MYSQL, database, connectTimeout: 5000 });
    const appEnvironment = {
      DB_TYPE: 'mariadb',
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://${REDIS.host}:${REDIS.port}`,
      REDIS_PREFIX: redisPrefix,
      SURVEY_SUBMIT_RATE_LIMIT: 1_000_000,
      PUBLIC_READ_RATE_LIMIT: 1_000_000,
      LOGIN_RATE_LIMIT: 1000,
      LOG_LEVEL: 'info',
      ...appEnv,
    };
    const clients = makeClients(CLIENTS);
    let server;
    try {
      const cliEnv = tanxinEnvironment(dataDir, { DB_TYPE: 'mariadb', DATABASE_URL: databaseUrl });
      process.stdout.write(`  migrate: ${await runCli(['migrate'], cliEnv, dataDir)}\n`);
      process.stdout.write(`  demo: ${(await runCli(['demo'], cliEnv, dataDir)).split('\n')[0]}\n`);

      server = await startServer({ dataDir, env: { ...appEnvironment, ...profiler.env }, nodeArgs: profiler.nodeArgs, script: appScript, stdout: appLog, label: 'tanxin' });
      const setup = await prepareSurveys(server);
      const { warmup, measured } = setup.surveys;
      await checkPublicRead(server, warmup.tokens[0]);
      const bodies = makeAnswers(TOKENS, 20260315);

      // Warm-up: not measured. Then the race, on the warm-up survey too.
      const warmupRun = summariseRun(await answerAll(server, clients, jobsOf(warmup.tokens.slice(0, WARMUP_TOKENS), makeAnswers(WARMUP_TOKENS, 20260314))), 201);
      if (warmupRun.expected !== WARMUP_TOKENS) throw new Error(`warm-up: ${warmupRun.expected} of ${WARMUP_TOKENS} answered 201 (${JSON.stringify(warmupRun.statuses)}): ${warmupRun.unexpected.join(' | ')}`);
      process.stdout.write(`  warm-up (not measured): ${WARMUP_TOKENS} answers, ${CLIENTS} clients, ${warmupRun.requestsPerSecond} req/s, p99 ${warmupRun.latencyMs.p99} ms, max ${warmupRun.latencyMs.max} ms\n`);
      const raceJobs = jobsOf(warmup.tokens.slice(WARMUP_TOKENS), bodies).flatMap((job) => [job, job]);
      const race = judgeRace((await answerAll(server, clients, raceJobs)).answers);
      process.stdout.write(`  race: ${RACE_TOKENS} tokens each sent twice at once → ${JSON.stringify(race.statuses)}, ${race.wrong} tokens not 1 × 201 + 1 × 410\n`);
      const warmupRows = await countsInDatabase(db, warmup.id);

      const quiesce = await quiesceMariadb(db, [database]);
      process.stdout.write(
        `  MariaDB backlog before the run ${quiesce.before.dirtyPages} dirty pages, checkpoint age ${mib(quiesce.before.checkpointAgeBytes)}` +
          ` → written back in ${(quiesce.waitedMs / 1000).toFixed(1)} s (${quiesce.after.dirtyPages} pages, ${mib(quiesce.after.checkpointAgeBytes)})\n`,
      );

      // The measured run.
      process.stdout.write(`  measured: ${TOKENS} tokens, ${CLIENTS} clients …\n`);
      const statusBefore = await mariadbStatus(db, STATUS);
      profiler.start(server);
      const meter = cpuMeter(server.pid);
      const measuredRun = await answerAll(server, clients, jobsOf(measured.tokens, bodies));
      const cpu = meter();
      const statusAfter = await mariadbStatus(db, STATUS);
      const run = summariseRun(measuredRun, 201);
      const firstWave = latencyOf(measuredRun.answers.slice(0, CLIENTS));
      const rest = latencyOf(measuredRun.answers.slice(CLIENTS));
      profiler.stop(server);
      const cpuProfile = await profiler.summary();

      // Everything again: each must be refused.
      const resend = summariseRun(await answerAll(server, clients, jobsOf(measured.tokens, bodies)), 410);
      if (!server.running) throw server.failure('the server exited during the run');

      const rows = await countsInDatabase(db, measured.id);
      const results = await api(server, 'GET', `/api/v1/surveys/${measured.id}/results`, { token: setup.token });
      const mariadb = Object.fromEntries(STATUS.map((name) => [name, statusAfter[name] - statusBefore[name]]));
      const perRequest = Object.fromEntries(STATUS.filter((name) => name.startsWith('Com_')).map((name) => [name, run.requests ? Math.round((mariadb[name] / run.requests) * 100) / 100 : null]));

      const m = {
        run,
        firstWave,
        rest,
        resend,
        race: { ...race, warmupSurveyRows: warmupRows, expectedWarmupRows: WARMUP_TOKENS + RACE_TOKENS },
        rows,
        results: { responses: results.responses, tokensIssued: results.tokensIssued, answered: (results.questions ?? []).map((question) => question.answered) },
        cpuPercent: cpu,
        mariadb: { ...mariadb, perRequest },
      };
      // The race's rows: the warm-up survey holds exactly its warm-up answers plus one per raced token.
      m.race.rowsMatch = [warmupRows.responses, warmupRows.tokensUsed, warmupRows.opinions].every((count) => count === WARMUP_TOKENS + RACE_TOKENS);

      printTable(m);
      const judged = judge(m);
      process.stdout.write('\n');
      for (const check of judged.checks) process.stdout.write(`  ${check.met ? 'ok  ' : 'NO  '}  ${check.text.padEnd(40)} ${check.value}\n`);
      process.stdout.write(`\n  exactly once: ${judged.exactlyOnce ? 'yes' : 'NO'}\n`);
      process.stdout.write(`  ${judged.p99.met ? 'PASS' : 'FAIL'}  ${judged.p99.text.padEnd(36)} ${judged.p99.value}\n`);
      if (cpu.others > 20) process.stdout.write(`\n  WARNING: other processes used ${cpu.others} % of a core during the run: its figures are low\n`);
      if (cpuProfile) process.stdout.write(`\n  CPU profile of the server over the measured run (${path.relative(ROOT, profiler.file)}):\n${formatProfile(cpuProfile).replace(/^/gm, '    ')}\n`);
      process.stdout.write('\n');
      const figures = figuresOf(m, judged);
      for (const fig of figures) printFigure(fig);

      return {
        figures,
        ...(judged.exactlyOnce ? {} : { failed: `not exactly once: ${judged.checks.filter((check) => !check.met).map((check) => `${check.text} (${check.value})`).join('; ')}` }),
        details: {
          database,
          tokens: TOKENS,
          clients: CLIENTS,
          connections: 'one keep-alive connection per client, opened during the warm-up',
          warmup: { tokens: WARMUP_TOKENS, ...warmupRun },
          machineBusyBeforePercent: busyBefore,
          appEnvironment: Object.fromEntries(Object.entries(appEnvironment).filter(([key]) => !/SECRET|PASSWORD/.test(key))),
          mariadbQuiesce: quiesce,
          checks: judged.checks,
          exactlyOnce: judged.exactlyOnce,
          goals: [judged.p99],
          ...m,
          profile: cpuProfile,
          profileFile: cpuProfile ? path.relative(ROOT, profiler.file) : null,
        },
      };
    } finally {
      for (const agent of clients) agent.destroy();
      if (server) await server.stop();
      await db.end().catch(() => {});
      const problems = await cleanup([database], redisPrefix);
      if (problems.length) process.stderr.write(`  cleanup: ${problems.join('; ')}\n`);
      else unguard();
    }
  },
};
