import { Injectable } from '@nestjs/common';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { OpinionOutcomes } from '../items/opinion-outcomes';
import { OpinionPlacements } from '../opinions/opinion-placements';
import { normaliseReceiptCode } from '../opinions/receipt-code';
import { heldNotice, ReleaseTimes } from '../opinions/release-times';

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
}

/**
 * 回执码 look-ups: the writer's only window on what became of their opinion. The pool says
 * whether the code names an opinion and whether it is still held; the opinion list says where
 * it ended up and who answered.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly placements: OpinionPlacements,
    private readonly outcomes: OpinionOutcomes,
    private readonly keys: AnonymityKeys,
    private readonly clock: Clock,
    private readonly releaseTimes: ReleaseTimes,
  ) {}

  async lookUp(code: string): Promise<ReceiptView> {
    const normalised = normaliseReceiptCode(code);
    const opinion = normalised ? await this.placements.byReceiptHash(this.keys.receiptHash(normalised)) : null;
    if (!opinion) throw AppError.notFound('回执码');
    if (opinion.held) return { status: 'received', held: heldNotice(this.releaseTimes, this.clock.now()) };
    return this.outcomes.outcomeOf(opinion.itemId);
  }
}
