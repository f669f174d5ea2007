import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DLQ_HEADERS, deterministicEventId, dlqTopicName, type AnyEvent, type DeviceEvent } from '@fleetlog/events';
import { testKafka, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { serveMetrics } from '@fleetlog/platform';
import { createPresenceWatcher } from './presence.js';
import { startProjector, type RunningProjector } from './projector.js';
import { caughtUp, isolation, type Isolation } from './testing/isolated.js';

const T0 = 1_790_000_000_000;
const source = { app: 'test', instance: 'projector-int' };
let seq = 0;
const ev = (tenantId: string, type: string, aggregateId: string, at: number, payload: unknown, extra: Partial<AnyEvent> = {}): AnyEvent =>
  ({ eventId: deterministicEventId('projector-int', tenantId, seq++), type, tenantId, aggregateId, occurredAt: at, recordedAt: at, correlationId: `c-${aggregateId}`, causationId: null, source, payload, ...extra }) as unknown as AnyEvent;

const deviceLife = (tenantId: string, deviceId: string): AnyEvent[] => [
  ev(tenantId, 'TenantCreated', tenantId, T0, { name: 'Acme ISP' }),
  ev(tenantId, 'TenantApiKeyIssued', tenantId, T0, { keyId: 'k1', name: 'ci', keyHash: 'sha256:abc', role: 'OPERATOR' }),
  ev(tenantId, 'DeviceRegistered', deviceId, T0, { protocol: 'CWMP', identity: { manufacturer: 'Example', oui: '00D09E', productClass: 'IGD', serialNumber: 'S1', endpointId: null, vendor: null, clientId: null } }),
  ev(tenantId, 'DeviceSessionStarted', deviceId, T0 + 1, { sessionId: `s-${deviceId}`, channel: 'cwmp-session', remoteAddress: '10.0.0.9' }),
  ev(tenantId, 'DeviceInformed', deviceId, T0 + 2, { sessionId: `s-${deviceId}`, events: [{ eventCode: '0 BOOTSTRAP', commandKey: '' }], manufacturer: 'Example', softwareVersion: '1.2.3', hardwareVersion: 'HW1', connectionRequestUrl: 'http://10.0.0.9:7548/', retryCount: 0, deviceTime: null }),
  ev(tenantId, 'DeviceParametersReported', deviceId, T0 + 3, {
    origin: 'inform',
    parameters: [
      { path: 'Device.WiFi.SSID.1.SSID', value: 'home', valueType: 'string', writable: null },
      { path: 'Device.ManagementServer.PeriodicInformInterval', value: '300', valueType: 'unsignedInt', writable: true },
    ],
  }),
  ev(tenantId, 'DeviceParametersReported', deviceId, T0 + 10, { origin: 'get', parameters: [{ path: 'Device.WiFi.SSID.1.SSID', value: 'home', valueType: 'string', writable: true }] }),
  ev(tenantId, 'DeviceParametersReported', deviceId, T0 + 20, { origin: 'get', parameters: [{ path: 'Device.WiFi.SSID.1.SSID', value: 'office', valueType: 'string', writable: null }] }),
  ev(tenantId, 'DeviceSessionEnded', deviceId, T0 + 30, { sessionId: `s-${deviceId}`, startedAt: T0 + 1, outcome: 'completed', messagesIn: 4, messagesOut: 4, rpcsDispatched: 1 }),
  ev(tenantId, 'DeviceTagged', deviceId, T0 + 40, { tag: 'pilot' }),
  ev(tenantId, 'DeviceTagged', deviceId, T0 + 41, { tag: 'north' }),
  ev(tenantId, 'DeviceUntagged', deviceId, T0 + 42, { tag: 'north' }),
  ev(tenantId, 'CommandRequested', 'cmd-1', T0 + 50, { deviceId, protocol: 'CWMP', kind: 'cwmp.Download', arguments: JSON.stringify({ url: 'http://fw/x.bin', password: 'hunter2' }), deadline: T0 + 86_400_000, requestedBy: 'user:ops', batchId: 'b-1' }, { correlationId: 'op-1' }),
  ev(tenantId, 'CommandDispatched', 'cmd-1', T0 + 51, { deviceId, attempt: 1, channel: 'cwmp-session' }, { correlationId: 'op-1' }),
  ev(tenantId, 'CommandFailed', 'cmd-1', T0 + 52, { deviceId, code: 'CWMP_FAULT', message: '9010 Download failure', faultCode: 9010 }, { correlationId: 'op-1' }),
];

describe('projector-postgres on the real stack', () => {
  let iso: Isolation;
  let projector: RunningProjector;

  before(async () => {
    iso = await isolation();
    projector = await startProjector(iso.config(), iso.logger);
  });
  after(async () => {
    await projector?.stop();
    await iso?.cleanup();
  });

  const rows = async <T extends Record<string, unknown>>(sql: string, params: unknown[]) => (await iso.pool.query<T>(sql.replaceAll('$schema', `"${iso.schema}"`), params)).rows;
  const settle = () => waitFor('the projector to reach the end of its topics', () => caughtUp(iso), 60_000);

  it('projects a device life into devices, parameters, history, sessions, commands, timeline and tenants', async () => {
    const tenant = uniqueTenant();
    await iso.publish(deviceLife(tenant, 'dev-1'));
    await settle();

    const [device] = await rows('SELECT * FROM $schema.devices WHERE tenant_id = $1', [tenant]);
    assert.equal(device!.protocol, 'CWMP');
    assert.equal(device!.product_class, 'IGD');
    assert.equal(device!.software_version, '1.2.3');
    assert.equal(device!.connection_request_url, 'http://10.0.0.9:7548/');
    assert.equal(device!.expected_interval_seconds, 300);
    assert.deepEqual(device!.tags, ['pilot']);
    assert.equal((device!.first_seen_at as Date).getTime(), T0);
    assert.equal((device!.last_contact_at as Date).getTime(), T0 + 30);

    const params = await rows<{ path: string; value: string; writable: boolean | null; changed_at: Date; reported_at: Date }>('SELECT * FROM $schema.device_parameters WHERE tenant_id = $1 ORDER BY path', [tenant]);
    const ssid = params.find((p) => p.path === 'Device.WiFi.SSID.1.SSID')!;
    assert.equal(ssid.value, 'office');
    assert.equal(ssid.writable, true, 'a report without writability keeps what an earlier one said');
    assert.equal(ssid.changed_at.getTime(), T0 + 20);
    const history = await rows<{ value: string; valid_from: Date }>('SELECT value, valid_from FROM $schema.parameter_history WHERE tenant_id = $1 AND path = $2 ORDER BY valid_from', [tenant, 'Device.WiFi.SSID.1.SSID']);
    assert.deepEqual(history.map((h) => [h.value, h.valid_from.getTime()]), [['home', T0 + 3], ['office', T0 + 20]], 'an unchanged report is not a change');

    const [session] = await rows('SELECT * FROM $schema.device_sessions WHERE tenant_id = $1', [tenant]);
    assert.equal(session!.outcome, 'completed');
    assert.equal(session!.remote_address, '10.0.0.9');
    assert.equal(session!.rpcs_dispatched, 1);

    const [command] = await rows('SELECT * FROM $schema.commands WHERE tenant_id = $1', [tenant]);
    assert.equal(command!.status, 'FAILED');
    assert.equal(command!.fault_code, 9010);
    assert.equal(command!.correlation_id, 'op-1');
    assert.equal(command!.batch_id, 'b-1');
    assert.deepEqual(command!.arguments, { url: 'http://fw/x.bin', password: '***' }, 'secrets are masked');

    const timeline = await rows<{ event_type: string; correlation_id: string; causation_id: string | null }>('SELECT event_type, correlation_id FROM $schema.device_timeline WHERE tenant_id = $1 ORDER BY recorded_at, event_id', [tenant]);
    assert.equal(timeline.length, 13, 'every device and command event of the device');
    assert.ok(timeline.some((t) => t.event_type === 'CommandFailed' && t.correlation_id === 'op-1'));

    const [t] = await rows('SELECT * FROM $schema.tenants WHERE tenant_id = $1', [tenant]);
    assert.equal(t!.name, 'Acme ISP');
    const [key] = await rows('SELECT * FROM $schema.api_keys WHERE tenant_id = $1', [tenant]);
    assert.equal(key!.role, 'OPERATOR');
  });

  it('stores no secret in clear: passphrases set by a command or reported by a device are masked', async () => {
    const tenant = uniqueTenant();
    const path = 'Device.WiFi.AccessPoint.1.Security.KeyPassphrase';
    await iso.publish([
      ev(tenant, 'DeviceParametersReported', 'dev-s', T0, { origin: 'get', parameters: [{ path, value: 'sunshine123', valueType: 'string', writable: true }, { path: 'Device.WiFi.SSID.1.SSID', value: 'home', valueType: 'string', writable: true }] }),
      ev(tenant, 'CommandRequested', 'cmd-s', T0 + 1, { deviceId: 'dev-s', protocol: 'CWMP', kind: 'cwmp.SetParameterValues', arguments: JSON.stringify({ parameterValues: [{ name: path, value: 'moonlight456', type: 'string' }] }), deadline: T0 + 86_400_000, requestedBy: 'user:ops', batchId: null }),
    ]);
    await settle();
    const dump = JSON.stringify(await rows('SELECT p.*, c.arguments, t.summary FROM $schema.device_parameters p, $schema.commands c, $schema.device_timeline t WHERE p.tenant_id = $1 AND c.tenant_id = $1 AND t.tenant_id = $1', [tenant]));
    assert.doesNotMatch(dump, /sunshine123|moonlight456/);
    assert.match(dump, /"home"/, 'other values stay readable');
  });

  it('applies an event written twice, and a replay after a restart, exactly once', async () => {
    const tenant = uniqueTenant();
    const life = deviceLife(tenant, 'dev-2');
    await iso.publish([...life, life[7]!, life[12]!]);
    await settle();
    const count = async () => (await rows<{ n: string }>('SELECT (SELECT count(*) FROM $schema.device_timeline WHERE tenant_id = $1) + (SELECT count(*) FROM $schema.parameter_history WHERE tenant_id = $1) AS n', [tenant]))[0]!.n;
    const before = await count();
    assert.equal(before, '16', '13 timeline rows and 3 history rows, duplicates ignored');

    // A restart with Kafka's committed offsets rewound: everything is fetched again, nothing applied again.
    await projector.stop();
    const admin = testKafka().admin();
    await admin.connect();
    for (const topic of projector.topics) await admin.resetOffsets({ groupId: `fleetlog-projector-test-${iso.id}`, topic, earliest: true });
    await admin.disconnect();
    projector = await startProjector(iso.config(), iso.logger);
    await iso.publish([ev(tenant, 'DeviceTagged', 'dev-2', T0 + 99, { tag: 'after-restart' })]);
    await waitFor('the tag after the restart', async () => (await rows<{ tags: string[] }>('SELECT tags FROM $schema.devices WHERE tenant_id = $1', [tenant]))[0]?.tags.includes('after-restart'));
    assert.equal(await count(), '17');
    const [{ event_count }] = (await iso.pool.query<{ event_count: string }>(`SELECT event_count FROM "${iso.schema}".devices WHERE tenant_id = $1`, [tenant])).rows as [{ event_count: string }];
    assert.equal(event_count, '12', 'ten device events, one record written twice by its producer, one after the restart: none re-applied by the replay');
  });

  it('sets a poison event aside on the DLQ with its origin and goes on with its partition', async () => {
    const tenant = uniqueTenant();
    const poison = ev(tenant, 'DeviceTagged', 'dev-3', 9_000_000_000_000_000, { tag: 'from-the-far-future' });
    await iso.publish([ev(tenant, 'DeviceRegistered', 'dev-3', T0, { protocol: 'MQTT', identity: { manufacturer: null, oui: null, productClass: null, serialNumber: null, endpointId: null, vendor: 'acme', clientId: 'c3' } }), poison, ev(tenant, 'DeviceTagged', 'dev-3', T0 + 5, { tag: 'later' })]);
    await settle();
    const [device] = await rows<{ tags: string[] }>('SELECT tags FROM $schema.devices WHERE tenant_id = $1', [tenant]);
    assert.deepEqual(device!.tags, ['later']);

    const consumer = testKafka().consumer({ groupId: `dlq-reader-${iso.id}-${Date.now()}` });
    const seen: { headers: Record<string, string> }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: dlqTopicName(`${iso.prefix}fleetlog.device.events`), fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push({ headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) }) });
    await waitFor('the dead letter', () => seen.length > 0);
    await consumer.disconnect();
    const h = seen[0]!.headers;
    assert.equal(h[DLQ_HEADERS.topic], `${iso.prefix}fleetlog.device.events`);
    assert.equal(h[DLQ_HEADERS.errorCode], 'PROJECTION_INVALID_EVENT');
    assert.match(h[DLQ_HEADERS.error]!, /not a usable time/);
    assert.match(h[DLQ_HEADERS.offset]!, /^\d+$/);
  });

  it('keeps offsets in Postgres at the end of every partition it applied', async () => {
    await settle();
    const ends = await iso.endOffsets();
    const stored = await rows<{ topic: string; partition: number; next_offset: string }>('SELECT topic, partition, next_offset FROM projection_offsets WHERE projector = $1', [`test-${iso.id}`]);
    for (const r of stored) assert.equal(BigInt(r.next_offset), ends.get(`${r.topic}/${r.partition}`));
    assert.ok(stored.length > 0);
  });

  it('reads a partition again when its stored offset is behind where the fetch is (offsets rewound by hand)', async () => {
    const tenant = uniqueTenant();
    await iso.publish(deviceLife(tenant, 'dev-r'));
    await settle();
    await iso.pool.query(`DELETE FROM "${iso.schema}".device_timeline WHERE tenant_id = $1`, [tenant]);
    await iso.pool.query(`UPDATE projection_offsets SET next_offset = 0 WHERE projector = $1`, [`test-${iso.id}`]);
    // The next batch starts past the stored offset: the projector seeks back and applies the log again.
    await iso.publish([ev(tenant, 'DeviceTagged', 'dev-r', T0 + 100, { tag: 'again' })]);
    const timeline = async () => (await iso.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${iso.schema}".device_timeline WHERE tenant_id = $1 AND device_id = 'dev-r'`, [tenant])).rows[0]!.n;
    // Ten device events of its life and the new tag; its command events are on a partition with nothing new.
    await waitFor('the device events to be applied again', async () => (await timeline()) === '11');
    // Partitions with nothing new are read again from their stored offsets at the next start.
    await projector.stop();
    projector = await startProjector(iso.config(), iso.logger);
    await settle();
    assert.equal(await timeline(), '14');
  });

  it('projects a log from its start when its stored offsets are past its end (topic recreated, cluster replaced)', async () => {
    const tenant = uniqueTenant();
    await projector.stop();
    // As after a new Kafka cluster: the stored offsets point far beyond anything in the topics.
    await iso.pool.query('UPDATE projection_offsets SET next_offset = next_offset + 1000000 WHERE projector = $1', [`test-${iso.id}`]);
    await iso.publish([ev(tenant, 'DeviceRegistered', 'dev-new-log', T0, { protocol: 'USP', identity: { manufacturer: null, oui: null, productClass: null, serialNumber: null, endpointId: 'proto::dev-new-log', vendor: null, clientId: null } })]);
    projector = await startProjector(iso.config(), iso.logger);
    await settle();
    assert.deepEqual(await rows('SELECT protocol FROM $schema.devices WHERE tenant_id = $1', [tenant]), [{ protocol: 'USP' }]);
  });

  it('reports per-partition lag and last applied offset on /metrics and /health', async () => {
    await settle();
    const http = await serveMetrics({ host: '127.0.0.1', port: 0, registry: projector.metrics.registry, health: () => ({ ok: true, partitions: projector.metrics.partitions() }) });
    try {
      const text = await (await fetch(`http://127.0.0.1:${http.port}/metrics`)).text();
      const ends = await iso.endOffsets();
      // A partition this projector instance has applied batches of (earlier tests restarted it).
      const seen = projector.metrics.partitions()[0]!;
      const [name, partition] = [seen.topic, String(seen.partition)];
      const end = ends.get(`${name}/${partition}`)!;
      assert.match(text, new RegExp(`fleetlog_consumer_lag\\{[^}]*topic="${name.replaceAll('.', '\\.')}",partition="${partition}"[^}]*\\} 0`));
      assert.match(text, new RegExp(`fleetlog_consumer_last_applied_offset\\{[^}]*topic="${name.replaceAll('.', '\\.')}",partition="${partition}"[^}]*\\} ${end - 1n}`));
      const health = (await (await fetch(`http://127.0.0.1:${http.port}/health`)).json()) as { ok: boolean; partitions: { topic: string; lag: string }[] };
      assert.equal(health.ok, true);
      assert.ok(health.partitions.some((p) => p.topic === name && p.lag === '0'));
    } finally {
      await http.close();
    }
  });

  it('row-level security shows the API role one tenant, and nothing without one', async () => {
    const [a, b] = [uniqueTenant(), uniqueTenant()];
    const client = await iso.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO public.devices (tenant_id, device_id, updated_at, last_event_id) VALUES ($1, 'x', now(), 'e'), ($2, 'y', now(), 'e')`, [a, b]);
      await client.query('SET LOCAL ROLE fleetlog_api');
      const visible = async () => (await client.query<{ tenant_id: string }>('SELECT tenant_id FROM public.devices WHERE tenant_id = ANY($1)', [[a, b]])).rows.map((r) => r.tenant_id);
      assert.deepEqual(await visible(), [], 'no tenant named: nothing');
      await client.query(`SELECT set_config('fleetlog.tenant_id', $1, true)`, [a]);
      assert.deepEqual(await visible(), [a]);
      await assert.rejects(client.query(`INSERT INTO public.devices (tenant_id, device_id, updated_at, last_event_id) VALUES ($1, 'z', now(), 'e')`, [a]), /permission denied/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    const { rows: tables } = await iso.pool.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: string }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1)`,
      [['tenants', 'api_keys', 'devices', 'device_parameters', 'parameter_history', 'commands', 'device_sessions', 'device_timeline']],
    );
    assert.equal(tables.length, 8);
    for (const t of tables) assert.ok(t.relrowsecurity && t.relforcerowsecurity && Number(t.policies) === 1, `${t.relname} enables and forces row-level security`);
  });

  it('records presence as events: online at first contact, offline after a missed window', async () => {
    const tenant = uniqueTenant();
    const contact = Date.now() - 60_000;
    await iso.publish([
      ev(tenant, 'DeviceRegistered', 'dev-p', contact, { protocol: 'CWMP', identity: { manufacturer: 'Example', oui: '00D09E', productClass: 'IGD', serialNumber: 'P', endpointId: null, vendor: null, clientId: null } }),
      ev(tenant, 'DeviceParametersReported', 'dev-p', contact, { origin: 'inform', parameters: [{ path: 'InternetGatewayDevice.ManagementServer.PeriodicInformInterval', value: '600', valueType: 'unsignedInt', writable: true }] }),
      // An MQTT device as quiet as dev-p, with a shorter window: its ingress, not this watcher, records its presence.
      ev(tenant, 'DeviceRegistered', 'generic:p', contact, { protocol: 'MQTT', identity: { manufacturer: null, oui: null, productClass: null, serialNumber: null, endpointId: null, vendor: 'generic', clientId: 'p' } }),
      ev(tenant, 'DeviceWentOnline', 'generic:p', contact, { via: 'mqtt', expectedIntervalSeconds: 60 }),
    ]);
    await settle();
    let now = Date.now();
    const published: AnyEvent[] = [];
    const watcher = createPresenceWatcher({
      pool: iso.pool,
      schema: iso.schema,
      publish: async (events) => {
        published.push(...events);
        await iso.publish(events);
      },
      now: () => now,
      settings: { defaultIntervalSeconds: 3600, missedIntervals: 2, graceSeconds: 60 },
      source,
      logger: iso.logger,
    });
    const mine = () => published.filter((e) => e.tenantId === tenant) as DeviceEvent[];
    await watcher.check();
    assert.deepEqual(mine().map((e) => e.type), ['DeviceWentOnline']);
    await settle();
    const online = async () => (await rows<{ online: boolean }>('SELECT online FROM $schema.devices WHERE tenant_id = $1', [tenant]))[0]!.online;
    assert.equal(await online(), true);

    await watcher.check();
    assert.equal(mine().length, 1, 'within its window (2 x 600 s + 60 s) nothing changes');
    now = contact + (2 * 600 + 61) * 1000;
    assert.deepEqual(await watcher.check('contacts'), [], 'the check run after every batch only brings devices online');
    await watcher.check();
    assert.deepEqual(mine().map((e) => e.type), ['DeviceWentOnline', 'DeviceWentOffline']);
    await settle();
    assert.equal(await online(), false);
    const [last] = await rows<{ event_type: string; source_app: string }>('SELECT event_type, source_app FROM $schema.device_timeline WHERE tenant_id = $1 ORDER BY recorded_at DESC LIMIT 1', [tenant]);
    assert.equal(last!.event_type, 'DeviceWentOffline', 'consoles see it in the timeline');
  });
});
