import * as mysql2 from 'mysql2';
import { OUTCOME_UNKNOWN } from './outage';

/**
 * mysql2 as TypeORM's MySQL/MariaDB driver, with every request bounded in time: a frozen or
 * unreachable server answers an error within seconds instead of holding the request for as long
 * as it is frozen. (TypeORM's `maxQueryExecutionTime` only logs; mysql2's own per-query `timeout`
 * leaves the connection in the pool with the unanswered statement still on it.)
 *
 * - A connection from the pool within `acquireTimeoutMs` (connecting included: mysql2's
 *   `connectTimeout` bounds the handshake), else POOL_ACQUIRE_TIMEOUT.
 * - Each statement answered within `queryTimeoutMs`, else PROTOCOL_SEQUENCE_TIMEOUT; the
 *   connection is then destroyed, never reused, so a statement the server had not yet run can
 *   never run later as part of someone else's work, and an open transaction can never commit.
 *   Schema statements (migrations) are not timed.
 *
 * A statement that fails because the connection went or the answer did not come is marked
 * `outcomeUnknown` when it may nonetheless have been committed: a COMMIT, or a write outside a
 * transaction (see outage.ts). A failure of any other statement means nothing was stored.
 */
export interface MysqlTimeouts {
  queryTimeoutMs: number;
  acquireTimeoutMs: number;
}

type DriverError = Error & { code?: unknown; fatal?: unknown; [OUTCOME_UNKNOWN]?: boolean };
type Callback = (error: DriverError | null, ...rest: unknown[]) => void;

interface Connection {
  query(sql: unknown, values?: unknown, callback?: unknown): unknown;
  destroy(): void;
  release(): void;
  [WATCHED]?: { inTransaction: boolean };
}

interface Pool {
  getConnection(callback: (error: Error | null, connection?: Connection) => void): void;
}

const WATCHED = Symbol('tanxin:timed');

/** The mysql2 module with its pools timed; everything else as mysql2 has it. */
export function timedMysqlDriver(timeouts: MysqlTimeouts): typeof mysql2 {
  // Defined, not assigned: the module object's members may be getters (ES module interop).
  return Object.create(mysql2, {
    createPool: { value: (config: mysql2.PoolOptions) => timedPool(mysql2.createPool(config) as unknown as Pool, timeouts), enumerable: true },
  }) as typeof mysql2;
}

/** `pool` with its connections timed (exported for its unit test). */
export function timedPool<P extends Pool>(pool: P, timeouts: MysqlTimeouts): P {
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      callback(Object.assign(new Error(`no database connection within ${timeouts.acquireTimeoutMs} ms`), { code: 'POOL_ACQUIRE_TIMEOUT' }));
    }, timeouts.acquireTimeoutMs).unref();
    getConnection((error, connection) => {
      if (settled) {
        // Too late: the caller has been answered; the connection goes back unused.
        connection?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (error || !connection) callback(error ?? new Error('no connection'));
      else callback(null, watch(connection, timeouts.queryTimeoutMs));
    });
  };
  return pool;
}

const SCHEMA = /^\s*(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/i;
const BEGIN = /^\s*(START\s+TRANSACTION|BEGIN)\b/i;
const COMMIT = /^\s*COMMIT\b/i;
const ROLLBACK = /^\s*ROLLBACK\s*(;|$)/i;
const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE|CALL)\b/i;

/** Errors of a statement that was sent and then got no answer (as against refused or never sent). */
const NO_ANSWER = new Set(['PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED']);

function watch(connection: Connection, queryTimeoutMs: number): Connection {
  if (connection[WATCHED]) return connection;
  const state = { inTransaction: false };
  connection[WATCHED] = state;
  const query = connection.query.bind(connection);
  connection.query = (sql: unknown, values?: unknown, callback?: unknown) => {
    if (typeof values === 'function') [values, callback] = [undefined, values];
    const text = typeof sql === 'string' ? sql : String((sql as { sql?: unknown } | null)?.sql ?? '');
    const done = callback as Callback | undefined;
    if (SCHEMA.test(text) || typeof done !== 'function') return query(sql, values, callback);
    // Whether this statement, once sent, could commit something by itself.
    const commits = COMMIT.test(text) || (WRITE.test(text) && !state.inTransaction);
    if (BEGIN.test(text)) state.inTransaction = true;
    else if (COMMIT.test(text) || ROLLBACK.test(text)) state.inTransaction = false;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const answer: Callback = (error, ...rest) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (error && commits && NO_ANSWER.has(String(error.code))) error[OUTCOME_UNKNOWN] = true;
      if (error?.fatal || error?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') state.inTransaction = false;
      done(error, ...rest);
    };
    // mysql2 answers at once (synchronously) on a connection already closed: then no timer.
    const command = query(sql, values, answer);
    if (!settled) {
      timer = setTimeout(() => {
        // Never reused: the statement may still be waiting on the server, or in its socket.
        connection.destroy();
        answer(Object.assign(new Error(`no answer from the database within ${queryTimeoutMs} ms`), { code: 'PROTOCOL_SEQUENCE_TIMEOUT', fatal: true }));
      }, queryTimeoutMs).unref();
    }
    return command;
  };
  return connection;
}
