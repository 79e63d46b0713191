import { CandidateIndex } from './candidates';
import { blend, DenseCentroid } from './dense';
import { Centroid, SparseVector } from './similarity';

/** A text that belongs to an item (or will): what a neighbour by the model leads to. */
export interface Placed {
  item: ItemState | undefined;
}

/** One distinct normalised text of the batch (for one target), with every opinion that wrote it. */
export interface Unit extends Placed {
  normalised: string;
  vector: SparseVector;
  /** Its unit vector by the embedding model, when there is one. */
  dense: Float32Array | null;
  /** Its nearest texts by the model (see dense.ts): their items are candidates beside the words' ones. */
  neighbours: readonly Placed[];
  /** How many opinions of the batch wrote this text: its weight in an item's centroid. */
  weight: number;
  /** The text of a source of an existing item: placed there for good. */
  pinned: boolean;
}

/** One item while a batch is placed: an existing one, or one the batch creates. */
export interface ItemState {
  /** Position among its target's items: existing items by id first, then new ones as created. */
  ordinal: number;
  existingId: string | null;
  /**
   * The sum of its sources' vectors: an opinion is compared to this, never to the sources one by
   * one, so an item of hundreds of sources costs what an item of one does. Comparing to single
   * sources (nearest neighbour) was tried: it chains different complaints through one ambiguous
   * text (督查 → 督查检查过多) and lost precision on the labelled set; the centroid weighs what
   * most of the item's sources share. So did a mix of the centroid's cosine with the best cosine
   * to up to 4 or 8 of the item's sources (average-link style): lower F1 on both labelled sets at
   * every threshold and mix tried.
   */
  centroid: Centroid;
  /** The same by the model's vectors, for the sources that have one. */
  dense: DenseCentroid;
  /** Batch units in the item now. */
  units: number;
  /** Sources it had before the batch. */
  fixed: number;
}

/** Least similarity to join an item: by words alone, and blended with the model's where both sides have vectors. */
export interface Thresholds {
  words: number;
  model: number;
}

/**
 * The items of one target (the team, or one member): opinions are only ever compared to, and
 * placed in, items of their own target.
 */
export class TargetItems {
  readonly items: ItemState[] = [];
  private readonly index: CandidateIndex;
  /** Normalised text → the first existing item holding it: identical texts always land together. */
  private readonly existingTexts = new Map<string, ItemState>();

  /** `capacity`: at most how many items this target can end up with. */
  constructor(capacity: number) {
    this.index = new CandidateIndex(capacity);
  }

  createExisting(id: string): ItemState {
    return this.create(id);
  }

  addExistingText(item: ItemState, normalisedText: string, vector: SparseVector, dense: Float32Array | null): void {
    this.index.add(item.ordinal, item.centroid.add(vector, 1));
    if (dense) item.dense.add(dense, 1);
    item.fixed += 1;
    if (!this.existingTexts.has(normalisedText)) this.existingTexts.set(normalisedText, item);
  }

  /**
   * First placement of a unit: into the existing item holding the same text, else into the most
   * similar item reaching `threshold`, else into a new item.
   */
  place(unit: Unit, threshold: Thresholds): void {
    const same = this.existingTexts.get(unit.normalised);
    if (same) {
      unit.pinned = true;
      this.join(unit, same);
      return;
    }
    this.join(unit, this.bestMatch(unit, threshold) ?? this.create(null));
  }

  /**
   * Places a unit again, now that every unit has a place: out of its item, then into the item
   * that is now the most similar (its old one included), or on its own. Returns whether it moved.
   */
  replace(unit: Unit, threshold: Thresholds): boolean {
    const old = unit.item!;
    this.leave(unit);
    const best = this.bestMatch(unit, threshold) ?? (old.units === 0 && old.existingId === null ? old : this.create(null));
    this.join(unit, best);
    return best !== old;
  }

  private create(existingId: string | null): ItemState {
    const item: ItemState = { ordinal: this.items.length, existingId, centroid: new Centroid(), dense: new DenseCentroid(), units: 0, fixed: 0 };
    this.items.push(item);
    return item;
  }

  private join(unit: Unit, item: ItemState): void {
    this.index.add(item.ordinal, item.centroid.add(unit.vector, unit.weight));
    if (unit.dense) item.dense.add(unit.dense, unit.weight);
    item.units += 1;
    unit.item = item;
  }

  private leave(unit: Unit): void {
    const item = unit.item!;
    item.centroid.add(unit.vector, -unit.weight);
    if (unit.dense) item.dense.add(unit.dense, -unit.weight);
    item.units -= 1;
    unit.item = undefined;
  }

  /**
   * The item most similar to the unit if it reaches its threshold (ties: the older item). The
   * similarity is the cosine with the item's centroid, blended with the model's cosine with the
   * item's dense centroid when both have vectors (each kind against its own threshold: the item
   * that clears its threshold by most wins). Candidates are the items the words' index proposes
   * and those of the unit's neighbours by the model. While a unit is being placed again it is out
   * of its item, so that it is compared to what the others have in common.
   */
  private bestMatch(unit: Unit, threshold: Thresholds): ItemState | undefined {
    let best: ItemState | undefined;
    let bestMargin = 0;
    const consider = (item: ItemState) => {
      if (item.units === 0 && item.fixed === 0) return; // emptied by a unit that moved on
      const words = item.centroid.cosine(unit.vector);
      const margin = unit.dense && !item.dense.empty ? blend(item.dense.cosine(unit.dense), words) - threshold.model : words - threshold.words;
      if (margin > bestMargin || (margin === bestMargin && margin >= 0 && (!best || item.ordinal < best.ordinal))) {
        best = item;
        bestMargin = margin;
      }
    };
    const candidates = this.index.candidates(unit.vector, threshold.words);
    for (const ordinal of candidates) consider(this.items[ordinal]);
    for (const neighbour of unit.neighbours) {
      const item = neighbour.item;
      if (item && item.ordinal < this.items.length && this.items[item.ordinal] === item && !candidates.includes(item.ordinal)) consider(item);
    }
    return best;
  }
}
