// Which recorded events the projector can apply. An event that fails here is dead-lettered whole,
// with the code and the index of the first sample at fault; the partition carries on.
import type { TelemetrySample } from '@fleetlog/events';
import { DAY_MS } from './buckets.js';

/** Why an event cannot be applied: the reason code it is dead-lettered with. */
export type RejectionCode =
  | 'TELEMETRY_UNEXPECTED_EVENT_TYPE'
  | 'TELEMETRY_INVALID_KEY'
  | 'TELEMETRY_INVALID_METRIC'
  | 'TELEMETRY_VALUE_NOT_FINITE'
  | 'TELEMETRY_TS_OUT_OF_RANGE'
  | 'TELEMETRY_INVALID_UNIT';

export type Verdict = { ok: true } | { ok: false; code: RejectionCode; message: string };

/** Bounds that keep one bad record from making a Cassandra partition key or cell unusable. */
export const LIMITS = {
  idLength: 256,
  metricLength: 200,
  unitLength: 32,
  /** Device clocks that were never set report 1970; nothing real predates this. */
  minTs: Date.UTC(2000, 0, 1),
  /** A sample may be ahead of the moment Fleetlog recorded it by clock skew, not by more. */
  maxAheadOfRecordedMs: DAY_MS,
} as const;

// Control characters: never part of a name, and \u0000 separates key parts inside the projector.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this check
const CONTROL = /[\u0000-\u001f\u007f]/;

const reject = (code: RejectionCode, message: string): Verdict => ({ ok: false, code, message });

const checkId = (what: string, id: string): Verdict | undefined => {
  if (id.length === 0 || id.length > LIMITS.idLength || CONTROL.test(id)) {
    return reject('TELEMETRY_INVALID_KEY', `${what} must be 1-${LIMITS.idLength} characters without control characters (got ${JSON.stringify(id.slice(0, 80))})`);
  }
  return undefined;
};

const checkSample = (s: TelemetrySample, i: number, recordedAt: number): Verdict | undefined => {
  const at = `sample ${i}`;
  if (s.metric.length === 0 || s.metric.length > LIMITS.metricLength || CONTROL.test(s.metric) || s.metric.trim() !== s.metric) {
    return reject('TELEMETRY_INVALID_METRIC', `${at}: metric must be 1-${LIMITS.metricLength} characters, no control characters or surrounding spaces (got ${JSON.stringify(s.metric.slice(0, 80))})`);
  }
  if (!Number.isFinite(s.value)) return reject('TELEMETRY_VALUE_NOT_FINITE', `${at} (${s.metric}): value is ${s.value}`);
  if (!Number.isSafeInteger(s.ts) || s.ts < LIMITS.minTs || s.ts > recordedAt + LIMITS.maxAheadOfRecordedMs) {
    return reject(
      'TELEMETRY_TS_OUT_OF_RANGE',
      `${at} (${s.metric}): ts ${s.ts} is outside [${new Date(LIMITS.minTs).toISOString()}, recordedAt + 1 day] (recordedAt ${recordedAt})`,
    );
  }
  if (s.unit !== null && (s.unit.length > LIMITS.unitLength || CONTROL.test(s.unit))) {
    return reject('TELEMETRY_INVALID_UNIT', `${at} (${s.metric}): unit must be at most ${LIMITS.unitLength} characters without control characters`);
  }
  return undefined;
};

/** The shape of a TelemetryReported event that validation looks at; other event types are refused. */
export interface TelemetryLike {
  type: string;
  tenantId: string;
  aggregateId: string;
  recordedAt: number;
  payload: { samples: TelemetrySample[] };
}

/**
 * Pure: the same event always gets the same verdict (time comes from the event's own recordedAt,
 * not the clock), so a replay dead-letters exactly what the first run did.
 */
export const validateTelemetry = (event: { type: string }): Verdict => {
  if (event.type !== 'TelemetryReported') return reject('TELEMETRY_UNEXPECTED_EVENT_TYPE', `the telemetry projector applies TelemetryReported, not ${event.type}`);
  const e = event as TelemetryLike;
  const bad = checkId('tenantId', e.tenantId) ?? checkId('device id (aggregateId)', e.aggregateId);
  if (bad) return bad;
  for (let i = 0; i < e.payload.samples.length; i++) {
    const verdict = checkSample(e.payload.samples[i]!, i, e.recordedAt);
    if (verdict) return verdict;
  }
  return { ok: true };
};
