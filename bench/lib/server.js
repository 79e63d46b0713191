'use strict';

/**
 * Starts `node dist/main.js` (or another server script, e.g. a baseline) as a child process for a
 * benchmark, waits until it is ready, stops it; and `node dist/worker.js` beside it.
 *
 * - The child gets a clean environment: every Tanxin variable inherited from the shell is dropped,
 *   then the scenario's own are set. Its working directory is its DATA_DIR, so a developer's
 *   `.env` in the repository (which main.ts loads from the working directory) cannot leak in.
 * - It listens on 127.0.0.1 only, on a free port.
 * - It runs in its own process group; the group is killed on stop(), on SIGINT/SIGTERM, on an
 *   uncaught error and when this process exits for any reason.
 */

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN_JS = path.join(ROOT, 'dist', 'main.js');
const WORKER_JS = path.join(ROOT, 'dist', 'worker.js');
const HOST = '127.0.0.1';

/** Every variable src/config/environment.ts reads (keep in step with it). */
const TANXIN_VARIABLES = [
  'NODE_ENV', 'PORT', 'HOST', 'TRUST_PROXY', 'DATA_DIR',
  'DB_TYPE', 'DATABASE_URL', 'DB_HOST', 'DB_PORT', 'DB_USER', 'DB_PASSWORD', 'DB_NAME', 'DB_POOL_SIZE', 'DB_MIGRATE_ON_START',
  'REDIS_URL', 'REDIS_PREFIX', 'JWT_SECRET', 'JWT_EXPIRES_IN', 'LOG_LEVEL', 'BODY_LIMIT', 'DEMO_DATA', 'PUBLIC_BASE_URL',
  'TIME_ZONE', 'QUEUE_ATTEMPTS', 'QUEUE_BACKOFF_MS', 'QUEUE_CONCURRENCY', 'SWEEP_INTERVAL_MS',
  'LOGIN_RATE_LIMIT', 'LOGIN_ACCOUNT_RATE_LIMIT', 'LOGIN_RATE_WINDOW_SECONDS', 'WEBHOOK_TIMEOUT_MS',
  'ANONYMITY_SECRET', 'BOX_SUBMIT_RATE_LIMIT', 'BOX_SUBMIT_CEILING', 'ACCESS_CODE_FAILURE_LIMIT', 'SURVEY_SUBMIT_RATE_LIMIT', 'RECEIPT_LOOKUP_RATE_LIMIT', 'PUBLIC_READ_RATE_LIMIT',
  'PUBLIC_RATE_WINDOW_SECONDS', 'PROGRESS_CACHE_SECONDS', 'EXPORT_DIR', 'EXPORT_RETENTION_DAYS', 'REMINDERS_ENABLED', 'REMINDER_HOUR', 'REMINDER_LEAD_DAYS',
  'UPLOAD_DIR', 'UPLOAD_MAX_BYTES',
];

/**
 * One pair of secrets per bench run: production mode refuses to start without strong ones, and
 * ANONYMITY_SECRET must differ from JWT_SECRET.
 */
const JWT_SECRET = crypto.randomBytes(32).toString('hex');
const ANONYMITY_SECRET = crypto.randomBytes(32).toString('hex');

const OUTPUT_TAIL_BYTES = 64 * 1024;
const DEFAULT_READY_TIMEOUT_MS = 60_000;
const DEFAULT_POLL_INTERVAL_MS = 20;
const PROBE_TIMEOUT_MS = 2_000;
const STOP_GRACE_MS = 10_000;
const KILL_WAIT_MS = 3_000;

const live = new Set(); // ServerProcess instances (servers and workers) whose process group may still exist
const tempDirs = new Set();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone (ESRCH)
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup, whatever way this process ends
// ---------------------------------------------------------------------------------------------

function killAllNow() {
  for (const server of live) killGroup(server.pid, 'SIGKILL');
  live.clear();
}

function removeTempDirs() {
  for (const dir of tempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // best effort: it is under the OS temp directory
    }
  }
  tempDirs.clear();
}

let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // 'exit' allows synchronous work only: process.kill and rmSync are.
  process.on('exit', () => {
    killAllNow();
    if (!process.env.BENCH_KEEP_DATA) removeTempDirs();
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping the server(s)\n`);
      process.exit(code); // the 'exit' handler kills the process groups
    });
  }
  process.on('uncaughtException', (error) => {
    process.stderr.write(`bench: uncaught ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    process.stderr.write(`bench: unhandled rejection ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A fresh, empty directory under the OS temp directory, removed when the bench ends. */
function makeTempDir(prefix = 'tanxin-bench-') {
  installExitHandlers();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One HTTP request to 127.0.0.1; resolves { status, body } or rejects (connection refused, timeout). */
function request(port, { method = 'GET', path: urlPath, headers = {}, body, timeoutMs = PROBE_TIMEOUT_MS }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = http.request(
      {
        host: HOST,
        port,
        method,
        path: urlPath,
        agent: false,
        headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length, ...headers } : headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (chunk) => {
          size += chunk.length;
          if (size <= 1024 * 1024) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

function benchEnvironment(overrides) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!TANXIN_VARIABLES.includes(key) && value !== undefined) env[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined || value === null) delete env[key];
    else env[key] = String(value);
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// The server process
// ---------------------------------------------------------------------------------------------

/** A spawned server, or a worker (no port, no baseUrl). */
class ServerProcess {
  constructor({ child, port, dataDir, label, startedAt, stdoutFile }) {
    this.child = child;
    this.stdoutFile = stdoutFile; // set when stdout goes to a file instead of a pipe
    this.pid = child.pid;
    this.port = port;
    this.dataDir = dataDir;
    this.label = label;
    this.startedAt = startedAt;
    this.baseUrl = port === undefined ? undefined : `http://${HOST}:${port}`;
    this.exit = undefined; // { code, signal } once the process has exited
    this.output = '';
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    const keep = (chunk) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
    };
    if (child.stdout) child.stdout.on('data', keep);
    if (child.stderr) child.stderr.on('data', keep); // a worker's goes to its log file
  }

  get running() {
    return this.exit === undefined;
  }

  /** The last lines the server wrote (stdout and stderr interleaved; or the stdout file's tail, then stderr). */
  outputTail(lines = 30) {
    let text = this.output;
    if (this.stdoutFile) text = `${readTail(this.stdoutFile, OUTPUT_TAIL_BYTES)}${text ? `\n--- stderr ---\n${text}` : ''}`;
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  }

  request(options) {
    return request(this.port, options);
  }

  /**
   * Polls GET /health/ready every `intervalMs` (at fixed ticks from the spawn) until it answers 200.
   * Returns the milliseconds from spawn to that answer. Bounded by `timeoutMs` and by the number
   * of ticks that fit in it; fails at once if the process exits.
   */
  async waitUntilReady({ timeoutMs = DEFAULT_READY_TIMEOUT_MS, intervalMs = DEFAULT_POLL_INTERVAL_MS } = {}) {
    const deadline = this.startedAt + timeoutMs;
    const maxPolls = Math.ceil(timeoutMs / intervalMs) + 1;
    let lastProblem = 'no answer yet';
    for (let poll = 0; poll < maxPolls && performance.now() < deadline; poll += 1) {
      if (!this.running) throw this.failure(`exited before it was ready (${describeExit(this.exit)})`);
      try {
        const answer = await request(this.port, {
          path: '/health/ready',
          timeoutMs: Math.max(1, Math.min(PROBE_TIMEOUT_MS, deadline - performance.now())),
        });
        if (answer.status === 200) return performance.now() - this.startedAt;
        lastProblem = `GET /health/ready answered ${answer.status}: ${answer.body.slice(0, 300)}`;
      } catch (error) {
        lastProblem = error.code || error.message;
      }
      const nextTick = this.startedAt + (poll + 1) * intervalMs;
      const wait = nextTick - performance.now();
      if (wait > 0) await Promise.race([sleep(wait), this.exited]);
    }
    throw this.failure(`not ready within ${timeoutMs} ms (last: ${lastProblem})`);
  }

  failure(message) {
    const tail = this.outputTail();
    return new Error(`${this.label}: ${message}${tail ? `\n--- server output (tail) ---\n${tail}\n---` : ''}`);
  }

  /** SIGTERM to the process group, SIGKILL if it is still there after the grace period. */
  async stop({ graceMs = STOP_GRACE_MS } = {}) {
    if (this.running) {
      killGroup(this.pid, 'SIGTERM');
      const stopped = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!stopped) {
        process.stderr.write(`bench: ${this.label} did not stop within ${graceMs} ms of SIGTERM; SIGKILL\n`);
        killGroup(this.pid, 'SIGKILL');
        await Promise.race([this.exited, sleep(KILL_WAIT_MS)]);
      }
    }
    // Anything the server itself may have started in its group goes too.
    killGroup(this.pid, 'SIGKILL');
    live.delete(this);
    return this.exit;
  }
}

function readTail(file, bytes) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size, bytes);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function describeExit(exit) {
  if (!exit) return 'still running';
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/**
 * The environment of a Tanxin process started by the bench (server or CLI): the inherited one
 * without Tanxin variables, the production defaults (NODE_ENV, both secrets, DATA_DIR, quiet
 * logs), then `env`.
 */
function tanxinEnvironment(dataDir, env = {}) {
  return benchEnvironment({
    NODE_ENV: 'production',
    JWT_SECRET,
    ANONYMITY_SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/**
 * Spawns `node [nodeArgs] <script>` (default dist/main.js) with the embedded defaults (SQLite in
 * `dataDir`, in-process queue) plus `env`, and waits until GET /health/ready answers 200.
 * Returns the ServerProcess with `readyMs` (spawn → ready).
 *
 * `stdout`: 'pipe' (default: kept in memory, its tail shown on failure), 'ignore' (/dev/null), or
 * a file path (appended to; cheap, and its tail is shown on failure). A server that logs every
 * request should not write into a pipe this process has to drain: that costs the load
 * generator's CPU and, when the pipe fills, blocks the server's synchronous log writes.
 */
async function startServer({ dataDir, env = {}, nodeArgs = [], script = MAIN_JS, stdout = 'pipe', label = 'server', readyTimeoutMs, pollIntervalMs } = {}) {
  installExitHandlers();
  if (!fs.existsSync(script)) throw new Error(`${path.relative(process.cwd(), script)} is missing${script === MAIN_JS ? ': run `npm run build`' : ''}`);
  const directory = dataDir ?? makeTempDir();
  const port = await freePort();
  const childEnv = tanxinEnvironment(directory, { HOST, PORT: port, ...env });

  const stdoutFile = stdout !== 'pipe' && stdout !== 'ignore' ? stdout : undefined;
  const stdoutFd = stdoutFile ? fs.openSync(stdoutFile, 'a') : stdout;
  const startedAt = performance.now();
  let child;
  try {
    child = spawn(process.execPath, [...nodeArgs, script], {
      cwd: directory,
      env: childEnv,
      detached: true, // own process group: killable as a whole, and Ctrl-C reaches only us
      stdio: ['ignore', stdoutFd, 'pipe'],
    });
  } finally {
    if (stdoutFile) fs.closeSync(stdoutFd); // the child has its own copy
  }
  const server = new ServerProcess({ child, port, dataDir: directory, label, startedAt, stdoutFile });
  live.add(server);
  const spawnError = new Promise((_, reject) => child.once('error', (error) => reject(new Error(`${label}: cannot spawn node: ${error.message}`))));

  try {
    server.readyMs = await Promise.race([server.waitUntilReady({ timeoutMs: readyTimeoutMs, intervalMs: pollIntervalMs }), spawnError]);
  } catch (error) {
    await server.stop({ graceMs: 2_000 });
    throw error;
  }
  return server;
}

/**
 * Spawns `node dist/worker.js` as startServer spawns the api (the same environment, its own
 * process group, killed with the servers whatever happens) plus `env`; its stdout and stderr are
 * appended to the file `log` (default: worker.log in `dataDir`). It serves no HTTP, so there is
 * nothing to wait for: a job sent before it is connected waits in the queue. Returns a
 * ServerProcess without a port (stop() as a server's).
 */
function startWorker({ dataDir, env = {}, log, label = 'worker' } = {}) {
  installExitHandlers();
  if (!fs.existsSync(WORKER_JS)) throw new Error(`${path.relative(process.cwd(), WORKER_JS)} is missing: run \`npm run build\``);
  const directory = dataDir ?? makeTempDir();
  const logFile = log ?? path.join(directory, 'worker.log');
  const logFd = fs.openSync(logFile, 'a');
  let child;
  try {
    child = spawn(process.execPath, [WORKER_JS], {
      cwd: directory,
      env: tanxinEnvironment(directory, env),
      detached: true, // as the api: killable as a group, and Ctrl-C reaches only us
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    fs.closeSync(logFd); // the child has its own copy
  }
  const worker = new ServerProcess({ child, dataDir: directory, label, startedAt: performance.now(), stdoutFile: logFile });
  live.add(worker);
  return worker;
}

/** Stops every server still running (scenarios call stop() themselves; this is the safety net). */
async function stopAll() {
  await Promise.all([...live].map((server) => server.stop()));
}

module.exports = { HOST, MAIN_JS, ROOT, freePort, makeTempDir, request, startServer, startWorker, stopAll, installExitHandlers, removeTempDirs, tanxinEnvironment };
