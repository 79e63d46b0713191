import { Logger } from '@nestjs/common';
import { Job, JobsOptions, JobType, Queue, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { withTimeout } from '../core/redis-fallback';
import { DispatchOptions, JOB_QUEUE, JobHandler, JobName, QueueName, QueueView, UnrecoverableJobError } from './jobs';
import { QueueDriver } from './queue-driver';

const ENQUEUE_TIMEOUT_MS = 3000;
const FAILED_SHOWN = 50;

export interface BullmqDriverOptions {
  url: string;
  prefix: string;
  attempts: number;
  backoffMs: number;
  concurrency: number;
}

/** The production driver: BullMQ queues on Redis, processed by the worker process. */
export class BullmqQueueDriver extends QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMQ');
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];

  constructor(private readonly options: BullmqDriverOptions) {
    super();
    // One connection for producing and reading; workers get their own blocking ones.
    this.connection = new Redis(options.url, { maxRetriesPerRequest: 1, lazyConnect: false });
    this.connection.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    const defaultJobOptions: JobsOptions = {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      // Failed jobs stay visible to admins for a week.
      removeOnFail: { age: 7 * 24 * 3600 },
    };
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection: this.connection, prefix: options.prefix, defaultJobOptions });
      queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
  }

  async enqueue(name: JobName, payload: object, options: DispatchOptions = {}): Promise<void> {
    const queue = this.queues.get(JOB_QUEUE[name])!;
    await withTimeout(queue.add(name, payload, { jobId: options.jobId, delay: options.delayMs }), ENQUEUE_TIMEOUT_MS);
  }

  /**
   * A BullMQ job scheduler: Redis holds the next tick as one delayed job, so of many workers one
   * runs each tick. Asking again (another worker, a restart) keeps the schedule's next time.
   */
  async schedule(schedulerId: string, everyMs: number, name: JobName, payload: object): Promise<void> {
    const queue = this.queues.get(JOB_QUEUE[name])!;
    // The first tick one interval from now: whoever asks has just run every task on start.
    await withTimeout(queue.upsertJobScheduler(schedulerId, { every: everyMs, startDate: Date.now() + everyMs }, { name, data: payload }), ENQUEUE_TIMEOUT_MS);
  }

  async startProcessing(handlers: Map<JobName, JobHandler>): Promise<void> {
    const queueNames = new Set([...handlers.keys()].map((name) => JOB_QUEUE[name]));
    for (const queueName of queueNames) {
      const connection = new Redis(this.options.url, { maxRetriesPerRequest: null });
      this.workerConnections.push(connection);
      const worker = new Worker(queueName, (job: Job) => this.process(handlers, job), {
        connection,
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
      });
      worker.on('error', (error) => this.logger.warn(`worker ${queueName}: ${error.message}`));
      worker.on('failed', (job, error) =>
        this.logger.warn(`${job?.name} ${job?.id} failed on attempt ${job?.attemptsMade}: ${error.message}`),
      );
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    this.logger.log(`processing ${[...queueNames].join(', ')}`);
  }

  private async process(handlers: Map<JobName, JobHandler>, job: Job): Promise<void> {
    const handler = handlers.get(job.name as JobName);
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const maxAttempts = job.opts.attempts ?? 1;
    const attempt = job.attemptsMade + 1;
    try {
      await handler.handle(job.data, { id: job.id ?? '', name: job.name as JobName, attempt, maxAttempts });
    } catch (error) {
      const unrecoverable = error instanceof UnrecoverableJobError;
      if (unrecoverable || attempt >= maxAttempts) {
        await handler.onExhausted?.(job.data, error as Error).catch((hookError: Error) =>
          this.logger.error(`${job.name} ${job.id}: onExhausted failed: ${hookError.message}`),
        );
      }
      throw unrecoverable ? new UnrecoverableError((error as Error).message) : error;
    }
  }

  async inspect(): Promise<QueueView[]> {
    return Promise.all(
      [...this.queues].map(async ([name, queue]) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
        const failed = await queue.getFailed(0, FAILED_SHOWN - 1);
        return {
          name,
          counts: {
            waiting: counts.waiting ?? 0,
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            completed: counts.completed ?? 0,
            failed: counts.failed ?? 0,
          },
          failed: failed.map((job) => ({
            id: String(job.id),
            name: job.name,
            attempts: job.attemptsMade,
            error: job.failedReason,
            failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
            payload: job.data,
          })),
        };
      }),
    );
  }

  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const busy = await Promise.all(
        [...this.queues].map(async ([name, queue]) => {
          // A schedule always holds its next tick as a delayed job: that is not work in hand.
          const states: JobType[] = name === QueueName.Schedule ? ['waiting', 'active', 'prioritized'] : ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'];
          const counts = await queue.getJobCounts(...states);
          return Object.values(counts).reduce((sum, count) => sum + count, 0);
        }),
      );
      if (busy.every((count) => count === 0)) return;
      if (Date.now() > until) throw new Error(`queues still busy after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async ping(): Promise<void> {
    await withTimeout(this.connection.ping(), 1000);
  }

  async close(): Promise<void> {
    // Workers first: each finishes its in-flight job before closing.
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    // Connections we created are ours to close; BullMQ leaves connections it was given open.
    for (const connection of this.workerConnections) connection.disconnect();
    this.connection.disconnect();
  }
}
