import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { addDays } from '../common/dates';
import { Scheduled, ScheduledTask } from '../queue/job-processor.decorator';
import { ScheduledTaskName } from '../queue/jobs';
import { FORM_NONCE_KEEP_DAYS } from './form-nonce';
import { FormNonce } from './form-nonce.entity';

/**
 * Drops spent form nonces once no browser will send their form again. A scheduled task (every
 * tick, in the worker or the embedded api) that deletes once a day per process: the rows are
 * dated by the day, so nothing more often would find anything.
 */
@Injectable()
@Scheduled(ScheduledTaskName.ExpiredFormNonces)
export class ExpiredFormNoncesSchedule implements ScheduledTask {
  private sweptOn: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Resolves with 0: it enqueues nothing. */
  async run(): Promise<number> {
    const today = this.clock.today();
    if (this.sweptOn === today) return 0;
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(FormNonce)
      .where('day < :oldest', { oldest: addDays(today, -FORM_NONCE_KEEP_DAYS) })
      .execute();
    this.sweptOn = today;
    return 0;
  }
}
