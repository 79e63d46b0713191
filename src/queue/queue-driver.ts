import { DispatchOptions, JobHandler, JobName, QueueView } from './jobs';

/**
 * What the two drivers (BullMQ on Redis, and in-process) share, so processors are written once.
 */
export abstract class QueueDriver {
  abstract readonly kind: 'inline' | 'bullmq';

  abstract enqueue(name: JobName, payload: object, options?: DispatchOptions): Promise<void>;

  /** Starts running jobs with these handlers (worker process, or the api in embedded mode). */
  abstract startProcessing(handlers: Map<JobName, JobHandler>): Promise<void>;

  /**
   * Enqueues this job every `everyMs`, the first time `everyMs` from now, once per tick however
   * many processes ask (the same `schedulerId` is one schedule): a BullMQ job scheduler, or a
   * timer in this process for the inline driver.
   */
  abstract schedule(schedulerId: string, everyMs: number, name: JobName, payload: object): Promise<void>;

  abstract inspect(): Promise<QueueView[]>;

  /** Resolves once nothing is waiting, running or scheduled for a retry (tests, shutdown). */
  abstract drain(timeoutMs: number): Promise<void>;

  abstract ping(): Promise<void>;
}
