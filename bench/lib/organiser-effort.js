'use strict';

/**
 * The organiser's work left to reach a labelled grouping from a clustering, as a share of the
 * opinions (sorting every opinion by hand = 1):
 *
 * - moves: for each item, its opinions outside the cluster most of its opinions belong to (its
 *   main cluster; ties by cluster name) — each is moved out by hand;
 * - merges: for each cluster, the items whose main cluster it is, minus one — each further item
 *   is one merge. Items joined by an accepted 可能重复 pair count as one (a merge the organiser is
 *   offered is one click on the review page, counted as done, not as work).
 *
 * A cluster no item has as its main cluster needs no merge: its opinions are all moves already.
 * `acceptedPairs` are the pairs [itemA, itemB] the organiser accepts (the caller decides which:
 * the bench accepts a shown pair when both items have the same main cluster).
 */
function organiserEffort(rows, items, acceptedPairs = []) {
  const byItem = new Map();
  rows.forEach((row, index) => {
    const key = items[index];
    let counts = byItem.get(key);
    if (!counts) byItem.set(key, (counts = new Map()));
    counts.set(row.cluster, (counts.get(row.cluster) ?? 0) + 1);
  });
  const main = new Map();
  let moves = 0;
  for (const [key, counts] of byItem) {
    const [cluster, count] = mainOf(counts);
    main.set(key, cluster);
    let size = 0;
    for (const n of counts.values()) size += n;
    moves += size - count;
  }
  const parent = new Map([...byItem.keys()].map((key) => [key, key]));
  const root = (key) => {
    while (parent.get(key) !== key) key = parent.get(key);
    return key;
  };
  for (const [a, b] of acceptedPairs) if (main.get(a) === main.get(b)) parent.set(root(a), root(b));
  const partsByCluster = new Map();
  for (const [key, cluster] of main) {
    let parts = partsByCluster.get(cluster);
    if (!parts) partsByCluster.set(cluster, (parts = new Set()));
    parts.add(root(key));
  }
  let merges = 0;
  for (const parts of partsByCluster.values()) merges += parts.size - 1;
  return { moves, merges, share: rows.length ? (moves + merges) / rows.length : 0 };
}

/** The cluster most of an item's opinions belong to, and how many; ties by cluster name. */
function mainOf(counts) {
  let best = null;
  let bestCount = -1;
  for (const [cluster, count] of counts) {
    if (count > bestCount || (count === bestCount && cluster < best)) {
      best = cluster;
      bestCount = count;
    }
  }
  return [best, bestCount];
}

module.exports = { organiserEffort, mainOf };
