'use strict';

/**
 * Open-loop load: requests sent at a fixed overall rate whatever the answers do, over `connections`
 * keep-alive sockets, each request's latency counted from the moment it was due (so a stalled
 * server shows as late answers, not as fewer requests). This is what readers polling a page see
 * at that rate.
 *
 * Not autocannon's `overallRate`: that lets each connection send flat out until its share of the
 * second is used up, then pause, so requests come in bursts at the start of every second.
 */

const http = require('node:http');
const { performance } = require('node:perf_hooks');

/**
 * Sends `rate` requests/s for `durationS` seconds: GET `nextPath()` on `baseUrl` with `headers`.
 * Resolves { sent, answered, non2xx, errors, requestsPerSecond, latency: { p50, p90, p99, max, average } } (ms).
 */
async function paced({ baseUrl, headers = {}, rate, durationS, nextPath, connections = 50, timeoutMs = 10_000 }) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * durationS);
  const interval = 1000 / rate;
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight = new Set();

  const send = (dueAt) => {
    const done = new Promise((resolve) => {
      const request = http.get({ host: hostname, port, path: nextPath(), headers, agent, timeout: timeoutMs }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - dueAt);
          if (response.statusCode < 200 || response.statusCode >= 300) non2xx += 1;
          resolve();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors += 1;
        resolve();
      });
    });
    inFlight.add(done);
    done.then(() => inFlight.delete(done));
  };

  const started = performance.now();
  let sent = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - started) / interval) + 1);
      while (sent < due) send(started + interval * sent++);
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, started + interval * sent - performance.now()));
    };
    tick();
  });
  await Promise.all([...inFlight]);
  const elapsedS = (performance.now() - started) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (fraction) => (latencies.length ? Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))].toFixed(1)) : null);
  return {
    sent,
    answered: latencies.length,
    non2xx,
    errors,
    requestsPerSecond: latencies.length / elapsedS,
    latency: {
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      max: latencies.length ? Number(latencies[latencies.length - 1].toFixed(1)) : null,
      average: latencies.length ? Number((latencies.reduce((sum, value) => sum + value, 0) / latencies.length).toFixed(1)) : null,
    },
  };
}

module.exports = { paced };
