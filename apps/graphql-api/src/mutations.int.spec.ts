import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { topics } from '@fleetlog/events';
import { testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import type { LiveEvent } from './live/hub.js';
import { createConsumerForTest } from './testing/consume.js';
import { cwmpId, insertCommand, insertDevice, startHarness, type Harness } from './testing/harness.js';

const payloadOf = (e: LiveEvent) => ({ ...(e.event.payload as unknown as Record<string, unknown>) });

describe('mutations append events and never write read models', () => {
  let h: Harness;
  const tenant = uniqueTenant();
  const device = cwmpId(randomUUID().slice(0, 8));
  let operator: string;

  before(async () => {
    h = await startHarness();
    await insertDevice(h.pool, tenant, device);
    operator = await h.token(tenant, 'operator', 'alice');
  });
  after(async () => h.close());

  it('requestCommand records one CommandRequested with the request id as correlation id', async () => {
    const seen = h.watch(tenant);
    const requestId = `req-${randomUUID()}`;
    const r = await h.gql(operator, `mutation($d: ID!) { requestCommand(deviceId: $d, kind: "cwmp.Reboot", arguments: { commandKey: "ops-1" }, deadlineSeconds: 600) { commandId correlationId } }`, { d: device }, { 'x-request-id': requestId });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal(r.headers['x-request-id'], requestId);
    const { commandId, correlationId } = r.data!['requestCommand'] as { commandId: string; correlationId: string };
    assert.equal(correlationId, requestId);
    const [e] = await waitFor('CommandRequested', () => seen.events.length > 0 && seen.events);
    seen.stop();
    assert.equal(e!.event.type, 'CommandRequested');
    assert.equal(e!.event.aggregateId, commandId);
    assert.equal(e!.event.correlationId, requestId);
    assert.equal(e!.event.source.app, 'graphql-api');
    assert.deepEqual({ ...payloadOf(e!), deadline: 0 }, { deviceId: device, protocol: 'CWMP', kind: 'cwmp.Reboot', arguments: '{"commandKey":"ops-1"}', deadline: 0, requestedBy: 'user:alice', batchId: null });
    const rows = await h.pool.query('SELECT 1 FROM commands WHERE tenant_id = $1 AND command_id = $2', [tenant, commandId]);
    assert.equal(rows.rowCount, 0, 'the API wrote no read model');
  });

  it('invalid arguments, unknown kinds and unknown devices are coded errors that record nothing', async () => {
    const seen = h.watch(tenant);
    const bad = await h.gql(operator, `mutation($d: ID!) { requestCommand(deviceId: $d, kind: "cwmp.SetParameterValues", arguments: { values: [] }) { commandId } }`, { d: device });
    assert.equal(bad.errors?.[0]?.extensions.code, 'INVALID_COMMAND_ARGUMENTS');
    assert.ok(Array.isArray(bad.errors?.[0]?.extensions['problems']));
    const kind = await h.gql(operator, `mutation($d: ID!) { requestCommand(deviceId: $d, kind: "cwmp.SelfDestruct") { commandId } }`, { d: device });
    assert.equal(kind.errors?.[0]?.extensions.code, 'UNKNOWN_COMMAND_KIND');
    const usp = await h.gql(operator, `mutation($d: ID!) { requestCommand(deviceId: $d, kind: "usp.Get", arguments: { paths: ["Device."] }) { commandId } }`, { d: device });
    assert.equal(usp.errors?.[0]?.extensions.code, 'COMMAND_KIND_PROTOCOL_MISMATCH');
    const missing = await h.gql(operator, `mutation { requestCommand(deviceId: "${cwmpId('nowhere')}", kind: "cwmp.Reboot", arguments: { commandKey: "x" }) { commandId } }`);
    assert.equal(missing.errors?.[0]?.extensions.code, 'DEVICE_NOT_FOUND');
    const deadline = await h.gql(operator, `mutation($d: ID!) { requestCommand(deviceId: $d, kind: "cwmp.Reboot", arguments: { commandKey: "x" }, deadlineSeconds: 0) { commandId } }`, { d: device });
    assert.equal(deadline.errors?.[0]?.extensions.code, 'INVALID_ARGUMENTS');
    // A control event shows the watcher was live the whole time.
    const ok = await h.gql(operator, `mutation($d: ID!) { tagDevices(ids: [$d], tag: "control") { changed } }`, { d: device });
    assert.deepEqual((ok.data!['tagDevices'] as { changed: string[] }).changed, [device]);
    await waitFor('the control event', () => seen.events.length > 0);
    seen.stop();
    assert.deepEqual(seen.events.map((e) => e.event.type), ['DeviceTagged']);
  });

  it('cancelCommand records CommandCancelled on the command chain; a finished command is refused', async () => {
    const pending = randomUUID();
    const done = randomUUID();
    await insertCommand(h.pool, tenant, pending, device, { correlationId: 'corr-pending' });
    await insertCommand(h.pool, tenant, done, device, { status: 'SUCCEEDED' });
    const seen = h.watch(tenant);
    const r = await h.gql(operator, `mutation($c: ID!) { cancelCommand(id: $c, reason: "wrong device") { commandId correlationId } }`, { c: pending });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const [e] = await waitFor('CommandCancelled', () => seen.events.length > 0 && seen.events);
    assert.equal(e!.event.type, 'CommandCancelled');
    assert.equal(e!.event.aggregateId, pending);
    assert.equal(e!.event.correlationId, 'corr-pending');
    assert.deepEqual(payloadOf(e!), { deviceId: device, cancelledBy: 'user:alice', reason: 'wrong device' });
    const refused = await h.gql(operator, `mutation($c: ID!) { cancelCommand(id: $c) { commandId } }`, { c: done });
    assert.equal(refused.errors?.[0]?.extensions.code, 'COMMAND_ALREADY_COMPLETED');
    seen.stop();
  });

  it('tagDevices and untagDevices go through the device decider', async () => {
    const tagged = cwmpId(randomUUID().slice(0, 8));
    await insertDevice(h.pool, tenant, tagged, { tags: ['vip'] });
    const seen = h.watch(tenant);
    const r = await h.gql(operator, `mutation($a: ID!, $b: ID!) { tagDevices(ids: [$a, $b], tag: "vip") { changed unchanged notFound } }`, { a: device, b: tagged });
    assert.deepEqual(r.data!['tagDevices'], { changed: [device], unchanged: [tagged], notFound: [] });
    const u = await h.gql(operator, `mutation($b: ID!) { untagDevices(ids: [$b], tag: "vip") { changed } }`, { b: tagged });
    assert.deepEqual(u.data!['untagDevices'], { changed: [tagged] });
    const bad = await h.gql(operator, `mutation($b: ID!) { tagDevices(ids: [$b], tag: "") { changed } }`, { b: tagged });
    assert.equal(bad.errors?.[0]?.extensions.code, 'INVALID_TAG');
    const events = await waitFor('two tag events', () => seen.events.length >= 2 && seen.events);
    seen.stop();
    assert.deepEqual(events.map((e) => [e.event.type, e.event.aggregateId, payloadOf(e)['tag']]), [['DeviceTagged', device, 'vip'], ['DeviceUntagged', tagged, 'vip']]);
  });

  it('bulkCommand to N devices by filter records N CommandRequested with one batch id; batch() counts progress', async () => {
    const n = 40;
    const fleet = `bulk${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < n; i++) await insertDevice(h.pool, tenant, cwmpId(`${fleet}x${i}`), { tags: [fleet] });
    // A USP device with the same tag cannot take a CWMP command and is left out.
    await insertDevice(h.pool, tenant, `proto::${fleet}`, { protocol: 'USP', tags: [fleet] });
    const seen = h.watch(tenant, (e) => e.event.type === 'CommandRequested');
    const r = await h.gql(operator, `mutation($t: String!) { bulkCommand(filter: { tag: $t }, kind: "cwmp.Reboot", arguments: { commandKey: "bulk" }) { batchId commandIds total } }`, { t: fleet });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const { batchId, commandIds, total } = r.data!['bulkCommand'] as { batchId: string; commandIds: string[]; total: number };
    assert.equal(total, n);
    assert.equal(new Set(commandIds).size, n);
    const events = await waitFor(`${n} CommandRequested`, () => seen.events.length >= n && seen.events);
    seen.stop();
    assert.equal(events.length, n);
    assert.deepEqual(new Set(events.map((e) => payloadOf(e)['batchId'])), new Set([batchId]));
    assert.deepEqual(new Set(events.map((e) => e.event.aggregateId)), new Set(commandIds));
    assert.equal(new Set(events.map((e) => payloadOf(e)['deviceId'])).size, n);

    // Progress comes from the commands read model (written here as the projector would).
    for (const [i, id] of commandIds.entries()) {
      await insertCommand(h.pool, tenant, id, cwmpId(`${fleet}x${i}`), { batchId, status: i < 10 ? 'SUCCEEDED' : i < 15 ? 'FAILED' : 'REQUESTED' });
    }
    const p = await h.gql(operator, `query($b: ID!) { batch(id: $b) { total done byStatus { key count } } }`, { b: batchId });
    assert.deepEqual(p.data!['batch'], { total: n, done: false, byStatus: [{ key: 'FAILED', count: 5 }, { key: 'REQUESTED', count: n - 15 }, { key: 'SUCCEEDED', count: 10 }] });
  });

  it('bulkCommand with bad arguments records nothing, even when no device matches', async () => {
    const r = await h.gql(operator, `mutation { bulkCommand(filter: { tag: "no-such-tag" }, kind: "cwmp.Reboot", arguments: { commandKey: 7 }) { total } }`);
    assert.equal(r.errors?.[0]?.extensions.code, 'INVALID_COMMAND_ARGUMENTS');
  });

  it('createApiKey records TenantApiKeyIssued with a scrypt hash and returns the secret once', async () => {
    const admin = await h.token(tenant, 'admin');
    const bus = testBus();
    const ends = await bus.endOffsets(topics.tenantEvents.name);
    const r = await h.gql(admin, `mutation { createApiKey(name: "billing sync", role: OPERATOR) { id name role secret } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const key = r.data!['createApiKey'] as { id: string; secret: string; role: string };
    assert.match(key.secret, new RegExp(`^${key.id}\\.`));
    // Read the tenant topic from before the call.
    const events = await createConsumerForTest(bus, topics.tenantEvents.name, ends, (e) => e.tenantId === tenant, 1);
    assert.equal(events[0]!.type, 'TenantApiKeyIssued');
    const payload = { ...events[0]!.payload } as { keyId: string; keyHash: string; role: string };
    assert.equal(payload.keyId, key.id);
    assert.equal(payload.role, 'OPERATOR');
    assert.match(payload.keyHash, /^scrypt\$[\w-]+\$[\w-]+$/);
    assert.ok(!payload.keyHash.includes(key.secret.split('.')[1]!));
  });
});
