import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError } from '../common/app-error';
import { normaliseReceiptCode } from './receipt-code';
import { RawOpinion } from './raw-opinion.entity';

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
}

/** 回执码 look-ups: the writer's only window on what became of their opinion. */
@Injectable()
export class ReceiptsService {
  constructor(
    @InjectRepository(RawOpinion) private readonly opinions: Repository<RawOpinion>,
    private readonly keys: AnonymityKeys,
  ) {}

  async lookUp(code: string): Promise<ReceiptView> {
    const normalised = normaliseReceiptCode(code);
    const opinion = normalised ? await this.opinions.findOne({ where: { receiptHash: this.keys.receiptHash(normalised) } }) : null;
    if (!opinion) throw AppError.notFound('回执码');
    // The opinion list (issue 6) moves an opinion on to listed, claimed and answered.
    return { status: 'received' };
  }
}
