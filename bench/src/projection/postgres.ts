import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import pg from 'pg';
import { createEventBus, dlqTopicName, silentLogger, topicOf, topics, type AnyEvent, type CommandEvent, type DeviceEvent, type EventBus } from '@fleetlog/events';
import { stackSettings, syntheticDeviceLog } from '@fleetlog/events/testing';
import { machine } from '../report.js';

export interface PostgresProjectionBenchOptions {
  /** Events projected in the measured phase (and upserted raw). */
  events: number;
  /** Devices those events are spread over. */
  devices: number;
  /** Events of the rebuild phase, same density of events per device; 0 skips it. */
  rebuildEvents: number;
  /** FLEETLOG_PROJECTOR_CONCURRENCY of the projector; also the raw ceiling's connections. */
  concurrency: number;
  /** Events per transaction of the raw ceiling. */
  rawBatch: number;
}

/** The read-model tables of infra/migrations/postgres, cloned for each phase. */
const TABLES = ['tenants', 'api_keys', 'devices', 'device_parameters', 'parameter_history', 'commands', 'device_sessions', 'device_timeline'];
const SOURCE_TOPICS = [topics.deviceEvents, topics.commandEvents, topics.tenantEvents];
const EVENTS_PER_TENANT = 100_000;

const databaseUrl = () => process.env.FLEETLOG_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/fleetlog';
const seconds = (from: bigint, to = process.hrtime.bigint()) => Number(to - from) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

// CPU time, not wall time, is the steady figure on a small shared machine: it is read from /proc
// for the Node processes and for the Postgres backends they use (found by application_name).
const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  } catch {
    return 100;
  }
})();
const cpuSeconds = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
};

/** CPU seconds of the Postgres backends of one application_name, as last sampled (backends come and go). */
const backendCpu = (pool: pg.Pool, app: string) => {
  const last = new Map<number, number>();
  return {
    sample: async () => {
      const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [app]);
      for (const { pid } of rows) {
        const cpu = cpuSeconds(pid);
        if (cpu !== undefined) last.set(pid, cpu);
      }
      return [...last.values()].reduce((a, b) => a + b, 0);
    },
  };
};

interface Cpu {
  /** CPU seconds of the Node process: the projector, or this one for the raw ceiling. */
  node: number;
  /** CPU seconds of its Postgres backends; 0 when Postgres runs elsewhere. */
  postgres: number;
}

const cloneReadModels = async (pool: pg.Pool, schema: string) => {
  await pool.query(`CREATE SCHEMA "${schema}"`);
  for (const t of TABLES) await pool.query(`CREATE TABLE "${schema}".${t} (LIKE public.${t} INCLUDING ALL)`);
};

const rowCounts = async (pool: pg.Pool, schema: string) => {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".${t}`)).rows[0]!.n);
  return out;
};

const createTopics = async (admin: Admin, prefix: string) => {
  const source = SOURCE_TOPICS.map((t) => `${prefix}${t.name}`);
  await admin.createTopics({ waitForLeaders: true, topics: source.flatMap((topic) => [{ topic, numPartitions: 12 }, { topic: dlqTopicName(topic), numPartitions: 1 }]) });
  return { source, all: source.flatMap((t) => [t, dlqTopicName(t)]) };
};

const endOffsetSum = async (bus: EventBus, names: string[]) => {
  let sum = 0n;
  for (const topic of names) for (const end of (await bus.endOffsets(topic)).values()) sum += end;
  return sum;
};

/**
 * The synthetic fleet log, a tenant per 100,000 events (each with its share of the devices), so
 * a million events never sit in memory at once.
 */
function* fleetLog(tenantBase: string, events: number, devices: number): Generator<AnyEvent[]> {
  const tenants = Math.max(1, Math.ceil(events / EVENTS_PER_TENANT));
  for (let i = 0; i < tenants; i++) {
    const count = Math.floor(events / tenants) + (i < events % tenants ? 1 : 0);
    yield syntheticDeviceLog({ tenantId: `${tenantBase}-${i}`, devices: Math.max(1, Math.round(devices / tenants)), count, seed: 1000 + i });
  }
}

/** In log order, one publish at a time: the producer must not reorder a device's events. */
const produce = async (bus: EventBus, prefix: string, log: Iterable<AnyEvent[]>) => {
  const producer = bus.producer({ route: (e) => `${prefix}${topicOf(e.type).name}` });
  await producer.connect();
  let n = 0;
  try {
    for (const chunk of log) {
      for (let i = 0; i < chunk.length; i += 2000) await producer.publish(chunk.slice(i, i + 2000));
      n += chunk.length;
    }
  } finally {
    await producer.disconnect();
  }
  return n;
};

const childEnv = (settings: ReturnType<typeof stackSettings>, env: Record<string, string>) => ({
  ...process.env,
  FLEETLOG_KAFKA_BROKERS: settings.brokers.join(','),
  FLEETLOG_SCHEMA_REGISTRY_URL: settings.registryUrl,
  FLEETLOG_POSTGRES_URL: databaseUrl(),
  FLEETLOG_LOG_LEVEL: 'warn',
  ...env,
});

const nodeArgs = (script: string, args: string[] = []) => [
  ...(process.env.FLEETLOG_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FLEETLOG_BENCH_PROFILE}`] : []),
  '--import',
  'tsx',
  join(process.cwd(), script),
  ...args,
];

const stop = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
};

/** Warnings and errors of a child (its log is JSON lines on stdout), passed on; the rest kept for the caller. */
const watchOutput = (child: ChildProcess, onLine: (line: string) => void = () => undefined) =>
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (/"level":(40|50|60)/.test(line)) console.error(line);
    else onLine(line);
  });

interface ProjectorRun {
  /** From the first batch stored until the last. */
  appliedSeconds: number;
  appliedEvents: number;
  /** From spawning the process until the last batch stored. */
  totalSeconds: number;
  /** Offset changes seen while polling every 20 ms: at most the number of batches. */
  batchesSeen: number;
  /** Spent from the first batch stored until the last. */
  cpu: Cpu;
}

/**
 * The projector as its own process, as in production, reading topics that already hold every
 * event. Progress is what it stored in projection_offsets, polled every 20 ms.
 */
const runProjector = async (pool: pg.Pool, settings: ReturnType<typeof stackSettings>, env: { name: string; schema: string; prefix: string; concurrency: number }, total: bigint): Promise<ProjectorRun> => {
  const spawned = process.hrtime.bigint();
  const backends = backendCpu(pool, env.name);
  const child = spawn(process.execPath, nodeArgs('apps/projector-postgres/src/main.ts'), {
    env: childEnv(settings, {
      FLEETLOG_PROJECTOR_NAME: env.name,
      FLEETLOG_PROJECTOR_SCHEMA: env.schema,
      FLEETLOG_TOPIC_PREFIX: env.prefix,
      FLEETLOG_PROJECTOR_CONCURRENCY: String(env.concurrency),
      FLEETLOG_PRESENCE_CHECK_SECONDS: '0',
      FLEETLOG_PROJECTOR_POSTGRES_METRICS_PORT: '0',
      PGAPPNAME: env.name,
    }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  watchOutput(child);
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `projector-postgres exited (${code ?? signal})`));
  try {
    const seen = new Map<string, string>();
    let batchesSeen = 0;
    let first: { at: bigint; sum: bigint; cpu: Cpu } | undefined;
    const cpu = async (): Promise<Cpu> => ({ node: cpuSeconds(child.pid!) ?? 0, postgres: await backends.sample() });
    const deadline = Date.now() + 60 * 60_000;
    for (let poll = 0; ; poll++) {
      if (exit) throw new Error(exit);
      if (Date.now() > deadline) throw new Error('the projector did not catch up within an hour');
      const { rows } = await pool.query<{ topic: string; partition: number; next_offset: string }>('SELECT topic, partition, next_offset FROM projection_offsets WHERE projector = $1', [env.name]);
      const now = process.hrtime.bigint();
      let sum = 0n;
      for (const r of rows) {
        const k = `${r.topic}/${r.partition}`;
        if (seen.get(k) !== r.next_offset && r.next_offset !== '0') batchesSeen++;
        seen.set(k, r.next_offset);
        sum += BigInt(r.next_offset);
      }
      if (sum > 0n && !first) first = { at: now, sum, cpu: await cpu() };
      if (first && sum >= total) {
        const last = await cpu();
        return { appliedSeconds: seconds(first.at, now), appliedEvents: Number(total - first.sum), totalSeconds: seconds(spawned, now), batchesSeen, cpu: { node: last.node - first.cpu.node, postgres: last.postgres - first.cpu.postgres } };
      }
      if (poll % 25 === 0) await backends.sample();
      await sleep(20);
    }
  } finally {
    await stop(child);
  }
};

// ---- The raw ceiling: the same rows, folded here, written with plain multi-row UNNEST upserts.

type Value = string | number | boolean | null;
interface Statement {
  text: string;
  values: Value[][];
}

const ts = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
const textArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** INSERT … SELECT FROM unnest(arrays) ON CONFLICT: every non-key column replaced, or nothing done. */
const upsertStatement = (table: string, columns: readonly (readonly [string, string])[], key: readonly string[] | null, rows: Value[][]): Statement | undefined => {
  if (rows.length === 0) return undefined;
  const names = columns.map(([n]) => n);
  // Array-typed columns travel as text literals: unnest would flatten a 2-D array.
  const params = columns.map(([, t], i) => `$${i + 1}::${t.endsWith('[]') ? 'text' : t}[]`).join(', ');
  const select = columns.map(([n, t]) => (t.endsWith('[]') ? `${n}::${t}` : n)).join(', ');
  const conflict = key ? `(${key.join(', ')}) DO UPDATE SET ${names.filter((n) => !key.includes(n)).map((n) => `${n} = EXCLUDED.${n}`).join(', ')}` : 'DO NOTHING';
  return { text: `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM unnest(${params}) AS u(${names.join(', ')}) ON CONFLICT ${conflict}`, values: columns.map((_, i) => rows.map((r) => r[i] ?? null)) };
};

const t = (n: string) => [n, 'text'] as const;
const at = (n: string) => [n, 'timestamptz'] as const;
const int = (n: string) => [n, 'integer'] as const;
const DEVICE_COLUMNS = [t('tenant_id'), t('device_id'), t('protocol'), t('manufacturer'), t('oui'), t('product_class'), t('serial_number'), t('endpoint_id'), t('vendor'), t('client_id'), t('software_version'), t('hardware_version'), t('connection_request_url'), at('first_seen_at'), at('last_contact_at'), ['online', 'boolean'], at('online_changed_at'), int('expected_interval_seconds'), ['tags', 'text[]'], at('updated_at'), t('last_event_id')] as const;
const PARAMETER_COLUMNS = [t('tenant_id'), t('device_id'), t('path'), t('value'), t('value_type'), ['writable', 'boolean'], at('reported_at'), at('changed_at'), t('event_id')] as const;
const HISTORY_COLUMNS = [t('tenant_id'), t('device_id'), t('path'), at('valid_from'), ['log_position', 'bigint'], t('value'), t('value_type'), t('origin'), t('event_id')] as const;
const COMMAND_COLUMNS = [t('tenant_id'), t('command_id'), t('device_id'), t('protocol'), t('kind'), ['arguments', 'jsonb'], t('status'), t('requested_by'), t('batch_id'), t('correlation_id'), at('requested_at'), at('deadline'), at('dispatched_at'), int('attempts'), at('accepted_at'), ['accepted_detail', 'jsonb'], at('completed_at'), ['result', 'jsonb'], t('error_code'), t('error_message'), int('fault_code'), t('cancelled_by'), t('cancel_reason'), at('updated_at'), t('last_event_id')] as const;
const SESSION_COLUMNS = [t('tenant_id'), t('session_id'), t('device_id'), t('channel'), t('remote_address'), at('started_at'), at('ended_at'), t('outcome'), int('messages_in'), int('messages_out'), int('rpcs_dispatched')] as const;
const TIMELINE_COLUMNS = [t('tenant_id'), t('device_id'), at('recorded_at'), t('event_id'), t('event_type'), at('occurred_at'), t('aggregate_id'), t('correlation_id'), t('causation_id'), t('source_app'), ['summary', 'jsonb'], t('log_topic'), ['log_partition', 'integer'], ['log_offset', 'bigint']] as const;

type Row = Record<string, Value>;
const rowOf = (columns: readonly (readonly [string, string])[], r: Row): Value[] => columns.map(([n]) => r[n] ?? null);

/** What a lane has written so far: the raw side keeps current rows in memory instead of reading them back. */
interface LaneState {
  devices: Map<string, Row>;
  tags: Map<string, Set<string>>;
  parameters: Map<string, { value: string; valueType: string; writable: boolean | null; changedAt: number; eventId: string }>;
  commands: Map<string, Row>;
  sessions: Map<string, Row>;
}

const CONTACT = new Set(['DeviceInformed', 'DeviceSessionStarted', 'DeviceSessionEnded', 'DeviceParametersReported', 'DeviceTransferCompleted', 'DeviceWentOnline']);
const SECRET_KEY = /passw(or)?d|secret|token/i;
const mask = (json: string) => JSON.stringify(JSON.parse(json), (k, v: unknown) => (SECRET_KEY.test(k) && typeof v === 'string' ? '***' : v));
type Projected = DeviceEvent | CommandEvent;
const isCommand = (e: Projected): e is CommandEvent => e.type.startsWith('Command');
const isProjected = (e: AnyEvent): e is Projected => e.type.startsWith('Device') || e.type.startsWith('Command');
const deviceOf = (e: Projected) => (isCommand(e) ? e.payload.deviceId : e.aggregateId);
const later = (a: Value, b: number) => (typeof a === 'string' && Date.parse(a) > b ? a : ts(b));

/** The rows one transaction touches, each once, as the projector folds a batch. */
interface Touched {
  devices: Set<string>;
  parameters: Map<string, Value[]>;
  history: Value[][];
  commands: Set<string>;
  sessions: Set<string>;
  timeline: Value[][];
}

const foldCommand = (state: LaneState, touched: Touched, c: CommandEvent) => {
  const k = `${c.tenantId}\0${c.aggregateId}`;
  const row: Row = state.commands.get(k) ?? { tenant_id: c.tenantId, command_id: c.aggregateId, device_id: c.payload.deviceId, correlation_id: c.correlationId, status: 'REQUESTED', attempts: 0 };
  Object.assign(row, { updated_at: later(row.updated_at ?? null, c.recordedAt), last_event_id: c.eventId });
  switch (c.type) {
    case 'CommandRequested':
      Object.assign(row, { protocol: c.payload.protocol, kind: c.payload.kind, arguments: mask(c.payload.arguments), requested_by: c.payload.requestedBy, batch_id: c.payload.batchId, requested_at: ts(c.occurredAt), deadline: ts(c.payload.deadline), status: 'REQUESTED' });
      break;
    case 'CommandDispatched':
      Object.assign(row, { status: 'DISPATCHED', dispatched_at: ts(c.occurredAt), attempts: Math.max(Number(row.attempts), c.payload.attempt) });
      break;
    case 'CommandAccepted':
      Object.assign(row, { status: 'ACCEPTED', accepted_at: ts(c.occurredAt), accepted_detail: c.payload.detail });
      break;
    case 'CommandSucceeded':
      Object.assign(row, { status: 'SUCCEEDED', completed_at: ts(c.occurredAt), result: c.payload.result });
      break;
    case 'CommandFailed':
      Object.assign(row, { status: 'FAILED', completed_at: ts(c.occurredAt), error_code: c.payload.code, error_message: c.payload.message, fault_code: c.payload.faultCode });
      break;
    case 'CommandExpired':
      Object.assign(row, { status: 'EXPIRED', completed_at: ts(c.occurredAt) });
      break;
    case 'CommandCancelled':
      Object.assign(row, { status: 'CANCELLED', completed_at: ts(c.occurredAt), cancelled_by: c.payload.cancelledBy, cancel_reason: c.payload.reason });
      break;
    default: {
      const never: never = c;
      throw new Error(`unexpected command event ${(never as CommandEvent).type}`);
    }
  }
  state.commands.set(k, row);
  touched.commands.add(k);
};

const foldParameters = (state: LaneState, touched: Touched, d: DeviceEvent & { type: 'DeviceParametersReported' }, device: Row, offset: number) => {
  for (const p of d.payload.parameters) {
    const k = `${d.tenantId}\0${d.aggregateId}\0${p.path}`;
    const before = state.parameters.get(k);
    const changed = !before || before.value !== p.value || before.valueType !== p.valueType;
    if (changed) touched.history.push(rowOf(HISTORY_COLUMNS, { tenant_id: d.tenantId, device_id: d.aggregateId, path: p.path, valid_from: ts(d.occurredAt), log_position: String(offset), value: p.value, value_type: p.valueType, origin: d.payload.origin, event_id: d.eventId }));
    const now = { value: p.value, valueType: p.valueType, writable: p.writable ?? before?.writable ?? null, changedAt: changed ? d.occurredAt : before.changedAt, eventId: changed ? d.eventId : before.eventId };
    state.parameters.set(k, now);
    touched.parameters.set(k, [d.tenantId, d.aggregateId, p.path, now.value, now.valueType, now.writable, ts(d.occurredAt), ts(now.changedAt), now.eventId]);
    if (/ManagementServer\.PeriodicInformInterval$/.test(p.path) && /^\d+$/.test(p.value)) device.expected_interval_seconds = Number(p.value);
  }
};

const foldDevice = (state: LaneState, touched: Touched, d: DeviceEvent, offset: number) => {
  const k = `${d.tenantId}\0${d.aggregateId}`;
  const device: Row = state.devices.get(k) ?? { tenant_id: d.tenantId, device_id: d.aggregateId, online: false };
  const tags = state.tags.get(k) ?? new Set<string>();
  Object.assign(device, { updated_at: later(device.updated_at ?? null, d.recordedAt), last_event_id: d.eventId });
  if (CONTACT.has(d.type)) device.last_contact_at = later(device.last_contact_at ?? null, d.occurredAt);
  switch (d.type) {
    case 'DeviceRegistered': {
      const id = d.payload.identity;
      Object.assign(device, { protocol: d.payload.protocol, manufacturer: id.manufacturer, oui: id.oui, product_class: id.productClass, serial_number: id.serialNumber, endpoint_id: id.endpointId, vendor: id.vendor, client_id: id.clientId });
      device.first_seen_at ??= ts(d.occurredAt);
      break;
    }
    case 'DeviceInformed':
      Object.assign(device, {
        manufacturer: d.payload.manufacturer || device.manufacturer,
        software_version: d.payload.softwareVersion ?? device.software_version,
        hardware_version: d.payload.hardwareVersion ?? device.hardware_version,
        connection_request_url: d.payload.connectionRequestUrl ?? device.connection_request_url,
      });
      break;
    case 'DeviceParametersReported':
      foldParameters(state, touched, d, device, offset);
      break;
    case 'DeviceWentOnline':
      Object.assign(device, { online: true, online_changed_at: ts(d.occurredAt), expected_interval_seconds: d.payload.expectedIntervalSeconds ?? device.expected_interval_seconds ?? null });
      break;
    case 'DeviceWentOffline':
      Object.assign(device, { online: false, online_changed_at: ts(d.occurredAt) });
      break;
    case 'DeviceTagged':
      tags.add(d.payload.tag);
      break;
    case 'DeviceUntagged':
      tags.delete(d.payload.tag);
      break;
    case 'DeviceSessionStarted':
    case 'DeviceSessionEnded': {
      const sk = `${d.tenantId}\0${d.payload.sessionId}`;
      const s: Row = state.sessions.get(sk) ?? { tenant_id: d.tenantId, session_id: d.payload.sessionId, device_id: d.aggregateId, started_at: ts(d.occurredAt) };
      if (d.type === 'DeviceSessionStarted') Object.assign(s, { channel: d.payload.channel, remote_address: d.payload.remoteAddress, started_at: ts(d.occurredAt) });
      else Object.assign(s, { started_at: ts(d.payload.startedAt), ended_at: ts(d.occurredAt), outcome: d.payload.outcome, messages_in: d.payload.messagesIn, messages_out: d.payload.messagesOut, rpcs_dispatched: d.payload.rpcsDispatched });
      state.sessions.set(sk, s);
      touched.sessions.add(sk);
      break;
    }
    case 'DeviceTransferCompleted':
    case 'DeviceEventReported':
      break;
    default: {
      const never: never = d;
      throw new Error(`unexpected device event ${(never as DeviceEvent).type}`);
    }
  }
  state.devices.set(k, device);
  state.tags.set(k, tags);
  touched.devices.add(k);
};

/** The statements of one transaction: each touched row once, as the projector writes them. */
const batchStatements = (state: LaneState, batch: { event: Projected; topic: string; partition: number; offset: number }[]): Statement[] => {
  const touched: Touched = { devices: new Set(), parameters: new Map(), history: [], commands: new Set(), sessions: new Set(), timeline: [] };
  for (const { event: e, topic, partition, offset } of batch) {
    const payload = e.type === 'CommandRequested' ? { ...e.payload, arguments: JSON.parse(mask(e.payload.arguments)) } : e.payload;
    touched.timeline.push(
      rowOf(TIMELINE_COLUMNS, {
        tenant_id: e.tenantId,
        device_id: deviceOf(e),
        recorded_at: ts(e.recordedAt),
        event_id: e.eventId,
        event_type: e.type,
        occurred_at: ts(e.occurredAt),
        aggregate_id: e.aggregateId,
        correlation_id: e.correlationId,
        causation_id: e.causationId,
        source_app: e.source.app,
        summary: JSON.stringify(payload),
        log_topic: topic,
        log_partition: partition,
        log_offset: String(offset),
      }),
    );
    if (isCommand(e)) foldCommand(state, touched, e);
    else foldDevice(state, touched, e, offset);
  }
  return [
    upsertStatement('devices', DEVICE_COLUMNS, ['tenant_id', 'device_id'], [...touched.devices].map((k) => rowOf(DEVICE_COLUMNS, { ...state.devices.get(k)!, tags: textArray([...state.tags.get(k)!].sort()) }))),
    upsertStatement('device_parameters', PARAMETER_COLUMNS, ['tenant_id', 'device_id', 'path'], [...touched.parameters.values()]),
    upsertStatement('parameter_history', HISTORY_COLUMNS, null, touched.history),
    upsertStatement('commands', COMMAND_COLUMNS, ['tenant_id', 'command_id'], [...touched.commands].map((k) => rowOf(COMMAND_COLUMNS, state.commands.get(k)!))),
    upsertStatement('device_sessions', SESSION_COLUMNS, ['tenant_id', 'session_id'], [...touched.sessions].map((k) => rowOf(SESSION_COLUMNS, state.sessions.get(k)!))),
    upsertStatement('device_timeline', TIMELINE_COLUMNS, null, touched.timeline),
  ].filter((st): st is Statement => st !== undefined);
};

/** FNV-1a: a device's lane, like a partition of its key. */
const laneOf = (key: string, lanes: number) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
};

/**
 * The raw ceiling: the rows the projector writes, folded in memory beforehand (not timed), then
 * upserted into another clone of the tables: transactions of `batch` events, one connection per
 * lane, lanes by device like partitions. No Kafka, no offsets, no reading back stored values.
 */
const rawCeiling = async (pool: pg.Pool, schema: string, events: AnyEvent[], lanes: number, batch: number) => {
  const perLane = Array.from({ length: lanes }, () => [] as { event: Projected; topic: string; partition: number; offset: number }[]);
  const offsets = new Map<string, number>();
  for (const event of events) {
    if (!isProjected(event)) continue;
    const lane = laneOf(`${event.tenantId}/${deviceOf(event)}`, lanes);
    const topic = topicOf(event.type).name;
    const offset = offsets.get(`${topic}/${lane}`) ?? 0;
    offsets.set(`${topic}/${lane}`, offset + 1);
    perLane[lane]!.push({ event, topic, partition: lane, offset });
  }
  const work = perLane.map((lane) => {
    const state: LaneState = { devices: new Map(), tags: new Map(), parameters: new Map(), commands: new Map(), sessions: new Map() };
    const transactions: Statement[][] = [];
    for (let i = 0; i < lane.length; i += batch) transactions.push(batchStatements(state, lane.slice(i, i + batch)));
    return transactions;
  });
  const statements = work.flat(2).length;
  const clients = await Promise.all(
    work.map(async () => {
      const c = new pg.Client({ connectionString: databaseUrl(), application_name: `${schema}-writer` });
      await c.connect();
      await c.query(`SET search_path TO "${schema}", public`);
      return c;
    }),
  );
  const backends = backendCpu(pool, `${schema}-writer`);
  try {
    const cpuBefore = { node: process.cpuUsage(), postgres: await backends.sample() };
    const started = process.hrtime.bigint();
    await Promise.all(
      work.map(async (transactions, i) => {
        const c = clients[i]!;
        for (const tx of transactions) {
          await c.query('BEGIN');
          for (const s of tx) await c.query(s.text, s.values);
          await c.query('COMMIT');
        }
      }),
    );
    const elapsed = seconds(started);
    const node = process.cpuUsage(cpuBefore.node);
    const cpu: Cpu = { node: (node.user + node.system) / 1e6, postgres: (await backends.sample()) - cpuBefore.postgres };
    return { seconds: elapsed, transactions: work.reduce((a, w) => a + w.length, 0), statements, cpu };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
};

/** The rebuild CLI as its own process, with no live projection to catch up with: it reads to the end of the log. */
const runRebuild = async (pool: pg.Pool, settings: ReturnType<typeof stackSettings>, env: { name: string; schema: string; prefix: string; concurrency: number }) => {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, nodeArgs('apps/projector-postgres/src/rebuild-cli.ts', ['--no-swap']), {
    env: childEnv(settings, { FLEETLOG_PROJECTOR_NAME: env.name, FLEETLOG_PROJECTOR_SCHEMA: env.schema, FLEETLOG_TOPIC_PREFIX: env.prefix, FLEETLOG_PROJECTOR_CONCURRENCY: String(env.concurrency) }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let result: { records: number; seconds: number; schema: string } | undefined;
  let progress = 0;
  watchOutput(child, (line) => {
    const done = /from ([\d,]+) records in ([\d.]+) s into schema (\S+)/.exec(line);
    if (done) result = { records: Number(done[1]!.replaceAll(',', '')), seconds: Number(done[2]), schema: done[3]! };
    else if (/^projecting/.test(line) && ++progress % 15 === 0) console.log(`  ${line.trim()}`);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallSeconds = seconds(started);
  if (code !== 0 || !result) throw new Error(`the rebuild exited with ${code}${result ? '' : ' without a result'}`);
  return { ...result, wallSeconds, rows: await rowCounts(pool, result.schema) };
};

/**
 * Events per second through apps/projector-postgres, as its own process, from topics that
 * already hold the whole log, next to the raw ceiling: the same rows upserted with plain
 * multi-row statements in the same run, in transactions of `rawBatch` events and of the size the
 * projector's batches had; the faster of the two is the ceiling. Then a rebuild of a larger log
 * through the rebuild CLI.
 */
export const postgresProjectionBench = async (opts: PostgresProjectionBenchOptions) => {
  const settings = stackSettings();
  const run = randomUUID().slice(0, 8);
  const names = { projector: `bench-${run}`, rebuild: `bench-${run}-rb` };
  const schemas = { projector: `bench_${run}_projector`, raw: `bench_${run}_raw`, raw2: `bench_${run}_raw2`, rebuild: `bench_${run}_rebuild` };
  const prefixes = { projector: `bench${run}.`, rebuild: `bench${run}rb.` };
  const kafka = new Kafka({ clientId: 'bench', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const bus = createEventBus({ ...settings, clientId: 'bench' }, silentLogger);
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  const topicsMade: string[] = [];
  const extraSchemas: string[] = [];
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

  try {
    for (const schema of Object.values(schemas)) await cloneReadModels(pool, schema);
    const main = await createTopics(admin, prefixes.projector);
    topicsMade.push(...main.all);

    const events = [...fleetLog(`bench-${run}`, opts.events, opts.devices)].flat();
    await produce(bus, prefixes.projector, [events]);
    const total = await endOffsetSum(bus, main.source);
    const tenants = Math.max(1, Math.ceil(opts.events / EVENTS_PER_TENANT));
    console.log(`${fmt(events.length)} events (${fmt(opts.devices)} devices, ${tenants} tenant(s)) on ${main.source.length} topics of 12 partitions; projector concurrency ${opts.concurrency}; load ${load()}`);

    const projected = await runProjector(pool, settings, { name: names.projector, schema: schemas.projector, prefix: prefixes.projector, concurrency: opts.concurrency }, total);
    const deadLetters = await endOffsetSum(bus, main.source.map(dlqTopicName));
    const projectorRate = projected.appliedEvents / projected.appliedSeconds;
    const projectorBatch = Math.max(1, Math.round(events.length / Math.max(1, projected.batchesSeen)));
    console.log(`projector: ${fmt(projectorRate)} events/s over ${projected.appliedSeconds.toFixed(1)} s from its first batch (${fmt(events.length / projected.totalSeconds)}/s over ${projected.totalSeconds.toFixed(1)} s from spawning it); ${fmt(projected.batchesSeen)} batches seen`);

    const raws: { batch: number; seconds: number; transactions: number; statements: number; cpu: Cpu; rate: number }[] = [];
    for (const [batch, schema] of [[opts.rawBatch, schemas.raw], [projectorBatch, schemas.raw2]] as const) {
      if (raws.some((r) => r.batch === batch)) continue;
      const r = await rawCeiling(pool, schema, events, opts.concurrency, batch);
      raws.push({ batch, ...r, rate: events.length / r.seconds });
      console.log(`raw, ${fmt(batch)} events per transaction: ${fmt(events.length / r.seconds)} events/s over ${r.seconds.toFixed(1)} s (${fmt(r.transactions)} transactions, ${fmt(r.statements)} statements)`);
    }
    const ceiling = raws.reduce((a, b) => (b.rate > a.rate ? b : a));

    const rows = { projector: await rowCounts(pool, schemas.projector), raw: await rowCounts(pool, schemas.raw) };
    const sameRows = TABLES.every((t) => rows.projector[t] === rows.raw[t]);
    const loadAfterProjection = load();

    let rebuild: (Awaited<ReturnType<typeof runRebuild>> & { events: number; load: string }) | undefined;
    if (opts.rebuildEvents > 0) {
      const rb = await createTopics(admin, prefixes.rebuild);
      topicsMade.push(...rb.all);
      const devices = Math.max(1, Math.round((opts.devices * opts.rebuildEvents) / opts.events));
      console.log(`producing ${fmt(opts.rebuildEvents)} events (${fmt(devices)} devices) for the rebuild…`);
      const produced = await produce(bus, prefixes.rebuild, fleetLog(`bench-${run}-rb`, opts.rebuildEvents, devices));
      try {
        const result = await runRebuild(pool, settings, { name: names.rebuild, schema: schemas.rebuild, prefix: prefixes.rebuild, concurrency: opts.concurrency });
        rebuild = { ...result, events: produced, load: load() };
      } finally {
        // The rebuild projects into a schema of its own, named after its offsets' projector.
        const { rows: shadows } = await pool.query<{ projector: string }>('SELECT DISTINCT projector FROM projection_offsets WHERE projector LIKE $1', [`${names.rebuild}-rebuild-%`]);
        extraSchemas.push(...shadows.map((r) => `rebuild_${r.projector.slice(`${names.rebuild}-rebuild-`.length)}`));
      }
    }

    console.log(`\nprojection-postgres — ${new Date().toISOString()} — ${machine()}`);
    console.log(`${'table'.padEnd(20)} ${'projector rows'.padStart(14)} ${'raw rows'.padStart(10)}`);
    for (const t of TABLES) console.log(`${t.padEnd(20)} ${fmt(rows.projector[t]!).padStart(14)} ${fmt(rows.raw[t]!).padStart(10)}${rows.projector[t] === rows.raw[t] ? '' : '   <- differs'}`);
    if (deadLetters > 0n) console.log(`dead letters: ${deadLetters}`);
    console.log(`${fmt(events.length)} events; projector: ${opts.concurrency} partitions at once, ${fmt(projected.batchesSeen)} batches seen (about ${fmt(projectorBatch)} events each); raw: ${opts.concurrency} connections; load average after: ${loadAfterProjection}`);
    console.log(`events/s through the projector            ${fmt(projectorRate).padStart(8)}   (${projected.appliedSeconds.toFixed(1)} s; ${fmt(events.length / projected.totalSeconds)}/s over ${projected.totalSeconds.toFixed(1)} s with start-up)`);
    for (const r of raws) console.log(`raw upserts, same rows, ${fmt(r.batch).padStart(6)} per tx, events/s ${fmt(r.rate).padStart(8)}   (${r.seconds.toFixed(1)} s)   ratio ${((100 * projectorRate) / r.rate).toFixed(1)}%${r === ceiling ? '  <- ceiling' : ''}`);
    const perEvent = (cpu: Cpu, n: number) => `Node ${((1e6 * cpu.node) / n).toFixed(0)} µs + Postgres ${((1e6 * cpu.postgres) / n).toFixed(0)} µs`;
    console.log(`CPU per event: projector ${perEvent(projected.cpu, projected.appliedEvents)}; ${raws.map((r) => `raw at ${fmt(r.batch)} per tx ${perEvent(r.cpu, events.length)}`).join('; ')}`);
    if (rebuild) console.log(`rebuild of ${fmt(rebuild.records)} records: ${fmt(rebuild.records / rebuild.seconds)} records/s over ${rebuild.seconds.toFixed(1)} s (${rebuild.wallSeconds.toFixed(1)} s with process start-up); load average after: ${rebuild.load}`);
    if (!sameRows) console.log('WARNING: the raw ceiling did not write the same number of rows as the projector; its figure is not comparable');

    const dir = join(process.cwd(), 'tmp', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'projection-postgres.json'),
      JSON.stringify(
        {
          name: 'projection-postgres',
          at: new Date().toISOString(),
          machine: machine(),
          options: opts,
          events: events.length,
          projector: { ...projected, rate: projectorRate, batch: projectorBatch, deadLetters: Number(deadLetters) },
          raw: raws,
          ratio: projectorRate / ceiling.rate,
          rows,
          sameRows,
          loadAfterProjection,
          rebuild: rebuild && { ...rebuild, rate: rebuild.records / rebuild.seconds },
        },
        null,
        2,
      ),
    );
  } finally {
    for (const schema of [...Object.values(schemas), ...extraSchemas]) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch((e: unknown) => console.error(`could not drop ${schema}: ${(e as Error).message}`));
    await pool.query('DELETE FROM projection_offsets WHERE projector LIKE $1', [`bench-${run}%`]).catch(() => undefined);
    await pool.end();
    await admin.deleteTopics({ topics: topicsMade }).catch(() => undefined);
    const groups = (await admin.listGroups().catch(() => ({ groups: [] as { groupId: string }[] }))).groups.map((g) => g.groupId).filter((g) => g.startsWith(`fleetlog-projector-bench-${run}`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    await admin.disconnect();
  }
};
