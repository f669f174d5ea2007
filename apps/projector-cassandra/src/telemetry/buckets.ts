// Time buckets, all in UTC: a sample's raw partition (day), its minute and hour rollup rows, and the
// partition of its hour rollup (month). Timestamps are validated, non-negative epoch milliseconds.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const floorTo = (ts: number, step: number) => ts - (((ts % step) + step) % step);

export const minuteOf = (ts: number) => floorTo(ts, MINUTE_MS);
export const hourOf = (ts: number) => floorTo(ts, HOUR_MS);

/** Days since 1970-01-01: the `day` partition column of raw samples and minute rollups. */
export const dayOf = (ts: number) => Math.floor(ts / DAY_MS);

/** Days since 1970-01-01 of the first day of the sample's month: the hour rollups' partition. */
export const monthOf = (ts: number) => {
  const d = new Date(ts);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
};

/** A half-open time range [from, to). */
export interface Range {
  from: number;
  to: number;
}

/**
 * Groups bucket starts (any order, duplicates allowed) into few ranges to read: buckets at most
 * `maxGap` empty buckets apart share one range, so one query covers a run of touched minutes
 * without reading far beyond them.
 */
export const rangesOf = (buckets: Iterable<number>, step: number, maxGap = 0): Range[] => {
  const sorted = [...new Set(buckets)].sort((a, b) => a - b);
  const ranges: Range[] = [];
  for (const b of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && b - last.to <= maxGap * step) last.to = b + step;
    else ranges.push({ from: b, to: b + step });
  }
  return ranges;
};
