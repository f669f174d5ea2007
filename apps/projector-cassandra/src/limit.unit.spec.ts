import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createLimiter, forEachBounded } from './limit.js';

describe('bounded concurrency', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const limiter = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        limiter.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(i % 3);
          running--;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(results, Array.from({ length: 40 }, (_, i) => i));
    assert.equal(limiter.active(), 0);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = createLimiter(1);
    await assert.rejects(limiter.run(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });

  it('refuses a limit that is not a positive integer', () => {
    assert.throws(() => createLimiter(0), RangeError);
  });

  it('works through items with a bounded pool, and stops taking new ones after a failure', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachBounded(Array.from({ length: 25 }, (_, i) => i), 4, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(1);
      done.push(i);
      running--;
    });
    assert.equal(peak, 4);
    assert.equal(done.length, 25);

    const started: number[] = [];
    await assert.rejects(
      forEachBounded(Array.from({ length: 100 }, (_, i) => i), 2, async (i) => {
        started.push(i);
        await sleep(1);
        if (i === 3) throw new Error('unit 3 failed');
      }),
      /unit 3 failed/,
    );
    assert.ok(started.length < 10, `started ${started.length} items after the failure`);
  });
});
