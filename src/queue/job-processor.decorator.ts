import { SetMetadata } from '@nestjs/common';
import { JobName } from './jobs';

export const JOB_PROCESSOR = 'tanxin:job-processor';
export const OUTBOX_SWEEPER = 'tanxin:outbox-sweeper';

/** Marks a provider as the handler of one job. The runner finds it; nothing else calls it. */
export const ProcessesJob = (name: JobName) => SetMetadata(JOB_PROCESSOR, name);

/**
 * Marks a provider whose `sweep()` re-enqueues work still pending in the database (the outbox),
 * after a Redis outage or a worker crash. It returns how many jobs it re-enqueued.
 */
export const OutboxSweeper = () => SetMetadata(OUTBOX_SWEEPER, true);

export interface Sweeper {
  sweep(): Promise<number>;
}
