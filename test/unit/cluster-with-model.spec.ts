import { clusterAll } from '../../src/clustering/cluster';
import { clusterWithModel } from '../../src/embeddings/cluster-with-model';
import { normaliseForEmbedding } from '../../src/embeddings/embedding-text';
import { EmbeddingsTestServer } from '../setup/embeddings-server';
import { labelledSet, pairwise } from '../setup/labelled-sets';

/** `cli cluster` with an embedding model, against a real HTTP test model. */

const rows = labelledSet('labelled-opinions-holdout.jsonl');


describe('cli cluster with an embedding model', () => {
  let model: EmbeddingsTestServer;
  const clusterOf = new Map(rows.map((row) => [normaliseForEmbedding(row.text), row.cluster]));
  const settings = () => ({ url: model.url, model: 'test-model', timeoutMs: 2000, batchSize: 32, threshold: 0.65 });

  beforeAll(async () => {
    // A model that agrees with the people who labelled the set: one vector per labelled cluster.
    model = await EmbeddingsTestServer.start({ dimension: 64, groupOf: (text) => clusterOf.get(text) ?? text });
  });
  afterEach(() => model.reset());
  afterAll(() => model.close());

  it('reaches precision and recall of 0.95 when the vectors agree with the labelled grouping, sending each distinct text once', async () => {
    const warnings: string[] = [];
    const items = (await clusterWithModel(rows, settings(), (message) => warnings.push(message))).map((row) => row.item);
    const quality = pairwise(rows.map((row) => row.cluster), items);
    expect({ precision: quality.precision >= 0.95, recall: quality.recall >= 0.95, quality }).toMatchObject({ precision: true, recall: true });
    const distinct = new Set(rows.map((row) => normaliseForEmbedding(row.text)));
    expect(model.texts).toHaveLength(distinct.size);
    expect(new Set(model.texts).size).toBe(distinct.size);
    expect(model.requests.every((request) => Array.isArray(request.body.input) && (request.body.input as string[]).length <= 32)).toBe(true);
    // Only the model's name and the texts go out.
    expect(model.requests.every((request) => Object.keys(request.body).sort().join() === 'input,model')).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('clusters by words alone, exactly as without a model, when the model fails, and says so', async () => {
    model.mode = 'fail';
    const warnings: string[] = [];
    expect(await clusterWithModel(rows, settings(), (message) => warnings.push(message))).toEqual(clusterAll(rows));
    expect(warnings).toEqual([expect.stringContaining('clustering goes on lexically')]);
  });

  it('asks nothing without settings', async () => {
    expect(await clusterWithModel(rows, null, () => undefined)).toEqual(clusterAll(rows));
    expect(model.requests).toHaveLength(0);
  });
});
