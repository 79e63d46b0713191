import { randomUUID } from 'node:crypto';

/**
 * Random, not time-ordered: an id that sorted by arrival would tell the order in which anonymous
 * opinions came in, which is exactly what the day-only dates hide.
 */
export function newId(): string {
  return randomUUID();
}
