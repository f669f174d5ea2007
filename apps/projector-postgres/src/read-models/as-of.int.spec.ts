import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { deterministicEventId, topics, type DeviceParametersReported } from '@fleetlog/events';
import { databaseUrl } from '../testing/isolated.js';
import { foldEvents, type PositionedEvent } from './fold.js';
import { tablesOf } from './models.js';
import { createShadowTables, dropSchema } from './schemas.js';
import { writeChanges } from './write.js';

// The value of a parameter as of time T, read from parameter_history, must be what a replay of
// the device's reports up to T gives: the last report at or before T, in log order. Reports are
// folded and written with the projector's own code, in random batches, into a schema of our own.

const T0 = 1_790_000_000_000;
const PATHS = ['Device.WiFi.SSID.1.SSID', 'Device.DeviceInfo.UpTime', 'Device.ManagementServer.PeriodicInformInterval'];
/** Never reported: as of any time there is no value. */
const UNREPORTED = 'Device.DeviceInfo.HardwareVersion';
const DEVICES = ['dev-a', 'dev-b'];

const AS_OF = (schema: string) => `SELECT value, value_type FROM "${schema}".parameter_history
   WHERE tenant_id = $1 AND device_id = $2 AND path = $3 AND valid_from <= $4
   ORDER BY valid_from DESC, log_position DESC LIMIT 1`;

interface Reported {
  device: string;
  /** Milliseconds after the previous event: 0 is a tie. */
  step: number;
  origin: string;
  parameters: { path: string; value: string; valueType: string; writable: boolean | null }[];
}

// A report names each path at most once: the history's key is (path, time, log position), and
// one event has one position.
const reported: fc.Arbitrary<Reported> = fc.record({
  device: fc.constantFrom(...DEVICES),
  step: fc.constantFrom(0, 0, 1, 2, 1000, 60_000),
  origin: fc.constantFrom('inform', 'get', 'set'),
  parameters: fc.uniqueArray(
    fc.record({ path: fc.constantFrom(...PATHS), value: fc.constantFrom('0', '1', '2'), valueType: fc.constantFrom('string', 'unsignedInt'), writable: fc.constantFrom(null, true, false) }),
    { minLength: 1, maxLength: 3, selector: (p) => p.path },
  ),
});

const scenario = fc.record({
  log: fc.array(reported, { minLength: 1, maxLength: 40 }),
  cuts: fc.array(fc.nat(60), { maxLength: 6 }),
  firstOffset: fc.nat(1_000_000),
  /** Extra query times anywhere around the log. */
  probes: fc.array(fc.integer({ min: -1000, max: 1_000_000 }), { maxLength: 10 }),
});

const source = { app: 'test', instance: 'as-of-int' };

type PositionedReport = PositionedEvent & { event: DeviceParametersReported };

const eventsOf = (tenantId: string, log: readonly Reported[], firstOffset: number): PositionedReport[] => {
  let at = T0;
  return log.map((r, i) => {
    at += r.step;
    const event: DeviceParametersReported = {
      eventId: deterministicEventId('as-of-int', tenantId, i),
      type: 'DeviceParametersReported',
      tenantId,
      aggregateId: r.device,
      occurredAt: at,
      recordedAt: at,
      correlationId: `c-${tenantId}-${i}`,
      causationId: null,
      source,
      payload: { origin: r.origin, parameters: r.parameters },
    };
    return { event, topic: topics.deviceEvents.name, partition: 0, offset: String(firstOffset + i) };
  });
};

/** The reference: replay the reports in log order and keep the last one at or before T. */
const valueAsOf = (events: readonly PositionedReport[], device: string, path: string, t: number): { value: string; value_type: string } | undefined => {
  let found: { value: string; value_type: string } | undefined;
  for (const { event: e } of events) {
    if (e.aggregateId !== device || e.occurredAt > t) continue;
    for (const p of e.payload.parameters) if (p.path === path) found = { value: p.value, value_type: p.valueType };
  }
  return found;
};

const batchesOf = <T>(xs: readonly T[], cuts: readonly number[]): T[][] => {
  const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const to of [...at, xs.length]) {
    if (to > from) out.push(xs.slice(from, to));
    from = to;
  }
  return out;
};

/** Before the first report, at, just before and just after every report time, after the last, and anywhere. */
const queryTimes = (events: readonly PositionedReport[], probes: readonly number[]): number[] => {
  const times = events.map(({ event }) => event.occurredAt);
  const last = times[times.length - 1]!;
  return [...new Set([T0 - 60_000, ...times.flatMap((t) => [t - 1, t, t + 1]), last + 3_600_000, ...probes.map((p) => T0 + p)])].sort((a, b) => a - b);
};

describe('parameter history answers "as of" queries', () => {
  const schema = `asof_${randomBytes(4).toString('hex')}`;
  const models = new Set(['parameters'] as const);
  let pool: pg.Pool;

  before(async () => {
    pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
    await createShadowTables(pool, schema, tablesOf(models));
  });
  after(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  const project = async (batch: PositionedEvent[]) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL search_path TO "${schema}", public`);
      await writeChanges(client, foldEvents(batch, models));
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  };

  it('gives the last value reported at or before T (ties in time: the later in the log), and nothing before the first report', async () => {
    let run = 0;
    let checked = 0;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ log, cuts, firstOffset, probes }) => {
        // A tenant per run: the runs share the schema, and must not see each other's rows.
        const tenantId = `asof-${run++}`;
        const events = eventsOf(tenantId, log, firstOffset);
        for (const batch of batchesOf(events, cuts)) await project(batch);
        for (const device of DEVICES) {
          for (const path of [...PATHS, UNREPORTED]) {
            for (const t of queryTimes(events, probes)) {
              const { rows } = await pool.query<{ value: string; value_type: string }>(AS_OF(schema), [tenantId, device, path, new Date(t)]);
              const want = valueAsOf(events, device, path, t);
              assert.deepEqual(rows[0], want, `${device} ${path} as of T0+${t - T0} ms`);
              checked++;
              if (want) answered++;
            }
          }
        }
      }),
      { numRuns: 40 },
    );
    // The generated logs must have exercised both answers many times over.
    assert.ok(answered > 1000 && checked - answered > 1000, `${checked} queries, ${answered} with a value`);
  });
});
