import { CandidateIndex } from './candidates';
import { Centroid, SparseVector } from './similarity';

/** One distinct normalised text of the batch (for one target), with every opinion that wrote it. */
export interface Unit {
  normalised: string;
  vector: SparseVector;
  /** How many opinions of the batch wrote this text: its weight in an item's centroid. */
  weight: number;
  item: ItemState | undefined;
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
  /** Batch units in the item now. */
  units: number;
  /** Sources it had before the batch. */
  fixed: number;
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

  addExistingText(item: ItemState, normalisedText: string, vector: SparseVector): void {
    this.index.add(item.ordinal, item.centroid.add(vector, 1));
    item.fixed += 1;
    if (!this.existingTexts.has(normalisedText)) this.existingTexts.set(normalisedText, item);
  }

  /**
   * First placement of a unit: into the existing item holding the same text, else into the most
   * similar item reaching `threshold`, else into a new item.
   */
  place(unit: Unit, threshold: number): void {
    const same = this.existingTexts.get(unit.normalised);
    if (same) {
      unit.pinned = true;
      this.join(unit, same);
      return;
    }
    this.join(unit, this.bestMatch(unit.vector, threshold) ?? this.create(null));
  }

  /**
   * Places a unit again, now that every unit has a place: out of its item, then into the item
   * that is now the most similar (its old one included), or on its own. Returns whether it moved.
   */
  replace(unit: Unit, threshold: number): boolean {
    const old = unit.item!;
    this.leave(unit);
    const best = this.bestMatch(unit.vector, threshold) ?? (old.units === 0 && old.existingId === null ? old : this.create(null));
    this.join(unit, best);
    return best !== old;
  }

  private create(existingId: string | null): ItemState {
    const item: ItemState = { ordinal: this.items.length, existingId, centroid: new Centroid(), units: 0, fixed: 0 };
    this.items.push(item);
    return item;
  }

  private join(unit: Unit, item: ItemState): void {
    this.index.add(item.ordinal, item.centroid.add(unit.vector, unit.weight));
    item.units += 1;
    unit.item = item;
  }

  private leave(unit: Unit): void {
    const item = unit.item!;
    item.centroid.add(unit.vector, -unit.weight);
    item.units -= 1;
    unit.item = undefined;
  }

  /**
   * The item most similar to `vector` if it reaches `threshold` (ties: the older item). The
   * similarity is the cosine with the item's centroid; while a unit is being placed again it is
   * out of its item, so that it is compared to what the others have in common.
   */
  private bestMatch(vector: SparseVector, threshold: number): ItemState | undefined {
    let best: ItemState | undefined;
    let bestScore = threshold;
    for (const ordinal of this.index.candidates(vector, threshold)) {
      const item = this.items[ordinal];
      if (item.units === 0 && item.fixed === 0) continue; // emptied by a unit that moved on
      const score = item.centroid.cosine(vector);
      if (score > bestScore || (score === bestScore && (!best || item.ordinal < best.ordinal))) {
        best = item;
        bestScore = score;
      }
    }
    return best;
  }
}
