import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { uniqueTenant } from '@fleetlog/events/testing';
import { hashSecret, newApiKey } from './auth/api-keys.js';
import { cwmpId, insertCommand, insertDevice, insertHistory, insertParameter, insertSession, insertTimeline, startHarness, type Harness } from './testing/harness.js';

type Edges<T> = { edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('queries over the read models', () => {
  let h: Harness;
  const tenant = uniqueTenant();
  const run = randomUUID().slice(0, 6);
  const ids = Array.from({ length: 7 }, (_, i) => cwmpId(`${run}x${i}`));
  let viewer: string;

  before(async () => {
    h = await startHarness();
    viewer = await h.token(tenant, 'viewer');
    for (const [i, id] of ids.entries()) {
      await insertDevice(h.pool, tenant, id, { productClass: i < 4 ? 'IGD' : 'ONT', softwareVersion: i % 2 ? '2.0' : '1.0', online: i < 5, tags: i === 0 ? ['vip'] : [] });
    }
    await insertDevice(h.pool, tenant, `proto::${run}`, { protocol: 'USP', productClass: 'IGD' });
    await insertParameter(h.pool, tenant, ids[0]!, 'Device.WiFi.SSID.1.SSID', 'home');
    await insertParameter(h.pool, tenant, ids[0]!, 'Device.DeviceInfo.UpTime', '42');
    await insertParameter(h.pool, tenant, ids[1]!, 'Device.WiFi.SSID.1.SSID', 'office');
    await insertHistory(h.pool, tenant, ids[0]!, 'Device.WiFi.SSID.1.SSID', 'first', '2026-01-01T00:00:00Z', 10);
    await insertHistory(h.pool, tenant, ids[0]!, 'Device.WiFi.SSID.1.SSID', 'second', '2026-02-01T00:00:00Z', 20);
    await insertHistory(h.pool, tenant, ids[0]!, 'Device.WiFi.SSID.1.SSID', 'home', '2026-02-01T00:00:00Z', 30);
    for (let i = 0; i < 3; i++) await insertCommand(h.pool, tenant, `${run}-c${i}`, ids[0]!, { status: i === 0 ? 'SUCCEEDED' : 'REQUESTED', requestedAt: `2026-03-0${i + 1}T00:00:00Z`, correlationId: `corr-${run}` });
    await insertSession(h.pool, tenant, `${run}-s1`, ids[0]!, '2026-03-01T00:00:00Z');
    await insertSession(h.pool, tenant, `${run}-s2`, ids[0]!, '2026-03-02T00:00:00Z');
    for (let i = 0; i < 3; i++) await insertTimeline(h.pool, tenant, ids[0]!, { eventId: `${run}-e${i}`, type: 'DeviceTagged', recordedAt: `2026-03-0${i + 1}T00:00:00Z`, correlationId: `corr-${run}`, offset: i });
  });
  after(async () => h.close());

  it('devices filter by protocol, product class, version, tag, online, parameter and search, and page with cursors', async () => {
    const q = `query($f: DeviceFilter, $after: String, $first: Int) { devices(filter: $f, first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const idsOf = async (f: object) => ((await h.gql(viewer, q, { f, first: 50 })).data!['devices'] as Edges<{ id: string }>).edges.map((e) => e.node.id);
    assert.deepEqual(await idsOf({ protocol: 'CWMP' }), ids);
    assert.deepEqual(await idsOf({ protocol: 'USP' }), [`proto::${run}`]);
    assert.deepEqual(await idsOf({ productClass: 'ONT' }), ids.slice(4));
    assert.deepEqual(await idsOf({ softwareVersion: '2.0' }), [ids[1], ids[3], ids[5]]);
    assert.deepEqual(await idsOf({ tag: 'vip' }), [ids[0]]);
    assert.deepEqual(await idsOf({ online: false, protocol: 'CWMP' }), ids.slice(5));
    assert.deepEqual(await idsOf({ parameter: { path: 'Device.WiFi.SSID.1.SSID', value: 'office' } }), [ids[1]]);
    assert.deepEqual(await idsOf({ search: `${run}x3` }), [ids[3]]);
    assert.deepEqual(await idsOf({ search: '%' }), [], 'LIKE wildcards are matched literally');

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = (await h.gql(viewer, q, { f: { protocol: 'CWMP' }, first: 3, after })).data!['devices'] as Edges<{ id: string }> & { totalCount: number };
      assert.equal(page.totalCount, ids.length);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(seen, ids);
    const junk = await h.gql(viewer, q, { after: 'not-a-cursor' });
    assert.equal(junk.errors?.[0]?.extensions.code, 'INVALID_CURSOR');
  });

  it('device with parameters by prefix (batched by a loader), value as of a time, and history', async () => {
    const r = await h.gql(
      viewer,
      `query($a: ID!, $b: ID!) {
        a: device(id: $a) { id tags online parameters(prefix: "Device.WiFi.") { path value } all: parameters { path } }
        b: device(id: $b) { parameters(prefix: "Device.WiFi.") { value } }
        before: parameterAt(deviceId: $a, path: "Device.WiFi.SSID.1.SSID", at: "2025-12-31T00:00:00Z") { value }
        jan: parameterAt(deviceId: $a, path: "Device.WiFi.SSID.1.SSID", at: "2026-01-15T00:00:00Z") { value validFrom }
        feb: parameterAt(deviceId: $a, path: "Device.WiFi.SSID.1.SSID", at: "2026-02-01T00:00:00Z") { value }
        parameterHistory(deviceId: $a, path: "Device.WiFi.SSID.1.SSID", first: 2) { edges { node { value } } pageInfo { hasNextPage } }
      }`,
      { a: ids[0], b: ids[1] },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const d = r.data!;
    assert.deepEqual(d['a'], { id: ids[0], tags: ['vip'], online: true, parameters: [{ path: 'Device.WiFi.SSID.1.SSID', value: 'home' }], all: [{ path: 'Device.DeviceInfo.UpTime' }, { path: 'Device.WiFi.SSID.1.SSID' }] });
    assert.deepEqual(d['b'], { parameters: [{ value: 'office' }] });
    assert.equal(d['before'], null);
    assert.deepEqual(d['jan'], { value: 'first', validFrom: '2026-01-01T00:00:00.000Z' });
    assert.deepEqual(d['feb'], { value: 'home' }, 'ties at the same instant go to the higher log position');
    const hist = d['parameterHistory'] as Edges<{ value: string }>;
    assert.deepEqual(hist.edges.map((e) => e.node.value), ['home', 'second']);
    assert.equal(hist.pageInfo.hasNextPage, true);
  });

  it('commands by device, status and time; command by id with its device; sessions; timeline; events by correlation', async () => {
    const r = await h.gql(
      viewer,
      `query($d: ID!, $c: ID!, $corr: String!) {
        commands(filter: { deviceId: $d }) { edges { node { id status } } }
        requested: commands(filter: { deviceId: $d, status: REQUESTED, from: "2026-03-02T00:00:00Z", to: "2026-03-03T00:00:00Z" }) { edges { node { id } } }
        command(id: $c) { id kind arguments status correlationId device { id } }
        sessions(deviceId: $d) { edges { node { id } } }
        timeline(deviceId: $d, first: 2) { edges { node { id cursor } } pageInfo { hasNextPage } }
        eventsByCorrelation(correlationId: $corr) { id }
      }`,
      { d: ids[0], c: `${run}-c0`, corr: `corr-${run}` },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const d = r.data!;
    assert.deepEqual((d['commands'] as Edges<{ id: string }>).edges.map((e) => e.node.id), [`${run}-c2`, `${run}-c1`, `${run}-c0`]);
    assert.deepEqual((d['requested'] as Edges<{ id: string }>).edges.map((e) => e.node.id), [`${run}-c1`]);
    assert.deepEqual(d['command'], { id: `${run}-c0`, kind: 'cwmp.Reboot', arguments: { commandKey: 'k' }, status: 'SUCCEEDED', correlationId: `corr-${run}`, device: { id: ids[0] } });
    assert.deepEqual((d['sessions'] as Edges<{ id: string }>).edges.map((e) => e.node.id), [`${run}-s2`, `${run}-s1`]);
    assert.deepEqual((d['timeline'] as Edges<{ id: string }>).edges.map((e) => e.node.id), [`${run}-e2`, `${run}-e1`]);
    assert.deepEqual((d['eventsByCorrelation'] as { id: string }[]).map((e) => e.id), [`${run}-e0`, `${run}-e1`, `${run}-e2`]);
  });

  it('command arguments and results never show a passphrase, even one stored in clear in the read model', async () => {
    const id = `${run}-secret`;
    await insertCommand(h.pool, tenant, id, ids[0]!);
    await h.pool.query(`UPDATE commands SET kind = 'cwmp.SetParameterValues', arguments = $3, result = $4 WHERE tenant_id = $1 AND command_id = $2`, [
      tenant,
      id,
      JSON.stringify({ values: [{ path: 'Device.WiFi.AccessPoint.1.Security.KeyPassphrase', value: 'wifi-secret', valueType: 'string' }], parameterKey: '' }),
      JSON.stringify({ parameters: [{ name: 'Device.ManagementServer.Password', value: 'acs-secret' }] }),
    ]);
    const r = await h.gql(viewer, `query($c: ID!) { command(id: $c) { arguments result } }`, { c: id });
    const text = JSON.stringify(r.data);
    assert.ok(!text.includes('wifi-secret') && !text.includes('acs-secret'), text);
    assert.match(text, /\*\*\*/);
  });

  it('fleet statistics count by online status, protocol, product class and software version', async () => {
    const r = await h.gql(viewer, `{ fleetStats { total online offline byProtocol { key count } byProductClass { key count } bySoftwareVersion { key count } } }`);
    assert.deepEqual(r.data!['fleetStats'], {
      total: 8,
      online: 6,
      offline: 2,
      byProtocol: [{ key: 'CWMP', count: 7 }, { key: 'USP', count: 1 }],
      byProductClass: [{ key: 'IGD', count: 5 }, { key: 'ONT', count: 3 }],
      bySoftwareVersion: [{ key: '1.0', count: 5 }, { key: '2.0', count: 3 }],
    });
  });

  it('telemetry comes from the Cassandra minute and hour rollups', async () => {
    const ks = process.env.FLEETLOG_CASSANDRA_KEYSPACE ?? 'fleetlog';
    for (const [m, min, max, sum, count] of [[0, 1, 3, 4, 2], [1, 5, 5, 5, 1]] as const) {
      await h.cql.execute(`INSERT INTO ${ks}.telemetry_rollups_minute (tenant_id, device_id, metric, day, bucket, min, max, sum, count, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [tenant, ids[0], 'wifi.rssi', '2026-03-01', new Date(Date.UTC(2026, 2, 1, 10, m)), min, max, sum, count, new Date(Date.UTC(2026, 2, 1, 10, m, 30))], { prepare: true });
    }
    await h.cql.execute(`INSERT INTO ${ks}.telemetry_rollups_hour (tenant_id, device_id, metric, month, bucket, min, max, sum, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [tenant, ids[0], 'wifi.rssi', '2026-03-01', new Date(Date.UTC(2026, 2, 1, 10)), 1, 5, 9, 3], { prepare: true });
    const r = await h.gql(
      viewer,
      `query($d: ID!) {
        minutes: telemetry(deviceId: $d, metric: "wifi.rssi", from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z") { bucket min max avg count }
        hours: telemetry(deviceId: $d, metric: "wifi.rssi", from: "2026-02-15T00:00:00Z", to: "2026-03-15T00:00:00Z", bucket: HOUR) { bucket avg count }
      }`,
      { d: ids[0] },
    );
    assert.deepEqual(r.data!['minutes'], [
      { bucket: '2026-03-01T10:00:00.000Z', min: 1, max: 3, avg: 2, count: 2 },
      { bucket: '2026-03-01T10:01:00.000Z', min: 5, max: 5, avg: 5, count: 1 },
    ]);
    assert.deepEqual(r.data!['hours'], [{ bucket: '2026-03-01T10:00:00.000Z', avg: 3, count: 3 }]);
    const tooLong = await h.gql(viewer, `query($d: ID!) { telemetry(deviceId: $d, metric: "wifi.rssi", from: "2026-01-01T00:00:00Z", to: "2026-03-15T00:00:00Z") { count } }`, { d: ids[0] });
    assert.equal(tooLong.errors?.[0]?.extensions.code, 'RANGE_TOO_LARGE');
  });

  it('API keys authenticate as their tenant and role, until revoked; a wrong secret is refused', async () => {
    const key = newApiKey();
    await h.pool.query(`INSERT INTO api_keys (tenant_id, key_id, name, key_hash, role, issued_at) VALUES ($1, $2, 'ci', $3, 'VIEWER', now())`, [tenant, key.keyId, await hashSecret(key.secret)]);
    const byHeader = await h.gql(`ApiKey ${key.token}`, `{ fleetStats { total } }`);
    assert.equal((byHeader.data!['fleetStats'] as { total: number }).total, 8);
    const res = await h.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-api-key': key.token }, payload: '{"query":"mutation { tagDevices(ids: [], tag: \\"x\\") { changed } }"}' });
    assert.equal(JSON.parse(res.body).errors[0].extensions.code, 'FORBIDDEN', 'a viewer key cannot tag');
    const wrong = await h.gql(`ApiKey ${key.keyId}.${'x'.repeat(43)}`, `{ fleetStats { total } }`);
    assert.equal(wrong.errors?.[0]?.extensions.code, 'UNAUTHENTICATED');
    await h.pool.query('UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND key_id = $2', [tenant, key.keyId]);
    const revoked = await h.gql(`ApiKey ${key.token}`, `{ fleetStats { total } }`);
    assert.equal(revoked.status, 401);
    assert.match(revoked.errors![0]!.message, /revoked/);
  });
});
