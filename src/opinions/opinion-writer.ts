import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RawOpinion } from './raw-opinion.entity';

interface PendingWrite {
  row: RawOpinion;
  resolve(): void;
  reject(error: unknown): void;
}

/** Rows in one INSERT at most. */
const MAX_BATCH = 200;

/**
 * Writes raw opinions with group commit: while earlier INSERTs are under way, the rows that
 * arrive meanwhile wait and go together in one multi-row INSERT. Alone, a row is written at
 * once; under load, a burst of submissions costs a few round trips instead of hundreds. Each
 * caller's promise settles only when its own row is committed, so a 201 always means stored.
 */
@Injectable()
export class OpinionWriter {
  private readonly waiting: PendingWrite[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private tableShape: { tableName: string; columns: Array<keyof RawOpinion> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    // SQLite has one writer; on MySQL leave half the pool to everything else.
    this.maxInFlight = config.database.kind === 'sqlite' ? 1 : Math.max(1, Math.floor(config.database.poolSize / 2));
  }

  write(row: RawOpinion): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.writeBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.flush();
      });
    }
  }

  private async writeBatch(batch: PendingWrite[]): Promise<void> {
    try {
      await this.insert(batch.map((entry) => entry.row));
      for (const entry of batch) entry.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One bad row must not fail the others: each is written on its own and answers for itself.
      await Promise.all(
        batch.map((entry) => this.insert([entry.row]).then(entry.resolve, entry.reject)),
      );
    }
  }

  /**
   * One multi-row INSERT, written out here rather than built by TypeORM's query builder: on the
   * hottest route of the product the builder's per-row work cost more CPU than the statement.
   * The column list comes from the entity's metadata, so a new column cannot be left out.
   */
  private async insert(rows: RawOpinion[]): Promise<void> {
    const { tableName, columns } = this.table();
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const parameters = rows.flatMap((row) => columns.map((column) => toParameter(row[column])));
    const escape = (name: string) => this.dataSource.driver.escape(name);
    await this.dataSource.query(
      `INSERT INTO ${escape(tableName)} (${columns.map(escape).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`,
      parameters,
    );
  }

  private table(): { tableName: string; columns: Array<keyof RawOpinion> } {
    if (!this.tableShape) {
      const metadata = this.dataSource.getMetadata(RawOpinion);
      this.tableShape = { tableName: metadata.tableName, columns: metadata.columns.map((column) => column.propertyName as keyof RawOpinion) };
    }
    return this.tableShape;
  }
}

/** Booleans as 1/0: neither SQLite's driver nor MySQL's boolean (tinyint) columns take true/false. */
function toParameter(value: unknown): unknown {
  return typeof value === 'boolean' ? Number(value) : value;
}
