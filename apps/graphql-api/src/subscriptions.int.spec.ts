import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DeviceTagged } from '@fleetlog/events';
import { testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { cwmpId, insertCommand, insertDevice, insertTimeline, startHarness, type Harness } from './testing/harness.js';
import { connectWs } from './testing/ws-client.js';

const tagged = (tenantId: string, deviceId: string, tag: string): DeviceTagged => ({
  eventId: randomUUID(),
  type: 'DeviceTagged',
  tenantId,
  aggregateId: deviceId,
  occurredAt: Date.now(),
  recordedAt: Date.now(),
  correlationId: randomUUID(),
  causationId: null,
  source: { app: 'test', instance: 'subscriptions' },
  payload: { tag },
});

const EVENT_FIELDS = 'id type deviceId payload cursor';

describe('subscriptions over graphql-ws', () => {
  let h: Harness;
  let url: string;
  const producer = testBus().producer();
  const a = uniqueTenant();
  const b = uniqueTenant();
  const aDevice = cwmpId(`a${randomUUID().slice(0, 6)}`);
  const bDevice = cwmpId(`b${randomUUID().slice(0, 6)}`);

  before(async () => {
    h = await startHarness({ listen: true });
    const address = h.app.server.address();
    url = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
    await producer.connect();
    await insertDevice(h.pool, a, aDevice);
    await insertDevice(h.pool, b, bDevice);
  });
  after(async () => {
    await producer.disconnect();
    await h.close();
  });

  it('refuses a connection without valid credentials in connection_init', async () => {
    const none = await connectWs(url, {});
    assert.equal(none.acknowledged, false);
    assert.ok(none.closed(), 'the server closes the connection');
    const bad = await connectWs(url, { authorization: 'Bearer forged' });
    assert.equal(bad.acknowledged, false);
  });

  it("deviceEvents delivers a device's live events to its tenant, and nothing of tenant B to tenant A", async () => {
    const asA = await connectWs(url, { authorization: await h.token(a, 'viewer') });
    const asB = await connectWs(url, { authorization: await h.token(b, 'viewer') });
    assert.ok(asA.acknowledged && asB.acknowledged);
    asA.subscribe('own', `subscription($d: ID) { deviceEvents(deviceId: $d) { ${EVENT_FIELDS} } }`, { d: aDevice });
    asA.subscribe('foreign', `subscription($d: ID) { deviceEvents(deviceId: $d) { ${EVENT_FIELDS} } }`, { d: bDevice });
    asA.subscribe('tenant', `subscription { deviceEvents { ${EVENT_FIELDS} } }`);
    asB.subscribe('own', `subscription($d: ID) { deviceEvents(deviceId: $d) { ${EVENT_FIELDS} } }`, { d: bDevice });
    // Subscriptions register asynchronously: publish until both have seen one event, then once more for each.
    await waitFor('both subscriptions live', async () => {
      await producer.publish([tagged(a, aDevice, 'warmup'), tagged(b, bDevice, 'warmup')]);
      return asA.data('own').length > 0 && asB.data('own').length > 0;
    });
    const forA = tagged(a, aDevice, 'a-live');
    const forB = tagged(b, bDevice, 'b-live');
    await producer.publish([forB, forA]);
    await waitFor('A and B events', () => asA.data('own').some((d) => (d['deviceEvents'] as { id: string }).id === forA.eventId) && asB.data('own').some((d) => (d['deviceEvents'] as { id: string }).id === forB.eventId));
    const aTenant = await waitFor('tenant-wide feed', () => asA.data('tenant').some((d) => (d['deviceEvents'] as { id: string }).id === forA.eventId) && asA.data('tenant'));
    assert.ok(aTenant.every((d) => (d['deviceEvents'] as { deviceId: string }).deviceId === aDevice));
    assert.deepEqual(asA.data('foreign'), []);
    const ev = asA.data('own').find((d) => (d['deviceEvents'] as { id: string }).id === forA.eventId)!['deviceEvents'] as { type: string; payload: unknown; cursor: string };
    assert.equal(ev.type, 'DeviceTagged');
    assert.deepEqual(ev.payload, { tag: 'a-live' });
    asA.close();
    asB.close();
  });

  it("resumes from a cursor: the timeline's later events are replayed before live ones, none twice", async () => {
    const device = cwmpId(`r${randomUUID().slice(0, 6)}`);
    await insertDevice(h.pool, a, device);
    const base = Date.now() - 60_000;
    for (let i = 0; i < 3; i++) {
      await insertTimeline(h.pool, a, device, { eventId: `${device}-e${i}`, type: 'DeviceTagged', recordedAt: new Date(base + i * 1000).toISOString(), correlationId: 'c', offset: 1_000_000 + i, summary: { tag: `t${i}` } });
    }
    const viewer = await h.token(a, 'viewer');
    const page = await h.gql(viewer, `query($d: ID!) { timeline(deviceId: $d) { edges { node { id cursor } } } }`, { d: device });
    const oldest = (page.data!['timeline'] as { edges: { node: { id: string; cursor: string } }[] }).edges.at(-1)!.node;
    assert.equal(oldest.id, `${device}-e0`);

    const ws = await connectWs(url, { authorization: viewer });
    ws.subscribe('resume', `subscription($d: ID, $after: String) { deviceEvents(deviceId: $d, after: $after) { id } }`, { d: device, after: oldest.cursor });
    await waitFor('the replay', () => ws.data('resume').length >= 2);
    const liveEvent = tagged(a, device, 'after-resume');
    await producer.publish([liveEvent]);
    await waitFor('the live event', () => ws.data('resume').some((d) => (d['deviceEvents'] as { id: string }).id === liveEvent.eventId));
    const got = ws.data('resume').map((d) => (d['deviceEvents'] as { id: string }).id);
    assert.deepEqual(got, [`${device}-e1`, `${device}-e2`, liveEvent.eventId]);

    // An ISO time works as a resume point too.
    ws.subscribe('by-time', `subscription($d: ID, $after: String) { deviceEvents(deviceId: $d, after: $after) { id } }`, { d: device, after: new Date(base + 1000).toISOString() });
    await waitFor('the replay by time', () => ws.data('by-time').length >= 3);
    assert.deepEqual(ws.data('by-time').slice(0, 3).map((d) => (d['deviceEvents'] as { id: string }).id), [`${device}-e1`, `${device}-e2`, liveEvent.eventId]);
    ws.close();
  });

  it('commandUpdates follows a batch, including commands requested after the subscription', async () => {
    const operator = await h.token(a, 'operator');
    const fleet = `f${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 3; i++) await insertDevice(h.pool, a, cwmpId(`${fleet}x${i}`), { tags: [fleet] });
    const bulk = await h.gql(operator, `mutation($t: String!) { bulkCommand(filter: { tag: $t }, kind: "cwmp.Reboot", arguments: { commandKey: "k" }) { batchId commandIds } }`, { t: fleet });
    const { batchId, commandIds } = bulk.data!['bulkCommand'] as { batchId: string; commandIds: string[] };
    // The read model knows the batch (as the projector would record it), so later events of its commands are followed.
    for (const [i, id] of commandIds.entries()) await insertCommand(h.pool, a, id, cwmpId(`${fleet}x${i}`), { batchId });
    const ws = await connectWs(url, { authorization: operator });
    ws.subscribe('batch', `subscription($b: ID) { commandUpdates(batchId: $b) { commandId status } }`, { b: batchId });
    const cancelled = async () => {
      await h.gql(operator, `mutation($c: ID!) { cancelCommand(id: $c) { commandId } }`, { c: commandIds[0] });
      return ws.data('batch').some((d) => (d['commandUpdates'] as { status: string }).status === 'CANCELLED');
    };
    await waitFor('a cancellation to arrive', cancelled);
    const update = ws.data('batch').find((d) => (d['commandUpdates'] as { status: string }).status === 'CANCELLED')!['commandUpdates'];
    assert.deepEqual(update, { commandId: commandIds[0], status: 'CANCELLED' });
    ws.close();
  });

  it('telemetry streams the samples of one device and metric', async () => {
    const ws = await connectWs(url, { authorization: await h.token(a, 'viewer') });
    ws.subscribe('t', `subscription($d: ID!) { telemetry(deviceId: $d, metric: "wifi.rssi") { deviceId metric value unit } }`, { d: aDevice });
    await waitFor('a sample', async () => {
      await producer.publish([
        {
          eventId: randomUUID(),
          type: 'TelemetryReported',
          tenantId: a,
          aggregateId: aDevice,
          occurredAt: Date.now(),
          recordedAt: Date.now(),
          correlationId: 'telemetry',
          causationId: null,
          source: { app: 'test', instance: 'subscriptions' },
          payload: { samples: [{ metric: 'wifi.rssi', ts: Date.now(), value: -61, unit: 'dBm' }, { metric: 'cpu.load', ts: Date.now(), value: 0.5, unit: null }] },
        },
      ]);
      return ws.data('t').length > 0;
    });
    assert.ok(ws.data('t').every((d) => JSON.stringify(d['telemetry']) === JSON.stringify({ deviceId: aDevice, metric: 'wifi.rssi', value: -61, unit: 'dBm' })));
    ws.close();
  });

  it('telemetry resumes after a time: the samples stored since come first, then live ones, none twice', async () => {
    const metric = `resume.${randomUUID().slice(0, 8)}`;
    const t0 = Date.now() - 60_000;
    const keyspace = process.env.FLEETLOG_CASSANDRA_KEYSPACE ?? 'fleetlog';
    for (const [i, value] of [1, 2, 3].entries()) {
      const ts = t0 + i * 1000;
      await h.cql.execute(
        `INSERT INTO ${keyspace}.telemetry_samples (tenant_id, device_id, metric, day, ts, value, unit, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [a, aDevice, metric, new Date(ts).toISOString().slice(0, 10), new Date(ts), value, 'u', `seed-${i}`],
        { prepare: true },
      );
    }
    const ws = await connectWs(url, { authorization: await h.token(a, 'viewer') });
    ws.subscribe('r', `subscription($d: ID!, $m: String!, $after: DateTime) { telemetry(deviceId: $d, metric: $m, after: $after) { ts value } }`, {
      d: aDevice,
      m: metric,
      after: new Date(t0).toISOString(),
    });
    const sample = (ts: number, value: number) => ({
      eventId: randomUUID(),
      type: 'TelemetryReported' as const,
      tenantId: a,
      aggregateId: aDevice,
      occurredAt: ts,
      recordedAt: Date.now(),
      correlationId: 'telemetry',
      causationId: null,
      source: { app: 'test', instance: 'subscriptions' },
      payload: { samples: [{ metric, ts, value, unit: 'u' }] },
    });
    const values = () => ws.data('r').map((d) => (d['telemetry'] as { value: number }).value);
    await waitFor('the stored samples after the point', () => values().length >= 2);
    // The last stored sample arriving live again is not delivered twice; a newer one is.
    await producer.publish([sample(t0 + 2000, 3), sample(t0 + 3000, 4)]);
    await waitFor('the live sample', () => values().includes(4));
    assert.deepEqual(values(), [2, 3, 4]);
    ws.close();
  });
});
