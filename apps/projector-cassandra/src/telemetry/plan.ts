// Turns one partition's batch of events into units of work: the samples of one series (tenant,
// device, metric) on one UTC day, which is one raw partition and one minute-rollup partition.
import { dayOf } from './buckets.js';
import { validateTelemetry, type RejectionCode, type TelemetryLike } from './validate.js';

export interface RawSample {
  ts: number;
  value: number;
  unit: string | null;
  eventId: string;
}

export interface SeriesDay {
  tenantId: string;
  deviceId: string;
  metric: string;
  /** Days since 1970-01-01 (UTC). */
  day: number;
  /** One per timestamp, ascending. */
  samples: RawSample[];
}

export interface Rejection {
  /** Position of the event in the batch. */
  index: number;
  code: RejectionCode;
  message: string;
}

export interface BatchPlan {
  units: SeriesDay[];
  rejected: Rejection[];
  /** Events that will be applied (all but the rejected). */
  appliedEvents: number;
  /** Raw rows the units write: distinct (series, ts) pairs. */
  rows: number;
}

/**
 * Pure. Events are taken in offset order; when two samples of a series share a timestamp the later
 * one wins, as it does in the table, so the plan writes what a sample-by-sample replay would leave.
 */
export const planBatch = (events: readonly { type: string }[]): BatchPlan => {
  const units = new Map<string, { unit: SeriesDay; byTs: Map<number, RawSample> }>();
  const rejected: Rejection[] = [];
  events.forEach((event, index) => {
    const verdict = validateTelemetry(event);
    if (!verdict.ok) {
      rejected.push({ index, code: verdict.code, message: verdict.message });
      return;
    }
    const e = event as unknown as TelemetryLike & { eventId: string };
    for (const s of e.payload.samples) {
      const day = dayOf(s.ts);
      // Validation bans control characters from every part, so \u0000 cannot occur inside one.
      const key = `${e.tenantId}\u0000${e.aggregateId}\u0000${s.metric}\u0000${day}`;
      let u = units.get(key);
      if (!u) units.set(key, (u = { unit: { tenantId: e.tenantId, deviceId: e.aggregateId, metric: s.metric, day, samples: [] }, byTs: new Map() }));
      u.byTs.set(s.ts, { ts: s.ts, value: s.value, unit: s.unit, eventId: e.eventId });
    }
  });
  let rows = 0;
  const out = [...units.values()].map(({ unit, byTs }) => {
    unit.samples = [...byTs.values()].sort((a, b) => a.ts - b.ts);
    rows += unit.samples.length;
    return unit;
  });
  return { units: out, rejected, appliedEvents: events.length - rejected.length, rows };
};
