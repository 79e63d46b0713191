'use strict';

/**
 * What the scenarios on MariaDB + Redis share (withBenchStack: talk-matrix, progress, aggregation;
 * the parts: box-submit, survey-submit): are both servers there, a fresh database migrated and
 * seeded by the CLI, dropped again whatever happens (Redis keys under the run's prefix too), the
 * API called as the demo organiser, and MariaDB's counters and write-back before a measured run.
 *
 * Expects MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379.
 */

const { execFile, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const mysql = require('mysql2/promise');
const crypto = require('node:crypto');
const { DEMO_LOGIN } = require('./load');
const { ROOT, makeTempDir, tanxinEnvironment } = require('./server');

const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const REDIS = { host: '127.0.0.1', port: 6379 };
const CLI_JS = path.join(ROOT, 'dist', 'cli.js');
const NOT_RUNNING = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ECONNRESET']);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Are MariaDB and Redis there?
// ---------------------------------------------------------------------------------------------

/** Null when MariaDB answers; a reason when it is not running; throws on any other problem. */
async function mariadbProblem() {
  try {
    const connection = await mysql.createConnection({ ...MYSQL, connectTimeout: 3000 });
    await connection.end();
    return null;
  } catch (error) {
    if (NOT_RUNNING.has(error.code)) return `MariaDB is not running on ${MYSQL.host}:${MYSQL.port} (${error.code})`;
    throw new Error(`MariaDB on ${MYSQL.host}:${MYSQL.port} refused the bench (root, no password): ${error.message}`, { cause: error });
  }
}

/** Null when Redis answers PING; a reason when it is not running; throws on any other answer. */
function redisProblem() {
  return new Promise((resolve, reject) => {
    const socket = net.connect(REDIS.port, REDIS.host);
    let answer = '';
    const done = (fn, value) => {
      socket.destroy();
      fn(value);
    };
    socket.setTimeout(3000, () => done(resolve, `Redis is not running on ${REDIS.host}:${REDIS.port} (no answer within 3 s)`));
    socket.on('error', (error) =>
      NOT_RUNNING.has(error.code) ? done(resolve, `Redis is not running on ${REDIS.host}:${REDIS.port} (${error.code})`) : done(reject, error),
    );
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (!answer.includes('\r\n')) return;
      if (answer.startsWith('+PONG')) done(resolve, null);
      else done(reject, new Error(`Redis on ${REDIS.host}:${REDIS.port} answered PING with ${answer.trim()}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The bench database and Redis keys: created here, removed whatever happens
// ---------------------------------------------------------------------------------------------

async function dropDatabase(database) {
  const connection = await mysql.createConnection({ ...MYSQL, connectTimeout: 5000 });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}

async function deleteRedisKeys(prefix) {
  const Redis = require('ioredis');
  const redis = new Redis({ ...REDIS, lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  try {
    await redis.connect();
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/** Drops the databases, deletes the Redis keys; returns the problems met. */
async function cleanup(databases, prefix) {
  const problems = [];
  for (const database of databases) await dropDatabase(database).catch((error) => problems.push(`drop ${database}: ${error.message}`));
  if (prefix) await deleteRedisKeys(prefix).catch((error) => problems.push(`Redis keys ${prefix}*: ${error.message}`));
  return problems;
}

/**
 * Until they are dropped, an exit of any kind (Ctrl-C, watchdog, uncaught error) drops them
 * synchronously, through `node bench/lib/stack.js --cleanup <prefix> <db>...`.
 */
function guardOnExit(databases, prefix) {
  const onExit = () => {
    spawnSync(process.execPath, [__filename, '--cleanup', prefix, ...databases], { stdio: 'ignore', timeout: 10_000 });
  };
  process.on('exit', onExit);
  return () => process.removeListener('exit', onExit);
}

/**
 * Runs `work` with a database (utf8mb4, migrated and seeded with the demo by the CLI) and a Redis
 * prefix of its own, both removed afterwards whatever happens; resolves `{ skipped }` when
 * MariaDB or Redis is not running. `work` gets the names, `appEnv` (the variables that point an
 * app or worker at them) and `cli(...args)`, which runs dist/cli.js against the database.
 *
 * Options: `database`, a name instead of tanxin_bench_<label>_<ms>; `keep`, use the database if
 * it exists already and do not drop it at the end (the Redis keys still go); `demo: false`, no
 * `cli demo` (work runs it when it needs to).
 */
async function withBenchStack(label, work, { database = `tanxin_bench_${label}_${Date.now()}`, keep = false, demo = true } = {}) {
  const missing = (await mariadbProblem()) ?? (await redisProblem());
  if (missing) {
    process.stdout.write(`  skipped: ${missing}\n`);
    return { skipped: `${missing}; the scenario needs MariaDB and Redis` };
  }
  const redisPrefix = `tanxin_bench_${crypto.randomBytes(6).toString('hex')}`;
  const databaseUrl = `mysql://root@${MYSQL.host}:${MYSQL.port}/${database}`;
  const dataDir = makeTempDir();
  const dropped = keep ? [] : [database];
  const unguard = guardOnExit(dropped, redisPrefix);
  try {
    const admin = await mysql.createConnection({ ...MYSQL, connectTimeout: 5000 });
    try {
      await admin.query(`CREATE DATABASE ${keep ? 'IF NOT EXISTS ' : ''}\`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await admin.end();
    }
    const cliEnv = tanxinEnvironment(dataDir, { DB_TYPE: 'mariadb', DATABASE_URL: databaseUrl });
    const cli = (...args) => runCli(args, cliEnv, dataDir);
    await cli('migrate');
    if (demo) await cli('demo');
    const appEnv = { DB_TYPE: 'mariadb', DATABASE_URL: databaseUrl, REDIS_URL: `redis://${REDIS.host}:${REDIS.port}`, REDIS_PREFIX: redisPrefix };
    return await work({ database, redisPrefix, dataDir, appEnv, cli });
  } finally {
    const problems = await cleanup(dropped, redisPrefix);
    unguard();
    if (problems.length) process.stderr.write(`  cleanup: ${problems.join('; ')}\n`);
  }
}

// ---------------------------------------------------------------------------------------------
// Setup: CLI, API
// ---------------------------------------------------------------------------------------------

function runCli(args, env, cwd) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI_JS, ...args], { cwd, env, timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node dist/cli.js ${args.join(' ')} failed (${error.code ?? error.signal}):\n${`${stdout}${stderr}`.trim().slice(-2000)}`));
      else resolve(stdout.trim());
    });
  });
}

async function api(server, method, urlPath, { token, body } = {}) {
  const answer = await server.request({ method, path: urlPath, body, headers: token ? { authorization: `Bearer ${token}` } : {}, timeoutMs: 10_000 });
  if (answer.status < 200 || answer.status >= 300) throw new Error(`${method} ${urlPath} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return JSON.parse(answer.body);
}

/** The access token of `username` (the demo organiser unless told otherwise). */
async function login(server, { username, password } = DEMO_LOGIN) {
  const { accessToken } = await api(server, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (typeof accessToken !== 'string' || !accessToken) throw new Error(`login of ${username} answered without an accessToken`);
  return accessToken;
}

// ---------------------------------------------------------------------------------------------
// MariaDB around a measured run
// ---------------------------------------------------------------------------------------------

const STATUS = ['Com_select', 'Com_insert', 'Innodb_data_fsyncs'];

/** MariaDB's global counters (this machine's MariaDB serves the bench only, or near enough). */
async function mariadbStatus(db, names = STATUS) {
  const [rows] = await db.query(`SHOW GLOBAL STATUS WHERE Variable_name IN (${names.map(() => '?').join(',')})`, names);
  return Object.fromEntries(rows.map((row) => [row.Variable_name, Number(row.Value)]));
}

/** InnoDB's dirty pages and checkpoint age (bytes of redo not yet checkpointed). */
async function innodbBacklog(db) {
  const [[dirty]] = await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'");
  const [[status]] = await db.query('SHOW ENGINE INNODB STATUS');
  const lsn = /Log sequence number\s+(\d+)/.exec(status.Status);
  const checkpoint = /Last checkpoint at\s+(\d+)/.exec(status.Status);
  return { dirtyPages: Number(dirty.Value), checkpointAgeBytes: lsn && checkpoint ? Number(lsn[1]) - Number(checkpoint[1]) : null };
}

/**
 * Writes the bench databases' dirty pages back (FLUSH TABLES … FOR EXPORT, then UNLOCK
 * TABLES) before a measured run, so that neither server is measured while MariaDB flushes the
 * rows of what ran before: with the stock settings (innodb_io_capacity 200, no idle flushing)
 * that write-back outlasts a 20 s run.
 */
async function quiesceMariadb(db, databases) {
  const started = Date.now();
  const before = await innodbBacklog(db);
  const [tables] = await db.query("SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?) AND ENGINE = 'InnoDB'", [databases]);
  await db.query(`FLUSH TABLES ${tables.map((table) => `\`${table.db}\`.\`${table.name}\``).join(', ')} FOR EXPORT`);
  await db.query('UNLOCK TABLES');
  await sleep(1000);
  return { waitedMs: Date.now() - started, before, after: await innodbBacklog(db) };
}

const mib = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

async function waitForFile(file, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return true;
    await sleep(100);
  }
  return false;
}

/** `NAME=value NAME=value` (spaces or commas) from an environment variable `name` of the bench. */
function parseExtraEnv(text, name) {
  const env = {};
  for (const pair of (text || '').split(/[\s,]+/).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`${name}: "${pair}" is not NAME=value`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

module.exports = {
  MYSQL, REDIS, sleep,
  mariadbProblem, redisProblem, dropDatabase, deleteRedisKeys, cleanup, guardOnExit, withBenchStack, runCli, api, login,
  STATUS, mariadbStatus, innodbBacklog, quiesceMariadb, mib, waitForFile, parseExtraEnv,
};

if (require.main === module && process.argv[2] === '--cleanup') {
  cleanup(process.argv.slice(4), process.argv[3]).then(
    (problems) => process.exit(problems.length ? 1 : 0),
    () => process.exit(1),
  );
}
