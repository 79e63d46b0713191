import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** A Redis of a test's own, which it may stop and start without disturbing other test files. */
export function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

export function isListening(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * Waits until a Redis answers PING on the port: a bare connect is not enough, since a connect to
 * a loopback port nobody listens on can meet itself (TCP simultaneous open) and seem to succeed.
 */
export async function waitForRedis(port: number): Promise<void> {
  await eventually(() => answersPing(port));
}

function answersPing(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
  });
}

/** Polls until `check` holds, failing after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Ports for private servers: below Linux's ephemeral range (32768–60999), where no client's own end of a connection lands between our check and the server's bind. */
const PRIVATE_PORTS = { from: 20_000, to: 32_000 };

/** A port free now in PRIVATE_PORTS, picked at random so that test files running at once do not pick the same one. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = PRIVATE_PORTS.from + Math.floor(Math.random() * (PRIVATE_PORTS.to - PRIVATE_PORTS.from));
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port found between ${PRIVATE_PORTS.from} and ${PRIVATE_PORTS.to}`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
