// The Cassandra side of a series-day: prepared statements, UNLOGGED batches of one partition,
// paged range reads, every query through the shared limiter.
import { types, type Client } from 'cassandra-driver';
import type { Limiter } from '../limit.js';
import { DAY_MS, monthOf, type Range } from '../telemetry/buckets.js';
import { applySeriesDay, type SeriesDayApplied, type SeriesDayStore } from '../telemetry/apply-series-day.js';
import type { SeriesDay } from '../telemetry/plan.js';
import type { MinuteRow } from '../telemetry/rollup.js';
import { ProjectorError } from '../errors.js';
import { fromDriverError } from './client.js';

export const TABLES = { samples: 'telemetry_samples', minutes: 'telemetry_rollups_minute', hours: 'telemetry_rollups_hour' } as const;

/** Statements per UNLOGGED batch; a batch only ever holds rows of one partition. */
const BATCH_ROWS = 100;

export interface TelemetryStore {
  /** Fails with PROJECTOR_SCHEMA_MISSING when a table is missing from the keyspace. */
  checkSchema: () => Promise<void>;
  applyUnit: (unit: SeriesDay) => Promise<SeriesDayApplied>;
}

type Query = { query: string; params: unknown[] };

/** A CQL date from days since 1970-01-01 (UTC). */
const localDate = (epochDay: number) => {
  const d = new Date(epochDay * DAY_MS);
  return new types.LocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

export const createTelemetryStore = (deps: { client: Client; keyspace: string; limiter: Limiter }): TelemetryStore => {
  const { client, keyspace, limiter } = deps;
  const t = (name: string) => `${keyspace}.${name}`;
  const series = `tenant_id = ? AND device_id = ? AND metric = ?`;
  const cql = {
    insertSample: `INSERT INTO ${t(TABLES.samples)} (tenant_id, device_id, metric, day, ts, value, unit, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    selectSamples: `SELECT ts, value FROM ${t(TABLES.samples)} WHERE ${series} AND day = ? AND ts >= ? AND ts < ?`,
    insertMinute: `INSERT INTO ${t(TABLES.minutes)} (tenant_id, device_id, metric, day, bucket, min, max, sum, count, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    selectMinutes: `SELECT bucket, min, max, sum, count, last_ts FROM ${t(TABLES.minutes)} WHERE ${series} AND day = ? AND bucket >= ? AND bucket < ?`,
    insertHour: `INSERT INTO ${t(TABLES.hours)} (tenant_id, device_id, metric, month, bucket, min, max, sum, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  };

  const guarded = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await limiter.run(f);
    } catch (e) {
      throw fromDriverError(e, what);
    }
  };

  /** Rows of one partition, as UNLOGGED batches: one round trip and one mutation per batch. */
  const writePartition = async (what: string, queries: Query[]) => {
    for (let i = 0; i < queries.length; i += BATCH_ROWS) {
      const chunk = queries.slice(i, i + BATCH_ROWS);
      await guarded(what, () =>
        chunk.length === 1
          ? client.execute(chunk[0]!.query, chunk[0]!.params, { prepare: true, isIdempotent: true })
          : client.batch(chunk, { prepare: true, logged: false, isIdempotent: true }),
      );
    }
  };

  const readAll = async (what: string, query: string, params: unknown[]) => {
    const rows: types.Row[] = [];
    let pageState: string | undefined;
    do {
      const rs = await guarded(what, () => client.execute(query, params, { prepare: true, isIdempotent: true, fetchSize: 5000, pageState }));
      rows.push(...rs.rows);
      pageState = rs.pageState ?? undefined;
    } while (pageState);
    return rows;
  };

  const readRanges = async (what: string, query: string, key: unknown[], ranges: Range[]) =>
    (await Promise.all(ranges.map((r) => readAll(what, query, [...key, new Date(r.from), new Date(r.to)])))).flat();

  return {
    checkSchema: async () => {
      for (const table of Object.values(TABLES)) {
        const meta = await guarded(`reading the schema of ${t(table)}`, () => client.metadata.getTable(keyspace, table));
        if (!meta) {
          throw new ProjectorError('PROJECTOR_SCHEMA_MISSING', `table ${t(table)} does not exist: apply the Cassandra migrations (npm run provision, or migrateCassandra into keyspace ${keyspace})`, false);
        }
      }
    },

    applyUnit: (u) => {
      const day = localDate(u.day);
      const key = [u.tenantId, u.deviceId, u.metric, day];
      const month = localDate(monthOf(u.day * DAY_MS));
      const where = `${u.tenantId}/${u.deviceId}/${u.metric} on ${day.toString()}`;
      const store: SeriesDayStore = {
        // An absent unit is left unset rather than written as null: no tombstone per sample.
        writeSamples: (samples) =>
          writePartition(`writing samples of ${where}`, samples.map((s) => ({ query: cql.insertSample, params: [...key, new Date(s.ts), s.value, s.unit ?? types.unset, s.eventId] }))),
        readMinutes: async (ranges): Promise<MinuteRow[]> =>
          (await readRanges(`reading minute rollups of ${where}`, cql.selectMinutes, key, ranges)).map((row) => ({
            bucket: (row.get('bucket') as Date).getTime(),
            rollup: { min: row.get('min') as number, max: row.get('max') as number, sum: row.get('sum') as number, count: row.get('count') as number },
            lastTs: (row.get('last_ts') as Date).getTime(),
          })),
        readSamples: async (ranges) =>
          (await readRanges(`reading samples of ${where}`, cql.selectSamples, key, ranges)).map((row) => ({ ts: (row.get('ts') as Date).getTime(), value: row.get('value') as number })),
        writeMinutes: (rows) =>
          writePartition(
            `writing minute rollups of ${where}`,
            rows.map((r) => ({ query: cql.insertMinute, params: [...key, new Date(r.bucket), r.rollup.min, r.rollup.max, r.rollup.sum, r.rollup.count, new Date(r.lastTs)] })),
          ),
        writeHours: (rows) =>
          writePartition(
            `writing hour rollups of ${where}`,
            rows.map((r) => ({ query: cql.insertHour, params: [u.tenantId, u.deviceId, u.metric, month, new Date(r.bucket), r.rollup.min, r.rollup.max, r.rollup.sum, r.rollup.count] })),
          ),
      };
      return applySeriesDay(u.samples, store);
    },
  };
};
