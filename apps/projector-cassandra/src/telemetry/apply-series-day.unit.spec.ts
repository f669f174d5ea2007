import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sample, telemetryEvent } from '../testing/events.js';
import { applySeriesDay, type SeriesDayStore } from './apply-series-day.js';
import { MINUTE_MS } from './buckets.js';
import { planBatch } from './plan.js';
import type { MinuteRow, Rollup } from './rollup.js';

const t0 = Date.parse('2026-11-23T09:30:00Z');

class Crash extends Error {}

/** The three tables of one series-day as maps; every written row spends one unit of `budget`. */
const memoryStore = () => {
  const tables = { raw: new Map<number, number>(), minutes: new Map<number, MinuteRow>(), hours: new Map<number, Rollup>() };
  let budget = Number.POSITIVE_INFINITY;
  const write = <T>(rows: T[], put: (row: T) => void) => {
    for (const r of rows) {
      if (budget-- <= 0) throw new Crash('killed mid-write');
      put(r);
    }
  };
  const within = (ranges: { from: number; to: number }[], x: number) => ranges.some((r) => r.from <= x && x < r.to);
  const store: SeriesDayStore = {
    writeSamples: async (samples) => write(samples, (s) => tables.raw.set(s.ts, s.value)),
    readMinutes: async (ranges) => [...tables.minutes.values()].filter((r) => within(ranges, r.bucket)),
    readSamples: async (ranges) => [...tables.raw].filter(([ts]) => within(ranges, ts)).map(([ts, value]) => ({ ts, value })),
    writeMinutes: async (rows) => write(rows, (r) => tables.minutes.set(r.bucket, r)),
    writeHours: async (rows) => write(rows, (r) => tables.hours.set(r.bucket, r.rollup)),
  };
  return { tables, store, crashAfter: (n: number) => void (budget = n), noCrash: () => void (budget = Number.POSITIVE_INFINITY) };
};

type Report = { ts: number; value: number }[];

/** Applies events batch by batch as the consumer would: a batch is committed once applied whole. */
const project = async (reports: Report[], splits: number[], crashes: number[]) => {
  const db = memoryStore();
  const events = reports.map((samples, i) => telemetryEvent('ten', 'dev', i, samples.map((s) => sample('m', s.ts, s.value))));
  let committed = 0;
  let split = 0;
  let crash = 0;
  while (committed < events.length) {
    const size = 1 + (splits[split++ % splits.length] ?? 0);
    const batch = events.slice(committed, committed + size);
    const budget = crashes[crash++];
    if (budget === undefined) db.noCrash();
    else db.crashAfter(budget);
    try {
      for (const unit of planBatch(batch).units) await applySeriesDay(unit.samples, db.store);
      committed += batch.length;
    } catch (e) {
      if (!(e instanceof Crash)) throw e;
      // Killed: the batch is not committed and is read again, possibly split differently.
    }
  }
  return db.tables;
};

describe('applying series-days, against an in-memory model of the tables', () => {
  it('writes raw rows, minute rows with their last timestamp, and hour rows', async () => {
    const t = await project([[{ ts: t0, value: 1 }, { ts: t0 + 30_000, value: 3 }], [{ ts: t0 + MINUTE_MS, value: 5 }]], [0], []);
    assert.deepEqual([...t.raw], [[t0, 1], [t0 + 30_000, 3], [t0 + MINUTE_MS, 5]]);
    assert.deepEqual(t.minutes.get(t0), { bucket: t0, rollup: { min: 1, max: 3, sum: 4, count: 2 }, lastTs: t0 + 30_000 });
    assert.deepEqual(t.hours.get(Date.parse('2026-11-23T09:00:00Z')), { min: 1, max: 5, sum: 9, count: 3 });
  });

  it('ends with the same cells whatever the batch sizes, late samples, rewritten samples and crashes mid-write', async () => {
    // Samples within three hours at second resolution: many share minutes, some share timestamps
    // (a later report overrides an earlier one), some arrive out of order.
    const report = fc.array(fc.record({ ts: fc.integer({ min: 0, max: 3 * 3600 }).map((s) => t0 + s * 1000), value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }) }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.array(report, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(6), { minLength: 1, maxLength: 10 }), fc.array(fc.nat(12), { maxLength: 12 }), async (reports, splits, crashes) => {
        const reference = await project(reports, [0], []);
        const crashed = await project(reports, splits, crashes);
        assert.deepEqual(crashed, reference);
        // And the reference is what the definitions say: last value per timestamp, folded in time order.
        const raw = new Map<number, number>();
        for (const s of reports.flat()) raw.set(s.ts, s.value);
        assert.deepEqual([...reference.raw].sort((a, b) => a[0] - b[0]), [...raw].sort((a, b) => a[0] - b[0]));
        const minutes = new Map<number, MinuteRow>();
        for (const [ts, value] of [...raw].sort((a, b) => a[0] - b[0])) {
          const m = ts - (ts % MINUTE_MS);
          const r = minutes.get(m)?.rollup;
          minutes.set(m, { bucket: m, rollup: r ? { min: Math.min(r.min, value), max: Math.max(r.max, value), sum: r.sum + value, count: r.count + 1 } : { min: value, max: value, sum: value, count: 1 }, lastTs: ts });
        }
        assert.deepEqual(new Map([...reference.minutes].sort((a, b) => a[0] - b[0])), minutes);
      }),
      { numRuns: 300 },
    );
  });
});
