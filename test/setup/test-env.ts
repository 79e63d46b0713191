import { randomUUID } from 'node:crypto';

/** Which stack the e2e suite runs on: decided by the environment .ci/run sets. */
export const onMysql = ['mysql', 'mariadb'].includes(process.env.DB_TYPE ?? '');
export const onBullmq = Boolean(process.env.REDIS_URL);
export const driverName = `${onMysql ? process.env.DB_TYPE : 'sqlite'} + ${onBullmq ? 'bullmq' : 'inline queue'}`;

/** The environment a test app starts from: the CI's database and Redis settings, quiet logs, fast retries. */
export function baseTestEnv(): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DB_TYPE: process.env.DB_TYPE,
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    // One key space per test app, so parallel test files never share queues or counters.
    REDIS_PREFIX: `tt-${randomUUID().slice(0, 8)}`,
    // MySQL is migrated once by the global setup (parallel migrations would race).
    DB_MIGRATE_ON_START: onMysql ? 'false' : 'true',
    DEMO_DATA: 'false',
    // The suite's webhook receivers listen on loopback, which webhooks may not reach unless allowed.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    // Run by hand in their own test: a daily job would otherwise write to every test's meetings.
    REMINDERS_ENABLED: 'false',
    QUEUE_BACKOFF_MS: '100',
    // Tests change data and read progress straight after: every read computed. The cache has its own test.
    PROGRESS_CACHE_SECONDS: '0',
    SWEEP_INTERVAL_MS: '3600000',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
  };
}

export function unique(prefix: string): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}
