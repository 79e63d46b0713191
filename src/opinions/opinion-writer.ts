import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eachOnItsOwnIfTheBatchFails, GroupCommit } from '../common/group-commit';
import { AppConfig } from '../config/app-config';
import { insertRows } from '../database/multi-row-insert';
import { RawOpinion } from './raw-opinion.entity';

/** Rows in one INSERT at most. */
const MAX_BATCH = 200;

/**
 * Writes raw opinions with group commit (see GroupCommit): a burst of submissions costs a few
 * multi-row INSERTs instead of hundreds, and each caller's promise settles only when its own row
 * is committed, so a 201 always means stored. One bad row fails alone.
 */
@Injectable()
export class OpinionWriter {
  private readonly group: GroupCommit<RawOpinion, void>;

  constructor(dataSource: DataSource, config: AppConfig) {
    // SQLite has one writer; on MySQL leave half the pool to everything else.
    const maxInFlight = config.database.kind === 'sqlite' ? 1 : Math.max(1, Math.floor(config.database.poolSize / 2));
    this.group = new GroupCommit(
      (rows) => eachOnItsOwnIfTheBatchFails(rows, async (batch) => {
        await insertRows(dataSource, RawOpinion, batch);
        return batch.map(() => undefined);
      }),
      maxInFlight,
      MAX_BATCH,
    );
  }

  write(row: RawOpinion): Promise<void> {
    return this.group.submit(row);
  }
}
