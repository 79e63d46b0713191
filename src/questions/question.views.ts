/** A reply as the organiser (and whoever reads the item's sources) sees it: once released, with the day of that release only. */
export class ReleasedReplyView {
  /** The writer's words. */
  text: string;
  /** The day a fixed release (统一整理) passed it on, `YYYY-MM-DD`: never when it was written. */
  releasedOn: string;
}

/** 追问: a question an organiser asked on an anonymous source, with the writer's reply once released. */
export class QuestionView {
  id: string;
  text: string;
  /** The day it was asked, `YYYY-MM-DD`. */
  askedOn: string;
  /** The writer's reply once a release has passed it on; null before (also while it is held). */
  reply: ReleasedReplyView | null;
}

/** The writer's own reply, as their receipt shows it: at once, and whether it has been passed on yet. */
export class OwnReplyView {
  /** The words as sent. */
  text: string;
  /** The day a release passed it on to the organiser, `YYYY-MM-DD`; null while held until the next one. */
  releasedOn: string | null;
}

/** A question on the writer's opinion, as their receipt (回执码) shows it. */
export class ReceiptQuestionView {
  id: string;
  text: string;
  /** The day it was asked, `YYYY-MM-DD`. */
  askedOn: string;
  /** The writer's reply, once sent (seen by them at once; by the organiser after the next release). */
  reply?: OwnReplyView;
}

/** A reply just sent: the question with it, and when it will reach the organiser. */
export class SentReplyView extends ReceiptQuestionView {
  /** "已收到您的答复，将在下次统一整理时（12月8日 07:00）转给组织者". */
  notice: string;
}
