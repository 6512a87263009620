import { describe, expect, it } from '@jest/globals';
import { HitCounter, totalKey, type HitCount } from './hit-counter.js';

/** One shared table for several counters (engines); sends finish only when the test says so. */
function sharedTable() {
  const totals = new Map<string, number>();
  const sends: HitCount[][] = [];
  const pending: (() => void)[] = [];
  let failNext = false;
  const send = (counts: HitCount[]) => {
    sends.push(counts);
    return new Promise<Map<string, number>>((resolve, reject) => {
      pending.push(() => {
        if (failNext) {
          failNext = false;
          reject(new Error('connection lost'));
          return;
        }
        const answer = new Map<string, number>();
        for (const { bucket, windowStart, hits } of counts) {
          const key = totalKey(bucket, windowStart);
          totals.set(key, (totals.get(key) ?? 0) + hits);
          answer.set(key, totals.get(key)!);
        }
        resolve(answer);
      });
    });
  };
  /** Lets every send finish, also those started by finishing others. */
  const finishAll = async () => {
    for (let round = 0; round < 20; round += 1) {
      pending.splice(0).forEach((finish) => finish());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return {
    totals,
    sends,
    send,
    finishAll,
    failNextSend: () => (failNext = true),
  };
}

let clock = 1_000_000_020_000;
const counterOn = (table: ReturnType<typeof sharedTable>, limit: number) =>
  new HitCounter({
    limit,
    windowSeconds: 60,
    flushIntervalMs: 60_000,
    send: table.send,
    onFlushError: () => undefined,
    now: () => clock,
  });

/** Sends `count` hits at once; answers how many were allowed, after the sends finish. */
async function hits(counter: HitCounter, table: ReturnType<typeof sharedTable>, count: number) {
  const answers = Array.from({ length: count }, () => counter.hit('client'));
  await table.finishAll();
  return (await Promise.all(answers)).filter(Boolean).length;
}

describe('HitCounter', () => {
  it('decides far from the limit without a round trip, and sends the counts in one statement', async () => {
    const table = sharedTable();
    const counter = counterOn(table, 1_000);
    expect(await hits(counter, table, 50)).toBe(50);
    expect(table.sends).toHaveLength(0);
    const flushed = counter.flush();
    await table.finishAll();
    await flushed;
    expect(table.sends).toEqual([
      [{ bucket: 'client', windowStart: expect.any(Number), hits: 50 }],
    ]);
  });

  it('allows exactly the limit on one engine, however many hits arrive at once', async () => {
    const table = sharedTable();
    const counter = counterOn(table, 10);
    expect(await hits(counter, table, 25)).toBe(10);
    expect(await hits(counter, table, 5)).toBe(0);
  });

  it('counts the hits of every engine: near the limit each hit is decided on the shared total', async () => {
    const table = sharedTable();
    const a = counterOn(table, 10);
    const b = counterOn(table, 10);
    expect(await hits(a, table, 10)).toBe(10);
    // b has not heard of a's hits: it admits up to half the limit on its own, then asks.
    expect(await hits(b, table, 10)).toBeLessThanOrEqual(5);
    expect(await hits(b, table, 3)).toBe(0);
    expect(await hits(a, table, 3)).toBe(0);
  });

  it('keeps the hits of a failed send and sends them again', async () => {
    const table = sharedTable();
    const counter = counterOn(table, 4);
    expect(await hits(counter, table, 2)).toBe(2);
    table.failNextSend();
    const failed = counter.hit('client');
    await table.finishAll();
    await expect(failed).rejects.toThrow('connection lost');
    expect(await hits(counter, table, 3)).toBe(1);
    const flushed = counter.flush();
    await table.finishAll();
    await flushed;
    expect([...table.totals.values()]).toEqual([6]);
  });

  it('starts again in a new window and forgets the old one once it is sent', async () => {
    const table = sharedTable();
    const counter = counterOn(table, 2);
    expect(await hits(counter, table, 3)).toBe(2);
    clock += 60_000;
    expect(await hits(counter, table, 2)).toBe(2);
    const flushed = counter.flush();
    await table.finishAll();
    await flushed;
    expect(counter.size).toBe(1);
  });

  it('sends what is left when it is closed', async () => {
    const table = sharedTable();
    const counter = counterOn(table, 100);
    expect(await hits(counter, table, 3)).toBe(3);
    const closed = counter.close();
    await table.finishAll();
    await closed;
    expect([...table.totals.values()]).toEqual([3]);
  });
});
