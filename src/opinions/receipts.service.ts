import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { ItemClaim } from '../items/item-claim.entity';
import { OpinionItem } from '../items/opinion-item.entity';
import { RawOpinion } from './raw-opinion.entity';
import { normaliseReceiptCode } from './receipt-code';
import { heldNotice, ReleaseTimes } from './release-times';

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

/** 回执码 look-ups: the writer's only window on what became of their opinion. */
@Injectable()
export class ReceiptsService {
  constructor(
    @InjectRepository(RawOpinion) private readonly opinions: Repository<RawOpinion>,
    private readonly keys: AnonymityKeys,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly releaseTimes: ReleaseTimes,
  ) {}

  async lookUp(code: string): Promise<ReceiptView> {
    const normalised = normaliseReceiptCode(code);
    const opinion = normalised ? await this.opinions.findOne({ where: { receiptHash: this.keys.receiptHash(normalised) } }) : null;
    if (!opinion) throw AppError.notFound('回执码');
    if (opinion.held) return { status: 'received', held: heldNotice(this.releaseTimes, this.clock.now()) };
    const item = await this.listedItem(opinion.itemId);
    if (!item) return { status: 'received' };
    const lead = await this.dataSource.getRepository(ItemClaim).findOne({ where: { itemId: item.id, kind: 'lead' } });
    if (!lead) return { status: 'listed' };
    if (!lead.answeredAt || !lead.reflection || !lead.measures) return { status: 'claimed' };
    const due = lead.dueDate ? `\n整改时限：${lead.dueDate}` : '';
    return { status: 'answered', answer: `问题认识：${lead.reflection}\n整改措施：${lead.measures}${due}` };
  }

  /** The published item the opinion ended up in (following merges), or null while it is not in the published list. */
  private async listedItem(itemId: string | null): Promise<OpinionItem | null> {
    const items = this.dataSource.getRepository(OpinionItem);
    let item = itemId ? await items.findOne({ where: { id: itemId } }) : null;
    for (let hops = 0; item?.status === 'merged' && item.mergedIntoId && hops < 10; hops++) item = await items.findOne({ where: { id: item.mergedIntoId } });
    return item?.status === 'published' ? item : null;
  }
}
