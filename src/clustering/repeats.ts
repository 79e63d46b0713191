import { CandidateIndex } from './candidates';
import { DEFAULT_THRESHOLD } from './cluster';
import { normalise } from './normalise';
import { segment, segmentedOnce, SegmentCache } from './segment';
import { buildVector, Centroid, SparseVector, TermTable } from './similarity';

interface Group {
  index: CandidateIndex;
  positions: number[];
}

/** An item of an earlier meeting's published list, as a new item is compared with it. */
export interface EarlierItem {
  id: string;
  /** A team member's id, or null for the team (see compatible targets below). */
  target: string | null;
  /** What it said: its summary, as the app gives it (or some of its sources' texts). */
  texts: string[];
}

/**
 * 屡提屡犯: the earlier meetings' items, ready to tell which of them a new item says again.
 *
 * Built once per aggregation run (segmenting and weighing a previous list of thousands of items
 * is the cost; a comparison is an inverted-index lookup and a dozen dot products), then asked once
 * per item the run makes or grows. Each earlier item is the centroid of its texts' vectors, as the clustering keeps an
 * item; a new item, the centroid of its own texts, is scored against it by the same cosine and
 * must reach the clustering's own threshold (DEFAULT_THRESHOLD, at which an opinion joins an
 * item). Candidates come from the clustering's inverted index (candidates.ts), not from every
 * earlier item.
 *
 * The IDF is the earlier lists' own: the new item's words are weighed by it without being
 * counted into it, so the earlier vectors never need weighing again; a word no earlier item has
 * gets the weight of the rarest, which only makes the new item less like every earlier one.
 *
 * Targets: an item about a member repeats an earlier item about the same member or about the
 * team; an item about the team repeats any earlier item. Never one member's for another's: the
 * same complaint about someone else is not that person's problem coming back.
 *
 * The items are given most recent meeting first: a tie goes to the one given first.
 */
export class EarlierItems {
  private readonly table = new TermTable();
  private readonly segments: SegmentCache;
  /** Each item's direction: the unit vector of its texts' centroid. */
  private readonly items: Array<{ id: string; vector: SparseVector }> = [];
  /**
   * Inverted indexes, each with its ordinals' positions in `items`: over every item (asked for an
   * item about the team), and over each target's own (the team's and one member's are asked for
   * an item about that member). One or two lookups per item, however many members.
   */
  private readonly all: Group;
  private readonly byTarget = new Map<string | null, Group>();

  private readonly threshold: number;

  /** `segments`: segmentations to read before segmenting a text, and to keep new ones in. */
  constructor(items: readonly EarlierItem[], options: { threshold?: number; segments?: SegmentCache } = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.segments = options.segments ?? new Map();
    // Each distinct text counts once for the IDF, as in the clustering.
    const ids = new Map<string, { words: number[]; bigrams: number[] }>();
    const termsOf = (text: string) => {
      const normalised = normalise(text);
      let known = ids.get(normalised);
      if (!known) {
        const { words, bigrams } = segmentedOnce(normalised, this.segments);
        known = this.table.addText(words, bigrams);
        ids.set(normalised, known);
      }
      return known;
    };
    const termIds = items.map((item) => item.texts.map(termsOf));
    const counts = new Map<string | null, number>();
    for (const item of items) counts.set(item.target, (counts.get(item.target) ?? 0) + 1);
    this.all = { index: new CandidateIndex(items.length), positions: [] };
    items.forEach((item, position) => {
      const vector = centroidOf(termIds[position].map((text) => buildVector(this.table, text.words, text.bigrams)));
      this.items.push({ id: item.id, vector });
      let group = this.byTarget.get(item.target);
      if (!group) {
        group = { index: new CandidateIndex(counts.get(item.target)!), positions: [] };
        this.byTarget.set(item.target, group);
      }
      const terms = Array.from(vector.terms);
      for (const each of [group, this.all]) {
        each.index.add(each.positions.length, terms);
        each.positions.push(position);
      }
    });
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * The id of the earlier item that `texts` (a new item's, about `target`) say again: the most
   * similar reaching the threshold (ties: the one given first), or null.
   */
  repeatOf(target: string | null, texts: readonly string[]): string | null {
    if (this.items.length === 0 || texts.length === 0) return null;
    const query = this.vectorOf(texts);
    if (query.terms.length === 0) return null;
    // The query's weights by term, read once per candidate term: the candidates are a dozen or two.
    const weights = new Map<number, number>();
    for (let i = 0; i < query.terms.length; i += 1) weights.set(query.terms[i], query.weights[i]);
    let best = -1;
    let bestScore = this.threshold;
    const groups = target === null ? [this.all] : [this.byTarget.get(null), this.byTarget.get(target)];
    for (const group of groups) {
      if (!group) continue;
      for (const ordinal of group.index.candidates(query, this.threshold)) {
        const position = group.positions[ordinal];
        const { terms, weights: itemWeights } = this.items[position].vector;
        let score = 0;
        for (let i = 0; i < terms.length; i += 1) score += (weights.get(terms[i]) ?? 0) * itemWeights[i];
        if (score > bestScore || (score === bestScore && (best < 0 || position < best))) {
          best = position;
          bestScore = score;
        }
      }
    }
    return best < 0 ? null : this.items[best].id;
  }

  /** The unit vector of the centroid of `texts`, weighed by the earlier lists' IDF. */
  private vectorOf(texts: readonly string[]): SparseVector {
    return centroidOf(
      [...new Set(texts.map(normalise))].map((normalised) => {
        // Read from the segmentations given, never kept: a prepared list outlives the runs that ask it.
        const { words, bigrams } = this.segments.get(normalised) ?? segment(normalised);
        const ids = this.table.internQuery(words, bigrams);
        return buildVector(this.table, ids.words, ids.bigrams);
      }),
    );
  }
}

/** The direction of the sum of unit vectors (one text's vector is its own: no work for an item known by its summary). */
function centroidOf(vectors: readonly SparseVector[]): SparseVector {
  if (vectors.length === 1) return vectors[0];
  const centroid = new Centroid();
  for (const vector of vectors) centroid.add(vector, 1);
  return centroid.unitVector();
}
