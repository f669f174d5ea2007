import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DAY_MS, HOUR_MS, MINUTE_MS, dayOf, hourOf, minuteOf, monthOf, rangesOf } from './buckets.js';

const at = (iso: string) => Date.parse(iso);

describe('time buckets (UTC)', () => {
  it('puts a sample in its minute, hour, day and month', () => {
    const ts = at('2026-11-30T23:59:59.999Z');
    assert.equal(minuteOf(ts), at('2026-11-30T23:59:00Z'));
    assert.equal(hourOf(ts), at('2026-11-30T23:00:00Z'));
    assert.equal(dayOf(ts), at('2026-11-30T00:00:00Z') / DAY_MS);
    assert.equal(monthOf(ts), at('2026-11-01T00:00:00Z') / DAY_MS);
    // One millisecond later is the next minute, hour, day and month.
    assert.equal(minuteOf(ts + 1), at('2026-12-01T00:00:00Z'));
    assert.equal(hourOf(ts + 1), at('2026-12-01T00:00:00Z'));
    assert.equal(dayOf(ts + 1), dayOf(ts) + 1);
    assert.equal(monthOf(ts + 1), at('2026-12-01T00:00:00Z') / DAY_MS);
  });

  it('nests buckets: a minute lies in its hour, an hour in its day, a day in its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }), (ts) => {
        const m = minuteOf(ts);
        assert.ok(m <= ts && ts < m + MINUTE_MS);
        assert.equal(hourOf(m), hourOf(ts));
        assert.ok(hourOf(ts) <= m && m < hourOf(ts) + HOUR_MS);
        assert.equal(dayOf(hourOf(ts)), dayOf(ts));
        assert.ok(monthOf(ts) <= dayOf(ts) && dayOf(ts) - monthOf(ts) < 31);
        assert.equal(new Date(monthOf(ts) * DAY_MS).getUTCDate(), 1);
      }),
    );
  });
});

describe('ranges of touched buckets', () => {
  it('joins adjacent buckets and keeps distant ones apart', () => {
    const m = (i: number) => i * MINUTE_MS;
    assert.deepEqual(rangesOf([m(5), m(3), m(4), m(4), m(9)], MINUTE_MS), [
      { from: m(3), to: m(6) },
      { from: m(9), to: m(10) },
    ]);
    // Up to two empty minutes in between: one read.
    assert.deepEqual(rangesOf([m(3), m(6), m(10)], MINUTE_MS, 2), [
      { from: m(3), to: m(7) },
      { from: m(10), to: m(11) },
    ]);
    assert.deepEqual(rangesOf([], MINUTE_MS), []);
  });

  it('covers every bucket given, and nothing outside the gap allowance', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (ids, gap) => {
        const buckets = ids.map((i) => i * MINUTE_MS);
        const ranges = rangesOf(buckets, MINUTE_MS, gap);
        for (const b of buckets) assert.equal(ranges.filter((r) => r.from <= b && b < r.to).length, 1);
        for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i]!.from - ranges[i - 1]!.to > gap * MINUTE_MS);
        for (const r of ranges) {
          assert.ok(buckets.includes(r.from) && buckets.includes(r.to - MINUTE_MS));
        }
      }),
    );
  });
});
