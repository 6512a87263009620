/**
 * A cache of database rows that is told when they change (see ChangeFeed). A value loaded while
 * an invalidation arrived is not kept: it may predate the change.
 */
export class InvalidatedCache<Value> {
  private readonly values = new Map<string, Value>();
  private generation = 0;

  constructor(private readonly maxEntries: number) {}

  async get(
    key: string,
    load: () => Promise<Value | undefined>,
    canServe: boolean,
  ): Promise<Value | undefined> {
    if (!canServe) return load();
    const cached = this.values.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation) {
      if (this.values.size >= this.maxEntries) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }

  delete(key: string): void {
    this.generation += 1;
    this.values.delete(key);
  }

  deleteWhere(matches: (value: Value, key: string) => boolean): void {
    this.generation += 1;
    for (const [key, value] of this.values) if (matches(value, key)) this.values.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.values.clear();
  }
}
