import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ItemToCompare, SimilarPair, similarItemPairs } from '../clustering/similar-items';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { isUniqueViolation } from '../database/unique-violation';
import { MeetingsService } from '../meetings/meetings.service';
import { OpinionPlacements } from '../opinions/opinion-placements';
import { ItemClaim } from './item-claim.entity';
import { ItemDistinction } from './item-distinction.entity';
import { SimilarPairView } from './item.views';
import { ItemsService, readsDrafts } from './items.service';
import { OpinionItem } from './opinion-item.entity';
import { OpinionItemRepository } from './opinion-item.repository';

export const DEFAULT_SIMILAR_PAIRS = 30;

/** Meetings whose last pairs are kept (see pairsOf): a few organisers at work at once. */
const REMEMBERED_MEETINGS = 20;

/**
 * 可能重复: the pairs of items the organiser should look at before publishing, because they may
 * say the same thing in other words, and the organiser's "these differ" that keeps a pair from
 * coming back. The merge itself is the ordinary merge (and can be undone like any).
 */
@Injectable()
export class SimilarItemsService {
  constructor(
    private readonly items: OpinionItemRepository,
    private readonly placements: OpinionPlacements,
    @InjectRepository(ItemClaim) private readonly claims: Repository<ItemClaim>,
    @InjectRepository(ItemDistinction) private readonly distinctions: Repository<ItemDistinction>,
    private readonly itemsService: ItemsService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  /** The last pairs found per meeting (see pairsOf), the most recently asked last. */
  private readonly lastFound = new Map<string, { digest: string; found: SimilarPair[] }>();

  /**
   * The meeting's listed items (draft or published) in pairs that may be duplicates, most similar
   * first, each with the merge to make: the item nobody has claimed into the other, else the one
   * with fewer opinions into the one with more (on a tie the newer into the older). Pairs whose
   * items are both claimed are left out (a claimed item cannot be merged away), and so are pairs
   * an organiser has marked as different. The 督导组 gets the pairs among published items only:
   * drafts are not theirs to read (see readsDrafts).
   */
  async similarPairs(actor: Actor, meetingId: string, limit = DEFAULT_SIMILAR_PAIRS): Promise<SimilarPairView[]> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    const listed = await this.items.inStatuses(meeting.id, readsDrafts(actor) ? ['draft', 'published'] : ['published']);
    if (listed.length < 2) return [];
    const ids = listed.map((item) => item.id);
    const [sources, claimed, distinct] = await Promise.all([
      this.placements.textsOf(ids),
      this.claims.find({ where: { itemId: In(ids) }, select: { itemId: true } }),
      this.distinctions.find({ where: { meetingId: meeting.id }, select: { itemId: true, otherItemId: true } }),
    ]);
    const textsOf = new Map<string, string[]>();
    for (const { itemId, text } of sources) {
      const texts = textsOf.get(itemId!);
      if (texts) texts.push(text);
      else textsOf.set(itemId!, [text]);
    }
    const isClaimed = new Set(claimed.map((claim) => claim.itemId));
    const markedDistinct = new Set(distinct.map((pair) => pairKey(pair.itemId, pair.otherItemId)));

    // Asked for more than `limit`, since some pairs found are then left out.
    const found = this.pairsOf(
      meeting.id,
      listed.map((item) => ({ id: item.id, target: item.targetMemberId, texts: textsOf.get(item.id) ?? [item.summary] })),
      limit + markedDistinct.size + isClaimed.size,
    );
    const byId = new Map(listed.map((item, position) => [item.id, { item, position }]));
    const pairs = found
      .filter(({ itemIds: [a, b] }) => !markedDistinct.has(pairKey(a, b)) && !(isClaimed.has(a) && isClaimed.has(b)))
      .slice(0, limit)
      .map(({ itemIds, similarity }) => {
        const [first, second] = itemIds.map((id) => byId.get(id)!);
        return { similarity, first, second, merge: mergeDirection(first, second, isClaimed) };
      });

    const shown = [...new Set(pairs.flatMap((pair) => [pair.first.item, pair.second.item]))];
    const views = new Map((await this.itemsService.views(scope, shown)).map((view) => [view.id, view]));
    return pairs.map(({ similarity, first, second, merge }) => ({
      similarity,
      items: [views.get(first.item.id)!, views.get(second.item.id)!],
      merge: { itemId: merge.from.id, intoItemId: merge.into.id },
    }));
  }

  /**
   * similarItemPairs, or what it answered last for this meeting when given exactly the same items
   * and texts (a digest of them): comparing several hundred items costs far more than reading
   * them, and the review page asks again after every decision, most of which change nothing the
   * comparison reads (a distinction, a claim, a publication). Exact, so never stale.
   */
  private pairsOf(meetingId: string, items: ItemToCompare[], limit: number): SimilarPair[] {
    const digest = createHash('sha256').update(JSON.stringify([limit, items])).digest('base64');
    const last = this.lastFound.get(meetingId);
    const found = last?.digest === digest ? last.found : similarItemPairs(items, { limit });
    this.lastFound.delete(meetingId);
    this.lastFound.set(meetingId, { digest, found });
    if (this.lastFound.size > REMEMBERED_MEETINGS) this.lastFound.delete(this.lastFound.keys().next().value!);
    return found;
  }

  /** Marks two items of one meeting as saying different things; saying so again changes nothing. */
  async markDistinct(actor: Actor, itemId: string, otherItemId: string): Promise<void> {
    const [smaller, larger] = await this.pairOf(actor, itemId, otherItemId);
    try {
      await this.distinctions.insert({
        id: newId(),
        organizationId: actor.organizationId,
        meetingId: smaller.meetingId,
        itemId: smaller.id,
        otherItemId: larger.id,
        decidedBy: actor.userId,
        decidedAt: this.clock.nowToSecond(),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Takes back "these differ": the pair may be put to the organiser again. */
  async unmarkDistinct(actor: Actor, itemId: string, otherItemId: string): Promise<void> {
    const [smaller, larger] = await this.pairOf(actor, itemId, otherItemId);
    await this.distinctions.delete({ itemId: smaller.id, otherItemId: larger.id });
  }

  /** The two items of one meeting, as a distinction stores them: the smaller id first. */
  private async pairOf(actor: Actor, itemId: string, otherItemId: string): Promise<[OpinionItem, OpinionItem]> {
    const { item } = await this.itemsService.findItem(actor, itemId);
    const { item: other } = await this.itemsService.findItem(actor, otherItemId);
    if (other.id === item.id || other.meetingId !== item.meetingId) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '只能比较同一次会议的两条不同意见', [{ field: 'otherItemId', message: '不是同一次会议的另一条意见' }]);
    }
    return item.id < other.id ? [item, other] : [other, item];
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

type Listed = { item: OpinionItem; position: number };

function mergeDirection(a: Listed, b: Listed, isClaimed: ReadonlySet<string>): { from: OpinionItem; into: OpinionItem } {
  if (isClaimed.has(a.item.id)) return { from: b.item, into: a.item };
  if (isClaimed.has(b.item.id)) return { from: a.item, into: b.item };
  // `position` is the order of creation: the newer, smaller item goes into the older, larger one.
  const aStays = a.item.sourceCount > b.item.sourceCount || (a.item.sourceCount === b.item.sourceCount && a.position < b.position);
  return aStays ? { from: b.item, into: a.item } : { from: a.item, into: b.item };
}
