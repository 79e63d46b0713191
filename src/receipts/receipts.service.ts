import { Injectable } from '@nestjs/common';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { OpinionOutcomes } from '../items/opinion-outcomes';
import { OpinionPlacements } from '../opinions/opinion-placements';
import { normaliseReceiptCode } from '../opinions/receipt-code';
import { heldNotice, ReleaseTimes } from '../opinions/release-times';
import { ReplyDto } from '../questions/dto/question.dto';
import { ReceiptQuestionView } from '../questions/question.views';
import { QuestionsService } from '../questions/questions.service';
import { RectificationOutcome, RectificationOutcomes } from '../rectifications/rectification-outcomes';

/**
 * How far an opinion has come, as its writer may see it:
 * received (in the pool) → listed (in the published opinion list) → claimed (a team member took
 * it up) → answered (with the claimant's answer).
 */
export type ReceiptStatus = 'received' | 'listed' | 'claimed' | 'answered';

export interface ReceiptView {
  status: ReceiptStatus;
  /** The claimant's answer (reflection and measures), once answered. */
  answer?: string;
  /** While the opinion is held for a release (统一整理): when that is, and why it waits. */
  held?: string;
  /** Once the point is in the 整改台账: its measures, deadline and whether it was done (销号). */
  rectification?: RectificationOutcome;
  /** 追问 on this opinion, once any was asked, with the writer's own reply (see QuestionsService.forReceipt). */
  questions?: ReceiptQuestionView[];
}

/** What the look-up page shows besides: the published item the opinion went into, in its words. */
export interface ReceiptPageView extends ReceiptView {
  /** The item's summary as published: after a merge, the wider point the answer is to. */
  itemSummary?: string;
}

/**
 * 回执码 look-ups: the writer's only window on what became of their opinion. The pool says
 * whether the code names an opinion and whether it is still held; the opinion list says where
 * it ended up and who answered; the ledger, what was done about it (did anything change?).
 */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly placements: OpinionPlacements,
    private readonly outcomes: OpinionOutcomes,
    private readonly keys: AnonymityKeys,
    private readonly clock: Clock,
    private readonly releaseTimes: ReleaseTimes,
    private readonly rectifications: RectificationOutcomes,
    private readonly questions: QuestionsService,
  ) {}

  /** The API's answer (its contract: status, answer, held, rectification, questions). */
  async lookUp(code: string): Promise<ReceiptView> {
    const { status, answer, held, rectification, questions } = await this.lookUpWithItem(code);
    return {
      status,
      ...(answer === undefined ? {} : { answer }),
      ...(held === undefined ? {} : { held }),
      ...(rectification === undefined ? {} : { rectification }),
      ...(questions === undefined ? {} : { questions }),
    };
  }

  /**
   * The writer answers a question on their own opinion: the code finds the opinion, the question
   * must be on it (404 otherwise, as for an unknown code). The reply is held until the next fixed
   * release; the writer is told when that is.
   */
  async reply(code: string, dto: ReplyDto): Promise<ReceiptQuestionView> {
    const opinion = await this.opinionOf(code);
    return this.questions.reply(opinion.id, dto);
  }

  /** When the next 统一整理 passes a reply written now on to the organiser, in words (e.g. "12月8日 07:00"). */
  nextRelease(): string {
    const { key } = this.releaseTimes.next(this.clock.now());
    const [, month, day] = key.slice(0, 10).split('-').map(Number);
    return `${month}月${day}日 ${key.slice(11)}`;
  }

  /** The page's answer: the API's, and which published item it speaks of. */
  async lookUpWithItem(code: string): Promise<ReceiptPageView> {
    const opinion = await this.opinionOf(code);
    if (opinion.held) return { status: 'received', held: heldNotice(this.releaseTimes, this.clock.now()) };
    // 追问 are this opinion's own: nobody else's code shows them (a held opinion has none).
    const asked = await this.questions.forReceipt(opinion.id);
    const questions = asked.length ? { questions: asked } : {};
    const outcome = await this.outcomes.outcomeOf(opinion.itemId);
    if (outcome.status === 'received') return { status: 'received', ...questions };
    // The item's, not the writer's: every writer of the point reads the same.
    const rectification = opinion.itemId ? await this.rectifications.forItem(opinion.itemId) : null;
    return {
      status: outcome.status,
      ...(outcome.status === 'answered' ? { answer: outcome.answer } : {}),
      ...(rectification ? { rectification } : {}),
      ...questions,
      itemSummary: outcome.summary,
    };
  }

  /** The opinion a code names; 404 for a code nobody was given. */
  private async opinionOf(code: string): Promise<{ id: string; held: boolean; itemId: string | null }> {
    const normalised = normaliseReceiptCode(code);
    const opinion = normalised ? await this.placements.byReceiptHash(this.keys.receiptHash(normalised)) : null;
    if (!opinion) throw AppError.notFound('回执码');
    return opinion;
  }
}

/** What a writer is told once their reply is stored: it waits for the next 统一整理, like an opinion. */
export function replySentNotice(nextRelease: string): string {
  return `已收到您的答复，将在下次统一整理时（${nextRelease}）转给组织者`;
}
