import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApiApp, publicTallyOf } from '../../src/core/http';
import { QueueDriver } from '../../src/queue/queue-driver';
import { ReleaseService } from '../../src/release/release.service';
import { createWorker } from '../../src/worker';
import { TestClock } from './test-clock';
import { baseTestEnv, onMysql } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  /** The same app as a worker process would run it (BullMQ only); null in embedded mode. */
  worker: INestApplicationContext | null;
  http: TestAgent;
  config: AppConfig;
  clock: TestClock;
  /** Every log line the app and worker wrote, as JSON text. */
  logs: string[];
  /** Writes the public routes' counts now, as the end of the day would (see PublicRequestTally). */
  flushPublicLog(): void;
  dataSource: DataSource;
  /** Waits until no job is waiting, running or scheduled for a retry. */
  drain(timeoutMs?: number): Promise<void>;
  /**
   * Runs a fixed release time (统一整理) now, as the schedule would, and waits for the released
   * opinions to be placed: held anonymous opinions reach the list only this way. Resolves with
   * how many writers were released.
   */
  release(): Promise<number>;
  /** The organisations this app's tests created (see createOrg): the ones `release()` releases. */
  organizations: Set<string>;
  close(): Promise<void>;
}

/**
 * Starts the api exactly as main.ts does (same HTTP set-up), on the driver the environment
 * chooses; with BullMQ a real worker context runs beside it, as the worker process would.
 */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tanxin-test-'));
  // On MySQL the test files share one database, and so, as one deployment's API and workers do,
  // one exports directory: another file's worker may build (sweep) an export this one asked for.
  const shared = onMysql ? { EXPORT_DIR: join(tmpdir(), 'tanxin-test-exports') } : {};
  const config = loadConfig({ ...baseTestEnv(), DATA_DIR: dataDir, ...shared, ...overrides });
  const logs: string[] = [];
  const logStream = { write: (line: string) => void logs.push(line) };
  const clock = new TestClock(config.timeZone);

  const app = await createApiApp(config, { logStream, clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const worker = config.queue.driver === 'bullmq' ? await createWorker(config, { logStream, clock }) : null;
  const driver = app.get(QueueDriver);
  const organizations = new Set<string>();

  return {
    app,
    worker,
    http: request(app.getHttpServer()),
    config,
    clock,
    logs,
    flushPublicLog: () => publicTallyOf(app).flush(),
    dataSource: app.get(DataSource),
    organizations,
    drain: (timeoutMs = 15_000) => driver.drain(timeoutMs),
    async release() {
      // Only this app's organisations: on MySQL the test files share one database.
      const released = await app.get(ReleaseService).runSlot(`test-${randomUUID().slice(0, 8)}`, [...organizations]);
      await driver.drain(15_000);
      return released;
    },
    async close() {
      await worker?.close();
      await app.close();
      if (config.redis.url) await deleteKeys(config.redis.url, config.redis.prefix);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Deletes every Redis key under `prefix` (a test app's own key space). */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
