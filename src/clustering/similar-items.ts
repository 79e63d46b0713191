import { CandidateIndex } from './candidates';
import { compare, DEFAULT_THRESHOLD } from './cluster';
import { normalise } from './normalise';
import { segment } from './segment';
import { buildVector, Centroid, cosine, SparseVector, TermTable } from './similarity';

export interface ItemToCompare {
  id: string;
  /** A team member's id, or null for the team: items of different targets are never paired. */
  target: string | null;
  /** What the item says: its sources' texts (or its summary when it has none). */
  texts: string[];
}

export interface SimilarPair {
  /** The two items' ids, the smaller first. */
  itemIds: [string, string];
  /** Cosine of the two items' centroids, 0…1. */
  similarity: number;
}

/**
 * Least similarity for a pair to be put to the organiser: a little over half the threshold at
 * which an opinion joins an item. The two are not the same measure (here two items' centroids,
 * there an opinion and a centroid), and a pair shown costs the organiser one look; on both
 * labelled sets about half the top 30 pairs at this level were true duplicates. With the
 * precision-first threshold the organiser's 可能重复 pairs carry the recall (issue 18): 0.55 of it
 * (0.09) keeps as many pairs over the line as 0.6 did before the background IDF lowered the
 * cosines of unlike items (84 and 67 on the two labelled sets, 45 % and 54 % of them true).
 */
export const LEAST_SIMILARITY = Math.round(DEFAULT_THRESHOLD * 0.55 * 100) / 100;

/**
 * 可能重复: pairs of items that may say the same thing in words too different for the clustering
 * to have joined them, most similar first, for an organiser to merge or mark as different.
 *
 * The clustering's threshold is a trade: raised, it would join these too and mix many more that
 * differ (加班多 and 加班不补休 share most of their words). A pair an organiser looks at costs
 * seconds, so here the line is lower and the decision theirs. Each item is one vector, the sum
 * of its texts' vectors (IDF over all the texts given), compared by cosine; candidates come from
 * the same inverted index as the clustering's, so the cost grows with the number of items, not
 * its square. Deterministic: ties are broken by the items' ids.
 */
export function similarItemPairs(items: readonly ItemToCompare[], options: { least?: number; limit: number }): SimilarPair[] {
  const least = options.least ?? LEAST_SIMILARITY;
  const sorted = [...items].sort((a, b) => compare(a.id, b.id));
  const table = new TermTable();
  const termIds = sorted.map((item) => item.texts.map((text) => segment(normalise(text))).map(({ words, bigrams }) => table.addText(words, bigrams)));

  const vectors: SparseVector[] = termIds.map((texts) => {
    const centroid = new Centroid();
    for (const ids of texts) centroid.add(buildVector(table, ids.words, ids.bigrams), 1);
    return centroid.unitVector();
  });

  const byTarget = new Map<string | null, number[]>();
  sorted.forEach((item, position) => {
    const positions = byTarget.get(item.target);
    if (positions) positions.push(position);
    else byTarget.set(item.target, [position]);
  });

  const pairs: Array<{ a: number; b: number; similarity: number }> = [];
  for (const positions of byTarget.values()) {
    const index = new CandidateIndex(sorted.length);
    positions.forEach((position, ordinal) => {
      const vector = vectors[position];
      // Items before this one (of the same target) that share its telling terms.
      for (const other of index.candidates(vector, least)) {
        const similarity = cosine(vectors[positions[other]], vector);
        if (similarity >= least) pairs.push({ a: positions[other], b: position, similarity });
      }
      index.add(ordinal, Array.from(vector.terms));
    });
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  return pairs.slice(0, options.limit).map(({ a, b, similarity }) => ({ itemIds: [sorted[a].id, sorted[b].id], similarity: Math.round(similarity * 1000) / 1000 }));
}
