import type pg from 'pg';
import { foldParameters, parameterKey, type Changes, type CurrentParameterRow } from './fold.js';

type Column = readonly [name: string, pgType: string];
type Value = string | number | boolean | null | undefined;

const ts = (ms: number | undefined | null): string | null => (ms === undefined || ms === null ? null : new Date(ms).toISOString());

/**
 * One statement for many rows: the columns travel as arrays and UNNEST turns them back into rows.
 * `tail` is the ON CONFLICT clause.
 */
const upsert = async (client: pg.ClientBase, table: string, columns: readonly Column[], rows: Value[][], tail: string, select?: string): Promise<void> => {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  const names = columns.map(([n]) => n).join(', ');
  const params = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  await client.query(`INSERT INTO ${table} AS t (${names}) SELECT ${select ?? names} FROM unnest(${params}) AS u(${names}) ${tail}`, arrays);
};

const excluded = (cols: string[], how: (c: string) => string) => cols.map((c) => `${c} = ${how(c)}`).join(', ');
const keepUnlessNull = (c: string) => `coalesce(EXCLUDED.${c}, t.${c})`;

const DEVICE_COLUMNS: Column[] = [
  ['tenant_id', 'text'],
  ['device_id', 'text'],
  ['protocol', 'text'],
  ['manufacturer', 'text'],
  ['oui', 'text'],
  ['product_class', 'text'],
  ['serial_number', 'text'],
  ['endpoint_id', 'text'],
  ['vendor', 'text'],
  ['client_id', 'text'],
  ['software_version', 'text'],
  ['hardware_version', 'text'],
  ['connection_request_url', 'text'],
  ['first_seen_at', 'timestamptz'],
  ['last_contact_at', 'timestamptz'],
  ['online', 'boolean'],
  ['online_changed_at', 'timestamptz'],
  ['expected_interval_seconds', 'integer'],
  ['event_count', 'bigint'],
  ['updated_at', 'timestamptz'],
  ['last_event_id', 'text'],
];
const DEVICE_KEPT = ['protocol', 'manufacturer', 'oui', 'product_class', 'serial_number', 'endpoint_id', 'vendor', 'client_id', 'software_version', 'hardware_version', 'connection_request_url', 'online_changed_at', 'expected_interval_seconds'];

const writeDevices = async (client: pg.ClientBase, devices: Changes['devices']) => {
  const rows = [...devices.values()].map((d) => [
    d.tenantId,
    d.deviceId,
    d.protocol,
    d.manufacturer,
    d.oui,
    d.productClass,
    d.serialNumber,
    d.endpointId,
    d.vendor,
    d.clientId,
    d.softwareVersion,
    d.hardwareVersion,
    d.connectionRequestUrl,
    ts(d.firstSeenAt),
    ts(d.lastContactAt),
    d.online?.value ?? false,
    ts(d.online?.at),
    d.expectedIntervalSeconds,
    d.events,
    ts(d.updatedAt),
    d.lastEventId,
  ]);
  await upsert(
    client,
    'devices',
    DEVICE_COLUMNS,
    rows,
    `ON CONFLICT (tenant_id, device_id) DO UPDATE SET ${excluded(DEVICE_KEPT, keepUnlessNull)},
       first_seen_at = least(t.first_seen_at, EXCLUDED.first_seen_at),
       last_contact_at = greatest(t.last_contact_at, EXCLUDED.last_contact_at),
       online = CASE WHEN EXCLUDED.online_changed_at IS NULL THEN t.online ELSE EXCLUDED.online END,
       event_count = t.event_count + EXCLUDED.event_count,
       updated_at = greatest(t.updated_at, EXCLUDED.updated_at),
       last_event_id = EXCLUDED.last_event_id`,
  );
  const tagged = [...devices.values()].filter((d) => d.tags.size > 0);
  if (tagged.length === 0) return;
  const ops = (d: (typeof tagged)[number], op: 'add' | 'remove') => JSON.stringify([...d.tags].filter(([, o]) => o === op).map(([t]) => t));
  await client.query(
    `UPDATE devices AS d SET tags = ARRAY(
        SELECT DISTINCT tag FROM unnest(d.tags || ARRAY(SELECT jsonb_array_elements_text(u.added::jsonb))) AS tag
        WHERE NOT tag = ANY (ARRAY(SELECT jsonb_array_elements_text(u.removed::jsonb))) ORDER BY tag)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(tenant_id, device_id, added, removed)
     WHERE d.tenant_id = u.tenant_id AND d.device_id = u.device_id`,
    [tagged.map((d) => d.tenantId), tagged.map((d) => d.deviceId), tagged.map((d) => ops(d, 'add')), tagged.map((d) => ops(d, 'remove'))],
  );
};

const writeParameters = async (client: pg.ClientBase, reports: Changes['parameters']) => {
  if (reports.length === 0) return;
  const keys = new Map(reports.map((r) => [parameterKey(r.tenantId, r.deviceId, r.path), r]));
  const { rows } = await client.query<{ tenant_id: string; device_id: string; path: string; value: string; value_type: string; writable: boolean | null; reported_at: Date; changed_at: Date; event_id: string }>(
    `SELECT p.tenant_id, p.device_id, p.path, p.value, p.value_type, p.writable, p.reported_at, p.changed_at, p.event_id
       FROM device_parameters p JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(tenant_id, device_id, path)
         ON p.tenant_id = k.tenant_id AND p.device_id = k.device_id AND p.path = k.path`,
    [[...keys.values()].map((r) => r.tenantId), [...keys.values()].map((r) => r.deviceId), [...keys.values()].map((r) => r.path)],
  );
  const stored = new Map<string, CurrentParameterRow>(
    rows.map((r) => [
      parameterKey(r.tenant_id, r.device_id, r.path),
      { value: r.value, valueType: r.value_type, writable: r.writable, reportedAt: r.reported_at.getTime(), changedAt: r.changed_at.getTime(), eventId: r.event_id },
    ]),
  );
  const { current, history } = foldParameters(stored, reports);
  await upsert(
    client,
    'device_parameters',
    [
      ['tenant_id', 'text'],
      ['device_id', 'text'],
      ['path', 'text'],
      ['value', 'text'],
      ['value_type', 'text'],
      ['writable', 'boolean'],
      ['reported_at', 'timestamptz'],
      ['changed_at', 'timestamptz'],
      ['event_id', 'text'],
    ],
    [...current.values()].map((p) => [p.tenantId, p.deviceId, p.path, p.value, p.valueType, p.writable, ts(p.reportedAt), ts(p.changedAt), p.eventId]),
    `ON CONFLICT (tenant_id, device_id, path) DO UPDATE SET value = EXCLUDED.value, value_type = EXCLUDED.value_type, writable = EXCLUDED.writable,
       reported_at = EXCLUDED.reported_at, changed_at = EXCLUDED.changed_at, event_id = EXCLUDED.event_id`,
  );
  await upsert(
    client,
    'parameter_history',
    [
      ['tenant_id', 'text'],
      ['device_id', 'text'],
      ['path', 'text'],
      ['valid_from', 'timestamptz'],
      ['log_position', 'bigint'],
      ['value', 'text'],
      ['value_type', 'text'],
      ['origin', 'text'],
      ['event_id', 'text'],
    ],
    history.map((h) => [h.tenantId, h.deviceId, h.path, ts(h.validFrom), String(h.position), h.value, h.valueType, h.origin, h.eventId]),
    'ON CONFLICT DO NOTHING',
  );
};

const COMMAND_COLUMNS: Column[] = [
  ['tenant_id', 'text'],
  ['command_id', 'text'],
  ['device_id', 'text'],
  ['protocol', 'text'],
  ['kind', 'text'],
  ['arguments', 'jsonb'],
  ['status', 'text'],
  ['requested_by', 'text'],
  ['batch_id', 'text'],
  ['correlation_id', 'text'],
  ['requested_at', 'timestamptz'],
  ['deadline', 'timestamptz'],
  ['dispatched_at', 'timestamptz'],
  ['attempts', 'integer'],
  ['accepted_at', 'timestamptz'],
  ['accepted_detail', 'jsonb'],
  ['completed_at', 'timestamptz'],
  ['result', 'jsonb'],
  ['error_code', 'text'],
  ['error_message', 'text'],
  ['fault_code', 'integer'],
  ['cancelled_by', 'text'],
  ['cancel_reason', 'text'],
  ['updated_at', 'timestamptz'],
  ['last_event_id', 'text'],
];
const COMMAND_KEPT = ['protocol', 'kind', 'arguments', 'requested_by', 'batch_id', 'requested_at', 'deadline', 'dispatched_at', 'accepted_at', 'accepted_detail', 'completed_at', 'result', 'error_code', 'error_message', 'fault_code', 'cancelled_by', 'cancel_reason'];

const writeCommands = (client: pg.ClientBase, commands: Changes['commands']) =>
  upsert(
    client,
    'commands',
    COMMAND_COLUMNS,
    [...commands.values()].map((c) => [
      c.tenantId,
      c.commandId,
      c.deviceId,
      c.protocol,
      c.kind,
      c.arguments,
      c.status,
      c.requestedBy,
      c.batchId,
      c.correlationId,
      ts(c.requestedAt),
      ts(c.deadline),
      ts(c.dispatchedAt),
      c.attempts ?? 0,
      ts(c.acceptedAt),
      c.acceptedDetail,
      ts(c.completedAt),
      c.result,
      c.errorCode,
      c.errorMessage,
      c.faultCode,
      c.cancelledBy,
      c.cancelReason,
      ts(c.updatedAt),
      c.lastEventId,
    ]),
    `ON CONFLICT (tenant_id, command_id) DO UPDATE SET ${excluded(COMMAND_KEPT, keepUnlessNull)},
       status = EXCLUDED.status,
       correlation_id = CASE WHEN EXCLUDED.requested_at IS NULL THEN t.correlation_id ELSE EXCLUDED.correlation_id END,
       attempts = greatest(t.attempts, EXCLUDED.attempts),
       updated_at = greatest(t.updated_at, EXCLUDED.updated_at),
       last_event_id = EXCLUDED.last_event_id`,
  );

const writeSessions = (client: pg.ClientBase, sessions: Changes['sessions']) =>
  upsert(
    client,
    'device_sessions',
    [
      ['tenant_id', 'text'],
      ['session_id', 'text'],
      ['device_id', 'text'],
      ['channel', 'text'],
      ['remote_address', 'text'],
      ['started_at', 'timestamptz'],
      ['ended_at', 'timestamptz'],
      ['outcome', 'text'],
      ['messages_in', 'integer'],
      ['messages_out', 'integer'],
      ['rpcs_dispatched', 'integer'],
    ],
    [...sessions.values()].map((s) => [s.tenantId, s.sessionId, s.deviceId, s.channel, s.remoteAddress, ts(s.startedAt), ts(s.endedAt), s.outcome, s.messagesIn, s.messagesOut, s.rpcsDispatched]),
    `ON CONFLICT (tenant_id, session_id) DO UPDATE SET ${excluded(['channel', 'remote_address', 'ended_at', 'outcome', 'messages_in', 'messages_out', 'rpcs_dispatched'], keepUnlessNull)},
       started_at = least(t.started_at, EXCLUDED.started_at)`,
  );

const writeTimeline = (client: pg.ClientBase, rows: Changes['timeline']) =>
  upsert(
    client,
    'device_timeline',
    [
      ['tenant_id', 'text'],
      ['device_id', 'text'],
      ['recorded_at', 'timestamptz'],
      ['event_id', 'text'],
      ['event_type', 'text'],
      ['occurred_at', 'timestamptz'],
      ['aggregate_id', 'text'],
      ['correlation_id', 'text'],
      ['causation_id', 'text'],
      ['source_app', 'text'],
      ['summary', 'jsonb'],
      ['log_topic', 'text'],
      ['log_partition', 'integer'],
      ['log_offset', 'bigint'],
    ],
    rows.map((r) => [r.tenantId, r.deviceId, ts(r.recordedAt), r.eventId, r.eventType, ts(r.occurredAt), r.aggregateId, r.correlationId, r.causationId, r.sourceApp, r.summary, r.topic, r.partition, r.offset]),
    'ON CONFLICT DO NOTHING',
  );

const writeTenants = async (client: pg.ClientBase, c: Changes) => {
  await upsert(
    client,
    'tenants',
    [
      ['tenant_id', 'text'],
      ['name', 'text'],
      ['created_at', 'timestamptz'],
      ['last_event_id', 'text'],
    ],
    [...c.tenants.values()].map((t) => [t.tenantId, t.name, ts(t.createdAt), t.lastEventId]),
    'ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, last_event_id = EXCLUDED.last_event_id',
  );
  await upsert(
    client,
    'api_keys',
    [
      ['tenant_id', 'text'],
      ['key_id', 'text'],
      ['name', 'text'],
      ['key_hash', 'text'],
      ['role', 'text'],
      ['issued_at', 'timestamptz'],
      ['revoked_at', 'timestamptz'],
    ],
    [...c.apiKeys.values()].map((k) => [k.tenantId, k.keyId, k.name ?? '', k.keyHash ?? '', k.role ?? 'viewer', ts(k.issuedAt ?? k.revokedAt), ts(k.revokedAt)]),
    `ON CONFLICT (tenant_id, key_id) DO UPDATE SET
       name = CASE WHEN EXCLUDED.key_hash = '' THEN t.name ELSE EXCLUDED.name END,
       key_hash = CASE WHEN EXCLUDED.key_hash = '' THEN t.key_hash ELSE EXCLUDED.key_hash END,
       role = CASE WHEN EXCLUDED.key_hash = '' THEN t.role ELSE EXCLUDED.role END,
       issued_at = CASE WHEN EXCLUDED.key_hash = '' THEN t.issued_at ELSE EXCLUDED.issued_at END,
       revoked_at = coalesce(EXCLUDED.revoked_at, t.revoked_at)`,
  );
};

/** Writes a batch's changes: a few multi-row statements, whatever the number of events. */
export const writeChanges = async (client: pg.ClientBase, c: Changes): Promise<void> => {
  await writeTenants(client, c);
  await writeDevices(client, c.devices);
  await writeParameters(client, c.parameters);
  await writeCommands(client, c.commands);
  await writeSessions(client, c.sessions);
  await writeTimeline(client, c.timeline);
};
