import { SetMetadata } from '@nestjs/common';
import { JobName, ScheduledTaskName } from './jobs';

export const JOB_PROCESSOR = 'tanxin:job-processor';
export const OUTBOX_SWEEPER = 'tanxin:outbox-sweeper';
export const SCHEDULED_TASK = 'tanxin:scheduled-task';

/** Marks a provider as the handler of one job. The runner finds it; nothing else calls it. */
export const ProcessesJob = (name: JobName) => SetMetadata(JOB_PROCESSOR, name);

/**
 * Marks a provider whose `sweep()` re-enqueues work still pending in the database (the outbox),
 * after a Redis outage or a worker crash. It returns how many jobs it re-enqueued. Every process
 * running processors sweeps on its own timer (SWEEP_INTERVAL_MS); fixed job ids collapse the
 * duplicates. Work that runs on the clock is a `@Scheduled` task instead.
 */
export const OutboxSweeper = () => SetMetadata(OUTBOX_SWEEPER, true);

export interface Sweeper {
  sweep(): Promise<number>;
}

/**
 * Marks a provider whose `run()` is one tick of a scheduled task: it runs once per tick
 * (SCHEDULE_INTERVAL_MS) across all workers, and asks the Clock whether anything is due, so a
 * tick missed by an outage is made up by the next one and tests drive it by setting the clock.
 * A tick may run twice (each process runs every task once on start), so `run()` is idempotent.
 */
export const Scheduled = (name: ScheduledTaskName) => SetMetadata(SCHEDULED_TASK, name);

export interface ScheduledTask {
  /** Resolves with how much it did (opinions released, jobs asked for, files removed), for the log. */
  run(): Promise<number>;
}
