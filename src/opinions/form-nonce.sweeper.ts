import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { addDays } from '../common/dates';
import { OutboxSweeper, Sweeper } from '../queue/job-processor.decorator';
import { FORM_NONCE_KEEP_DAYS } from './form-nonce';
import { FormNonce } from './form-nonce.entity';

/**
 * Drops spent form nonces once no browser will send their form again. Rides on the outbox
 * sweeps (every SWEEP_INTERVAL_MS, in the worker or the embedded api) but deletes once a day per
 * process: the rows are dated by the day, so nothing more often would find anything.
 */
@Injectable()
@OutboxSweeper()
export class FormNonceSweeper implements Sweeper {
  private sweptOn: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Enqueues nothing, so always 0 (the count the runner reports is of re-enqueued jobs). */
  async sweep(): Promise<number> {
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
