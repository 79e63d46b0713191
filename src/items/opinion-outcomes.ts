import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ItemClaim } from './item-claim.entity';
import { OpinionItem } from './opinion-item.entity';
import { OpinionItemRepository } from './opinion-item.repository';

/**
 * What became of an opinion in the list, as its writer may see it: not yet in the published
 * list → listed → claimed (a team member took it up) → answered, with the lead's answer.
 */
export type OpinionOutcome =
  | { status: 'received' }
  | { status: 'listed'; summary: string }
  | { status: 'claimed'; summary: string }
  | { status: 'answered'; summary: string; answer: string };

/** Merges followed at most, in case a chain of merges ever loops. */
const MAX_MERGE_HOPS = 10;

/** "Where did this opinion end up, and who answered": the opinion list's answer to a receipt (回执码). */
@Injectable()
export class OpinionOutcomes {
  constructor(
    private readonly items: OpinionItemRepository,
    @InjectRepository(ItemClaim) private readonly claims: Repository<ItemClaim>,
  ) {}

  /** The outcome for an opinion placed in `itemId` (null: not placed yet). */
  async outcomeOf(itemId: string | null): Promise<OpinionOutcome> {
    const item = await this.publishedItem(itemId);
    if (!item) return { status: 'received' };
    const lead = await this.claims.findOne({ where: { itemId: item.id, kind: 'lead' } });
    // The item as published: after a merge it may speak of more than this one opinion.
    const summary = item.summary;
    if (!lead) return { status: 'listed', summary };
    if (!lead.answeredAt || !lead.reflection || !lead.measures) return { status: 'claimed', summary };
    const due = lead.dueDate ? `\n整改时限：${lead.dueDate}` : '';
    return { status: 'answered', summary, answer: `问题认识：${lead.reflection}\n整改措施：${lead.measures}${due}` };
  }

  /** The published item the opinion ended up in (following merges), or null while it is not in the published list. */
  private async publishedItem(itemId: string | null): Promise<OpinionItem | null> {
    let item = itemId ? await this.items.findById(itemId) : null;
    for (let hops = 0; item?.status === 'merged' && item.mergedIntoId && hops < MAX_MERGE_HOPS; hops++) item = await this.items.findById(item.mergedIntoId);
    return item?.status === 'published' ? item : null;
  }
}
