import { ExistingItem, OpinionToPlace, Placement } from '../clustering/cluster';
import { EarlierItems } from '../clustering/repeats';

/**
 * 屡提屡犯, decided for one placed batch: the earlier item each new item says again, and each
 * existing item that grew and was not yet found to repeat one. Keyed as the placements name the
 * items (a new item's `new:` key, an existing item's id), for ItemSources.applyPlacements. An
 * item already marked keeps its mark: a batch adds a few opinions to what it said.
 *
 * An item is compared by up to `perItem` of its texts, each distinct text once: a new item's
 * summary (its key's opinion) first, an existing item's first ones, then the batch's.
 */
export function repeatMarks(
  earlier: EarlierItems,
  existing: ReadonlyArray<ExistingItem & { repeatOfItemId: string | null }>,
  incoming: readonly OpinionToPlace[],
  placements: readonly Placement[],
  perItem: number,
): Map<string, string> {
  const marks = new Map<string, string>();
  if (earlier.size === 0) return marks;
  const textOf = new Map(incoming.map((opinion) => [opinion.id, opinion.text]));
  const existingById = new Map(existing.map((item) => [item.id, item]));
  const items = new Map<string, { target: string | null; texts: Set<string> }>();
  for (const placement of placements) {
    const key = placement.newItemKey ?? placement.itemId!;
    let item = items.get(key);
    if (!item) {
      const before = placement.itemId ? existingById.get(placement.itemId) : undefined;
      if (before?.repeatOfItemId) continue;
      const summary = placement.newItemKey ? textOf.get(placement.newItemKey.replace(/^new:/, '')) : undefined;
      item = { target: placement.target, texts: new Set(before ? before.texts.slice(0, perItem) : summary !== undefined ? [summary] : []) };
      items.set(key, item);
    }
    if (item.texts.size < perItem) item.texts.add(textOf.get(placement.opinionId)!);
  }
  for (const [key, item] of items) {
    const repeatOf = earlier.repeatOf(item.target, [...item.texts]);
    if (repeatOf) marks.set(key, repeatOf);
  }
  return marks;
}
