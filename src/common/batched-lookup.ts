/**
 * Looks keys up in batches: the keys asked for while the event loop is busy with one burst of
 * requests go to the database together, in one `WHERE key IN (…)`, once the burst has been read.
 * On a quiet server a key is looked up alone, a turn of the event loop later.
 */
export class BatchedLookup<K, V> {
  private pending = new Map<K, Array<{ resolve(value: V | null): void; reject(error: unknown): void }>>();
  private scheduled = false;

  constructor(
    /** Finds the values of these keys; a key without one is left out of the map. */
    private readonly findMany: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 500,
  ) {}

  find(key: K): Promise<V | null> {
    return new Promise<V | null>((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()];
    for (let start = 0; start < keys.length; start += this.maxBatch) {
      const slice = keys.slice(start, start + this.maxBatch);
      this.findMany(slice).then(
        (found) => slice.forEach((key) => batch.get(key)!.forEach((waiting) => waiting.resolve(found.get(key) ?? null))),
        (error: unknown) => slice.forEach((key) => batch.get(key)!.forEach((waiting) => waiting.reject(error))),
      );
    }
  }
}
