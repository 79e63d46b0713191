import { EmbeddingsSettings } from '../config/app-config';

/**
 * Why the endpoint gave no usable vectors. Its message names the endpoint's status or the shape
 * that was wrong, never a text: it goes to the log and the queue view.
 */
export class EmbeddingsFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingsFailure';
  }
}

/**
 * Talks to an OpenAI-compatible embeddings endpoint (Ollama, Xinference, Text Embeddings Inference,
 * vLLM): `POST {url}/embeddings` with `{"model", "input": [texts]}`, answered by
 * `{"data": [{"index", "embedding": [numbers]}]}`. Sends the texts and the model's name, nothing
 * else; one request per batch, each bounded by the timeout.
 */
export class EmbeddingsClient {
  constructor(private readonly settings: EmbeddingsSettings) {}

  /** The texts' vectors in their order, as the model gives them; throws EmbeddingsFailure. */
  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.settings.batchSize) {
      const batch = await this.embedBatch(texts.slice(start, start + this.settings.batchSize));
      if (vectors.length > 0 && batch[0].length !== vectors[0].length) {
        throw new EmbeddingsFailure(`the endpoint answered vectors of ${batch[0].length} dimensions after ${vectors[0].length}`);
      }
      vectors.push(...batch);
    }
    return vectors;
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    let body: unknown;
    try {
      // One signal for the answer and its body: a server that sends headers and then stalls times out too.
      const response = await fetch(`${this.settings.url}/embeddings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.settings.model, input: texts }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // The body is not quoted: an endpoint's error may echo the texts.
      if (!response.ok) throw new EmbeddingsFailure(`the endpoint answered HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      if (error instanceof EmbeddingsFailure) throw error;
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new EmbeddingsFailure(`no answer within ${this.settings.timeoutMs} ms`);
      if (error instanceof SyntaxError) throw new EmbeddingsFailure('the endpoint answered something that is not JSON');
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new EmbeddingsFailure(`the endpoint cannot be reached${cause ? ` (${cause})` : ''}`);
    }
    return readVectors(body, texts.length);
  }
}

/** The vectors of an answer in input order, checked: one per text, every index once, one dimension, finite numbers. */
export function readVectors(body: unknown, count: number): number[][] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new EmbeddingsFailure('the answer has no "data" list');
  if (data.length !== count) throw new EmbeddingsFailure(`the answer has ${data.length} vectors for ${count} texts`);
  const vectors: number[][] = new Array(count);
  let dimension = -1;
  for (const entry of data as Array<{ index?: unknown; embedding?: unknown } | null>) {
    const index = entry?.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count || vectors[index] !== undefined) {
      throw new EmbeddingsFailure('the answer\'s indexes do not cover the texts once each');
    }
    const embedding = entry?.embedding;
    if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new EmbeddingsFailure('the answer holds an embedding that is not a list of numbers');
    }
    if (dimension === -1) dimension = embedding.length;
    if (embedding.length !== dimension) throw new EmbeddingsFailure('the answer\'s vectors differ in dimension');
    vectors[index] = embedding as number[];
  }
  return vectors;
}
