import { TextVectors } from '../../src/embeddings/text-vectors';
import { MemoryVectorCache, VectorCache } from '../../src/embeddings/vector-cache';
import { EmbeddingsTestServer } from '../setup/embeddings-server';

/** TextVectors without the application, as the CLI would use it: an in-memory cache, warnings collected. */
describe('vectors for texts, in memory', () => {
  let server: EmbeddingsTestServer;
  const warnings: string[] = [];
  const log = { warn: (message: string) => void warnings.push(message) };
  const settings = () => ({ url: server.url, model: 'test-model', timeoutMs: 2000, batchSize: 2, threshold: 0.65 });

  beforeAll(async () => {
    server = await EmbeddingsTestServer.start({ dimension: 4 });
  });
  afterEach(() => {
    server.reset();
    warnings.length = 0;
  });
  afterAll(() => server.close());

  it('sends five distinct texts in three requests, and nothing on a second run', async () => {
    const vectors = new TextVectors(settings(), new MemoryVectorCache(), log);
    const texts = ['甲', '乙', '丙', '丁', '戊'];
    expect((await vectors.vectorsFor(texts))?.size).toBe(5);
    expect(server.requests).toHaveLength(3);
    expect((await vectors.vectorsFor([...texts].reverse()))?.size).toBe(5);
    expect(server.requests).toHaveLength(3);
    expect(warnings).toEqual([]);
  });

  it('is null, asks nothing and warns nothing without a model', async () => {
    const vectors = new TextVectors(null, new MemoryVectorCache(), log);
    expect(await vectors.vectorsFor(['甲'])).toBeNull();
    expect(server.requests).toHaveLength(0);
    expect(warnings).toEqual([]);
    expect(vectors.status()).toEqual(expect.objectContaining({ configured: false }));
  });

  it('still gives the vectors when the cache cannot be written, and says so', async () => {
    const broken: VectorCache = { find: async () => new Map(), save: async () => Promise.reject(new Error('disk full')) };
    const vectors = new TextVectors(settings(), broken, log);
    expect((await vectors.vectorsFor(['甲']))?.size).toBe(1);
    expect(warnings).toEqual(['embeddings cache not written (disk full): the texts will be sent again next time']);
  });

  it('is null, with a warning naming no text, when the cache cannot be read', async () => {
    const broken: VectorCache = { find: async () => Promise.reject(new Error('database down')), save: async () => undefined };
    const vectors = new TextVectors(settings(), broken, log, () => new Date('2026-12-07T08:00:00Z'));
    expect(await vectors.vectorsFor(['不外传的原文'])).toBeNull();
    expect(warnings).toEqual(['embeddings unavailable (database down): clustering goes on lexically']);
    expect(vectors.status()).toEqual({ configured: true, model: 'test-model', lastFailureAt: '2026-12-07T08:00:00.000Z', lastError: 'database down', lastSuccessAt: null });
  });
});
