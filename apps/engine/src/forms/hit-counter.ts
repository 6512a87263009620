/** Hits of one bucket in one window, as sent to (and totalled by) the shared table. */
export interface HitCount {
  bucket: string;
  /** Seconds since the epoch, a multiple of the window length. */
  windowStart: number;
  hits: number;
}

/** Adds the counts to the shared totals; answers each bucket's new total (see `totalKey`). */
export type SendHits = (counts: HitCount[]) => Promise<Map<string, number>>;

export const totalKey = (bucket: string, windowStart: number) => `${windowStart}\0${bucket}`;

export interface HitCounterOptions {
  /** Hits a bucket may have per window; more are refused. */
  limit: number;
  windowSeconds: number;
  /** How long a counted hit may stay unsent (the other engines do not see it meanwhile). */
  flushIntervalMs: number;
  send: SendHits;
  onFlushError: (error: unknown) => void;
  now?: () => number;
}

/**
 * While a bucket's estimate is at most this share of the limit, its hits are decided here alone;
 * above it, each hit waits for the shared total (see ADR 0010 for what this bounds).
 */
export const LOCAL_SHARE = 0.5;

interface Counter {
  bucket: string;
  windowStart: number;
  /** The shared total at the last flush (every engine's sent hits, ours included). */
  known: number;
  /** Hits of a failed flush, sent again before `unsent`. */
  retry: number;
  /** Hits counted since the last flush started; a waiting hit knows its position among them. */
  unsent: number;
  /** Hits in the flush that is running. */
  sending: number;
}

interface Sent {
  total: number;
  /** How many of this counter's hits the flush carried, and how many of those were retried. */
  count: number;
  retried: number;
}

type Flushed = Map<Counter, Sent>;

interface Waiter {
  resolve: (flushed: Flushed) => void;
  reject: (error: unknown) => void;
}

/**
 * Rate-limit counting per engine with the totals kept in PostgreSQL: hits are counted in memory
 * and sent in one statement per flush (at most every `flushIntervalMs`, only while there is
 * something to send); each flush answers the shared totals, so an engine learns of the other
 * engines' hits. A bucket far from its limit costs no round trip; one near it is decided on the
 * shared total, and one known to be over it is refused at once.
 */
export class HitCounter {
  private readonly counters = new Map<string, Counter>();
  private readonly now: () => number;
  private waiters: Waiter[] = [];
  private flushing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: HitCounterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Counts one hit of `bucket` in the current window; answers whether it is within the limit. */
  async hit(bucket: string): Promise<boolean> {
    const { limit } = this.options;
    const counter = this.counterOf(bucket, this.windowStart());
    counter.unsent += 1;
    const position = counter.unsent;
    const estimate = counter.known + counter.retry + counter.sending + counter.unsent;
    this.scheduleFlush();
    if (estimate > limit) return false;
    if (estimate <= limit * LOCAL_SHARE) return true;
    const sent = (await this.flush()).get(counter)!;
    return sent.total - sent.count + sent.retried + position <= limit;
  }

  /** Seconds until the current window ends (a refused client's Retry-After). */
  secondsLeftInWindow(): number {
    const { windowSeconds } = this.options;
    return windowSeconds - (Math.floor(this.now() / 1000) % windowSeconds);
  }

  /**
   * Sends every hit counted so far (one statement); resolves once they are in the shared table.
   * Flushes run one at a time: a call during one is served by the next.
   */
  flush(): Promise<Flushed> {
    return new Promise<Flushed>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.flushing) void this.runFlushes();
    });
  }

  /** Stops the timer and sends what is left (engine shutdown). */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if ([...this.counters.values()].some((counter) => counter.unsent + counter.retry > 0))
      await this.flush();
  }

  /** Counters kept in memory (for tests: windows that ended are dropped once sent). */
  get size(): number {
    return this.counters.size;
  }

  private async runFlushes(): Promise<void> {
    this.flushing = true;
    while (this.waiters.length > 0) {
      const waiters = this.waiters.splice(0);
      const taken = this.take();
      try {
        const totals =
          taken.length === 0
            ? new Map<string, number>()
            : await this.options.send(
                taken.map(({ counter, count }) => ({
                  bucket: counter.bucket,
                  windowStart: counter.windowStart,
                  hits: count,
                })),
              );
        const flushed: Flushed = new Map();
        for (const { counter, count, retried } of taken) {
          const total = totals.get(totalKey(counter.bucket, counter.windowStart)) ?? 0;
          counter.sending -= count;
          counter.known = Math.max(counter.known, total);
          flushed.set(counter, { total, count, retried });
        }
        for (const waiter of waiters) waiter.resolve(flushed);
      } catch (error) {
        for (const { counter, count } of taken) {
          counter.sending -= count;
          counter.retry += count;
        }
        for (const waiter of waiters) waiter.reject(error);
        this.scheduleFlush();
      }
    }
    this.flushing = false;
  }

  /** Moves every counted hit into the flush about to run; drops counters of ended windows. */
  private take(): { counter: Counter; count: number; retried: number }[] {
    const current = this.windowStart();
    const taken: { counter: Counter; count: number; retried: number }[] = [];
    for (const [key, counter] of this.counters) {
      const count = counter.retry + counter.unsent;
      if (count > 0) {
        taken.push({ counter, count, retried: counter.retry });
        counter.sending += count;
        counter.retry = 0;
        counter.unsent = 0;
      } else if (counter.windowStart < current && counter.sending === 0) {
        this.counters.delete(key);
      }
    }
    // Every engine locks the shared rows in the same order, so two flushes cannot deadlock.
    return taken.sort(
      (a, b) =>
        a.counter.windowStart - b.counter.windowStart ||
        (a.counter.bucket < b.counter.bucket ? -1 : a.counter.bucket > b.counter.bucket ? 1 : 0),
    );
  }

  private scheduleFlush(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => this.options.onFlushError(error));
    }, this.options.flushIntervalMs);
    this.timer.unref();
  }

  private counterOf(bucket: string, windowStart: number): Counter {
    const key = totalKey(bucket, windowStart);
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { bucket, windowStart, known: 0, retry: 0, unsent: 0, sending: 0 };
      this.counters.set(key, counter);
    }
    return counter;
  }

  private windowStart(): number {
    const { windowSeconds } = this.options;
    return Math.floor(this.now() / 1000 / windowSeconds) * windowSeconds;
  }
}
