import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';
import { timedMysqlDriver } from './timed-mysql';

/**
 * The one function that builds TypeORM's options, for the app, the worker and the CLI alike.
 * The schema always comes from migrations: `synchronize` stays off everywhere, tests included.
 */
export function buildDataSourceOptions(config: AppConfig): DataSourceOptions {
  const { database } = config;
  if (database.kind === 'sqlite') {
    mkdirSync(dirname(database.sqlitePath), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: database.sqlitePath,
      entities: ENTITIES,
      migrations: SQLITE_MIGRATIONS,
      migrationsTransactionMode: 'each',
      migrationsRun: config.database.migrateOnStart,
      synchronize: false,
      // WAL lets readers go on while a write is under way; a busy timeout instead of SQLITE_BUSY.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    type: database.kind,
    host: database.mysql.host,
    port: database.mysql.port,
    username: database.mysql.user,
    password: database.mysql.password,
    database: database.mysql.database,
    // utf8mb4: a latin1 default would reject Chinese text.
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: ENTITIES,
    migrations: MYSQL_MIGRATIONS,
    migrationsTransactionMode: 'each',
    migrationsRun: config.database.migrateOnStart,
    synchronize: false,
    // Every statement and every wait for a connection bounded in time (see timed-mysql.ts): a
    // frozen or unreachable database answers 503 within seconds instead of holding the request.
    driver: timedMysqlDriver({ queryTimeoutMs: database.queryTimeoutMs, acquireTimeoutMs: database.queryTimeoutMs }),
    connectTimeout: database.connectTimeoutMs,
    // trace off: mysql2 would capture a stack trace for every query, a tenth of a survey answer's CPU.
    extra: { connectionLimit: database.poolSize, trace: false },
  };
}
