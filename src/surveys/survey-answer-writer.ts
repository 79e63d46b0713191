import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { eachOnItsOwnIfTheBatchFails, GroupCommit } from '../common/group-commit';
import { AppConfig } from '../config/app-config';
import { insertRows } from '../database/multi-row-insert';
import { CheckedOpinions, OpinionPool } from '../opinions/opinion-pool';
import { SurveyResponse } from './survey-response.entity';
import { SurveyToken } from './survey-token.entity';

/** One checked answer on its way to the database, with the token it spends. */
export interface AnswerToStore {
  tokenId: string;
  response: SurveyResponse;
  /** Its text answers, checked and built by the opinion pool, written in the same transaction. */
  opinions: CheckedOpinions;
}

/** Rolls back the quick path: some token of the batch was already spent. */
class SomeTokenSpent extends Error {}

/** Answers in one transaction at most. */
const MAX_BATCH = 100;

/**
 * Stores survey answers with group commit: the answers that arrive together are stored in one
 * transaction that marks their tokens used and inserts the answers and their text opinions; when
 * some token turns out to be spent, the batch goes again, taking the rows of its tokens still
 * unused first (`SELECT … FOR UPDATE` on MySQL; SQLite has one writer). An answer whose token is already used — by an earlier transaction, by another
 * process, or by an answer earlier in the same batch — stores nothing and comes back `false`:
 * of two racing answers for one token, exactly one is kept.
 */
@Injectable()
export class SurveyAnswerWriter {
  private readonly group: GroupCommit<AnswerToStore, boolean>;
  private readonly lockClause: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: OpinionPool,
    config: AppConfig,
  ) {
    const sqlite = config.database.kind === 'sqlite';
    this.lockClause = sqlite ? '' : ' FOR UPDATE';
    const maxInFlight = sqlite ? 1 : Math.max(1, Math.floor(config.database.poolSize / 2));
    this.group = new GroupCommit((answers) => eachOnItsOwnIfTheBatchFails(answers, (batch) => this.claimAndInsert(batch)), maxInFlight, MAX_BATCH);
  }

  /** True once stored; false when the token had already been used. */
  store(answer: AnswerToStore): Promise<boolean> {
    return this.group.submit(answer);
  }

  /**
   * The usual case in one statement: mark every token of the batch used where still unused. If
   * that marked them all, the batch is stored; if not (a token already spent, or spent twice
   * within the batch), the transaction is rolled back and the batch is stored the careful way.
   */
  private async claimAndInsert(answers: AnswerToStore[]): Promise<boolean[]> {
    const ids = answers.map((answer) => answer.tokenId);
    if (new Set(ids).size === ids.length) {
      const stored = await this.dataSource
        .transaction(async (manager) => {
          const claimed = await manager.createQueryBuilder().update(SurveyToken).set({ used: true }).where('id IN (:...ids) AND used = :unused', { ids, unused: 0 }).execute();
          if (claimed.affected !== ids.length) throw new SomeTokenSpent();
          await this.insertAnswers(manager, answers);
          return answers.map(() => true);
        })
        .catch((error: unknown) => {
          if (error instanceof SomeTokenSpent) return null;
          throw error;
        });
      if (stored) return stored;
    }
    return this.claimOneByOne(answers);
  }

  /** Locks the batch's tokens, keeps those still unused (the first answer for each), stores those answers. */
  private claimOneByOne(answers: AnswerToStore[]): Promise<boolean[]> {
    return this.dataSource.transaction(async (manager) => {
      const free = await this.unusedTokens(manager, [...new Set(answers.map((answer) => answer.tokenId))]);
      const stored = answers.map((answer) => free.delete(answer.tokenId));
      const winners = answers.filter((_, index) => stored[index]);
      if (winners.length > 0) {
        await manager.createQueryBuilder().update(SurveyToken).set({ used: true }).where('id IN (:...ids)', { ids: winners.map((answer) => answer.tokenId) }).execute();
        await this.insertAnswers(manager, winners);
      }
      return stored;
    });
  }

  private async insertAnswers(manager: EntityManager, answers: AnswerToStore[]): Promise<void> {
    await insertRows(manager, SurveyResponse, answers.map((answer) => answer.response));
    await this.pool.insertWithin(manager, answers.map((answer) => answer.opinions));
  }

  private async unusedTokens(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT ${this.column('id')} AS id FROM ${this.table(SurveyToken)} WHERE ${this.column('id')} IN (${ids.map(() => '?').join(', ')}) AND ${this.column('used')} = 0${this.lockClause}`,
      ids,
    );
    return new Set(rows.map((row) => row.id));
  }

  private table(entity: typeof SurveyToken): string {
    return this.dataSource.driver.escape(this.dataSource.getMetadata(entity).tableName);
  }

  private column(name: string): string {
    return this.dataSource.driver.escape(name);
  }
}
