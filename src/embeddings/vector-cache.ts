/**
 * Where vectors already asked for are kept, by model and text hash: the database for the api and
 * the worker (DatabaseVectorCache), memory for a one-off run such as `cli cluster`.
 */
export interface VectorCache {
  /** The vectors found among `hashes` (unit length, as saved). */
  find(model: string, hashes: string[]): Promise<Map<string, Float32Array>>;
  /** Keeps fresh vectors; one already kept is left as it is. */
  save(model: string, vectors: Map<string, Float32Array>): Promise<void>;
}

/** A cache for one process's lifetime. */
export class MemoryVectorCache implements VectorCache {
  private readonly vectors = new Map<string, Float32Array>();

  async find(model: string, hashes: string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    for (const hash of hashes) {
      const vector = this.vectors.get(`${model}\n${hash}`);
      if (vector) found.set(hash, vector);
    }
    return found;
  }

  async save(model: string, vectors: Map<string, Float32Array>): Promise<void> {
    for (const [hash, vector] of vectors) if (!this.vectors.has(`${model}\n${hash}`)) this.vectors.set(`${model}\n${hash}`, vector);
  }
}
