import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error';

/**
 * Outages, recognised in one place: an error that means the database or Redis could not be
 * reached or did not answer in time, rather than a refusal of the request or a bug.
 *
 * Such an error becomes 503 SERVICE_UNAVAILABLE with Retry-After, and the promise of that answer
 * is "nothing was stored": the phone may send again. That holds when the failing statement was a
 * read, never reached the server, or was inside a transaction whose COMMIT was never sent. When a
 * COMMIT (or a write outside any transaction) had been sent and then no answer came, the
 * database may have stored it: that is not a 503 but 504 OUTCOME_UNKNOWN, which says so.
 * (The MySQL connections are watched by `timed-mysql.ts`, which marks those errors.)
 */

export type OutageComponent = 'database' | 'redis';

export interface Outage {
  component: OutageComponent;
  /** What it was, for the logs: a driver code or an error name, never a message with host or text. */
  code: string;
  /** A COMMIT or lone write was sent and never answered: it may have been stored. */
  outcomeUnknown: boolean;
}

/** Seconds a client is asked to wait before trying again. */
export const OUTAGE_RETRY_AFTER_SECONDS = 10;

/** Set by the MySQL connection wrapper on an error whose statement may have been committed. */
export const OUTCOME_UNKNOWN = 'outcomeUnknown';

/** Codes of a database that cannot be reached, or stopped answering, or answered "busy": nothing done. */
const DATABASE_CODES = new Set([
  // Not reached at all.
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  // mysql2: the connection went, or a statement got no answer in time.
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  // The server's and the client library's "gone away" and "lost" (2006, 2013), a shutdown, a killed connection, too many connections.
  'ER_SERVER_GONE_ERROR',
  'ER_SERVER_LOST',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  // No connection from the pool in time (timed-mysql.ts).
  'POOL_ACQUIRE_TIMEOUT',
]);

/** Numbers of the same, for errors that carry only errno: 1040, 1053, 1927, 2006, 2013. */
const DATABASE_ERRNOS = new Set([1040, 1053, 1927, 2006, 2013]);

const DATABASE_MESSAGES = [/can't add new command when connection is in closed state/i, /^pool is closed/i, /server has gone away/i, /lost connection to (mysql|mariadb)? ?server/i];

/** ioredis's words for "Redis is not there" (it gives those errors no code). */
const REDIS_NAMES = new Set(['MaxRetriesPerRequestError', 'RedisTimeoutError']);
const REDIS_MESSAGES = [/^connection is closed\.?$/i, /^command timed out$/i, /stream isn't writeable/i, /^no answer from redis/i];

/** The outage `error` stands for, or null when it is anything else (a refusal, a bug, a constraint). */
export function outageOf(error: unknown): Outage | null {
  if (!error || typeof error !== 'object' || error instanceof AppError) return null;
  const driverError = error instanceof QueryFailedError ? ((error.driverError as object | undefined) ?? error) : error;
  const { code, errno, name, message } = driverError as { code?: unknown; errno?: unknown; name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof name === 'string' && REDIS_NAMES.has(name)) return { component: 'redis', code: name, outcomeUnknown: false };
  if (REDIS_MESSAGES.some((pattern) => pattern.test(text))) return { component: 'redis', code: typeof code === 'string' ? code : 'REDIS_UNAVAILABLE', outcomeUnknown: false };
  const codeText = typeof code === 'string' ? code : '';
  const known =
    DATABASE_CODES.has(codeText) ||
    codeText.startsWith('SQLITE_BUSY') ||
    (typeof errno === 'number' && DATABASE_ERRNOS.has(errno)) ||
    DATABASE_MESSAGES.some((pattern) => pattern.test(text));
  if (!known) return null;
  return {
    component: 'database',
    code: codeText || (typeof errno === 'number' ? `errno ${errno}` : 'DATABASE_UNAVAILABLE'),
    outcomeUnknown: (driverError as Record<string, unknown>)[OUTCOME_UNKNOWN] === true,
  };
}

/** The answer a client gets for an outage: 503 "not saved, try again", or 504 when it may have been saved. */
export function outageAnswer(outage: Outage): AppError {
  if (outage.outcomeUnknown) {
    return new AppError(
      ErrorCode.OutcomeUnknown,
      HttpStatus.GATEWAY_TIMEOUT,
      '数据库没有及时确认，无法确定刚才提交的内容是否已经保存。请稍后再试：带重复提交保护的表单再提交一次不会重复保存',
    );
  }
  return new AppError(
    ErrorCode.ServiceUnavailable,
    HttpStatus.SERVICE_UNAVAILABLE,
    '服务暂时不可用，刚才提交的意见或回答没有保存，请稍后再试',
    undefined,
    { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) },
  );
}

/** `error` as its outage answer, or undefined when it is no outage. */
export function asOutageAnswer(error: unknown): AppError | undefined {
  const outage = outageOf(error);
  return outage ? outageAnswer(outage) : undefined;
}

/** An outage answer (503 SERVICE_UNAVAILABLE or 504 OUTCOME_UNKNOWN): the form may be sent again as it was. */
export function isOutageAnswer(error: AppError): boolean {
  return error.code === ErrorCode.ServiceUnavailable || error.code === ErrorCode.OutcomeUnknown;
}
