/**
 * Group commit for independent writes: while `maxInFlight` batches are already running, new items
 * wait and leave together as the next batch, so under load one statement and one commit carry many
 * requests, and an idle engine sends each item at once (no added latency).
 *
 * A batch either succeeds for every item or fails as a whole (one statement, one transaction);
 * when a batch of several fails, each item is retried alone so that a bad item (a duplicate key)
 * fails only its own request.
 */
export class WriteCoalescer<Item, Result> {
  private waiting: { item: Item; settle: Settle<Result> }[] = [];
  private inFlight = 0;

  constructor(
    private readonly writeBatch: (items: Item[]) => Promise<Result[]>,
    private readonly options: { maxInFlight: number; maxBatch: number },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, settle: { resolve, reject } });
      this.drain();
    });
  }

  /** How many items are waiting or being written (idle coalescers can be dropped). */
  get pending(): number {
    return this.waiting.length + this.inFlight;
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async write(batch: { item: Item; settle: Settle<Result> }[]): Promise<void> {
    try {
      const results = await this.writeBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => entry.settle.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.settle.reject(error);
        return;
      }
      await Promise.all(batch.map((entry) => this.writeAlone(entry)));
    }
  }

  private async writeAlone({ item, settle }: { item: Item; settle: Settle<Result> }) {
    try {
      const [result] = await this.writeBatch([item]);
      settle.resolve(result!);
    } catch (error) {
      settle.reject(error);
    }
  }
}

interface Settle<Result> {
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}
