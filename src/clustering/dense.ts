/**
 * What an embedding model's vectors add to the clustering (see cluster.ts): an item's dense
 * centroid, the blend of the model's similarity with the words', and the neighbours a text has
 * by the model that the inverted index of words cannot propose (连轴转 / 双休成了单休 share no word).
 */

/**
 * The model's share of the similarity when both sides have a vector; the words keep the rest, so
 * that between two texts the model finds equally close, the one sharing the telling word wins.
 */
export const MODEL_WEIGHT = 0.8;

/**
 * Least blended similarity for joining an item when the vectors are there (EMBEDDINGS_THRESHOLD
 * overrides it). With MODEL_WEIGHT 0.8 an opinion joins on the model's cosine alone from 0.81,
 * and from 0.73 when it shares a third of the item's words: paraphrases for the Chinese models an
 * organisation runs (bge-m3, bge-small-zh), whose unrelated texts of one domain come to 0.4–0.6
 * (blended, about 0.5). Between those, rather than near either: a model that is surer of a
 * paraphrase than of an unrelated text by less than that margin is not worth asking. A pair the
 * model is less sure of is left to the organiser as a 可能重复 pair.
 */
export const DEFAULT_MODEL_THRESHOLD = 0.65;

/** How many nearest texts by the model each text proposes as candidates, beside the words' ones. */
export const NEIGHBOURS = 8;

/** A model's cosine below which a text is no neighbour worth proposing. */
const NEIGHBOUR_FLOOR = 0.3;

/**
 * Up to this many (query, text) pairs the neighbours are found exactly; beyond it by random
 * hyperplanes (LSH), so that 100k opinions stay linear. A meeting's batch against its sources is
 * far below it; the CLI's 100,000 synthetic opinions (60,000 distinct texts) far above.
 */
const EXACT_PAIRS = 4_000_000;
const LSH_TABLES = 12;
const LSH_BITS = 12;
/** A bucket keeps at most this many texts: one wording copied thousands of times proposes nothing new. */
const LSH_BUCKET_LIMIT = 48;
/** Of the texts sharing a bucket with a query, those sharing the most buckets are scored exactly: at most this many. */
const LSH_SCORED = 24;

/** The blended similarity of an opinion and an item, both with vectors. */
export function blend(modelCosine: number, wordCosine: number): number {
  return MODEL_WEIGHT * modelCosine + (1 - MODEL_WEIGHT) * wordCosine;
}

/** The sum of an item's sources' unit vectors by the model (those that have one). */
export class DenseCentroid {
  private sum: Float64Array | null = null;
  private squaredNorm = 0;
  private sources = 0;

  get empty(): boolean {
    return this.sources <= 0 || this.squaredNorm <= 1e-12;
  }

  add(vector: Float32Array, weight: number): void {
    if (!this.sum) this.sum = new Float64Array(vector.length);
    const sum = this.sum;
    let squares = 0;
    for (let i = 0; i < sum.length; i += 1) {
      sum[i] += vector[i] * weight;
      squares += sum[i] * sum[i];
    }
    this.sources += weight;
    this.squaredNorm = this.sources === 0 ? 0 : squares;
    if (this.sources === 0) sum.fill(0);
  }

  cosine(vector: Float32Array): number {
    if (!this.sum || this.empty) return 0;
    let dot = 0;
    for (let i = 0; i < vector.length; i += 1) dot += this.sum[i] * vector[i];
    return dot / Math.sqrt(this.squaredNorm);
  }
}

/** Dot product of two unit vectors: their cosine (four sums, which the engine pipelines). */
function dot(a: Float32Array, b: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length - (a.length % 4);
  for (let i = 0; i < n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (let i = n; i < a.length; i += 1) s0 += a[i] * b[i];
  return s0 + s1 + s2 + s3;
}

/**
 * For each query, the indexes into `texts` of its nearest texts by the model (at most NEIGHBOURS,
 * cosine at least NEIGHBOUR_FLOOR, best first, never itself: `selfOf[q]` is the query's own index
 * among the texts, or −1). Exact while queries × texts stays under EXACT_PAIRS; past it by LSH:
 * the texts sharing a bucket with the query in any of LSH_TABLES tables of LSH_BITS sparse random
 * hyperplanes (a fixed seed: the same input gives the same neighbours), the LSH_SCORED sharing
 * the most buckets scored exactly.
 */
export function nearestTexts(queries: readonly Float32Array[], selfOf: readonly number[], texts: readonly Float32Array[]): number[][] {
  if (queries.length === 0 || texts.length === 0) return queries.map(() => []);
  if (queries.length * texts.length <= EXACT_PAIRS) {
    return queries.map((query, q) => best(query, selfOf[q], texts, texts.keys()));
  }
  const planes = sparseHyperplanes(texts[0].length);
  const keys = texts.map((text) => bucketKeys(text, planes));
  const buckets = new Map<number, number[]>();
  keys.forEach((textKeys, index) => {
    for (const key of textKeys) {
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = []));
      if (bucket.length < LSH_BUCKET_LIMIT) bucket.push(index);
    }
  });
  const shared = new Map<number, number>();
  return queries.map((query, q) => {
    shared.clear();
    for (const key of selfOf[q] >= 0 ? keys[selfOf[q]] : bucketKeys(query, planes)) {
      for (const index of buckets.get(key) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    // The texts sharing the most buckets, by count (1…LSH_TABLES) rather than a sort per query.
    const byCount: number[][] = Array.from({ length: LSH_TABLES + 1 }, () => []);
    for (const [index, count] of shared) byCount[count].push(index);
    const most: number[] = [];
    for (let count = LSH_TABLES; count > 0 && most.length <= LSH_SCORED; count -= 1) {
      for (const index of byCount[count].sort((a, b) => a - b)) if (most.length <= LSH_SCORED) most.push(index);
    }
    return best(query, selfOf[q], texts, most);
  });
}

function best(query: Float32Array, self: number, texts: readonly Float32Array[], among: Iterable<number>): number[] {
  const kept: Array<{ index: number; score: number }> = [];
  for (const index of among) {
    if (index === self) continue;
    const score = dot(query, texts[index]);
    if (score < NEIGHBOUR_FLOOR) continue;
    if (kept.length === NEIGHBOURS && score <= kept[NEIGHBOURS - 1].score) continue;
    let at = kept.length < NEIGHBOURS ? kept.push({ index, score }) - 1 : NEIGHBOURS - 1;
    while (at > 0 && (kept[at - 1].score < score || (kept[at - 1].score === score && kept[at - 1].index > index))) {
      kept[at] = kept[at - 1];
      at -= 1;
    }
    kept[at] = { index, score };
  }
  return kept.map((entry) => entry.index);
}

/**
 * LSH_TABLES × LSH_BITS random directions from a fixed seed, sparse (Achlioptas): each coordinate
 * +1 or −1 with probability 1/6 each, else 0, kept as the lists of its + and − coordinates. A
 * third of a dense projection's work, and as good for telling angles apart.
 */
function sparseHyperplanes(dimension: number): Array<{ plus: Int32Array; minus: Int32Array }> {
  let state = 0x9e3779b9;
  // mulberry32: small, seeded, the same on every machine.
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: LSH_TABLES * LSH_BITS }, () => {
    const plus: number[] = [];
    const minus: number[] = [];
    for (let i = 0; i < dimension; i += 1) {
      const draw = random();
      if (draw < 1 / 6) plus.push(i);
      else if (draw < 2 / 6) minus.push(i);
    }
    return { plus: Int32Array.from(plus), minus: Int32Array.from(minus) };
  });
}

/** The vector's bucket in each table: the table's number, then the side of each of its planes. */
function bucketKeys(vector: Float32Array, planes: ReadonlyArray<{ plus: Int32Array; minus: Int32Array }>): number[] {
  const keys: number[] = [];
  for (let table = 0; table < LSH_TABLES; table += 1) {
    let bits = 0;
    for (let bit = 0; bit < LSH_BITS; bit += 1) {
      const { plus, minus } = planes[table * LSH_BITS + bit];
      let side = 0;
      for (let i = 0; i < plus.length; i += 1) side += vector[plus[i]];
      for (let i = 0; i < minus.length; i += 1) side -= vector[minus[i]];
      if (side >= 0) bits |= 1 << bit;
    }
    keys.push(table * (1 << LSH_BITS) + bits);
  }
  return keys;
}
