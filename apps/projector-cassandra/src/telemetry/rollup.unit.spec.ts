import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HOUR_MS, MINUTE_MS } from './buckets.js';
import { average, extendMinutes, merge, recomputeMinutes, rollupHours, type MinuteRow } from './rollup.js';

const t0 = Date.parse('2026-11-23T10:00:00Z');
const none = new Map<number, MinuteRow>();

describe('rollups', () => {
  it('folds samples into min, max, sum, count and the latest timestamp per minute', () => {
    const { rows, recompute } = extendMinutes(
      [
        { ts: t0 + 10_000, value: 4 },
        { ts: t0, value: -2 },
        { ts: t0 + 59_999, value: 10 },
        { ts: t0 + MINUTE_MS, value: 7 },
      ],
      none,
    );
    assert.deepEqual(recompute, []);
    assert.deepEqual(rows, [
      { bucket: t0, rollup: { min: -2, max: 10, sum: 12, count: 3 }, lastTs: t0 + 59_999 },
      { bucket: t0 + MINUTE_MS, rollup: { min: 7, max: 7, sum: 7, count: 1 }, lastTs: t0 + MINUTE_MS },
    ]);
    assert.equal(average(rows[0]!.rollup), 4);
  });

  it('extends a stored minute with newer samples, and asks for a recompute when a sample is not newer', () => {
    const stored = new Map([[t0, { bucket: t0, rollup: { min: 1, max: 5, sum: 6, count: 2 }, lastTs: t0 + 20_000 }]]);
    assert.deepEqual(extendMinutes([{ ts: t0 + 30_000, value: 9 }], stored), { rows: [{ bucket: t0, rollup: { min: 1, max: 9, sum: 15, count: 3 }, lastTs: t0 + 30_000 }], recompute: [] });
    // Late (before lastTs) or already applied (at lastTs): fold the minute again from raw rows.
    assert.deepEqual(extendMinutes([{ ts: t0 + 5000, value: 9 }], stored), { rows: [], recompute: [t0] });
    assert.deepEqual(extendMinutes([{ ts: t0 + 20_000, value: 5 }], stored), { rows: [], recompute: [t0] });
  });

  it('recomputes a minute from raw rows, the batch overriding what was stored for its timestamps', () => {
    const raw = [
      { ts: t0 + 1000, value: 1 },
      { ts: t0 + 2000, value: 2 },
      { ts: t0 + MINUTE_MS + 1, value: 100 },
    ];
    const rows = recomputeMinutes([t0], raw, [{ ts: t0 + 2000, value: 20 }, { ts: t0 + 3000, value: 3 }]);
    assert.deepEqual(rows, [{ bucket: t0, rollup: { min: 1, max: 20, sum: 24, count: 3 }, lastTs: t0 + 3000 }]);
  });

  it('folds minute rows into hours', () => {
    const hours = rollupHours([
      { bucket: t0 + 5 * MINUTE_MS, rollup: { min: 1, max: 3, sum: 4, count: 2 } },
      { bucket: t0, rollup: { min: 0, max: 9, sum: 9, count: 2 } },
      { bucket: t0 + HOUR_MS, rollup: { min: 5, max: 5, sum: 5, count: 1 } },
    ]);
    assert.deepEqual(hours.get(t0), { min: 0, max: 9, sum: 13, count: 4 });
    assert.deepEqual(hours.get(t0 + HOUR_MS), { min: 5, max: 5, sum: 5, count: 1 });
  });

  it('extending batch after batch gives the same bits as folding everything at once', () => {
    const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ ts: fc.integer({ min: t0, max: t0 + 10 * MINUTE_MS }), value }), { selector: (s) => s.ts, minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 10 }), (samples, cut) => {
        const sorted = [...samples].sort((a, b) => a.ts - b.ts);
        const stored = new Map<number, MinuteRow>();
        for (let i = 0; i < sorted.length; i += cut) {
          const { rows, recompute } = extendMinutes(sorted.slice(i, i + cut), stored);
          assert.deepEqual(recompute, []);
          for (const r of rows) stored.set(r.bucket, r);
        }
        const atOnce = recomputeMinutes([...stored.keys()], [], sorted);
        assert.deepEqual([...stored.values()].sort((a, b) => a.bucket - b.bucket), atOnce);
      }),
    );
  });

  it('an hour of minute rows has the min, max and count of its samples', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: HOUR_MS - 1 }), { minLength: 1, maxLength: 300 }), (offsets) => {
        const samples = offsets.map((o, i) => ({ ts: t0 + o, value: (i % 17) - 8 }));
        const hour = rollupHours(extendMinutes(samples, none).rows).get(t0)!;
        const values = samples.map((s) => s.value);
        assert.equal(hour.min, Math.min(...values));
        assert.equal(hour.max, Math.max(...values));
        assert.equal(hour.count, values.length);
        assert.equal(hour.sum, values.reduce((x, y) => x + y, 0));
      }),
    );
  });

  it('merges rollups, and has nothing to merge from nothing', () => {
    assert.equal(merge([]), undefined);
    assert.deepEqual(merge([{ min: 1, max: 2, sum: 3, count: 2 }, { min: -1, max: 0, sum: -1, count: 2 }]), { min: -1, max: 2, sum: 2, count: 4 });
  });
});
