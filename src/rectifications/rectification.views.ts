import { RectificationEventKind } from './rectification-event.entity';
import { EvidenceFileType } from './evidence-files';

export class RectificationMeasureView {
  id: string;
  text: string;
}

/** A file shown as evidence with a report (整改佐证材料). */
export class EvidenceFileView {
  name: string;
  type: EvidenceFileType;
}

/** One dated step of an entry's history, by a named person. */
export class RectificationEventView {
  id: string;
  kind: RectificationEventKind;
  note: string | null;
  /** What the owner showed with a report, as text. */
  evidence: string | null;
  /** The file shown with a report: `GET /api/v1/rectifications/:id/evidence/:eventId`. */
  evidenceFile: EvidenceFileView | null;
  actorUserId: string;
  /** When, to the second (ISO 8601). */
  at: string;
}

/** Where a carried entry came from (上一年度未完成的整改). */
export class CarriedFromView {
  entryId: string;
  meetingId: string;
  meetingTitle: string;
  year: number;
}

/** An entry of the 整改台账 as organisers, the 督导组 and the team read it. */
export class RectificationView {
  id: string;
  meetingId: string;
  problem: string;
  measures: RectificationMeasureView[];
  /** 责任主体. */
  ownerUserId: string;
  /** 完成时限, `YYYY-MM-DD`. */
  dueDate: string;
  /** `overdue`: not closed nor reported, and the due date has passed (read from the clock, not stored). */
  status: 'open' | 'reported' | 'closed' | 'overdue';
  /** The item it came from, or null for a problem typed by the organiser. */
  itemId: string | null;
  /** The earlier meeting's entry it continues, or null. Its history comes with it. */
  carriedFrom: CarriedFromView | null;
  /** Carried on into a later meeting's ledger: steps are taken there now. */
  carriedOn: boolean;
  history: RectificationEventView[];
}

/** An entry on its owner's list (我的整改), with the meeting it belongs to. */
export class OwnRectificationView extends RectificationView {
  meetingTitle: string;
}

/** What turning the answered claims into entries did. */
export class FromClaimsView {
  /** How many entries were created now (0 on a second run). */
  created: number;
}

/** One entry of the previous meeting still unfinished, and why. */
export class RemainingEntryView {
  /** The entry in the previous meeting's ledger. */
  entryId: string;
  problem: string;
  ownerUserId: string;
  ownerName: string;
  dueDate: string;
  status: 'open' | 'reported' | 'overdue';
  /** Why it is not done: the reason it was returned, the last report, or what is missing. */
  reason: string;
}

/** 上一年度整改落实情况: the previous meeting's ledger as the new meeting's report opens with it. */
export class CarryOverView {
  previousMeeting: { id: string; title: string; year: number } | null;
  /** Entries in the previous meeting's ledger. */
  total: number;
  /** Of those, closed (销号), there or after being carried into this meeting. */
  closed: number;
  remaining: RemainingEntryView[];
  /** The paragraph for the report (and the 筹备情况报告 docx); empty without a previous meeting. */
  paragraph: string;
}
