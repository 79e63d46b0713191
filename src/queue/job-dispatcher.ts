import { Injectable, Logger } from '@nestjs/common';
import { DispatchOptions, JobName, JobPayloads } from './jobs';
import { QueueDriver } from './queue-driver';

/**
 * The only way code puts work on a queue. Work that must not be lost is already a row in the
 * database (the outbox) when this is called, so a failed enqueue is logged, not thrown: the
 * sweeper picks the row up again.
 */
@Injectable()
export class JobDispatcher {
  private readonly logger = new Logger(JobDispatcher.name);

  constructor(private readonly driver: QueueDriver) {}

  async dispatch<N extends JobName>(name: N, payload: JobPayloads[N], options?: DispatchOptions): Promise<boolean> {
    try {
      await this.driver.enqueue(name, payload, options);
      return true;
    } catch (error) {
      this.logger.warn(`could not enqueue ${name} (${(error as Error).message}); the outbox sweeper will retry`);
      return false;
    }
  }

  async dispatchAll<N extends JobName>(name: N, payloads: Array<{ payload: JobPayloads[N]; jobId?: string }>): Promise<void> {
    for (const { payload, jobId } of payloads) await this.dispatch(name, payload, { jobId });
  }
}
