import { Rectification } from './rectification.entity';
import { RectificationEvent } from './rectification-event.entity';
import { RectificationMeasure } from './rectification-measure.entity';
import { CarriedFromView, RectificationView } from './rectification.views';
import { EvidenceFileType } from './evidence-files';

/** A list number a writer puts before a measure: `1.`, `1、`, `（1）`, `一、`, `第一，`. */
const NUMBERING = /^(?:\d+\s*[.、．)）]|[（(]\s*\d+\s*[)）]|第?[一二三四五六七八九十]+\s*[、.．，,]|[-*•·])\s*/;

/** The answer's 整改措施 as measures: one per non-empty line, list numbers dropped; one measure when it is one line. */
export function splitMeasures(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim().replace(NUMBERING, '').trim()).filter((line) => line.length > 0);
  return lines.length ? lines : [text.trim() || '（未填写整改措施）'];
}

/** What the ledger knows of an entry beyond its own rows: where it came from and whether it went on. */
export interface EntryLinks {
  carriedFrom: CarriedFromView | null;
  carriedOn: boolean;
}

/** The status as read today: an open entry past its due date is `overdue` (never stored). */
export function statusToday(entry: Pick<Rectification, 'status' | 'dueDate'>, today: string): RectificationView['status'] {
  return entry.status === 'open' && entry.dueDate < today ? 'overdue' : entry.status;
}

/** The entry as the API shows it. */
export function rectificationView(entry: Rectification, measures: RectificationMeasure[], events: RectificationEvent[], today: string, links: EntryLinks): RectificationView {
  return {
    id: entry.id,
    meetingId: entry.meetingId,
    problem: entry.problem,
    measures: measures.map(({ id, text }) => ({ id, text })),
    ownerUserId: entry.ownerUserId,
    dueDate: entry.dueDate,
    status: statusToday(entry, today),
    itemId: entry.itemId,
    carriedFrom: links.carriedFrom,
    carriedOn: links.carriedOn,
    history: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      note: event.note,
      evidence: event.evidence,
      evidenceFile: event.evidenceFileKey && event.evidenceFileType ? { name: event.evidenceFileName ?? `整改佐证材料.${event.evidenceFileType}`, type: event.evidenceFileType as EvidenceFileType } : null,
      actorUserId: event.actorUserId,
      at: event.at.toISOString(),
    })),
  };
}
