import { SparseVector } from './similarity';

/**
 * Finds the items worth scoring for a new opinion without comparing it to every item: an inverted
 * index from term to the items whose sources contain it, probed with the opinion's heaviest
 * (rarest) terms.
 *
 * How many terms to probe follows from the threshold (prefix filtering): an item that shares none
 * of the probed terms has, by Cauchy–Schwarz, a cosine of at most the length of the opinion's
 * unprobed rest. So probing until that rest is shorter than the threshold misses no item that
 * could reach it — unless the probe limit or a full posting list cut the search short, the two
 * bounds that keep the cost per opinion constant and the whole run linear:
 * - at most `maxProbes` terms are probed (short opinions need far fewer);
 * - a term's posting list stops growing at `maxPostings` items: a term found in that many items
 *   is too common to find anything by (it still counts when scoring).
 * The items found are ranked by the query weight they share and only the best `maxCandidates`
 * are scored in full.
 */
export interface CandidateLimits {
  maxProbes: number;
  maxPostings: number;
  maxCandidates: number;
}

export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = { maxProbes: 16, maxPostings: 512, maxCandidates: 12 };

export class CandidateIndex {
  private readonly postings = new Map<number, number[]>();
  /** Shared query weight by item ordinal, for the query under way (dense, reset after each). */
  private readonly shared: Float64Array;
  private readonly touched: number[] = [];

  /** `capacity`: how many items (by ordinal 0…capacity−1) there can be at most. */
  constructor(
    capacity: number,
    private readonly limits: CandidateLimits = DEFAULT_CANDIDATE_LIMITS,
  ) {
    this.shared = new Float64Array(capacity);
  }

  /** Indexes item `item` under `terms` (terms it did not have before). */
  add(item: number, terms: readonly number[]): void {
    for (const term of terms) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
      }
      if (list.length < this.limits.maxPostings) list.push(item);
    }
  }

  /** Item ordinals to score for `query`, best first (ties: the older item first). */
  candidates(query: SparseVector, threshold: number): number[] {
    let rest = 0;
    for (let i = 0; i < query.weights.length; i += 1) rest += query.weights[i] * query.weights[i];
    const stopAt = threshold * threshold;
    for (let i = 0; i < query.terms.length && i < this.limits.maxProbes && rest >= stopAt; i += 1) {
      const weight = query.weights[i];
      rest -= weight * weight;
      const list = this.postings.get(query.terms[i]);
      if (!list) continue;
      for (const item of list) {
        if (this.shared[item] === 0) this.touched.push(item);
        this.shared[item] += weight;
      }
    }
    // The best maxCandidates kept in order as they come, rather than all found sorted: a query
    // of common terms touches hundreds of items and keeps a dozen.
    const best: number[] = [];
    const limit = this.limits.maxCandidates;
    const before = (a: number, b: number) => this.shared[a] > this.shared[b] || (this.shared[a] === this.shared[b] && a < b);
    for (const item of this.touched) {
      if (best.length === limit && !before(item, best[limit - 1])) continue;
      let at = Math.min(best.length, limit - 1);
      if (best.length < limit) best.push(item);
      while (at > 0 && before(item, best[at - 1])) {
        best[at] = best[at - 1];
        at -= 1;
      }
      best[at] = item;
    }
    for (const item of this.touched) this.shared[item] = 0;
    this.touched.length = 0;
    return best;
  }
}
