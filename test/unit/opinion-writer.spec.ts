import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { OpinionWriter } from '../../src/opinions/opinion-writer';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';

/** A data source whose INSERTs the test settles by hand, recording each statement's rows. */
function fakeDataSource() {
  const statements: Array<{ sql: string; rows: RawOpinion[]; settle(error?: Error): void }> = [];
  const columns = [{ propertyName: 'id' }, { propertyName: 'text' }, { propertyName: 'pendingAggregation' }];
  const dataSource = {
    driver: { escape: (name: string) => `"${name}"` },
    getMetadata: () => ({ tableName: 'raw_opinions', columns }),
    query: (sql: string, parameters: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const rows = [];
        for (let at = 0; at < parameters.length; at += columns.length) rows.push({ id: parameters[at], text: parameters[at + 1], pendingAggregation: parameters[at + 2] } as unknown as RawOpinion);
        statements.push({ sql, rows, settle: (error) => (error ? reject(error) : resolve()) });
      }),
  } as unknown as DataSource;
  return { dataSource, statements };
}

const row = (text: string) => ({ id: text, text, pendingAggregation: true }) as RawOpinion;
const tick = () => new Promise((resolve) => setImmediate(resolve));
const mysqlConfig = (poolSize: number): AppConfig => loadConfig({ DB_TYPE: 'mariadb', DB_POOL_SIZE: String(poolSize) });

describe('OpinionWriter (group commit of raw opinions)', () => {
  it('writes a lone opinion at once, in its own INSERT', async () => {
    const { dataSource, statements } = fakeDataSource();
    const writer = new OpinionWriter(dataSource, mysqlConfig(2));
    const written = writer.write(row('a'));
    await tick();
    expect(statements.map((statement) => statement.rows.map((r) => r.text))).toEqual([['a']]);
    // Every column of the entity, booleans as 1/0 (what both drivers take).
    expect(statements[0].sql).toBe('INSERT INTO "raw_opinions" ("id", "text", "pendingAggregation") VALUES (?, ?, ?)');
    expect(statements[0].rows[0].pendingAggregation).toBe(1);
    statements[0].settle();
    await expect(written).resolves.toBeUndefined();
  });

  it('gathers what arrives while INSERTs are under way into one multi-row INSERT', async () => {
    const { dataSource, statements } = fakeDataSource();
    const writer = new OpinionWriter(dataSource, mysqlConfig(2)); // one INSERT in flight at a time
    const first = writer.write(row('a'));
    const rest = ['b', 'c', 'd'].map((text) => writer.write(row(text)));
    await tick();
    expect(statements).toHaveLength(1);
    statements[0].settle();
    await first;
    await tick();
    expect(statements.map((statement) => statement.rows.map((r) => r.text))).toEqual([['a'], ['b', 'c', 'd']]);
    expect(statements[1].sql).toMatch(/VALUES \(\?, \?, \?\), \(\?, \?, \?\), \(\?, \?, \?\)$/);
    statements[1].settle();
    await expect(Promise.all(rest)).resolves.toHaveLength(3);
  });

  it('answers a caller only when its own row is stored: one bad row fails alone', async () => {
    const { dataSource, statements } = fakeDataSource();
    const writer = new OpinionWriter(dataSource, mysqlConfig(2));
    const first = writer.write(row('a'));
    const good = writer.write(row('good'));
    const bad = writer.write(row('bad'));
    await tick();
    statements[0].settle();
    await first;
    await tick();
    statements[1].settle(new Error('duplicate entry')); // the batch [good, bad] fails …
    await tick();
    await tick();
    // … so each row is tried on its own.
    const retries = statements.slice(2);
    expect(retries.map((statement) => statement.rows.map((r) => r.text))).toEqual([['good'], ['bad']]);
    retries[0].settle();
    retries[1].settle(new Error('duplicate entry'));
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow('duplicate entry');
  });

  it('never puts more than 200 rows in one INSERT', async () => {
    const { dataSource, statements } = fakeDataSource();
    const writer = new OpinionWriter(dataSource, mysqlConfig(2));
    const writes = Array.from({ length: 451 }, (_, index) => writer.write(row(String(index))));
    await tick();
    for (let settled = 0; settled < 4; settled += 1) {
      statements[settled].settle();
      await tick();
      await tick();
    }
    expect(statements.map((statement) => statement.rows.length)).toEqual([1, 200, 200, 50]);
    await expect(Promise.all(writes)).resolves.toHaveLength(451);
  });
});
