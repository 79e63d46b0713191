import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { JOB_PROCESSOR, OUTBOX_SWEEPER, SCHEDULED_TASK, ScheduledTask, Sweeper } from './job-processor.decorator';
import { JobHandler, JobName, JobPayloads, ScheduledTaskName } from './jobs';
import { QueueDriver } from './queue-driver';

/**
 * Runs the processors: in the worker process, or in the api when the queue is in-process.
 * Finds every `@ProcessesJob` provider, every `@OutboxSweeper` and every `@Scheduled` task. On
 * start it runs all of them once; then it sweeps the outbox every SWEEP_INTERVAL_MS, so work left
 * pending by a Redis outage or a crash is enqueued again, and has the driver tick each scheduled
 * task every SCHEDULE_INTERVAL_MS (one job per tick across workers).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private sweepers: Sweeper[] = [];
  private readonly tasks = new Map<ScheduledTaskName, ScheduledTask>();
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
    handlers.set(JobName.RunScheduledTask, { handle: ({ task }: JobPayloads[JobName.RunScheduledTask]) => this.runTask(task) } as JobHandler);
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const jobName = this.reflector.get<JobName | undefined>(JOB_PROCESSOR, metatype);
      if (jobName) {
        if (handlers.has(jobName)) throw new Error(`two processors for job ${jobName}`);
        handlers.set(jobName, instance as JobHandler);
      }
      if (this.reflector.get<boolean | undefined>(OUTBOX_SWEEPER, metatype)) this.sweepers.push(instance as Sweeper);
      const task = this.reflector.get<ScheduledTaskName | undefined>(SCHEDULED_TASK, metatype);
      if (task) {
        if (this.tasks.has(task)) throw new Error(`two providers for scheduled task ${task}`);
        this.tasks.set(task, instance as ScheduledTask);
      }
    }
    await this.driver.startProcessing(handlers);
    await this.runDueNow();
    this.sweepTimer = setInterval(() => void this.sweepNow(), this.config.queue.sweepIntervalMs);
    this.sweepTimer.unref();
    for (const task of this.tasks.keys()) {
      await this.driver.schedule(`scheduled-${task}`, this.config.queue.scheduleIntervalMs, JobName.RunScheduledTask, { task });
    }
  }

  /**
   * Everything due now, here, at once: every sweeper and every scheduled task, as on start. The
   * tests call it in place of the timers (which they set an hour apart); returns how many jobs the
   * sweepers enqueued again.
   */
  async runDueNow(): Promise<number> {
    const [swept] = await Promise.all([this.sweepNow(), ...[...this.tasks.keys()].map((task) => this.runTask(task))]);
    return swept;
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

  /** One tick of a task. A failure is logged, not retried: the next tick is its retry. */
  private async runTask(name: ScheduledTaskName): Promise<void> {
    const task = this.tasks.get(name);
    if (!task) {
      this.logger.warn(`no provider for scheduled task ${name}`);
      return;
    }
    await task.run().catch((error: Error) => this.logger.warn(`scheduled task ${name} failed: ${error.message}`));
  }

  /** Before the database closes (see QueueShutdown): a sweep under way finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.sweeping) await this.sweeping.catch(() => undefined);
  }
}
