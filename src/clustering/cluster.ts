import { OTHER_ASPECT } from '../meetings/aspect-presets';
import { DEFAULT_MODEL_THRESHOLD, nearestTexts } from './dense';
import { ItemState, Placed, TargetItems, Thresholds, Unit } from './items';
import { aspectChooser } from './lexicon';
import { normalise } from './normalise';
import { segment } from './segment';
import { buildVector, EMPTY_VECTOR, TermTable } from './similarity';

export interface OpinionToPlace {
  id: string;
  text: string;
  /** The writer's choice, or null. */
  aspect: string | null;
  /** A team member's id, or null for the team as a whole. */
  target: string | null;
}

export interface ExistingItem {
  id: string;
  aspect: string;
  target: string | null;
  /** The item's source texts (the opinions already in it). */
  texts: string[];
}

export interface Placement {
  opinionId: string;
  /**
   * The aspect of the item the opinion is placed in: the existing item's, or the one decided for
   * the new item (the same for all its opinions; see newItemAspect).
   */
  aspect: string;
  target: string | null;
  /** Set when the opinion joins an existing item. */
  itemId: string | null;
  /**
   * Set when the opinion starts or joins a new item: 'new:<id of the item's first opinion in
   * canonical order>', shared by all the opinions of that new item. Exactly one of itemId and
   * newItemKey is set.
   */
  newItemKey: string | null;
}

export interface PlacementOptions {
  /** The meeting's aspects: a writer's choice outside them is treated as no choice. */
  aspects: string[];
  /** Keywords an organiser added, by aspect (see lexicon.ts). */
  extraKeywords?: Record<string, string[]>;
  /** Least similarity for joining an item, 0…1 (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /**
   * Unit vectors from the organisation's embedding model, by text as given (the opinions' and
   * the existing items' sources). A text without one is placed by its words alone.
   */
  vectors?: ReadonlyMap<string, Float32Array>;
  /** Least blended similarity where vectors are there (default DEFAULT_MODEL_THRESHOLD; see dense.ts). */
  modelThreshold?: number;
}

/**
 * Least cosine for an opinion to join an item (with the item's centroid; see items.ts).
 *
 * Precision first: a wrong merge hides an opinion under another item's words, and the leader who
 * answers that item may never address it, while a missed merge costs the organiser one click on
 * a 可能重复 pair (similar-items.ts). So the value is the F0.5-optimal one (precision weighted
 * twice recall) of pairwise precision and recall on the labelled set
 * (bench/data/labelled-opinions.jsonl), swept in steps of 0.005: 0.155–0.165 score within 0.003
 * of each other there and 0.16 is the middle of that plateau, not its sharpest point. Precision
 * ≥ 0.9 is out of reach on that set at any threshold with words alone (it stays near 0.8 up to
 * 0.25 while recall halves: the mistakes left are neighbouring complaints sharing their telling
 * word, 加班多 / 加班不补休). The hold-out set (labelled-opinions-holdout.jsonl, written apart
 * from the method) was only checked, never used to choose: with the background IDF added and
 * negations no longer counted as content (December 2026), its precision at the default rose from
 * 0.68 to 0.77 and recall from 0.32 to 0.33; the labelled set's went 0.77 / 0.50 → 0.78 / 0.48.
 * The bench prints the neighbouring values and the organiser's work left on both sets.
 * (0.17 before the background IDF, 0.19 before the labelled set was rewritten in November 2026.)
 */
export const DEFAULT_THRESHOLD = 0.16;

/** A writer's own choice of aspect counts for more than the lexicon's guess (see newItemAspect). */
const WRITER_VOTE = 2;
const LEXICON_VOTE = 1;

/**
 * Passes over the batch after the first placement. The first pass places each opinion knowing
 * only the opinions before it in canonical order; a later pass places each again among the items
 * as they have become, so that an opinion can join an item that grew after it was placed, or
 * leave one it no longer fits (a round of threshold k-means). On the labelled set one such pass
 * gave almost all the gain (F1 0.75 → 0.83), a second one nothing more; each costs a first
 * placement's time.
 */
const REFINING_PASSES = 1;

interface Prepared {
  opinion: OpinionToPlace;
  aspect: string;
  writerChose: boolean;
}

/**
 * Places a batch of new opinions among a meeting's items: each joins the existing or new item of
 * its target it is most similar to, if that reaches the threshold, or starts a new item.
 * Existing items and their sources are never changed, only joined.
 *
 * Deterministic: the batch is processed in a canonical order (normalised text, then id; existing
 * items by id, their texts by normalised text), never in arrival order, and every tie is broken
 * by that order, so the same existing items and the same set of opinions give the same placements.
 * Opinions with the same normalised text (per target) are placed as one.
 *
 * Aspects do not keep opinions apart: an opinion may join an item of another aspect. The writer's
 * aspect is a hint (the same 推诿扯皮 is filed under 担当作为 by one writer and 工作作风 by
 * another, and the 2024 aspects overlap), while a duplicate is a duplicate: two items saying the
 * same thing would have a claimant answer it twice. The item keeps its aspect; an organiser who
 * disagrees moves or splits it. Targets, in contrast, never mix: an item is answered by whom it
 * concerns.
 */
export function placeOpinions(existing: ExistingItem[], incoming: OpinionToPlace[], options: PlacementOptions): Placement[] {
  const threshold: Thresholds = { words: options.threshold ?? DEFAULT_THRESHOLD, model: options.modelThreshold ?? DEFAULT_MODEL_THRESHOLD };
  for (const value of [threshold.words, threshold.model]) if (!(value > 0 && value <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${value}`);
  const vectors = options.vectors ?? new Map<string, Float32Array>();
  const seen = new Set<string>();
  for (const opinion of incoming) {
    if (seen.has(opinion.id)) throw new Error(`opinion id ${opinion.id} occurs twice in the batch`);
    seen.add(opinion.id);
  }

  const chooseAspect = aspectChooser(options.aspects, options.extraKeywords);
  const allowed = new Set([...options.aspects, OTHER_ASPECT]);
  const table = new TermTable();
  const intern = interner(table);

  // Terms are interned in canonical order too: term ids break ties between equal weights.
  const existingSorted = [...existing].sort((a, b) => compare(a.id, b.id));
  const existingTexts = existingSorted.map((item) =>
    item.texts
      .map((text) => ({ text, normalised: normalise(text) }))
      .sort((a, b) => compare(a.normalised, b.normalised) || compare(a.text, b.text))
      .map(({ text, normalised }) => ({ normalised, ids: intern(normalised), dense: vectors.get(text) ?? null })),
  );
  const batch = incoming
    .map((opinion) => ({ opinion, normalised: normalise(opinion.text) }))
    .sort((a, b) => compare(a.normalised, b.normalised) || compare(a.opinion.id, b.opinion.id));

  // One unit per target and distinct text, in canonical order. A text counts once for the IDF
  // however often it was written (by many staff, or in several items): copies of one wording do
  // not make its words any less telling.
  const units: Array<Unit & { target: string | null; opinions: Prepared[]; ids: { words: number[]; bigrams: number[] } }> = [];
  const unitByKey = new Map<string, (typeof units)[number]>();
  for (const { opinion, normalised } of batch) {
    const key = JSON.stringify([opinion.target, normalised]);
    let unit = unitByKey.get(key);
    if (!unit) {
      unit = {
        normalised,
        vector: EMPTY_VECTOR,
        dense: null,
        neighbours: [],
        weight: 0,
        item: undefined,
        pinned: false,
        target: opinion.target,
        opinions: [],
        ids: intern(normalised),
      };
      unitByKey.set(key, unit);
      units.push(unit);
    }
    const writerChose = opinion.aspect !== null && allowed.has(opinion.aspect);
    unit.opinions.push({ opinion, aspect: writerChose ? opinion.aspect! : chooseAspect(normalised), writerChose });
    unit.weight += 1;
    unit.dense ??= vectors.get(opinion.text) ?? null;
  }

  // At most: the existing items, and a new item per unit per pass.
  const capacities = new Map<string | null, number>();
  for (const item of existingSorted) capacities.set(item.target, (capacities.get(item.target) ?? 0) + 1);
  for (const unit of units) capacities.set(unit.target, (capacities.get(unit.target) ?? 0) + 1 + REFINING_PASSES);
  const targets = new Map<string | null, TargetItems>();
  const itemsOf = (target: string | null) => {
    let items = targets.get(target);
    if (!items) {
      items = new TargetItems(capacities.get(target) ?? 0);
      targets.set(target, items);
    }
    return items;
  };

  const existingAspects = new Map<ItemState, string>();
  // The texts with a vector, by target: where a unit's neighbours by the model are looked for.
  const denseTexts = new Map<string | null, Array<{ dense: Float32Array; placed: Placed }>>();
  const withVector = (target: string | null) => {
    let list = denseTexts.get(target);
    if (!list) denseTexts.set(target, (list = []));
    return list;
  };
  existingSorted.forEach((item, position) => {
    const items = itemsOf(item.target);
    const state = items.createExisting(item.id);
    existingAspects.set(state, item.aspect);
    for (const text of existingTexts[position]) {
      items.addExistingText(state, text.normalised, buildVector(table, text.ids.words, text.ids.bigrams), text.dense);
      if (text.dense) withVector(item.target).push({ dense: text.dense, placed: { item: state } });
    }
  });
  for (const unit of units) if (unit.dense) withVector(unit.target).push({ dense: unit.dense, placed: unit });
  for (const [target, texts] of denseTexts) {
    const queries = units.filter((unit) => unit.target === target && unit.dense);
    const own = new Map(texts.map((text, index) => [text.placed, index]));
    const found = nearestTexts(queries.map((unit) => unit.dense!), queries.map((unit) => own.get(unit)!), texts.map((text) => text.dense));
    queries.forEach((unit, q) => (unit.neighbours = found[q].map((index) => texts[index].placed)));
  }

  for (const unit of units) {
    unit.vector = buildVector(table, unit.ids.words, unit.ids.bigrams);
    itemsOf(unit.target).place(unit, threshold);
  }
  for (let pass = 0; pass < REFINING_PASSES; pass += 1) {
    let moved = false;
    for (const unit of units) if (!unit.pinned && itemsOf(unit.target).replace(unit, threshold)) moved = true;
    if (!moved) break;
  }

  // A new item is named after its first opinion in canonical order; its aspect by vote.
  const members = new Map<ItemState, Prepared[]>();
  for (const unit of units) {
    const item = unit.item!;
    if (item.existingId !== null) continue;
    const list = members.get(item);
    if (list) list.push(...unit.opinions);
    else members.set(item, [...unit.opinions]);
  }
  const placedIn = new Map<string, ItemState>();
  for (const unit of units) for (const { opinion } of unit.opinions) placedIn.set(opinion.id, unit.item!);
  const newItems = new Map<ItemState, { key: string; aspect: string }>();
  for (const [item, opinions] of members) newItems.set(item, { key: `new:${opinions[0].opinion.id}`, aspect: newItemAspect(opinions, options.aspects) });
  return incoming.map((opinion) => {
    const item = placedIn.get(opinion.id)!;
    const created = newItems.get(item);
    return {
      opinionId: opinion.id,
      aspect: created ? created.aspect : existingAspects.get(item)!,
      target: opinion.target,
      itemId: item.existingId,
      newItemKey: created ? created.key : null,
    };
  });
}

/** A text's term ids; each distinct normalised text is counted once for the IDF (see above). */
function interner(table: TermTable) {
  const known = new Map<string, { words: number[]; bigrams: number[] }>();
  return (normalised: string) => {
    let ids = known.get(normalised);
    if (!ids) {
      const { words, bigrams } = segment(normalised);
      ids = table.addText(words, bigrams);
      known.set(normalised, ids);
    }
    return ids;
  };
}

/**
 * A new item's aspect: the one most of its opinions have, a writer's choice counting double a
 * guess from the lexicon; '其他' only when nothing else is named; on a tie the aspect listed
 * first in the meeting.
 */
function newItemAspect(opinions: readonly Prepared[], aspects: readonly string[]): string {
  const votes = new Map<string, number>();
  for (const { aspect, writerChose } of opinions) {
    if (aspect === OTHER_ASPECT) continue;
    votes.set(aspect, (votes.get(aspect) ?? 0) + (writerChose ? WRITER_VOTE : LEXICON_VOTE));
  }
  let best = OTHER_ASPECT;
  let bestVotes = 0;
  for (const aspect of aspects) {
    const count = votes.get(aspect) ?? 0;
    if (count > bestVotes) {
      best = aspect;
      bestVotes = count;
    }
  }
  return best;
}

/** Code-unit order: the same on every machine and locale (localeCompare is not). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One batch, no existing items, for the CLI and the bench: each input's item as 'item-1',
 * 'item-2', … numbered in order of first appearance in the input.
 */
export function clusterAll(
  inputs: Array<{ id: string; text: string; aspect?: string | null; target?: string | null }>,
  aspects: string[] = [],
  model: Pick<PlacementOptions, 'vectors' | 'modelThreshold'> = {},
): Array<{ id: string; item: string }> {
  const placements = placeOpinions(
    [],
    inputs.map((input) => ({ id: input.id, text: input.text, aspect: input.aspect ?? null, target: input.target ?? null })),
    { aspects, ...model },
  );
  const labels = new Map<string, string>();
  return placements.map((placement) => {
    const key = placement.newItemKey!;
    let label = labels.get(key);
    if (!label) {
      label = `item-${labels.size + 1}`;
      labels.set(key, label);
    }
    return { id: placement.opinionId, item: label };
  });
}
