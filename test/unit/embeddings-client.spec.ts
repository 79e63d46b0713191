import { loadConfig, loadEmbeddingsSettings } from '../../src/config/app-config';
import { ConfigError } from '../../src/config/environment';
import { EmbeddingsClient, EmbeddingsFailure, readVectors } from '../../src/embeddings/embeddings-client';
import { EmbeddingsTestServer } from '../setup/embeddings-server';

describe('the embeddings settings', () => {
  it('leave clustering lexical when EMBEDDINGS_URL is not set', () => {
    expect(loadConfig({}).embeddings).toBeNull();
  });

  it('read the endpoint, the model, the key, the timeout, the batch and the threshold, with defaults', () => {
    const config = loadConfig({ EMBEDDINGS_URL: 'http://models.example.internal:9997/v1/', EMBEDDINGS_MODEL: 'bge-m3' });
    expect(config.embeddings).toEqual({ url: 'http://models.example.internal:9997/v1', model: 'bge-m3', apiKey: undefined, timeoutMs: 10_000, batchSize: 64, threshold: 0.65 });
    expect(loadConfig({ EMBEDDINGS_URL: 'http://m/v1', EMBEDDINGS_MODEL: 'bge-m3', EMBEDDINGS_THRESHOLD: '0.8' }).embeddings?.threshold).toBe(0.8);
  });

  it('are read alone for the CLI, the rest of the environment left unchecked', () => {
    expect(loadEmbeddingsSettings({ EMBEDDINGS_URL: 'http://m/v1', EMBEDDINGS_MODEL: 'bge-m3', NODE_ENV: 'production' })).toMatchObject({ url: 'http://m/v1', model: 'bge-m3' });
    expect(loadEmbeddingsSettings({ PORT: 'not a port' })).toBeNull();
    expect(() => loadEmbeddingsSettings({ EMBEDDINGS_URL: 'http://m/v1', EMBEDDINGS_MODEL: 'bge-m3', EMBEDDINGS_THRESHOLD: '2' })).toThrow(/EMBEDDINGS_THRESHOLD/);
  });

  it('refuse to start with a URL and no model, or a URL that is not http(s), and never print the key', () => {
    expect(() => loadConfig({ EMBEDDINGS_URL: 'http://models.example.internal:9997/v1', EMBEDDINGS_API_KEY: 'sk-secret-key' })).toThrow(ConfigError);
    expect(() => loadConfig({ EMBEDDINGS_URL: 'http://models.example.internal:9997/v1' })).toThrow(/EMBEDDINGS_MODEL must be set with EMBEDDINGS_URL/);
    expect(() => loadConfig({ EMBEDDINGS_URL: 'models.example.internal', EMBEDDINGS_MODEL: 'bge-m3' })).toThrow(/EMBEDDINGS_URL must be an http\(s\) base URL/);
    expect(() => loadConfig({ EMBEDDINGS_URL: 'http://m/v1', EMBEDDINGS_MODEL: 'bge-m3', EMBEDDINGS_BATCH: '0' })).toThrow(/EMBEDDINGS_BATCH/);
    const refusal = (() => {
      try {
        loadConfig({ EMBEDDINGS_URL: 'http://m/v1', EMBEDDINGS_API_KEY: 'sk-secret-key', EMBEDDINGS_TIMEOUT_MS: 'soon' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refusal).toMatch(/EMBEDDINGS_TIMEOUT_MS[\s\S]*EMBEDDINGS_MODEL must be set/);
    expect(refusal).not.toContain('sk-secret-key');
  });
});

describe('the embeddings client', () => {
  let server: EmbeddingsTestServer;
  const settings = (overrides: Partial<{ apiKey: string; timeoutMs: number; batchSize: number }> = {}) => ({ url: server.url, model: 'test-model', timeoutMs: 2000, batchSize: 64, threshold: 0.65, ...overrides });

  beforeAll(async () => {
    server = await EmbeddingsTestServer.start({ dimension: 8 });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('sends the texts in batches, the model and the texts only, and returns the vectors in input order', async () => {
    const texts = ['一', '二', '三', '四', '五'];
    const vectors = await new EmbeddingsClient(settings({ batchSize: 2 })).embed(texts);
    expect(server.requests.map((request) => request.body.input)).toEqual([['一', '二'], ['三', '四'], ['五']]);
    expect(server.requests.every((request) => request.path === '/v1/embeddings' && Object.keys(request.body).sort().join() === 'input,model' && request.body.model === 'test-model')).toBe(true);
    expect(vectors).toEqual(texts.map((text) => server.vectorOf(text)));
  });

  it('sends the API key as a Bearer token, and no authorization without one', async () => {
    await new EmbeddingsClient(settings({ apiKey: 'sk-test-123' })).embed(['甲']);
    await new EmbeddingsClient(settings()).embed(['乙']);
    expect(server.requests.map((request) => request.authorization)).toEqual(['Bearer sk-test-123', undefined]);
  });

  it('fails within the timeout when the endpoint does not answer', async () => {
    server.mode = 'hang';
    const started = Date.now();
    await expect(new EmbeddingsClient(settings({ timeoutMs: 300 })).embed(['甲'])).rejects.toThrow(new EmbeddingsFailure('no answer within 300 ms'));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails on an error status without quoting the answer (it may echo the texts)', async () => {
    server.mode = 'fail';
    const failure = await new EmbeddingsClient(settings()).embed(['不能外传的原文']).catch((error: Error) => error);
    expect(failure).toEqual(new EmbeddingsFailure('the endpoint answered HTTP 500'));
  });

  it('fails, without a crash, when the endpoint cannot be reached', async () => {
    const closed = await EmbeddingsTestServer.start();
    const url = closed.url;
    await closed.close();
    await expect(new EmbeddingsClient({ ...settings(), url }).embed(['甲'])).rejects.toThrow(/the endpoint cannot be reached/);
  });

  it('refuses an answer whose indexes do not cover the texts', async () => {
    server.mode = 'bad';
    await expect(new EmbeddingsClient(settings()).embed(['甲', '乙'])).rejects.toThrow(/indexes do not cover the texts/);
  });

  it('checks the shape of an answer: a list, one vector per text, numbers, one dimension', () => {
    expect(() => readVectors(null, 1)).toThrow(/no "data" list/);
    expect(() => readVectors({ data: {} }, 1)).toThrow(/no "data" list/);
    expect(() => readVectors({ data: [] }, 1)).toThrow(/0 vectors for 1 texts/);
    expect(() => readVectors({ data: [{ index: 0, embedding: [1, 'x'] }] }, 1)).toThrow(/not a list of numbers/);
    expect(() => readVectors({ data: [{ index: 0, embedding: [] }] }, 1)).toThrow(/not a list of numbers/);
    expect(() => readVectors({ data: [{ index: 0, embedding: [1, 2] }, { index: 1, embedding: [1] }] }, 2)).toThrow(/differ in dimension/);
    expect(() => readVectors({ data: [{ index: 0, embedding: [1] }, { index: 0, embedding: [1] }] }, 2)).toThrow(/indexes/);
    expect(() => readVectors({ data: [{ index: 0.5, embedding: [1] }] }, 1)).toThrow(/indexes/);
    expect(readVectors({ data: [{ index: 1, embedding: [2, 0] }, { index: 0, embedding: [1, 0] }] }, 2)).toEqual([[1, 0], [2, 0]]);
  });
});
