#!/usr/bin/env node
'use strict';

/**
 * The worker's health check (docker-compose.yml): the worker has no HTTP server, so this asks
 * Redis instead. Healthy = Redis answers, and this container holds a BullMQ worker connection
 * for every queue (QueueName in dist/queue/jobs.js).
 *
 * How: a BullMQ worker names its Redis connection `<REDIS_PREFIX>:<base64(queue)>` (CLIENT
 * SETNAME). This script connects too, finds its own address in CLIENT LIST (by CLIENT ID), and
 * looks for the named worker connections that come from the same address, i.e. from this
 * container. A worker that lost Redis, or whose processors never started, fails the check.
 *
 * Needs REDIS_URL (and REDIS_PREFIX if not the default `tanxin`), as the worker does; a Redis
 * that refuses CLIENT LIST (some managed services) makes it fail, so leave the check off there.
 * Exit code 0 healthy, 1 not; the reason on stdout (docker inspect shows it).
 */

const path = require('node:path');
const Redis = require('ioredis');

const TIMEOUT_MS = 4000;
const root = path.resolve(__dirname, '..');

function fail(reason) {
  process.stdout.write(`unhealthy: ${reason}\n`);
  process.exit(1);
}

function hostOf(addr) {
  // `10.0.0.5:53412`, `[::1]:53412` or `::1:53412`: everything before the last colon.
  const host = addr.slice(0, addr.lastIndexOf(':'));
  return host.replace(/^\[|\]$/g, '');
}

async function main() {
  const url = process.env.REDIS_URL;
  if (!url) fail('REDIS_URL is not set');
  const prefix = process.env.REDIS_PREFIX || 'tanxin';
  const { QueueName } = require(path.join(root, 'dist', 'queue', 'jobs.js'));
  const queues = Object.values(QueueName);

  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  let lastError;
  redis.on('error', (error) => {
    lastError = error;
  });
  setTimeout(() => fail(`no answer from Redis within ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();
  try {
    await redis.connect();
    const ownId = String(await redis.client('ID'));
    const clients = String(await redis.client('LIST'))
      .split('\n')
      .filter(Boolean)
      .map((line) => Object.fromEntries(line.trim().split(' ').map((field) => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)])));
    const own = clients.find((client) => client.id === ownId);
    if (!own) fail('cannot find this connection in CLIENT LIST');
    const host = hostOf(own.addr);
    const names = new Set(clients.filter((client) => hostOf(client.addr) === host).map((client) => client.name));
    const missing = queues.filter((queue) => {
      const name = `${prefix}:${Buffer.from(queue).toString('base64')}`;
      return !names.has(name) && ![...names].some((candidate) => candidate.startsWith(`${name}:w:`));
    });
    if (missing.length > 0) fail(`no worker connected for queue(s) ${missing.join(', ')} (prefix "${prefix}", from ${host})`);
    process.stdout.write(`healthy: processing ${queues.join(', ')}\n`);
    process.exit(0);
  } catch (error) {
    fail(`Redis: ${(lastError ?? error).message}`);
  } finally {
    redis.disconnect();
  }
}

main();
