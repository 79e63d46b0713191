/**
 * IDF-weighted sparse vectors over words and character pairs, and their cosine.
 *
 * Why IDF: in one meeting's opinions 干部、工作、落实 are everywhere and say little, while
 * 留痕 or 公车 pins the complaint down. The IDF comes from the corpus being clustered (the
 * existing items' texts plus the batch), so it knows this meeting's commonplaces, with a
 * smoothing prior so that a small meeting's thirty opinions do not give wild weights.
 *
 * A word's weight is that IDF times its background IDF in Chinese at large (background.ts),
 * relative to an unknown word's: with thirty opinions the meeting cannot tell that 问题 or 情况
 * say little anywhere, while 留痕 or 连轴转 are rare anywhere. On both labelled sets this left
 * whole-set figures within their noise and raised precision and recall on samples of 20–100
 * opinions (see DEFAULT_THRESHOLD in cluster.ts). Characters and pairs keep the meeting's IDF.
 */

import { backgroundIdf, UNKNOWN_BACKGROUND_IDF } from './background';

/**
 * Share of a vector's squared length given to words; the rest goes to characters (pairs and
 * single characters, see segment.ts). 0.5–0.8 were tried with the single characters in: 0.6 did
 * as well as any on both labelled sets.
 */
export const WORD_SHARE = 0.6;

/**
 * Smoothing prior: as if the corpus held PRIOR_DOCUMENTS more texts among which each term occurs
 * once. With 30 opinions a term seen once weighs ln(40/2) = 3.0 and one seen in every opinion
 * ln(40/31) = 0.25; with 100,000 opinions the corpus speaks for itself.
 */
const PRIOR_DOCUMENTS = 10;

export function inverseDocumentFrequency(documentFrequency: number, documents: number): number {
  return Math.log((documents + PRIOR_DOCUMENTS) / (documentFrequency + 1));
}

/** Interned terms (words and character pairs kept apart) and in how many texts each occurs. */
export class TermTable {
  private readonly words = new Map<string, number>();
  private readonly bigrams = new Map<string, number>();
  /** Document frequency by term id. */
  readonly documentFrequency: number[] = [];
  /** Background factor by term id (see background.ts): 1 for terms it does not weigh. */
  readonly background: number[] = [];
  documents = 0;

  /** Interns the terms of one text and counts it; returns their ids, repeats kept. */
  addText(words: readonly string[], bigrams: readonly string[]): { words: number[]; bigrams: number[] } {
    this.documents += 1;
    const wordIds = words.map((word) => this.intern(this.words, word, true));
    const bigramIds = bigrams.map((bigram) => this.intern(this.bigrams, bigram, false));
    for (const id of new Set([...wordIds, ...bigramIds])) this.documentFrequency[id] += 1;
    return { words: wordIds, bigrams: bigramIds };
  }

  /**
   * Interns the terms of a text compared with the table's texts without joining them (see
   * repeats.ts): the IDF stays as it is, and a term the table has never seen gets an id with no
   * document, the weight of the rarest term (it is shared with nothing, so it only lengthens the text).
   */
  internQuery(words: readonly string[], bigrams: readonly string[]): { words: number[]; bigrams: number[] } {
    return { words: words.map((word) => this.intern(this.words, word, true)), bigrams: bigrams.map((bigram) => this.intern(this.bigrams, bigram, false)) };
  }

  get size(): number {
    return this.documentFrequency.length;
  }

  idf(term: number): number {
    return inverseDocumentFrequency(this.documentFrequency[term], this.documents) * this.background[term];
  }

  private intern(table: Map<string, number>, key: string, word: boolean): number {
    let id = table.get(key);
    if (id === undefined) {
      id = this.documentFrequency.length;
      table.set(key, id);
      this.documentFrequency.push(0);
      // Characters and pairs keep the meeting's IDF alone: the table weighs words, and a
      // character's general frequency says little of what it means in a phrase.
      this.background.push(word ? backgroundIdf(key) / UNKNOWN_BACKGROUND_IDF : 1);
    }
    return id;
  }
}

/** A unit-length sparse vector, heaviest terms first (ties: lower term id first). */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

export const EMPTY_VECTOR: SparseVector = { terms: new Int32Array(0), weights: new Float64Array(0) };

/**
 * The vector of one text: sublinear term frequency × IDF within each block (words, pairs), each
 * block scaled to its share, so that the cosine of two texts is
 * WORD_SHARE · cos(words) + (1 − WORD_SHARE) · cos(pairs). A text with only one block puts all
 * its length there.
 */
export function buildVector(table: TermTable, wordIds: readonly number[], bigramIds: readonly number[]): SparseVector {
  const words = weighBlock(table, wordIds);
  const bigrams = weighBlock(table, bigramIds);
  const wordScale = bigrams.norm === 0 ? 1 : Math.sqrt(WORD_SHARE);
  const bigramScale = words.norm === 0 ? 1 : Math.sqrt(1 - WORD_SHARE);
  // Terms and weights side by side, and their order sorted: no pair allocated per term (every
  // text of a run, and of an earlier list, comes through here).
  const terms: number[] = [];
  const weights: number[] = [];
  if (words.norm > 0) {
    for (const [term, weight] of words.weights) {
      terms.push(term);
      weights.push((weight / words.norm) * wordScale);
    }
  }
  if (bigrams.norm > 0) {
    for (const [term, weight] of bigrams.weights) {
      terms.push(term);
      weights.push((weight / bigrams.norm) * bigramScale);
    }
  }
  const order = terms.map((_, index) => index).sort((a, b) => weights[b] - weights[a] || terms[a] - terms[b]);
  const vector = { terms: new Int32Array(order.length), weights: new Float64Array(order.length) };
  order.forEach((index, rank) => {
    vector.terms[rank] = terms[index];
    vector.weights[rank] = weights[index];
  });
  return vector;
}

function weighBlock(table: TermTable, ids: readonly number[]): { weights: Map<number, number>; norm: number } {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const weights = new Map<number, number>();
  let squares = 0;
  for (const [id, count] of counts) {
    const weight = (1 + Math.log(count)) * table.idf(id);
    if (weight <= 0) continue;
    weights.set(id, weight);
    squares += weight * weight;
  }
  return { weights, norm: Math.sqrt(squares) };
}

/** Cosine of two unit vectors (for tests and one-off comparisons; items are compared by Centroid). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const weights = new Map<number, number>();
  for (let i = 0; i < a.terms.length; i += 1) weights.set(a.terms[i], a.weights[i]);
  let sum = 0;
  for (let i = 0; i < b.terms.length; i += 1) sum += (weights.get(b.terms[i]) ?? 0) * b.weights[i];
  return sum;
}

/**
 * The sum of an item's source vectors. Its cosine with a query is the query's cosine with the
 * item's average direction, at a cost of the query's length whatever the item's size.
 */
export class Centroid {
  private readonly sums = new Map<number, number>();
  private squaredNorm = 0;
  private sources = 0;

  /**
   * Adds a source `weight` times (identical texts count once each; a negative weight takes a
   * source out again). Returns the terms the item did not have before (to index it under).
   */
  add(vector: SparseVector, weight: number): number[] {
    const fresh: number[] = [];
    for (let i = 0; i < vector.terms.length; i += 1) {
      const term = vector.terms[i];
      const added = vector.weights[i] * weight;
      const before = this.sums.get(term);
      if (before === undefined) fresh.push(term);
      const old = before ?? 0;
      this.squaredNorm += 2 * old * added + added * added;
      this.sums.set(term, old + added);
    }
    this.sources += weight;
    // Emptied: start from exact zeros rather than from what rounding left over.
    if (this.sources === 0) {
      for (const term of this.sums.keys()) this.sums.set(term, 0);
      this.squaredNorm = 0;
    }
    return fresh;
  }

  /** The item's average direction as a unit vector (heaviest terms first), or the empty vector. */
  unitVector(): SparseVector {
    if (this.squaredNorm <= 0) return EMPTY_VECTOR;
    const norm = Math.sqrt(this.squaredNorm);
    const entries = [...this.sums].filter(([, sum]) => sum > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { terms: Int32Array.from(entries, (entry) => entry[0]), weights: Float64Array.from(entries, (entry) => entry[1] / norm) };
  }

  cosine(query: SparseVector): number {
    if (this.squaredNorm <= 0) return 0;
    let sum = 0;
    for (let i = 0; i < query.terms.length; i += 1) sum += (this.sums.get(query.terms[i]) ?? 0) * query.weights[i];
    return sum / Math.sqrt(this.squaredNorm);
  }
}
