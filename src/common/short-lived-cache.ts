/**
 * Remembers values for a few seconds, for the public routes' bursts (a poster in a canteen, a
 * department filling its forms at once): one read every `ttlMs` instead of one per request.
 * Concurrent misses for a key wait for one load, not one each. Whoever changes the underlying
 * record forgets it here at once — including a load already under way, whose result may predate
 * the change. Its owners hear of changes in other processes through the change bus
 * (core/change-bus.ts); `ttlMs` bounds how stale a value can be when that message is lost.
 */
export class ShortLivedCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  private readonly loading = new Map<K, Promise<V>>();
  /** Bumped by every forget: a load that started before it must not store what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > Date.now()) return Promise.resolve(cached.value);
    let pending = this.loading.get(key);
    if (!pending) {
      const startedIn = this.generation;
      pending = load()
        .then((value) => {
          if (startedIn === this.generation) this.store(key, value);
          return value;
        })
        .finally(() => {
          if (this.loading.get(key) === pending) this.loading.delete(key);
        });
      this.loading.set(key, pending);
    }
    return pending;
  }

  forget(key: K): void {
    this.generation += 1;
    this.entries.delete(key);
    this.loading.delete(key);
  }

  forgetWhere(matches: (value: V) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
    // What a load under way will return is unknown: none of them may be kept.
    this.loading.clear();
  }

  private store(key: K, value: V): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const now = Date.now();
      for (const [other, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(other);
      if (this.entries.size >= this.maxEntries) this.entries.clear();
    }
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }
}
