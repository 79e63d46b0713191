import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the server received: what a model on the organisation's network would see. */
export interface EmbeddingsRequest {
  path: string;
  authorization: string | undefined;
  /** The parsed JSON body, every field of it. */
  body: { model?: unknown; input?: unknown; [field: string]: unknown };
}

/**
 * How the server answers: `ok` with vectors; `fail` with a 500; `hang` never (until closed);
 * `bad` with an answer of the wrong shape (an index missing); `zero` with a zero vector.
 */
export type EmbeddingsMode = 'ok' | 'fail' | 'hang' | 'bad' | 'zero';

export interface EmbeddingsServerOptions {
  dimension?: number;
  /**
   * The group a text belongs to: texts of one group get the same vector, other groups nearly
   * orthogonal ones (derived from the group's hash). Default: the text itself.
   */
  groupOf?: (text: string) => string;
}

/**
 * A small OpenAI-compatible embeddings endpoint for the tests (`POST /v1/embeddings`), on
 * loopback over real HTTP, with deterministic vectors. It counts the requests and texts it gets
 * and can be told to fail, to hang or to answer nonsense.
 */
export class EmbeddingsTestServer {
  readonly requests: EmbeddingsRequest[] = [];
  mode: EmbeddingsMode = 'ok';
  private readonly dimension: number;
  private readonly groupOf: (text: string) => string;

  private constructor(
    private readonly server: Server,
    options: EmbeddingsServerOptions,
  ) {
    this.dimension = options.dimension ?? 16;
    this.groupOf = options.groupOf ?? ((text) => text);
  }

  static async start(options: EmbeddingsServerOptions = {}): Promise<EmbeddingsTestServer> {
    // The handler runs only after the constructor has returned.
    const instance: EmbeddingsTestServer = new EmbeddingsTestServer(createServer((req, res) => void instance.answer(req, res)), options);
    await new Promise<void>((resolve) => instance.server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  /** The base URL, as EMBEDDINGS_URL takes it. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Every text received, in order, repeats included. */
  get texts(): string[] {
    return this.requests.flatMap((request) => (Array.isArray(request.body.input) ? (request.body.input as string[]) : []));
  }

  reset(): void {
    this.requests.length = 0;
    this.mode = 'ok';
  }

  /** The vector this server gives a text (before any normalisation by the client). */
  vectorOf(text: string): number[] {
    const seed = createHash('sha256').update(this.groupOf(text)).digest();
    // Values in [-1, 1) from the hash's bytes, scaled by 3 so the client's normalisation has work to do.
    return Array.from({ length: this.dimension }, (_, i) => 3 * ((seed[i % seed.length] ^ (i * 37)) % 256 - 128) / 128);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: EmbeddingsRequest['body'] = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      // recorded as an empty body
    }
    this.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
    if (this.mode === 'hang') return;
    if (this.mode === 'fail' || req.method !== 'POST' || req.url !== '/v1/embeddings' || !Array.isArray(body.input)) {
      res.writeHead(this.mode === 'fail' ? 500 : 400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `echoing ${JSON.stringify(body.input)}` } }));
      return;
    }
    const input = body.input as string[];
    let data = input.map((text, index) => ({ object: 'embedding', index, embedding: this.mode === 'zero' ? new Array<number>(this.dimension).fill(0) : this.vectorOf(text) }));
    if (this.mode === 'bad') data = data.map((entry) => ({ ...entry, index: entry.index + 1 }));
    // Answered in reverse order: the client must go by the indexes, not the order.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: 0, total_tokens: 0 } }));
  }
}
