import { ReceiptQuestionView } from '../questions/question.views';

/** What was done about the point an opinion went into: the 整改 as the writer may see it. */
export class ReceiptRectificationView {
  /** 整改措施, in order. */
  measures: string[];
  /** 完成时限, `YYYY-MM-DD`. */
  dueDate: string;
  /** `overdue`: not reported nor closed out, and the due date has passed. */
  status: 'open' | 'reported' | 'closed' | 'overdue';
  /** The day it was closed out (销号), `YYYY-MM-DD`; null until then. */
  closedOn: string | null;
}

/**
 * How far an opinion has come, as its writer may see it:
 * received (in the pool) → listed (in the published opinion list) → claimed (a team member took
 * it up) → answered (with the claimant's answer).
 */
export class ReceiptView {
  status: 'received' | 'listed' | 'claimed' | 'answered';
  /** The claimant's answer (reflection and measures), once answered. */
  answer?: string;
  /** While the opinion is held for a release (统一整理): when that is, and why it waits. */
  held?: string;
  /** Once the point is in the 整改台账: its measures, deadline and whether it was done (销号). */
  rectification?: ReceiptRectificationView;
  /**
   * 追问: the organisers' questions on this opinion (this one only), once any was asked, each
   * with the writer's own reply as sent (`releasedOn` null until the next 统一整理 passes it on).
   */
  questions?: ReceiptQuestionView[];
}
