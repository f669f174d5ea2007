import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildEnvelope, parseEnvelope, type CpeMessage, type CwmpEnvelope, type Inform } from '@fleetlog/cwmp';
import { silentLogger, topics, type AnyEvent, type EventProducer } from '@fleetlog/events';
import { sampleCommandRequested, stackSettings, testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { loadConfig } from './config.js';
import { startIngress, type RunningIngress } from './ingress.js';

const ns = 'urn:dslforum-org:cwmp-1-2' as const;
const tenant = uniqueTenant();
const username = `cpe-${tenant}`;
const password = 'pw-' + randomUUID();
const basic = (u = username, p = password) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

const inform = (serial: string, events: string[]): CwmpEnvelope<Inform> => ({
  namespace: ns,
  id: '1',
  holdRequests: false,
  message: {
    type: 'Inform',
    deviceId: { manufacturer: 'Example', oui: '00D09E', productClass: 'IGD', serialNumber: serial },
    events: events.map((eventCode) => ({ eventCode, commandKey: '' })),
    maxEnvelopes: 1,
    currentTime: '2026-11-23T01:00:00Z',
    retryCount: 0,
    parameters: [
      { name: 'Device.DeviceInfo.SoftwareVersion', value: '1.2.3', type: 'string' },
      { name: 'Device.ManagementServer.ConnectionRequestURL', value: 'http://127.0.0.1:1/cr', type: 'string' },
    ],
  },
});

/** A minimal CPE driven by hand: one cookie jar, Basic auth, the codec for every message. */
const cpe = (url: string) => {
  let cookie: string | undefined;
  const post = async (body: string, auth = basic()) => {
    const res = await fetch(url, { method: 'POST', body, headers: { authorization: auth, 'content-type': 'text/xml', ...(cookie ? { cookie } : {}) } });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const text = await res.text();
    const parsed = text ? parseEnvelope(text) : undefined;
    return { status: res.status, text, envelope: parsed?.ok ? parsed.value : undefined };
  };
  return { post, send: (m: CpeMessage, id: string | null = null) => post(buildEnvelope({ namespace: ns, id, holdRequests: false, message: m } as CwmpEnvelope)) };
};

describe('cwmp-ingress against the real stack', () => {
  let ingress: RunningIngress;
  let producer: EventProducer;
  const seen: AnyEvent[] = [];
  const bus = testBus();
  let consumer: ReturnType<typeof bus.consumer>;
  const collect = () => bus.consumer({
    producer,
    groupId: `test-cwmp-${randomUUID()}`,
    topics: [topics.deviceEvents.name, topics.commandEvents.name, topics.ingressRejects.name],
    fromBeginning: true,
    // Rejects of unauthenticated CPEs have no tenant: keep every reject, and our tenant's events.
    handle: async (b) => void seen.push(...b.events.map((e) => e.event).filter((e) => e.tenantId === tenant || e.type === 'IngressRejected')),
    });
  const ofType = (type: string, device?: string) => seen.filter((e) => e.type === type && (!device || ('aggregateId' in e && e.aggregateId === device) || ('payload' in e && (e.payload as { deviceId?: string }).deviceId === device)));

  const start = (extra: Record<string, string> = {}) => {
    const settings = stackSettings();
    return startIngress(
      loadConfig({
        FLEETLOG_KAFKA_BROKERS: settings.brokers.join(','),
        FLEETLOG_SCHEMA_REGISTRY_URL: settings.registryUrl,
        FLEETLOG_POSTGRES_URL: process.env.FLEETLOG_POSTGRES_URL,
        FLEETLOG_CWMP_HOST: '127.0.0.1',
        FLEETLOG_CWMP_PORT: '0',
        FLEETLOG_CWMP_DEFAULT_TENANT: tenant,
        FLEETLOG_CWMP_USERNAME: username,
        FLEETLOG_CWMP_PASSWORD: password,
        FLEETLOG_CWMP_SESSION_TIMEOUT_SECONDS: '2',
        ...extra,
      }),
      silentLogger,
    );
  };

  before(async () => {
    producer = bus.producer();
    await producer.connect();
    consumer = collect();
    ingress = await start();
    await consumer.start();
  });
  after(async () => {
    await ingress.stop();
    await consumer.stop();
    await producer.disconnect();
  });

  it('challenges a CPE without credentials with Digest and Basic, and records a wrong password', async () => {
    const res = await fetch(ingress.url, { method: 'POST', body: '' });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /Digest realm="fleetlog", qop="auth"/);
    const wrong = await cpe(ingress.url).post(buildEnvelope(inform('SN-WRONG', ['1 BOOT'])), basic(username, 'nope'));
    assert.equal(wrong.status, 401);
    await waitFor('reject of the wrong password', () =>
      seen.some((e) => e.type === 'IngressRejected' && e.reasonCode === 'UNAUTHENTICATED' && e.tenantId === null && Buffer.from(e.raw).includes('SN-WRONG')),
    );
  });

  it('registers a CPE on first contact and records its session, informs and parameters', async () => {
    const c = cpe(ingress.url);
    const r1 = await c.post(buildEnvelope(inform('SN-1', ['0 BOOTSTRAP', '1 BOOT'])));
    assert.equal(r1.status, 200);
    assert.equal(r1.envelope?.message.type, 'InformResponse');
    assert.equal(r1.envelope?.id, '1');
    assert.equal((await c.post('')).status, 204);
    const device = '00D09E-IGD-SN-1'.replace('SN-1', 'SN%2D1');
    await waitFor('session events', () => ofType('DeviceSessionEnded', device).length === 1);
    assert.equal(ofType('DeviceRegistered', device).length, 1);
    const informed = ofType('DeviceInformed', device)[0] as Extract<AnyEvent, { type: 'DeviceInformed' }>;
    assert.deepEqual(informed.payload.events.map((e) => e.eventCode), ['0 BOOTSTRAP', '1 BOOT']);
    assert.equal(informed.payload.softwareVersion, '1.2.3');
    const reported = ofType('DeviceParametersReported', device)[0] as Extract<AnyEvent, { type: 'DeviceParametersReported' }>;
    assert.equal(reported.payload.origin, 'inform');
    const ended = ofType('DeviceSessionEnded', device)[0] as Extract<AnyEvent, { type: 'DeviceSessionEnded' }>;
    assert.equal(ended.payload.outcome, 'completed');
    assert.equal(ended.payload.messagesIn, 2);

    // A second session: no second registration.
    const c2 = cpe(ingress.url);
    assert.equal((await c2.post(buildEnvelope(inform('SN-1', ['2 PERIODIC'])))).status, 200);
    assert.equal((await c2.post('')).status, 204);
    await waitFor('second session', () => ofType('DeviceSessionEnded', device).length === 2);
    assert.equal(ofType('DeviceRegistered', device).length, 1);
  });

  const request = async (device: string, kind: string, args: unknown): Promise<string> => {
    const e = sampleCommandRequested({ tenantId: tenant, deviceId: device, kind, args });
    await producer.publish([e]);
    return e.aggregateId;
  };

  it('delivers a queued command in the next session and records its result with one correlation id', async () => {
    const device = '00D09E-IGD-SN2';
    const commandId = await request(device, 'cwmp.GetParameterValues', { names: ['Device.DeviceInfo.'] });
    const c = cpe(ingress.url);
    // The ingress learns of the command from Kafka; a session opened before that simply ends.
    await waitFor('command delivered', async () => {
      const r = await c.post(buildEnvelope(inform('SN2', ['2 PERIODIC'])));
      assert.equal(r.status, 200);
      const next = await c.post('');
      if (next.status === 204) return false;
      return next.envelope?.message.type === 'GetParameterValues' ? next : false;
    });
    const done = await c.send({ type: 'GetParameterValuesResponse', parameters: [{ name: 'Device.DeviceInfo.UpTime', value: '42', type: 'unsignedInt' }] });
    assert.equal(done.status, 204);
    await waitFor('command succeeded', () => ofType('CommandSucceeded', device).length === 1);
    await waitFor('reported values', () => ofType('DeviceParametersReported', device).some((e) => (e as { payload: { origin: string } }).payload.origin === 'get'));
    // One causal chain under the operator's correlation id: request -> dispatch -> success -> values.
    const chain = seen.filter((e) => 'correlationId' in e && e.correlationId === `op-${commandId}`) as Extract<AnyEvent, { causationId: string | null }>[];
    const by = (type: string) => chain.find((e) => e.type === type)!;
    assert.deepEqual(chain.map((e) => e.type).sort(), ['CommandDispatched', 'CommandRequested', 'CommandSucceeded', 'DeviceParametersReported']);
    assert.equal(by('CommandDispatched').causationId, by('CommandRequested').eventId);
    assert.equal(by('CommandSucceeded').causationId, by('CommandDispatched').eventId);
    assert.equal(by('DeviceParametersReported').causationId, by('CommandSucceeded').eventId);
  });

  it('turns a CPE fault into a failed command with the fault code', async () => {
    const device = '00D09E-IGD-SN3';
    await request(device, 'cwmp.SetParameterValues', { values: [{ path: 'Device.Nope.X', value: '1', valueType: 'string' }] });
    const c = cpe(ingress.url);
    await waitFor('command delivered', async () => {
      await c.post(buildEnvelope(inform('SN3', ['2 PERIODIC'])));
      const next = await c.post('');
      return next.envelope?.message.type === 'SetParameterValues' ? next : false;
    });
    const out = await c.send({ type: 'Fault', soapFaultCode: 'Client', soapFaultString: 'CWMP fault', cwmpFault: { faultCode: 9005, faultString: 'Invalid parameter name', setParameterValuesFaults: [] } });
    assert.equal(out.status, 204);
    await waitFor('command failed', () => ofType('CommandFailed', device).length === 1);
    const failed = ofType('CommandFailed', device)[0] as Extract<AnyEvent, { type: 'CommandFailed' }>;
    assert.equal(failed.payload.faultCode, 9005);
    assert.equal(failed.payload.code, 'CWMP_FAULT');
  });

  it('answers malformed SOAP with 400 and keeps the raw body on the rejects topic', async () => {
    const junk = '<soap:Envelope><soap:Body><cwmp:Inform>not closed';
    const r = await cpe(ingress.url).post(junk);
    assert.equal(r.status, 400);
    await waitFor('reject recorded', () => seen.some((e) => e.type === 'IngressRejected' && Buffer.from(e.raw).toString() === junk));
  });

  it('delivers a command requested while the ingress was stopped, after it restarts (the queue is event-sourced)', async () => {
    const device = '00D09E-IGD-SN4';
    await ingress.stop();
    const commandId = await request(device, 'cwmp.Reboot', {});
    ingress = await start();
    const c = cpe(ingress.url);
    const rpc = await waitFor('Reboot delivered after the restart', async () => {
      await c.post(buildEnvelope(inform('SN4', ['2 PERIODIC'])));
      const next = await c.post('');
      return next.envelope?.message.type === 'Reboot' ? next.envelope.message : false;
    });
    assert.equal(rpc.type === 'Reboot' && rpc.commandKey.length, 32);
    assert.equal((await c.send({ type: 'RebootResponse' })).status, 204);
    await waitFor('reboot succeeded', () => seen.some((e) => e.type === 'CommandSucceeded' && e.aggregateId === commandId));
  });

  it('records a session that stalls as timed out', async () => {
    const device = '00D09E-IGD-SN5';
    const c = cpe(ingress.url);
    assert.equal((await c.post(buildEnvelope(inform('SN5', ['2 PERIODIC'])))).status, 200);
    // No empty POST follows: the sweeper ends the session after the 2 s timeout.
    await waitFor('timed-out session', () => ofType('DeviceSessionEnded', device).some((e) => (e as { payload: { outcome: string } }).payload.outcome === 'timed-out'), 20_000);
  });

  it('refuses a 10 MB body with 413 and keeps its first part on the rejects topic', async () => {
    const body = `<x>${'a'.repeat(10 * 1024 * 1024)}</x>`;
    const r = await cpe(ingress.url).post(body);
    assert.equal(r.status, 413);
    await waitFor('oversized reject', () => seen.some((e) => e.type === 'IngressRejected' && e.reasonCode === 'PAYLOAD_TOO_LARGE' && e.tenantId === tenant && e.truncated && e.originalSize === body.length));
  });

  it('accepts a gzip-encoded Inform', async () => {
    const { gzipSync } = await import('node:zlib');
    const res = await fetch(ingress.url, {
      method: 'POST',
      body: gzipSync(buildEnvelope(inform('SN6', ['1 BOOT']))),
      headers: { authorization: basic(), 'content-type': 'text/xml', 'content-encoding': 'gzip' },
    });
    assert.equal(res.status, 200);
    const parsed = parseEnvelope(await res.text());
    assert.ok(parsed.ok && parsed.value.message.type === 'InformResponse');
  });
});
