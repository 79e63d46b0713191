import { QueryFailedError } from 'typeorm';

/** A duplicate key, on MySQL/MariaDB or SQLite: the loser of a race on a unique index. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}
