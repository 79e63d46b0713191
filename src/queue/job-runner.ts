import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { JOB_PROCESSOR, OUTBOX_SWEEPER, Sweeper } from './job-processor.decorator';
import { JobHandler, JobName } from './jobs';
import { QueueDriver } from './queue-driver';

/**
 * Runs the processors: in the worker process, or in the api when the queue is in-process.
 * Finds every `@ProcessesJob` provider and every `@OutboxSweeper`, and sweeps the outbox on start
 * and then periodically, so work left pending by a Redis outage or a crash is enqueued again.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private sweepers: Sweeper[] = [];
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly driver: QueueDriver,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = new Map<JobName, JobHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const jobName = this.reflector.get<JobName | undefined>(JOB_PROCESSOR, metatype);
      if (jobName) {
        if (handlers.has(jobName)) throw new Error(`two processors for job ${jobName}`);
        handlers.set(jobName, instance as JobHandler);
      }
      if (this.reflector.get<boolean | undefined>(OUTBOX_SWEEPER, metatype)) this.sweepers.push(instance as Sweeper);
    }
    await this.driver.startProcessing(handlers);
    await this.sweepNow();
    this.sweepTimer = setInterval(() => void this.sweepNow(), this.config.queue.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** Re-enqueues pending outbox rows; returns how many jobs were enqueued again. */
  async sweepNow(): Promise<number> {
    if (this.sweeping) await this.sweeping;
    const run = Promise.all(
      this.sweepers.map((sweeper) =>
        sweeper.sweep().catch((error: Error) => {
          this.logger.warn(`sweep failed: ${error.message}`);
          return 0;
        }),
      ),
    );
    this.sweeping = run;
    const counts = await run.finally(() => (this.sweeping = undefined));
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (total > 0) this.logger.log(`re-enqueued ${total} pending job(s) from the outbox`);
    return total;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.sweeping) await this.sweeping.catch(() => undefined);
  }
}
