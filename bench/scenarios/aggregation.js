'use strict';

/**
 * The opinion list through the worker, on MariaDB + Redis: 10,000 opinions sent to a box by 100
 * concurrent clients (the api only stores them, held), the box then closed, which releases them
 * as one batch at the worker's next sweep (1 s here), and a worker process (dist/worker.js)
 * placing them in items; timed from the closing until none is held or pending. Goal: all 10,000
 * in items within 60 s.
 *
 * The texts are phrases strung together by a seeded PRNG (lib/texts.js), so many say nearly the
 * same thing; a quarter name a team member, the rest the team. Checks at the end: no opinion
 * pending, every one in an item of its own target, item source counts adding up to 10,000.
 *
 * Needs MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379; skipped when
 * one is not running. Its database tanxin_bench_aggregation_<ms> and Redis keys are dropped at the end.
 */

const path = require('node:path');
const mysql = require('mysql2/promise');
const { figure, printFigure } = require('../lib/report');
const { startServer, startWorker } = require('../lib/server');
const { MYSQL, api, login, sleep, withBenchStack } = require('../lib/stack');
const { mulberry32, opinionText } = require('../lib/texts');

const OPINIONS = Number(process.env.BENCH_AGGREGATION_OPINIONS || 10_000);
const CLIENTS = 100;
const GOAL_S = 60;

/** Sends every body once, CLIENTS at a time, over keep-alive connections (Node's fetch). */
async function sendAll(url, bodies) {
  let next = 0;
  const failures = [];
  async function client() {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 201) failures.push(`${response.status} ${(await response.text()).slice(0, 200)}`);
      else await response.arrayBuffer();
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return failures;
}

module.exports = {
  name: 'aggregation',
  title: `opinion list through the worker: ${OPINIONS.toLocaleString('en')} opinions into items on MariaDB + Redis (goal < ${GOAL_S} s)`,

  run() {
    return withBenchStack('aggregation', async ({ database, dataDir, appEnv }) => {
      const env = { ...appEnv, BOX_SUBMIT_RATE_LIMIT: 1_000_000, BOX_SUBMIT_CEILING: 1_000_000, LOGIN_RATE_LIMIT: 1000, LOG_LEVEL: 'warn', SWEEP_INTERVAL_MS: 1000 };
      let server;
      let worker;
      const db = await mysql.createConnection({ ...MYSQL, database, connectTimeout: 5000 });
      try {
        server = await startServer({ dataDir, env, stdout: path.join(dataDir, 'api.log'), label: 'tanxin' });
        worker = startWorker({ dataDir, env, log: path.join(dataDir, 'worker.log') });

        const token = await login(server);
        const [meeting] = await api(server, 'GET', '/api/v1/meetings', { token });
        const team = await api(server, 'GET', `/api/v1/meetings/${meeting.id}/team`, { token });
        const box = await api(server, 'POST', `/api/v1/meetings/${meeting.id}/boxes`, { token, body: { title: '基准测试意见箱（汇总）' } });
        // Let the demo's own opinions be placed first, so the timing is of the 10,000.
        for (let waited = 0; waited < 30_000; waited += 250) {
          const [[{ pending }]] = await db.query('SELECT COUNT(*) AS pending FROM raw_opinions WHERE pendingAggregation = 1');
          if (Number(pending) === 0) break;
          await sleep(250);
        }

        const random = mulberry32(20261123);
        const bodies = Array.from({ length: OPINIONS }, () => ({
          text: opinionText(random, 12 + Math.floor(random() * 40)),
          ...(random() < 0.25 ? { targetMemberId: team[Math.floor(random() * team.length)].userId } : {}),
        }));
        process.stdout.write(`  sending ${OPINIONS} opinions with ${CLIENTS} clients …\n`);
        const started = performance.now();
        const failures = await sendAll(`${server.baseUrl}/api/v1/public/boxes/${box.slug}/opinions`, bodies);
        const sentS = (performance.now() - started) / 1000;
        // Held until released: closing the box releases them all at the worker's next sweep.
        const closed = performance.now();
        await api(server, 'POST', `/api/v1/boxes/${box.id}/close`, { token });
        let placedS = null;
        for (;;) {
          const [[{ waiting }]] = await db.query('SELECT COUNT(*) AS waiting FROM raw_opinions WHERE sourceId = ? AND (pendingAggregation = 1 OR held = 1)', [box.id]);
          if (Number(waiting) === 0) {
            placedS = (performance.now() - closed) / 1000;
            break;
          }
          if (performance.now() - closed > 5 * GOAL_S * 1000) break;
          await sleep(100);
        }
        const [[counts]] = await db.query(
          `SELECT COUNT(*) AS opinions, SUM(o.itemId IS NOT NULL) AS placed, SUM(i.targetMemberId <=> o.targetMemberId) AS sameTarget, COUNT(DISTINCT o.itemId) AS items
             FROM raw_opinions o LEFT JOIN opinion_items i ON i.id = o.itemId WHERE o.sourceId = ?`,
          [box.id],
        );
        const [[{ sourceCounts }]] = await db.query('SELECT SUM(sourceCount) AS sourceCounts FROM opinion_items WHERE meetingId = ?', [meeting.id]);
        const [[{ all }]] = await db.query('SELECT COUNT(*) AS `all` FROM raw_opinions WHERE meetingId = ?', [meeting.id]);

        const problems = [];
        if (failures.length) problems.push(`${failures.length} submissions failed, e.g. ${failures[0]}`);
        if (placedS === null) problems.push(`opinions still pending after ${5 * GOAL_S} s`);
        if (Number(counts.placed) !== OPINIONS || Number(counts.opinions) !== OPINIONS) problems.push(`${counts.placed} of ${counts.opinions} placed`);
        if (Number(counts.sameTarget) !== Number(counts.opinions)) problems.push(`${Number(counts.opinions) - Number(counts.sameTarget)} opinions in an item of another target`);
        if (Number(sourceCounts) !== Number(all)) problems.push(`item source counts add up to ${sourceCounts}, not ${all}`);

        const figures = [
          figure('opinions sent (201)', OPINIONS - failures.length, 'opinions', { note: `in ${sentS.toFixed(1)} s, ${Math.round(OPINIONS / sentS)} req/s` }),
          figure('all in items, from the release (box closed)', placedS === null ? -1 : Number(placedS.toFixed(1)), 's', { below: GOAL_S }),
          figure('items made', Number(counts.items), 'items'),
        ];
        for (const each of figures) printFigure(each);
        return problems.length ? { figures, details: { sentS, placedS, counts }, failed: problems.join('; ') } : { figures, details: { sentS, placedS, counts } };
      } finally {
        await db.end();
        if (worker) await worker.stop();
        if (server) await server.stop();
      }
    });
  },
};
