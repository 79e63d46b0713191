import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApiApp } from '../../src/core/http';
import { QueueDriver } from '../../src/queue/queue-driver';
import { createWorker } from '../../src/worker';
import { TestClock } from './test-clock';
import { baseTestEnv } from './test-env';

export interface TestApp {
  app: NestFastifyApplication;
  /** The same app as a worker process would run it (BullMQ only); null in embedded mode. */
  worker: INestApplicationContext | null;
  http: TestAgent;
  config: AppConfig;
  clock: TestClock;
  /** Every log line the app and worker wrote, as JSON text. */
  logs: string[];
  dataSource: DataSource;
  /** Waits until no job is waiting, running or scheduled for a retry. */
  drain(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the api exactly as main.ts does (same HTTP set-up), on the driver the environment
 * chooses; with BullMQ a real worker context runs beside it, as the worker process would.
 */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tanxin-test-'));
  const config = loadConfig({ ...baseTestEnv(), DATA_DIR: dataDir, ...overrides });
  const logs: string[] = [];
  const logStream = { write: (line: string) => void logs.push(line) };
  const clock = new TestClock(config.timeZone);

  const app = await createApiApp(config, { logStream, clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const worker = config.queue.driver === 'bullmq' ? await createWorker(config, { logStream, clock }) : null;
  const driver = app.get(QueueDriver);

  return {
    app,
    worker,
    http: request(app.getHttpServer()),
    config,
    clock,
    logs,
    dataSource: app.get(DataSource),
    drain: (timeoutMs = 15_000) => driver.drain(timeoutMs),
    async close() {
      await worker?.close();
      await app.close();
      if (config.redis.url) await deleteKeys(config.redis.url, config.redis.prefix);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
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
