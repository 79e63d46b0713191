import { Logger } from '@nestjs/common';
import { newId } from '../common/ids';
import { DispatchOptions, FailedJobView, JOB_QUEUE, JobHandler, JobName, QueueName, QueueView, UnrecoverableJobError } from './jobs';
import { QueueDriver } from './queue-driver';

interface InlineJob {
  id: string;
  name: JobName;
  payload: object;
  attempt: number;
}

const FAILED_KEPT = 500;

/**
 * The embedded driver: jobs run in this process with the same retries and backoff as BullMQ.
 * Nothing survives a restart, which is why work that must not be lost is an outbox row first.
 */
export class InlineQueueDriver extends QueueDriver {
  readonly kind = 'inline' as const;
  private readonly logger = new Logger('InlineQueue');
  private handlers = new Map<JobName, JobHandler>();
  private readonly waiting: InlineJob[] = [];
  private readonly queuedIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly schedules = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<InlineJob>();
  private readonly delayed = new Set<InlineJob>();
  private readonly completed = new Map<QueueName, number>();
  private readonly failedJobs: Array<FailedJobView & { queue: QueueName }> = [];
  private idleWaiters: Array<() => void> = [];
  private stopped = false;

  constructor(private readonly options: { attempts: number; backoffMs: number; concurrency: number }) {
    super();
  }

  async enqueue(name: JobName, payload: object, options: DispatchOptions = {}): Promise<void> {
    if (this.stopped) throw new Error('the in-process queue is shut down');
    const id = options.jobId ?? newId();
    if (this.queuedIds.has(id)) return;
    this.queuedIds.add(id);
    const job: InlineJob = { id, name, payload, attempt: 1 };
    if (options.delayMs) this.later(job, options.delayMs);
    else this.waiting.push(job);
    this.pump();
  }

  async startProcessing(handlers: Map<JobName, JobHandler>): Promise<void> {
    this.handlers = handlers;
    this.pump();
  }

  /** A timer in this process; the job id is the schedule's, so a tick still queued is not doubled. */
  async schedule(schedulerId: string, everyMs: number, name: JobName, payload: object): Promise<void> {
    clearInterval(this.schedules.get(schedulerId));
    const timer = setInterval(() => {
      this.enqueue(name, payload, { jobId: schedulerId }).catch((error: Error) => this.logger.warn(`${schedulerId}: ${error.message}`));
    }, everyMs);
    timer.unref();
    this.schedules.set(schedulerId, timer);
  }

  async inspect(): Promise<QueueView[]> {
    return Object.values(QueueName).map((queue) => {
      const ofQueue = (job: InlineJob) => JOB_QUEUE[job.name] === queue;
      return {
        name: queue,
        counts: {
          waiting: this.waiting.filter(ofQueue).length,
          active: [...this.running].filter(ofQueue).length,
          delayed: [...this.delayed].filter(ofQueue).length,
          completed: this.completed.get(queue) ?? 0,
          failed: this.failedJobs.filter((job) => job.queue === queue).length,
        },
        failed: this.failedJobs.filter((job) => job.queue === queue).map(({ queue: _queue, ...job }) => job),
      };
    });
  }

  async drain(timeoutMs: number): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`in-process queue still busy after ${timeoutMs} ms`)), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.stopped = true;
    for (const timer of this.schedules.values()) clearInterval(timer);
    this.schedules.clear();
    await this.drain(5000).catch((error: Error) => this.logger.warn(error.message));
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private isIdle(): boolean {
    const runnable = this.waiting.some((job) => this.handlers.has(job.name));
    return !runnable && this.running.size === 0 && this.delayed.size === 0;
  }

  private pump(): void {
    while (this.running.size < this.options.concurrency) {
      const index = this.waiting.findIndex((job) => this.handlers.has(job.name));
      if (index < 0) break;
      const [job] = this.waiting.splice(index, 1);
      this.running.add(job);
      setImmediate(() => void this.run(job));
    }
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((wake) => wake());
    }
  }

  private async run(job: InlineJob): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    try {
      await handler.handle(job.payload as never, {
        id: job.id,
        name: job.name,
        attempt: job.attempt,
        maxAttempts: this.options.attempts,
      });
      const queue = JOB_QUEUE[job.name];
      this.completed.set(queue, (this.completed.get(queue) ?? 0) + 1);
      this.queuedIds.delete(job.id);
    } catch (error) {
      const err = error as Error;
      const final = job.attempt >= this.options.attempts || err instanceof UnrecoverableJobError;
      if (final) {
        this.queuedIds.delete(job.id);
        this.recordFailure(job, err);
        await handler.onExhausted?.(job.payload as never, err).catch((hookError: Error) =>
          this.logger.error(`${job.name} ${job.id}: onExhausted failed: ${hookError.message}`),
        );
      } else {
        this.logger.warn(`${job.name} ${job.id} failed on attempt ${job.attempt}: ${err.message}; retrying`);
        this.later({ ...job, attempt: job.attempt + 1 }, this.options.backoffMs * 2 ** (job.attempt - 1));
      }
    } finally {
      this.running.delete(job);
      this.pump();
    }
  }

  private later(job: InlineJob, delayMs: number): void {
    this.delayed.add(job);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.delayed.delete(job);
      this.waiting.push(job);
      this.pump();
    }, delayMs);
    this.timers.add(timer);
  }

  private recordFailure(job: InlineJob, error: Error): void {
    this.logger.error(`${job.name} ${job.id} failed after ${job.attempt} attempt(s): ${error.message}`);
    this.failedJobs.unshift({
      queue: JOB_QUEUE[job.name],
      id: job.id,
      name: job.name,
      attempts: job.attempt,
      error: error.message,
      failedAt: new Date().toISOString(),
      payload: job.payload,
    });
    this.failedJobs.length = Math.min(this.failedJobs.length, FAILED_KEPT);
  }
}
