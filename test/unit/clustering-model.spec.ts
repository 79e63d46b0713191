import { createHash } from 'node:crypto';
import { clusterAll, placeOpinions, OpinionToPlace } from '../../src/clustering/cluster';
import { DEFAULT_MODEL_THRESHOLD, nearestTexts } from '../../src/clustering/dense';
import { labelledSet, pairwise } from '../setup/labelled-sets';

/**
 * The clustering with an embedding model's vectors (src/clustering/dense.ts). The vectors here
 * are made up to say something definite: one vector per group (texts of a group identical, other
 * groups nearly orthogonal), optionally with noise.
 */

function unit(values: number[]): Float32Array {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
}

/** A deterministic vector for a group name, in `dimension` dimensions. */
function groupVector(group: string, dimension = 64, noise?: string, amplitude = 0.25): Float32Array {
  const bytes = (seed: string) => {
    const out: number[] = [];
    for (let block = 0; out.length < dimension; block += 1) out.push(...createHash('sha256').update(`${seed}/${block}`).digest());
    return out.slice(0, dimension).map((byte) => byte / 128 - 1);
  };
  const base = bytes(group);
  if (noise === undefined) return unit(base);
  const jitter = bytes(`noise:${noise}`);
  return unit(base.map((value, i) => value + amplitude * jitter[i]));
}



const opinion = (id: string, text: string): OpinionToPlace => ({ id, text, aspect: null, target: null });

describe('clustering with an embedding model', () => {
  it.each(['labelled-opinions.jsonl', 'labelled-opinions-holdout.jsonl'])(
    'reaches precision and recall of at least 0.95 on %s when the vectors agree with the true grouping (with noise)',
    (file) => {
      const rows = labelledSet(file);
      const vectors = new Map(rows.map((row) => [row.text, groupVector(row.cluster, 64, row.id)]));
      const items = clusterAll(rows, [], { vectors }).map((row) => row.item);
      const quality = pairwise(rows.map((row) => row.cluster), items);
      expect({ file, ...quality, precisionOk: quality.precision >= 0.95, recallOk: quality.recall >= 0.95 }).toMatchObject({ precisionOk: true, recallOk: true });
    },
  );

  it('still reaches 0.95 with a model less sure of itself: texts of one group at cosine 0.8 to each other', () => {
    const rows = labelledSet('labelled-opinions.jsonl');
    const vectors = new Map(rows.map((row) => [row.text, groupVector(row.cluster, 256, row.id, 0.5)]));
    const items = clusterAll(rows, [], { vectors }).map((row) => row.item);
    const quality = pairwise(rows.map((row) => row.cluster), items);
    expect({ ...quality, precisionOk: quality.precision >= 0.95, recallOk: quality.recall >= 0.95 }).toMatchObject({ precisionOk: true, recallOk: true });
  });

  it('puts together two opinions that share no word when the model says they are the same', () => {
    const texts = ['有的领导长期连轴转，干部身心俱疲', '双休成了单休，周末基本都在单位'];
    const without = placeOpinions([], texts.map((text, i) => opinion(`o${i}`, text)), { aspects: [] });
    expect(new Set(without.map((placement) => placement.newItemKey)).size).toBe(2);
    const vectors = new Map(texts.map((text) => [text, groupVector('overtime')]));
    const withModel = placeOpinions([], texts.map((text, i) => opinion(`o${i}`, text)), { aspects: [], vectors });
    expect(new Set(withModel.map((placement) => placement.newItemKey)).size).toBe(1);
  });

  it('keeps apart two opinions sharing their words when the model says they differ', () => {
    const texts = ['加班太多，经常周末加班', '加班太多，加班以后不给补休'];
    const without = placeOpinions([], texts.map((text, i) => opinion(`o${i}`, text)), { aspects: [] });
    expect(new Set(without.map((placement) => placement.newItemKey)).size).toBe(1);
    const vectors = new Map([[texts[0], groupVector('weekends')], [texts[1], groupVector('time-off')]]);
    const withModel = placeOpinions([], texts.map((text, i) => opinion(`o${i}`, text)), { aspects: [], vectors });
    expect(new Set(withModel.map((placement) => placement.newItemKey)).size).toBe(2);
  });

  it('lets a new opinion join an existing item by the model, found by its neighbours though no word is shared', () => {
    const existing = [{ id: 'item-a', aspect: '工作作风', target: null, texts: ['会议太多，一天到晚开会'] }, { id: 'item-b', aspect: '工作作风', target: null, texts: ['食堂饭菜质量差'] }];
    const vectors = new Map([
      ['会议太多，一天到晚开会', groupVector('meetings')],
      ['食堂饭菜质量差', groupVector('canteen')],
      ['文山会海，基层疲于应付', groupVector('meetings', 64, 'x')],
    ]);
    const [placement] = placeOpinions(existing, [opinion('n1', '文山会海，基层疲于应付')], { aspects: [], vectors });
    expect(placement).toMatchObject({ itemId: 'item-a', newItemKey: null, aspect: '工作作风' });
  });

  it('places a text the model gave no vector by its words alone, beside texts that have one', () => {
    const texts = ['会议太多，一天到晚开会', '会议太多，天天开会', '食堂饭菜质量差'];
    const vectors = new Map([[texts[0], groupVector('meetings')], [texts[2], groupVector('canteen')]]);
    const placements = placeOpinions([], texts.map((text, i) => opinion(`o${i}`, text)), { aspects: [], vectors });
    const key = (id: string) => placements.find((placement) => placement.opinionId === id)!.newItemKey;
    expect(key('o0')).toBe(key('o1'));
    expect(key('o2')).not.toBe(key('o0'));
  });

  it('gives the same partition whatever order the batch arrives in', () => {
    const rows = labelledSet('labelled-opinions-holdout.jsonl');
    const vectors = new Map(rows.map((row) => [row.text, groupVector(row.cluster, 64, row.id)]));
    const canonical = (list: typeof rows) => {
      const placements = placeOpinions([], list.map((row) => opinion(row.id, row.text)), { aspects: [], vectors });
      const groups = new Map<string, string[]>();
      for (const placement of placements) groups.set(placement.newItemKey!, [...(groups.get(placement.newItemKey!) ?? []), placement.opinionId]);
      return [...groups.values()].map((ids) => ids.sort().join(',')).sort();
    };
    expect(canonical([...rows].reverse())).toEqual(canonical(rows));
  });

  it('refuses a model threshold outside (0, 1]', () => {
    expect(() => placeOpinions([], [opinion('a', '会议太多')], { aspects: [], modelThreshold: 1.5 })).toThrow(RangeError);
    expect(DEFAULT_MODEL_THRESHOLD).toBeGreaterThan(0.5);
  });
});

describe('neighbours by the model', () => {
  /** 40 groups of texts; each text its group's vector with its own noise. */
  function groups(perGroup: number): { vectors: Float32Array[]; group: number[] } {
    const vectors: Float32Array[] = [];
    const group: number[] = [];
    for (let g = 0; g < 40; g += 1) {
      for (let i = 0; i < perGroup; i += 1) {
        vectors.push(groupVector(`g${g}`, 128, `${g}-${i}`));
        group.push(g);
      }
    }
    return { vectors, group };
  }

  it('finds each text the others of its group first, never itself, exactly at meeting sizes', () => {
    const { vectors, group } = groups(5);
    const found = nearestTexts(vectors, vectors.map((_, i) => i), vectors);
    found.forEach((neighbours, i) => {
      expect(neighbours).not.toContain(i);
      // The four others of its group, then perhaps a group that happens to lie close (cosine ≥ 0.3).
      expect(neighbours.slice(0, 4).map((j) => group[j])).toEqual([group[i], group[i], group[i], group[i]]);
      expect(neighbours.slice(4).every((j) => group[j] !== group[i])).toBe(true);
    });
  });

  it('still finds neighbours of the same group by random hyperplanes when exact search would be too slow', () => {
    // 40 × 60 = 2,400 texts against themselves: 5.8M pairs, past the exact search's limit.
    const { vectors, group } = groups(60);
    const found = nearestTexts(vectors, vectors.map((_, i) => i), vectors);
    const withSameGroupNeighbour = found.filter((neighbours, i) => neighbours.length > 0 && neighbours.every((j) => group[j] === group[i])).length;
    expect(withSameGroupNeighbour / vectors.length).toBeGreaterThan(0.99);
  });

  it('proposes nothing below the floor: unrelated vectors are no neighbours', () => {
    const a = unit([1, 0, 0, 0]);
    const b = unit([0, 1, 0, 0]);
    expect(nearestTexts([a], [0], [a, b])).toEqual([[]]);
  });
});
