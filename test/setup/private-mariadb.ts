import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { eventually, freePort, isListening } from './private-redis';

/** The programs a private MariaDB needs, and those of them not found on this machine. */
export const MARIADB_PROGRAMS = ['mariadb-install-db', 'mariadbd'];

export function missingPrograms(programs: string[]): string[] {
  return programs.filter((program) => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status !== 0);
}

/**
 * A MariaDB of a test's own, in a temporary directory on a free port, which the test may stop,
 * freeze (SIGSTOP) and start again without disturbing the machine's MariaDB or other test files.
 */
export class PrivateMariadb {
  private process: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Initialises a data directory (root without password) and starts the server on it. */
  static async create(): Promise<PrivateMariadb> {
    const dir = mkdtempSync(join(tmpdir(), 'tanxin-mariadb-'));
    mkdirSync(join(dir, 'tmp'));
    const installed = spawnSync(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${join(dir, 'data')}`, '--auth-root-authentication-method=normal', '--skip-test-db', `--user=${process.env.USER ?? 'root'}`],
      { encoding: 'utf8', env: { ...process.env, TMPDIR: join(dir, 'tmp') } },
    );
    if (installed.status !== 0) throw new Error(`mariadb-install-db failed: ${installed.stderr || installed.stdout}`);
    const server = new PrivateMariadb(dir, await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (!this.process?.pid) throw new Error('the private MariaDB is not running');
    return this.process.pid;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mariadb.sock')}`,
        `--pid-file=${join(this.dir, 'mariadb.pid')}`,
        // Its own temporary directory: a starting MariaDB deletes every #sql file in its tmpdir,
        // and in the shared /tmp those are the machine's MariaDB's temporary tables in use.
        `--tmpdir=${join(this.dir, 'tmp')}`,
        `--user=${process.env.USER ?? 'root'}`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
      ],
      { stdio: 'ignore', env: { ...process.env, TMPDIR: join(this.dir, 'tmp') } },
    );
    await eventually(async () => (await isListening(this.port)) && (await this.answers()), 30_000);
  }

  /** Stops it as an operator would (SIGTERM: a clean shutdown) and waits until it has gone. */
  async stop(): Promise<void> {
    const running = this.process;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
    this.process = null;
  }

  freeze(): void {
    process.kill(this.pid, 'SIGSTOP');
  }

  thaw(): void {
    process.kill(this.pid, 'SIGCONT');
  }

  async createDatabase(name: string): Promise<string> {
    const connection = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
    try {
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await connection.end();
    }
    return `${this.url}/${name}`;
  }

  /** Kills it whatever its state (a frozen one too) and removes its files. */
  async destroy(): Promise<void> {
    const running = this.process;
    if (running && running.exitCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    }
    this.process = null;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    try {
      const connection = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
      await connection.end();
      return true;
    } catch {
      return false;
    }
  }
}
