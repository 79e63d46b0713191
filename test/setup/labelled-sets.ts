import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A labelled set of bench/data: opinions with the cluster a person put them in. */
export function labelledSet(file = 'labelled-opinions.jsonl'): Array<{ id: string; text: string; aspect?: string; target?: string; cluster: string }> {
  return readFileSync(join(__dirname, '..', '..', 'bench', 'data', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** Pairwise precision and recall of a grouping (`items[i]` the item of opinion i) against the labels. */
export function pairwise(labels: string[], items: string[]): { precision: number; recall: number } {
  let both = 0;
  let predicted = 0;
  let gold = 0;
  for (let i = 0; i < labels.length; i += 1) {
    for (let j = i + 1; j < labels.length; j += 1) {
      const same = items[i] === items[j];
      const truly = labels[i] === labels[j];
      if (same) predicted += 1;
      if (truly) gold += 1;
      if (same && truly) both += 1;
    }
  }
  return { precision: predicted ? both / predicted : 1, recall: gold ? both / gold : 1 };
}
