// How one series-day of samples is applied: its raw rows, the minute rows it touches and the hour
// rows above them. Storage is passed in (Cassandra in the app, maps in the model test).
import { HOUR_MS, MINUTE_MS, hourOf, rangesOf, type Range } from './buckets.js';
import type { RawSample } from './plan.js';
import { extendMinutes, recomputeMinutes, rollupHours, type MinuteRow, type Rollup } from './rollup.js';

export interface SeriesDayStore {
  writeSamples: (samples: RawSample[]) => Promise<void>;
  /** Stored minute rows of the series-day inside the ranges. */
  readMinutes: (ranges: Range[]) => Promise<MinuteRow[]>;
  /** Stored raw samples of the series-day inside the ranges. */
  readSamples: (ranges: Range[]) => Promise<{ ts: number; value: number }[]>;
  writeMinutes: (rows: MinuteRow[]) => Promise<void>;
  writeHours: (rows: { bucket: number; rollup: Rollup }[]) => Promise<void>;
}

export interface SeriesDayApplied {
  samples: number;
  minutes: number;
  hours: number;
  /** Minutes folded again from raw rows (late or replayed samples). */
  recomputed: number;
}

/** Touched minutes this many empty minutes apart are read back with one range query. */
const MINUTE_GAP = 2;

/** Runs both, and fails only once both have finished: a retry never races a write of the attempt before. */
const both = async <A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> => {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
};

/**
 * Two round trips in the usual case: the raw rows are written while the minute rows of the touched
 * hours are read; then the new minute rows and the hour rows are written together. A late or
 * replayed sample adds one read of the raw rows of its minute. Applying the same samples again
 * rewrites the same cells.
 */
export const applySeriesDay = async (samples: RawSample[], store: SeriesDayStore): Promise<SeriesDayApplied> => {
  const touchedHours = new Set(samples.map((s) => hourOf(s.ts)));
  const [, stored] = await both(store.writeSamples(samples), store.readMinutes(rangesOf(touchedHours, HOUR_MS)));
  const minutes = new Map(stored.map((r) => [r.bucket, r]));
  const { rows, recompute } = extendMinutes(samples, minutes);
  if (recompute.length > 0) rows.push(...recomputeMinutes(recompute, await store.readSamples(rangesOf(recompute, MINUTE_MS, MINUTE_GAP)), samples));
  for (const r of rows) minutes.set(r.bucket, r);
  const hours = [...rollupHours(minutes.values())].filter(([h]) => touchedHours.has(h)).map(([bucket, rollup]) => ({ bucket, rollup }));
  await both(store.writeMinutes(rows), store.writeHours(hours));
  return { samples: samples.length, minutes: rows.length, hours: hours.length, recomputed: recompute.length };
};
