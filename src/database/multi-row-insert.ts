import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * One multi-row INSERT, written out rather than built by TypeORM's query builder: on the hottest
 * routes (box submissions, survey answers) the builder's per-row work cost more CPU than the
 * statement. The column list comes from the entity's metadata, so a new column cannot be left out.
 */
export async function insertRows<T extends ObjectLiteral>(runner: DataSource | EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const dataSource = 'connection' in runner ? runner.connection : runner;
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns as Array<{ propertyName: string; type?: unknown }>;
  const escape = (name: string) => dataSource.driver.escape(name);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const parameters = rows.flatMap((row) => columns.map((column) => toParameter(row[column.propertyName], column.type)));
  await runner.query(`INSERT INTO ${escape(metadata.tableName)} (${columns.map((column) => escape(column.propertyName)).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`, parameters);
}

/** Booleans as 1/0 (neither SQLite's driver nor MySQL's tinyint take true/false), simple-json as text. */
function toParameter(value: unknown, type: unknown): unknown {
  if (typeof value === 'boolean') return Number(value);
  if (type === 'simple-json') return value === null || value === undefined ? null : JSON.stringify(value);
  return value;
}
