import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';

/**
 * One multi-row INSERT, written out rather than built by TypeORM's query builder: on the hottest
 * routes (box submissions, survey answers) the builder's per-row work cost more CPU than the
 * statement. The column list comes from the entity's metadata, so a new column cannot be left out.
 */
export async function insertRows<T extends ObjectLiteral>(runner: DataSource | EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const dataSource = 'connection' in runner ? runner.connection : runner;
  const { sql, parameters } = insertStatement(dataSource, entity, rows);
  await runner.query(sql, parameters);
}

/** Rows for one table, for `insertAllOrNothing`. */
export interface RowsFor<T extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<T>;
  rows: T[];
}

/** Just enough of better-sqlite3's connection. */
interface SqliteConnection {
  prepare(sql: string): { run(parameters: unknown[]): unknown };
  transaction(run: () => void): () => void;
}

/**
 * Multi-row INSERTs into several tables in one transaction. On SQLite the statements run
 * synchronously inside better-sqlite3's own transaction: the app shares one connection there, and
 * a TypeORM transaction awaiting between its statements would let another request's BEGIN (or
 * INSERT) land inside it. Errors come out as TypeORM's QueryFailedError on both databases, so
 * `isUniqueViolation` reads them alike.
 */
export async function insertAllOrNothing(dataSource: DataSource, inserts: RowsFor[]): Promise<void> {
  const statements = inserts.filter((insert) => insert.rows.length > 0).map((insert) => insertStatement(dataSource, insert.entity, insert.rows));
  if (dataSource.options.type === 'better-sqlite3') {
    const connection = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
    let current = statements[0];
    try {
      connection.transaction(() => {
        for (current of statements) connection.prepare(current.sql).run(current.parameters);
      })();
    } catch (error) {
      throw new QueryFailedError(current?.sql ?? '', current?.parameters, error as Error);
    }
    return;
  }
  await dataSource.transaction(async (manager) => {
    for (const { sql, parameters } of statements) await manager.query(sql, parameters);
  });
}

function insertStatement<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, rows: T[]): { sql: string; parameters: unknown[] } {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns as Array<{ propertyName: string; type?: unknown }>;
  const escape = (name: string) => dataSource.driver.escape(name);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const parameters = rows.flatMap((row) => columns.map((column) => toParameter(row[column.propertyName], column.type)));
  return {
    sql: `INSERT INTO ${escape(metadata.tableName)} (${columns.map((column) => escape(column.propertyName)).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`,
    parameters,
  };
}

/** Booleans as 1/0 (neither SQLite's driver nor MySQL's tinyint take true/false), simple-json as text. */
function toParameter(value: unknown, type: unknown): unknown {
  if (typeof value === 'boolean') return Number(value);
  if (type === 'simple-json') return value === null || value === undefined ? null : JSON.stringify(value);
  return value;
}
