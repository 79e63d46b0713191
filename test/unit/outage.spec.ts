import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from '../../src/common/app-error';
import { RedisTimeoutError } from '../../src/core/redis-fallback';
import { outageAnswer, outageOf } from '../../src/database/outage';
import { timedPool } from '../../src/database/timed-mysql';

const coded = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`failed: ${code}`), { code, ...extra });

describe('outageOf: outages recognised in one place', () => {
  it.each([
    ['a refused connection', coded('ECONNREFUSED', { fatal: true })],
    ['a lost connection under a query', new QueryFailedError('SELECT 1', [], coded('PROTOCOL_CONNECTION_LOST'))],
    ['a query that got no answer in time', new QueryFailedError('SELECT 1', [], coded('PROTOCOL_SEQUENCE_TIMEOUT'))],
    ['a connect timeout', coded('ETIMEDOUT')],
    ['"server has gone away" by its errno', new QueryFailedError('SELECT 1', [], Object.assign(new Error('MySQL server has gone away'), { errno: 2006 }))],
    ['no connection from the pool in time', coded('POOL_ACQUIRE_TIMEOUT')],
    ['a busy SQLite', new QueryFailedError('INSERT', [], coded('SQLITE_BUSY'))],
    ['a closed connection', new QueryFailedError('SELECT 1', [], new Error("Can't add new command when connection is in closed state"))],
  ])('%s is the database', (_, error) => {
    expect(outageOf(error)).toMatchObject({ component: 'database', outcomeUnknown: false });
  });

  it.each([
    ['ioredis giving up', Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })],
    ['a closed Redis connection', new Error('Connection is closed.')],
    ['a command timeout', new Error('Command timed out')],
    ['a Redis call not answered in time', new RedisTimeoutError(250)],
  ])('%s is redis', (_, error) => {
    expect(outageOf(error)).toMatchObject({ component: 'redis', outcomeUnknown: false });
  });

  it.each([
    ['a duplicate key', new QueryFailedError('INSERT', [], coded('ER_DUP_ENTRY'))],
    ['a refusal', new AppError(ErrorCode.NotFound, 404, 'x')],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('%s is no outage', (_, error) => {
    expect(outageOf(error)).toBeNull();
  });

  it('reads the mark of a commit whose outcome is unknown', () => {
    expect(outageOf(new QueryFailedError('COMMIT', [], coded('PROTOCOL_SEQUENCE_TIMEOUT', { outcomeUnknown: true })))).toMatchObject({ outcomeUnknown: true });
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After ("not saved"), or 504 OUTCOME_UNKNOWN', () => {
    const down = outageAnswer({ component: 'database', code: 'ECONNREFUSED', outcomeUnknown: false });
    expect({ status: down.status, code: down.code, retryAfter: Number(down.headers?.['retry-after']) > 0 }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: true });
    expect(down.message).toContain('没有保存');
    const unknown = outageAnswer({ component: 'database', code: 'PROTOCOL_SEQUENCE_TIMEOUT', outcomeUnknown: true });
    expect({ status: unknown.status, code: unknown.code }).toEqual({ status: 504, code: 'OUTCOME_UNKNOWN' });
    expect(unknown.message).not.toContain('没有保存');
  });
});

/** A mysql2 pool and connection whose answers the test gives by hand (or never). */
function fakePool() {
  const sent: Array<{ sql: string; answer: (error?: Error) => void }> = [];
  const connection = {
    destroyed: false,
    released: 0,
    query(sql: unknown, _values: unknown, callback: (error: Error | null) => void) {
      sent.push({ sql: String(sql), answer: (error) => callback(error ?? null) });
    },
    destroy() {
      this.destroyed = true;
    },
    release() {
      this.released += 1;
    },
  };
  const waiting: Array<(error: Error | null, c?: typeof connection) => void> = [];
  const pool = { getConnection: (callback: (error: Error | null, c?: typeof connection) => void) => void waiting.push(callback) };
  return { pool, connection, sent, waiting };
}

describe('timedPool: every wait bounded', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const acquire = (pool: { getConnection: (cb: (error: Error | null, c?: unknown) => void) => void }) =>
    new Promise<{ error: Error | null; connection?: unknown }>((resolve) => pool.getConnection((error, connection) => resolve({ error, connection })));
  const query = (connection: unknown, sql: string) =>
    new Promise<(Error & { code?: string; outcomeUnknown?: boolean }) | null>((resolve) => (connection as { query: (s: string, v: unknown, cb: (e: Error | null) => void) => void }).query(sql, [], resolve));

  it('gives up waiting for a connection after the timeout, and releases one that comes later', async () => {
    const fake = fakePool();
    const pool = timedPool(fake.pool, { queryTimeoutMs: 1000, acquireTimeoutMs: 1000 });
    const waited = acquire(pool);
    jest.advanceTimersByTime(1000);
    expect((await waited).error).toMatchObject({ code: 'POOL_ACQUIRE_TIMEOUT' });
    fake.waiting[0](null, fake.connection);
    expect(fake.connection.released).toBe(1);
  });

  it('fails a statement not answered in time and destroys its connection; a late answer is ignored', async () => {
    const fake = fakePool();
    const pool = timedPool(fake.pool, { queryTimeoutMs: 1000, acquireTimeoutMs: 1000 });
    const got = acquire(pool);
    fake.waiting[0](null, fake.connection);
    const { connection } = await got;
    const answered = query(connection, 'SELECT 1');
    jest.advanceTimersByTime(1000);
    expect(await answered).toMatchObject({ code: 'PROTOCOL_SEQUENCE_TIMEOUT' });
    expect((await answered)?.outcomeUnknown).toBeUndefined();
    expect(fake.connection.destroyed).toBe(true);
    expect(() => fake.sent[0].answer()).not.toThrow();
  });

  it('times each statement from its own start', async () => {
    const fake = fakePool();
    const pool = timedPool(fake.pool, { queryTimeoutMs: 1000, acquireTimeoutMs: 1000 });
    const got = acquire(pool);
    fake.waiting[0](null, fake.connection);
    const { connection } = await got;
    const first = query(connection, 'SELECT 1');
    jest.advanceTimersByTime(500);
    const second = query(connection, 'SELECT 2');
    fake.sent[0].answer();
    expect(await first).toBeNull();
    let expired = false;
    void second.then(() => (expired = true));
    // Due at 1500 ms: nothing happens at the first statement's 1000 ms …
    jest.advanceTimersByTime(500);
    await Promise.resolve();
    expect({ expired, destroyed: fake.connection.destroyed }).toEqual({ expired: false, destroyed: false });
    // … and it fails at its own.
    jest.advanceTimersByTime(500);
    expect(await second).toMatchObject({ code: 'PROTOCOL_SEQUENCE_TIMEOUT' });
    expect(fake.connection.destroyed).toBe(true);
  });

  it('marks the outcome unknown only for a COMMIT or a write outside a transaction', async () => {
    const outcomes: Record<string, boolean> = {};
    for (const [name, statements] of Object.entries({
      'lone INSERT': ['INSERT INTO t VALUES (1)'],
      'INSERT in a transaction': ['START TRANSACTION', 'INSERT INTO t VALUES (1)'],
      COMMIT: ['START TRANSACTION', 'INSERT INTO t VALUES (1)', 'COMMIT'],
      SELECT: ['SELECT 1'],
    })) {
      const fake = fakePool();
      const pool = timedPool(fake.pool, { queryTimeoutMs: 1000, acquireTimeoutMs: 1000 });
      const got = acquire(pool);
      fake.waiting[0](null, fake.connection);
      const { connection } = await got;
      for (const sql of statements.slice(0, -1)) {
        const answered = query(connection, sql);
        fake.sent.at(-1)!.answer();
        await answered;
      }
      const last = query(connection, statements.at(-1)!);
      jest.advanceTimersByTime(1000);
      outcomes[name] = (await last)?.outcomeUnknown === true;
    }
    expect(outcomes).toEqual({ 'lone INSERT': true, 'INSERT in a transaction': false, COMMIT: true, SELECT: false });
  });

  it('leaves schema statements (migrations) untimed', async () => {
    const fake = fakePool();
    const pool = timedPool(fake.pool, { queryTimeoutMs: 1000, acquireTimeoutMs: 1000 });
    const got = acquire(pool);
    fake.waiting[0](null, fake.connection);
    const { connection } = await got;
    let settled = false;
    void query(connection, 'ALTER TABLE t ADD COLUMN c INT').then(() => (settled = true));
    jest.advanceTimersByTime(60_000);
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(fake.connection.destroyed).toBe(false);
  });
});
