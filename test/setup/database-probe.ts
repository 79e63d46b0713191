import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { onMysql } from './test-env';

/**
 * Reading a whole database as rows, for the anonymity tests: what a request added or changed
 * anywhere, which columns a table has, whether a value holds a time of day.
 */

export type Row = Record<string, unknown>;
export type Snapshot = Map<string, Row[]>;
export type Changes = Map<string, { added: Row[]; removed: Row[] }>;

/**
 * On MySQL, a database of the test file's own (other files write to the shared one meanwhile,
 * which would show in a snapshot): the overrides to start the app on it, and how to drop it.
 * On SQLite every app has its own file already.
 */
export async function isolatedDatabase(prefix: string): Promise<{ overrides: Record<string, string>; drop(): Promise<void> }> {
  if (!onMysql) return { overrides: {}, drop: async () => undefined };
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const server = new URL(process.env.DATABASE_URL!);
  await withMysql(server, (connection) => connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    overrides: { DATABASE_URL: url.toString(), DB_MIGRATE_ON_START: 'true' },
    drop: () => withMysql(server, (connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``)),
  };
}

async function withMysql(url: URL, work: (connection: Awaited<ReturnType<typeof createConnection>>) => Promise<unknown>): Promise<void> {
  const connection = await createConnection({
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    await work(connection);
  } finally {
    await connection.end();
  }
}

export async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = onMysql
    ? await dataSource.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')
    : await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return rows.map((row) => row.name).sort();
}

/** A table's columns as the database has them: name, type, and anything that fills them in (default, auto-increment). */
export async function columnsOf(dataSource: DataSource, table: string): Promise<Array<{ name: string; type: string; extra: string }>> {
  if (onMysql) {
    const rows: Array<{ name: string; type: string; extra: string; defaultValue: string | null }> = await dataSource.query(
      'SELECT column_name AS name, column_type AS type, extra AS extra, column_default AS defaultValue FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
      [table],
    );
    return rows.map((row) => ({ name: row.name, type: row.type.toLowerCase(), extra: `${row.extra ?? ''} ${row.defaultValue ?? ''}`.toLowerCase() }));
  }
  const rows: Array<{ name: string; type: string; dflt_value: string | null }> = await dataSource.query('SELECT name, type, dflt_value FROM pragma_table_info(?)', [table]);
  return rows.map((row) => ({ name: row.name, type: row.type.toLowerCase(), extra: (row.dflt_value ?? '').toLowerCase() }));
}

/**
 * Problems with a table that must hold nothing identifying: a column not in the judged list (or
 * a listed one gone), a column that can hold a time of day, a column that fills itself in.
 */
export async function unjudgedColumns(dataSource: DataSource, table: string, judged: readonly string[]): Promise<string[]> {
  const columns = await columnsOf(dataSource, table);
  const names = columns.map((column) => column.name);
  return [
    ...names.filter((name) => !judged.includes(name)).map((name) => `new column on ${table}: ${name}: judge whether it can identify someone, then add it to the list`),
    ...judged.filter((name) => !names.includes(name)).map((name) => `column ${name} is listed but no longer on ${table}: update the list`),
    ...columns.filter((column) => /datetime|timestamp|^time/.test(column.type)).map((column) => `${table}.${column.name} is a ${column.type} column: it can hold a time finer than a day`),
    ...columns
      .filter((column) => /auto_increment|current_timestamp|now\(|on update/.test(column.extra))
      .map((column) => `${table}.${column.name} fills itself in (${column.extra.trim()}): it would tell the order or time of arrival`),
  ];
}

export async function snapshotDatabase(dataSource: DataSource): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const table of await tableNames(dataSource)) result.set(table, await dataSource.query(`SELECT * FROM ${dataSource.driver.escape(table)}`));
  return result;
}

/** Rows added (new or changed) and removed, per table that differs. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Changes {
  const changes: Changes = new Map();
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const added = without(after.get(table) ?? [], before.get(table) ?? []);
    const removed = without(before.get(table) ?? [], after.get(table) ?? []);
    if (added.length || removed.length || before.has(table) !== after.has(table)) changes.set(table, { added, removed });
  }
  return changes;
}

/** Rows of `rows` not matched one for one by an equal row of `others`. */
function without(rows: Row[], others: Row[]): Row[] {
  const remaining = new Map<string, number>();
  for (const row of others) remaining.set(rowKey(row), (remaining.get(rowKey(row)) ?? 0) + 1);
  return rows.filter((row) => {
    const key = rowKey(row);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
    return false;
  });
}

function rowKey(row: Row): string {
  return JSON.stringify(Object.keys(row).sort().map((column) => [column, asText(row[column])]));
}

export function asText(value: unknown): string {
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (Buffer.isBuffer(value)) return `${value.toString('hex')} ${value.toString('utf8')}`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

const EPOCH_SECONDS = [1e9, 1e10]; // 2001 to 2286
const EPOCH_MILLISECONDS = [1e12, 1e13];

/** A description of the time of day `value` holds, or null when it holds none. */
export function timeFinerThanADay(value: unknown): string | null {
  if (value instanceof Date) {
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
    return midnight ? null : `the date-time ${value.toISOString()}`;
  }
  const number = typeof value === 'number' || typeof value === 'bigint' ? Number(value) : typeof value === 'string' && /^\d{10,13}(\.\d+)?$/.test(value) ? Number(value) : null;
  if (number !== null) {
    const inRange = ([low, high]: number[]) => number >= low && number < high;
    if (inRange(EPOCH_SECONDS)) return `${value}, which looks like an epoch time in seconds`;
    if (inRange(EPOCH_MILLISECONDS)) return `${value}, which looks like an epoch time in milliseconds`;
    return null;
  }
  if (typeof value === 'string') {
    if (/\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(value)) return `the date-time string ${value}`;
    if (/(^|[^\d])\d{1,2}:\d{2}(:\d{2})?([^\d]|$)/.test(value)) return `the time of day in ${value.slice(0, 80)}`;
  }
  return null;
}
