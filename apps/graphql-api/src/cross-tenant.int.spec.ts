import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { createTenantReader } from './db/tenant-db.js';
import { encodeCursor } from './queries/cursor.js';
import { cwmpId, insertCommand, insertDevice, insertParameter, insertSession, insertTimeline, startHarness, type Harness } from './testing/harness.js';

// Tenant A, with valid operator and admin credentials, aims at everything of tenant B.
describe('cross-tenant isolation', () => {
  let h: Harness;
  const a = uniqueTenant();
  const b = uniqueTenant();
  const bDevice = cwmpId(`b-${randomUUID().slice(0, 8)}`);
  const aDevice = cwmpId(`a-${randomUUID().slice(0, 8)}`);
  const bCommand = randomUUID();
  const bBatch = randomUUID();
  let asA: string;

  before(async () => {
    h = await startHarness();
    await insertDevice(h.pool, a, aDevice);
    await insertDevice(h.pool, b, bDevice, { tags: ['b-only'] });
    await insertParameter(h.pool, b, bDevice, 'Device.DeviceInfo.SoftwareVersion', 'b-secret-version');
    await insertCommand(h.pool, b, bCommand, bDevice, { batchId: bBatch, correlationId: `corr-${b}` });
    await insertSession(h.pool, b, randomUUID(), bDevice, new Date().toISOString());
    await insertTimeline(h.pool, b, bDevice, { eventId: randomUUID(), type: 'DeviceTagged', recordedAt: new Date().toISOString(), correlationId: `corr-${b}`, offset: 1 });
    asA = await h.token(a, 'admin');
  });
  after(async () => h.close());

  it('queries with B ids return nothing to A', async () => {
    const r = await h.gql(
      asA,
      `query($d: ID!, $c: ID!, $b: ID!, $corr: String!) {
        device(id: $d) { id }
        devices(first: 100) { totalCount edges { node { id } } }
        search: devices(filter: { search: "b-" }) { totalCount }
        tagged: devices(filter: { tag: "b-only" }) { totalCount }
        byParam: devices(filter: { parameter: { path: "Device.DeviceInfo.SoftwareVersion", value: "b-secret-version" } }) { totalCount }
        parameterAt(deviceId: $d, path: "Device.DeviceInfo.SoftwareVersion", at: "2999-01-01T00:00:00Z") { value }
        parameterHistory(deviceId: $d, path: "Device.DeviceInfo.SoftwareVersion") { edges { cursor } }
        command(id: $c) { id }
        commands(filter: { deviceId: $d }) { edges { cursor } }
        all: commands { edges { node { id } } }
        sessions(deviceId: $d) { edges { cursor } }
        timeline(deviceId: $d) { edges { cursor } }
        eventsByCorrelation(correlationId: $corr) { id }
        batch(id: $b) { total }
        fleetStats { total }
        telemetry(deviceId: $d, metric: "wifi.rssi", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { count }
      }`,
      { d: bDevice, c: bCommand, b: bBatch, corr: `corr-${b}` },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const d = r.data!;
    assert.equal(d['device'], null);
    assert.deepEqual((d['devices'] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id), [aDevice]);
    assert.equal((d['devices'] as { totalCount: number }).totalCount, 1);
    for (const k of ['search', 'tagged', 'byParam']) assert.equal((d[k] as { totalCount: number }).totalCount, 0, k);
    assert.equal(d['parameterAt'], null);
    assert.equal(d['command'], null);
    assert.equal(d['batch'], null);
    for (const k of ['parameterHistory', 'commands', 'all', 'sessions', 'timeline']) assert.deepEqual((d[k] as { edges: unknown[] }).edges, [], k);
    assert.deepEqual(d['eventsByCorrelation'], []);
    assert.deepEqual(d['telemetry'], []);
    assert.equal((d['fleetStats'] as { total: number }).total, 1);
  });

  it('a cursor issued to B pages nothing for A', async () => {
    const foreign = encodeCursor(b, ['']);
    const r = await h.gql(asA, `query($after: String) { devices(after: $after) { edges { node { id } } } }`, { after: foreign });
    assert.deepEqual((r.data!['devices'] as { edges: unknown[] }).edges, []);
    const own = await h.gql(asA, `query($after: String) { devices(after: $after) { edges { node { id } } } }`, { after: encodeCursor(a, ['']) });
    assert.deepEqual((own.data!['devices'] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id), [aDevice]);
  });

  it('mutations on B ids have no effect and append no event', async () => {
    const seen = h.watch(b);
    const seenByA = h.watch(a);
    const cmd = await h.gql(asA, `mutation($d: ID!) { requestCommand(deviceId: $d, kind: "cwmp.Reboot", arguments: { commandKey: "x" }) { commandId } }`, { d: bDevice });
    assert.equal(cmd.errors?.[0]?.extensions.code, 'DEVICE_NOT_FOUND');
    const cancel = await h.gql(asA, `mutation($c: ID!) { cancelCommand(id: $c) { commandId } }`, { c: bCommand });
    assert.equal(cancel.errors?.[0]?.extensions.code, 'COMMAND_NOT_FOUND');
    const tag = await h.gql(asA, `mutation($d: ID!) { tagDevices(ids: [$d], tag: "stolen") { changed notFound } }`, { d: bDevice });
    assert.deepEqual(tag.data!['tagDevices'], { changed: [], notFound: [bDevice] });
    const untag = await h.gql(asA, `mutation($d: ID!) { untagDevices(ids: [$d], tag: "b-only") { changed notFound } }`, { d: bDevice });
    assert.deepEqual(untag.data!['untagDevices'], { changed: [], notFound: [bDevice] });
    const bulk = await h.gql(asA, `mutation { bulkCommand(filter: { tag: "b-only" }, kind: "cwmp.Reboot", arguments: { commandKey: "x" }) { total commandIds } }`);
    assert.deepEqual({ ...(bulk.data!['bulkCommand'] as object) }, { total: 0, commandIds: [] });
    const key = await h.gql(asA, `mutation { revokeApiKey(id: "${randomUUID()}") }`);
    assert.equal(key.errors?.[0]?.extensions.code, 'API_KEY_NOT_FOUND');
    // A marker event for B proves the watcher is live; nothing from A's attempts came before it.
    const marker = randomUUID();
    const { producer } = await markerProducer();
    await producer.publish([tagEvent(b, bDevice, marker)]);
    await waitFor('the marker event', () => seen.events.some((e) => e.event.eventId === marker));
    seen.stop();
    seenByA.stop();
    await producer.disconnect();
    assert.deepEqual(seen.events.map((e) => e.event.eventId), [marker]);
    assert.deepEqual(seenByA.events, [], 'no event under A names B devices either');
  });

  it('row-level security hides B rows from A even without the tenant filter, and everything without a tenant', async () => {
    const read = createTenantReader(h.pool);
    const rows = await read(a, (sql) => sql<{ n: string }>('SELECT count(*) AS n FROM devices WHERE device_id = $1', [bDevice]));
    assert.equal(rows[0]!.n, '0');
    const client = await h.pool.connect();
    try {
      await client.query('BEGIN; SET LOCAL ROLE fleetlog_api');
      const none = await client.query('SELECT count(*) AS n FROM devices');
      assert.equal(none.rows[0].n, '0');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('a request with no credentials gets nothing', async () => {
    const r = await h.gql(undefined, `{ devices { totalCount } }`);
    assert.equal(r.status, 401);
    assert.equal(r.data, null);
    assert.equal(r.errors?.[0]?.extensions.code, 'UNAUTHENTICATED');
  });

  it("B's live events never reach A's subscription resolvers", async () => {
    const aSees = h.watch(a);
    const bSees = h.watch(b);
    const marker = randomUUID();
    const { producer } = await markerProducer();
    await producer.publish([tagEvent(b, bDevice, marker)]);
    await waitFor('B to see its event', () => bSees.events.some((e) => e.event.eventId === marker));
    await producer.disconnect();
    aSees.stop();
    bSees.stop();
    assert.deepEqual(aSees.events, []);
  });
});

const markerProducer = async () => {
  const producer = testBus().producer();
  await producer.connect();
  return { producer };
};

const tagEvent = (tenantId: string, deviceId: string, eventId: string) => ({
  eventId,
  type: 'DeviceTagged' as const,
  tenantId,
  aggregateId: deviceId,
  occurredAt: Date.now(),
  recordedAt: Date.now(),
  correlationId: eventId,
  causationId: null,
  source: { app: 'test', instance: 'cross-tenant' },
  payload: { tag: 'marker' },
});
