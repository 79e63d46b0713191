import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RepeatOfView } from './item.views';

/** Ids per statement: well under every driver's limit on bound parameters. */
const CHUNK = 500;

/**
 * The earlier items that items repeat (repeatOfItemId), as the item views show them: their
 * meeting and its year, their words, and whether their rectification entry was closed (已销号)
 * — "closed last year, yet raised again". One read for a whole list.
 *
 * `rectifications` is read here by its table name, read-only, rather than through its entity or
 * service: src/rectifications builds on src/items (entries come from items and claims), so the
 * items feature importing it would tie the two folders into a loop (see test/unit/seams.spec.ts).
 */
@Injectable()
export class RepeatOrigins {
  constructor(private readonly dataSource: DataSource) {}

  /** By earlier item id; ids of items that no longer exist are left out. */
  async of(itemIds: readonly string[]): Promise<Map<string, RepeatOfView>> {
    const origins = new Map<string, RepeatOfView>();
    const ids = [...new Set(itemIds)];
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const rows: Array<{ itemId: string; meetingId: string; summary: string; year: number | string; closed: number | string }> = await this.dataSource.query(
        `SELECT i.id AS itemId, i.meetingId AS meetingId, i.summary AS summary, m.year AS year,
           CASE WHEN EXISTS (SELECT 1 FROM rectifications r WHERE r.organizationId = i.organizationId AND r.itemId = i.id AND r.status = 'closed') THEN 1 ELSE 0 END AS closed
         FROM opinion_items i JOIN meetings m ON m.id = i.meetingId
         WHERE i.id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const row of rows) origins.set(row.itemId, { meetingId: row.meetingId, itemId: row.itemId, year: Number(row.year), summary: row.summary, closed: Number(row.closed) === 1 });
    }
    return origins;
  }
}
