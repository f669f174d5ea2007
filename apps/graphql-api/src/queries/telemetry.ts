import type { Client } from 'cassandra-driver';
import { ApiError } from '../errors.js';

export interface TelemetryRange {
  tenantId: string;
  deviceId: string;
  metric: string;
  from: number;
  to: number;
  bucket: 'MINUTE' | 'HOUR';
}

export interface TelemetryPoint {
  bucket: string;
  min: number;
  max: number;
  avg: number;
  count: number;
}

export interface TelemetrySampleRow {
  ts: number;
  value: number;
  unit: string | null;
}

export interface TelemetryStore {
  range: (q: TelemetryRange) => Promise<TelemetryPoint[]>;
  /** Raw samples newer than `after`, oldest first: what a resumed subscription missed (at most a week back). */
  samplesAfter: (q: { tenantId: string; deviceId: string; metric: string; after: number; limit: number }) => Promise<TelemetrySampleRow[]>;
}

const DAY = 86_400_000;
/** At most this many partitions (days of minutes, months of hours) per query. */
const MAX_PARTITIONS = { MINUTE: 31, HOUR: 24 };

const dayOf = (ms: number) => new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10);
const monthsBetween = (from: number, to: number): string[] => {
  const out: string[] = [];
  const d = new Date(from);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const start = Date.UTC(y, m, 1);
    if (start > to) break;
    out.push(new Date(start).toISOString().slice(0, 10));
    if (++m === 12) [y, m] = [y + 1, 0];
  }
  return out;
};

/**
 * Reads the Cassandra rollups (docs/TELEMETRY.md): minute rows one day partition at a time, hour
 * rows one month partition at a time, oldest bucket first. The tenant leads every partition key.
 */
export const createTelemetryStore = (client: Client, keyspace: string): TelemetryStore => ({
  range: async (q) => {
    if (!(q.to > q.from)) throw new ApiError('INVALID_ARGUMENTS', "'to' must be after 'from'");
    const partitions =
      q.bucket === 'MINUTE'
        ? Array.from({ length: Math.floor(q.to / DAY) - Math.floor(q.from / DAY) + 1 }, (_, i) => dayOf(q.from + i * DAY))
        : monthsBetween(q.from, q.to);
    if (partitions.length > MAX_PARTITIONS[q.bucket]) {
      throw new ApiError('RANGE_TOO_LARGE', `a ${q.bucket} series spans at most ${MAX_PARTITIONS[q.bucket]} ${q.bucket === 'MINUTE' ? 'days' : 'months'}; use HOUR or a shorter range`);
    }
    const table = q.bucket === 'MINUTE' ? 'telemetry_rollups_minute' : 'telemetry_rollups_hour';
    const key = q.bucket === 'MINUTE' ? 'day' : 'month';
    const points: TelemetryPoint[] = [];
    for (const p of partitions) {
      const rs = await client.execute(
        `SELECT bucket, min, max, sum, count FROM ${keyspace}.${table} WHERE tenant_id = ? AND device_id = ? AND metric = ? AND ${key} = ? AND bucket >= ? AND bucket < ? ORDER BY bucket ASC`,
        [q.tenantId, q.deviceId, q.metric, p, new Date(q.from), new Date(q.to)],
        { prepare: true },
      );
      for (const r of rs.rows) {
        const count = Number(r['count']);
        points.push({ bucket: (r['bucket'] as Date).toISOString(), min: r['min'], max: r['max'], avg: count ? r['sum'] / count : 0, count });
      }
    }
    return points;
  },

  samplesAfter: async (q) => {
    const now = Date.now();
    const from = Math.max(q.after, now - 7 * DAY);
    const samples: TelemetrySampleRow[] = [];
    for (let day = Math.floor(from / DAY) * DAY; day <= now && samples.length < q.limit; day += DAY) {
      const rs = await client.execute(
        `SELECT ts, value, unit FROM ${keyspace}.telemetry_samples WHERE tenant_id = ? AND device_id = ? AND metric = ? AND day = ? AND ts > ? ORDER BY ts ASC LIMIT ?`,
        [q.tenantId, q.deviceId, q.metric, dayOf(day), new Date(q.after), q.limit - samples.length],
        { prepare: true },
      );
      for (const r of rs.rows) samples.push({ ts: (r['ts'] as Date).getTime(), value: r['value'] as number, unit: (r['unit'] as string | null) ?? null });
    }
    return samples;
  },
});
