import { describe, expect, it } from '@jest/globals';
import { WriteCoalescer } from './write-coalescer.js';

/** A writer whose batches finish only when the test says so. */
function controlledWriter(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const finishers: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) => {
      finishers.push(() =>
        items.some(fail)
          ? reject(new Error(`bad item in ${items.join(',')}`))
          : resolve(items.map((item) => `row ${item}`)),
      );
    });
  };
  const finishAll = async () => {
    while (finishers.length > 0) {
      finishers.splice(0).forEach((finish) => finish());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, write, finishAll };
}

describe('WriteCoalescer', () => {
  it('writes at once while below its limit, and gathers what arrives meanwhile into one batch', async () => {
    const writer = controlledWriter();
    const coalescer = new WriteCoalescer(writer.write, { maxInFlight: 1, maxBatch: 10 });
    const results = [1, 2, 3, 4].map((item) => coalescer.submit(item));
    expect(writer.batches).toEqual([[1]]);
    await writer.finishAll();
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
    await expect(Promise.all(results)).resolves.toEqual(['row 1', 'row 2', 'row 3', 'row 4']);
    expect(coalescer.pending).toBe(0);
  });

  it('never puts more than maxBatch items in one batch', async () => {
    const writer = controlledWriter();
    const coalescer = new WriteCoalescer(writer.write, { maxInFlight: 1, maxBatch: 2 });
    const results = [1, 2, 3, 4, 5].map((item) => coalescer.submit(item));
    await writer.finishAll();
    await Promise.all(results);
    expect(writer.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const writer = controlledWriter((item) => item === 3);
    const coalescer = new WriteCoalescer(writer.write, { maxInFlight: 1, maxBatch: 10 });
    const results = [1, 2, 3, 4].map((item) => coalescer.submit(item).catch((e: Error) => e));
    await writer.finishAll();
    const settled = await Promise.all(results);
    expect(settled.slice(0, 2)).toEqual(['row 1', 'row 2']);
    expect(settled[2]).toBeInstanceOf(Error);
    expect((settled[2] as Error).message).toBe('bad item in 3');
    expect(settled[3]).toBe('row 4');
    expect(writer.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
