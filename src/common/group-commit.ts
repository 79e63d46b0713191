/** How one entry of a batch came out: its value, or the error that is its own. */
export type Outcome<R> = { value: R } | { error: unknown };

interface Waiting<T, R> {
  entry: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: while earlier batches are being written, the entries that arrive meanwhile wait
 * and go together in the next one. Alone, an entry is written at once; under load, a burst costs a
 * few round trips instead of hundreds. Each caller's promise settles with its own entry's outcome,
 * only once that entry is committed (or refused), so an answer never runs ahead of the database.
 */
export class GroupCommit<T, R> {
  private readonly waiting: Array<Waiting<T, R>> = [];
  private inFlight = 0;

  constructor(
    /** Writes a batch and says how each entry came out, in order. */
    private readonly commit: (entries: T[]) => Promise<Array<Outcome<R>>>,
    private readonly maxInFlight: number,
    private readonly maxBatch: number,
  ) {}

  submit(entry: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.flush();
      });
    }
  }

  private async run(batch: Array<Waiting<T, R>>): Promise<void> {
    let outcomes: Array<Outcome<R>>;
    try {
      outcomes = await this.commit(batch.map((waiting) => waiting.entry));
    } catch (error) {
      outcomes = batch.map(() => ({ error }));
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index] ?? { error: new Error('group commit: no outcome for an entry') };
      if ('value' in outcome) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}

/**
 * A batch's outcomes when one bad entry must not fail the others: the batch as a whole first,
 * and if that fails, each entry on its own, answering for itself. An error for which `tryAlone`
 * says no (a database outage, whose batch may even have been committed) is every entry's answer.
 */
export async function eachOnItsOwnIfTheBatchFails<T, R>(
  entries: T[],
  write: (entries: T[]) => Promise<R[]>,
  tryAlone: (error: unknown) => boolean = () => true,
): Promise<Array<Outcome<R>>> {
  try {
    return (await write(entries)).map((value) => ({ value }));
  } catch (error) {
    if (entries.length === 1 || !tryAlone(error)) return entries.map(() => ({ error }));
    return Promise.all(entries.map((entry) => write([entry]).then(([value]): Outcome<R> => ({ value }), (own: unknown): Outcome<R> => ({ error: own }))));
  }
}
