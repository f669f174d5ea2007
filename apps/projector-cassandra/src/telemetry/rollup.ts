// Rollups: min, max, sum and count of a bucket; the average is sum / count when read.
//
// A minute row is always the left fold, in timestamp order, of the raw samples it covers, and
// remembers the latest timestamp it covers (lastTs). New samples that all come after lastTs
// extend the stored row one by one, which continues that same fold; any other sample (late, or
// applied before by a replay) makes the minute be folded again from the raw rows. Either way the
// row ends bit-identical to a fold of all its samples, so replays and restarts change nothing.
import { hourOf, minuteOf } from './buckets.js';

export interface Rollup {
  min: number;
  max: number;
  sum: number;
  count: number;
}

export interface MinuteRow {
  bucket: number;
  rollup: Rollup;
  /** Latest sample timestamp the row covers. */
  lastTs: number;
}

export const average = (r: Rollup) => r.sum / r.count;

const add = (acc: Rollup | undefined, r: Rollup): Rollup =>
  acc ? { min: Math.min(acc.min, r.min), max: Math.max(acc.max, r.max), sum: acc.sum + r.sum, count: acc.count + r.count } : { ...r };

const ofValue = (value: number): Rollup => ({ min: value, max: value, sum: value, count: 1 });

/** Merges rollups in the order given. */
export const merge = (rs: Iterable<Rollup>): Rollup | undefined => {
  let acc: Rollup | undefined;
  for (const r of rs) acc = add(acc, r);
  return acc;
};

type Sample = { ts: number; value: number };

/** Folds samples (ascending ts) onto a row, or starts a row. */
const extend = (bucket: number, row: MinuteRow | undefined, samples: readonly Sample[]): MinuteRow => {
  let rollup = row?.rollup;
  for (const s of samples) rollup = add(rollup, ofValue(s.value));
  return { bucket, rollup: rollup!, lastTs: samples[samples.length - 1]!.ts };
};

const byMinute = (samples: readonly Sample[]) => {
  const out = new Map<number, Sample[]>();
  for (const s of [...samples].sort((a, b) => a.ts - b.ts)) {
    const m = minuteOf(s.ts);
    const list = out.get(m);
    if (list) list.push(s);
    else out.set(m, [s]);
  }
  return out;
};

/**
 * The new rows of the minutes a batch touches, where the stored rows suffice; the other touched
 * minutes are listed in `recompute`. `samples` are the batch's, one per timestamp.
 */
export const extendMinutes = (samples: readonly Sample[], stored: ReadonlyMap<number, MinuteRow>): { rows: MinuteRow[]; recompute: number[] } => {
  const rows: MinuteRow[] = [];
  const recompute: number[] = [];
  for (const [m, ss] of byMinute(samples)) {
    const row = stored.get(m);
    // No row: nothing of this minute was applied, or only by a batch that was cut short and is
    // being applied again now, whose later samples extend this row or trigger a recompute.
    if (!row || ss[0]!.ts > row.lastTs) rows.push(extend(m, row, ss));
    else recompute.push(m);
  }
  return { rows, recompute };
};

/** Minute rows folded from scratch: the raw rows read back, overlaid with the batch's samples. */
export const recomputeMinutes = (minutes: readonly number[], raw: readonly Sample[], samples: readonly Sample[]): MinuteRow[] => {
  const wanted = new Set(minutes);
  const values = new Map<number, number>();
  for (const s of [...raw, ...samples]) if (wanted.has(minuteOf(s.ts))) values.set(s.ts, s.value);
  return [...byMinute([...values].map(([ts, value]) => ({ ts, value })))].map(([m, ss]) => extend(m, undefined, ss));
};

/** Hour rollups of minute rows, folded in minute order. */
export const rollupHours = (minutes: Iterable<{ bucket: number; rollup: Rollup }>): Map<number, Rollup> => {
  const sorted = [...minutes].sort((a, b) => a.bucket - b.bucket);
  const out = new Map<number, Rollup>();
  for (const m of sorted) {
    const h = hourOf(m.bucket);
    out.set(h, add(out.get(h), m.rollup));
  }
  return out;
};
