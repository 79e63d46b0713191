import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ExpiredExportsSchedule } from '../../src/exports/expired-exports.schedule';
import { BullmqQueueDriver } from '../../src/queue/bullmq-queue.driver';
import { InlineQueueDriver } from '../../src/queue/inline-queue.driver';
import { JobHandler, JobName, QueueName, ScheduledTaskName } from '../../src/queue/jobs';
import { QueueDriver } from '../../src/queue/queue-driver';
import { isolatedDatabase } from '../setup/database-probe';
import { createTestApp, deleteKeys, TestApp } from '../setup/test-app';
import { driverName, onBullmq } from '../setup/test-env';

const TICK_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scheduled tasks (the releases, the daily reminders, expired exports) tick on their own schedule, once per tick across workers. */
describe(`scheduled tasks (${driverName})`, () => {
  describe('in an app whose schedule ticks fast', () => {
    let t: TestApp;
    let database: Awaited<ReturnType<typeof isolatedDatabase>>;

    beforeAll(async () => {
      // A database of its own on MySQL: the releases tick here too, and must touch no other file's records.
      database = await isolatedDatabase('tanxin_sched');
      t = await createTestApp({ ...database.overrides, SCHEDULE_INTERVAL_MS: String(TICK_MS) });
    });
    afterAll(async () => {
      await t.close();
      await database.drop();
    });

    it('runs each task on the timer (a job scheduler in the worker, a timer in the embedded api)', async () => {
      const task = (t.worker ?? t.app).get(ExpiredExportsSchedule);
      const run = jest.spyOn(task, 'run');
      await sleep(TICK_MS * 4);
      const ticks = run.mock.calls.length;
      run.mockRestore();
      expect(ticks).toBeGreaterThanOrEqual(2);
    });

    (onBullmq ? it : it.skip)('registers one job scheduler per task, every SCHEDULE_INTERVAL_MS, that leaves the queues drainable', async () => {
      const connection = new Redis(t.config.redis.url!, { maxRetriesPerRequest: null });
      const queue = new Queue(QueueName.Schedule, { connection, prefix: t.config.redis.prefix });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers.map((scheduler) => [scheduler.key, scheduler.every]).sort()).toEqual(
          Object.values(ScheduledTaskName).map((task) => [`scheduled-${task}`, TICK_MS]).sort(),
        );
      } finally {
        await queue.close();
        connection.disconnect();
      }
      await t.drain(5000);
    });
  });

  (onBullmq ? it : it.skip)('runs a tick once however many workers ask for the schedule', async () => {
    const prefix = `tt-${randomUUID().slice(0, 8)}`;
    const options = { url: process.env.REDIS_URL!, prefix, attempts: 3, backoffMs: 100, concurrency: 2 };
    const workers = [new BullmqQueueDriver(options), new BullmqQueueDriver(options)];
    const ticks: string[] = [];
    const handler: JobHandler = { handle: async (_payload, context) => void ticks.push(context.id) };
    const started = Date.now();
    try {
      for (const worker of workers) {
        await worker.startProcessing(new Map([[JobName.RunScheduledTask, handler]]));
        await worker.schedule('scheduled-test', TICK_MS, JobName.RunScheduledTask, { task: ScheduledTaskName.ExpiredExports });
      }
      await sleep(TICK_MS * 4 + 150);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await deleteKeys(process.env.REDIS_URL!, prefix);
    }
    const elapsed = Date.now() - started;
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(elapsed / TICK_MS));
  });

  it('ticks an in-process schedule on its timer, without doubling a tick still queued, and stops on close', async () => {
    const driver: QueueDriver & { close(): Promise<void> } = new InlineQueueDriver({ attempts: 1, backoffMs: 5, concurrency: 2 });
    const ticks: string[] = [];
    await driver.startProcessing(new Map([[JobName.RunScheduledTask, { handle: async (_payload, context) => void ticks.push(context.id) } as JobHandler]]));
    const started = Date.now();
    await driver.schedule('scheduled-test', 50, JobName.RunScheduledTask, { task: ScheduledTaskName.ExpiredExports });
    // Asked twice (a second start): still one timer.
    await driver.schedule('scheduled-test', 50, JobName.RunScheduledTask, { task: ScheduledTaskName.ExpiredExports });
    // Three ticks, however long a busy machine takes to give them (a fixed sleep counted too few).
    for (const deadline = Date.now() + 10_000; ticks.length < 3 && Date.now() < deadline; ) await sleep(10);
    await driver.close();
    const elapsed = Date.now() - started;
    const afterClose = ticks.length;
    expect(afterClose).toBeGreaterThanOrEqual(3);
    // One timer, not two: never more ticks than 50 ms periods went by.
    expect(afterClose).toBeLessThanOrEqual(Math.floor(elapsed / 50));
    expect(new Set(ticks)).toEqual(new Set(['scheduled-test']));
    await sleep(150);
    expect(ticks.length).toBe(afterClose);
  });
});
