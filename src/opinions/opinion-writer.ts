import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error';
import { eachOnItsOwnIfTheBatchFails, GroupCommit, Outcome } from '../common/group-commit';
import { AppConfig } from '../config/app-config';
import { insertAllOrNothing, insertRows } from '../database/multi-row-insert';
import { outageOf } from '../database/outage';
import { isUniqueViolation } from '../database/unique-violation';
import { FormNonce } from './form-nonce.entity';
import { RawOpinion } from './raw-opinion.entity';

/** Rows in one INSERT at most. */
const MAX_BATCH = 200;

/** One opinion on its way, with the form nonce it spends when it came from a form that had one. */
interface ToWrite {
  row: RawOpinion;
  nonce?: FormNonce;
}

/**
 * Writes raw opinions with group commit (see GroupCommit): a burst of submissions costs a few
 * multi-row INSERTs instead of hundreds, and each caller's promise settles only when its own row
 * is committed, so a 201 always means stored. One bad row fails alone.
 *
 * An opinion sent with a form nonce is stored in the same transaction as the spent nonce: either
 * both are, or neither. A nonce already spent fails its batch; the batch is then written entry by
 * entry, and the repeated one is refused with ALREADY_SENT while the others are stored.
 */
@Injectable()
export class OpinionWriter {
  private readonly group: GroupCommit<ToWrite, void>;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    // SQLite has one writer; on MySQL leave half the pool to everything else.
    const maxInFlight = config.database.kind === 'sqlite' ? 1 : Math.max(1, Math.floor(config.database.poolSize / 2));
    this.group = new GroupCommit((entries) => this.writeBatch(entries), maxInFlight, MAX_BATCH);
  }

  /** `nonce`: the spent form nonce (its keyed hash and the day), when the form carried one. */
  write(row: RawOpinion, nonce?: FormNonce): Promise<void> {
    return this.group.submit({ row, nonce });
  }

  private async writeBatch(entries: ToWrite[]): Promise<Array<Outcome<void>>> {
    // An outage fails the whole batch as it is: written entry by entry, a batch whose commit was
    // not answered (and may have been stored) could be stored twice.
    const outcomes = await eachOnItsOwnIfTheBatchFails(
      entries,
      async (batch) => {
        await this.insert(batch);
        return batch.map(() => undefined);
      },
      (error) => outageOf(error) === null,
    );
    return outcomes.map((outcome, index) => ('error' in outcome ? { error: this.refusalFor(entries[index], outcome.error) } : outcome));
  }

  /**
   * Without nonces, one statement (the common case through the API); with them, one transaction.
   * (On a database that stops answering, a lone INSERT already sent may yet be stored: its writer
   * is told so, 504 OUTCOME_UNKNOWN; in a transaction only an unanswered COMMIT leaves that
   * unknown, anything before it is 503, not stored. See database/outage.ts.)
   */
  private async insert(entries: ToWrite[]): Promise<void> {
    const rows = entries.map((entry) => entry.row);
    const nonces = entries.flatMap((entry) => (entry.nonce ? [entry.nonce] : []));
    if (nonces.length === 0) return insertRows(this.dataSource, RawOpinion, rows);
    // The nonces first: a repeated one fails the transaction before any opinion is written.
    await insertAllOrNothing(this.dataSource, [{ entity: FormNonce, rows: nonces }, { entity: RawOpinion, rows }]);
  }

  private refusalFor(entry: ToWrite, error: unknown): unknown {
    if (!entry.nonce || !isUniqueViolation(error)) return error;
    return new AppError(ErrorCode.AlreadySent, HttpStatus.CONFLICT, '这条意见已经提交过了，没有重复提交。回执码只在第一次提交后显示。');
  }
}
