import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyEvent } from '@fleetlog/events';
import { createBuiltInAdapters, createVendorRegistry, type NativePublish } from '@fleetlog/mqtt-vendors';
import { simulators, type SimulatedDevice } from '@fleetlog/mqtt-vendors/testing';
import { createCommandQueue } from '@fleetlog/platform';
import { createCommandDesk } from '../commands/desk.js';
import { createDeviceTracker } from './devices.js';
import { createUplinkHandler, type UplinkEffects } from './handle.js';
import type { Incoming } from './records.js';

const tenant = 'acme';
const source = { app: 'mqtt-ingress', instance: 'test' };
const T0 = Date.parse('2026-03-01T10:00:00Z');

/** The handler with its real collaborators, fed the publishes of simulated devices as the broker would deliver them. */
const harness = () => {
  const registry = createVendorRegistry(createBuiltInAdapters());
  const tracker = createDeviceTracker({ missedIntervals: 3, graceSeconds: 10 });
  const desk = createCommandDesk({ queue: createCommandQueue('MQTT'), registry, source, reachability: tracker.get });
  const handler = createUplinkHandler<string>({ registry, tracker, desk, source, identifyTimeoutMs: 10_000 });
  let n = 0;
  const incoming = (topic: string, payload: Buffer, at: number, retained = false): Incoming => ({ topic, payload, qos: 1, retained, contentType: null, receivedAt: at });
  const from = (device: SimulatedDevice, publishes: NativePublish[], at: number, retained = false) =>
    publishes.map((p) => handler.handle(incoming(`fleetlog/${tenant}/${device.vendor}/${p.topic}`, Buffer.from(p.payload), at, retained), `m${n++}`));
  const raw = (topic: string, payload: Buffer | string, at = T0) => handler.handle(incoming(topic, Buffer.from(payload), at), `m${n++}`);
  return { registry, tracker, desk, handler, from, raw };
};

const device = (vendor: string, clientId: string) => simulators[vendor]!({ clientId, seed: 3 });
const merged = (all: UplinkEffects<string>[]) => ({
  events: all.flatMap((e) => e.events),
  released: all.flatMap((e) => e.release),
  identify: all.flatMap((e) => e.identify),
  after: all.flatMap((e) => e.after),
  reachable: all.flatMap((e) => e.reachable.map((d) => d.deviceId)),
});
const types = (events: AnyEvent[]) => events.map((e) => e.type);
const ofType = <K extends AnyEvent['type']>(events: AnyEvent[], type: K) => events.filter((e): e is Extract<AnyEvent, { type: K }> => e.type === type);
const nativeOf = (device: SimulatedDevice, topic: string) => topic.slice(`fleetlog/${tenant}/${device.vendor}/`.length);

describe('uplink handling: from vendor messages to events', () => {
  it('registers a generic device from its identity, brings it online with its interval and reports its state, then its telemetry', () => {
    const h = harness();
    const th = device('generic', 'th-0042');
    const connected = merged(h.from(th, th.connect(new Date(T0)), T0));
    assert.deepEqual(types(connected.events), ['DeviceRegistered', 'DeviceParametersReported', 'DeviceWentOnline', 'DeviceParametersReported']);
    const [registered] = ofType(connected.events, 'DeviceRegistered');
    assert.equal(registered!.aggregateId, 'generic:th-0042');
    assert.equal(registered!.tenantId, tenant);
    assert.deepEqual(registered!.payload, {
      protocol: 'MQTT',
      identity: { manufacturer: 'Fleetlog', oui: null, productClass: 'SIM-TH1', serialNumber: registered!.payload.identity.serialNumber, endpointId: null, vendor: 'generic', clientId: 'th-0042' },
    });
    assert.deepEqual(ofType(connected.events, 'DeviceWentOnline')[0]!.payload, { via: 'mqtt', expectedIntervalSeconds: 60 });
    assert.deepEqual(connected.reachable, ['generic:th-0042']);
    assert.equal(connected.released.length, 3, 'every message is acknowledged with its events');

    const ticked = merged(h.from(th, th.tick(new Date(T0 + 60_000)), T0 + 60_000));
    assert.deepEqual(types(ticked.events), ['TelemetryReported']);
    const [telemetry] = ofType(ticked.events, 'TelemetryReported');
    assert.deepEqual(telemetry!.payload.samples.map((s) => s.metric), ['env.temperature', 'env.humidity', 'wifi.rssi', 'sys.uptime']);
    assert.equal(telemetry!.correlationId, telemetry!.eventId, 'a message starts its own causal chain');
  });

  it('asks a Shelly device who it is and keeps its facts until it answers; telemetry does not wait', () => {
    const h = harness();
    const plug = device('shelly', 'shellyplus1pm-441793d69718');
    const connected = merged(h.from(plug, plug.connect(new Date(T0)), T0));
    assert.deepEqual(types(connected.events), ['TelemetryReported']);
    assert.deepEqual(connected.released, [], 'online and the full status wait for the registration');
    assert.equal(connected.identify.length, 1);
    assert.equal(connected.identify[0]!.topic, 'fleetlog/acme/shelly/shellyplus1pm-441793d69718/rpc');
    assert.equal(h.handler.parked() > 0, true);

    const answer = plug.onDownlink(nativeOf(plug, connected.identify[0]!.topic), connected.identify[0]!.payload, new Date(T0 + 50));
    const identified = merged(h.from(plug, answer, T0 + 50));
    // What waited comes right after the registration, in arrival order; then the identity's own DeviceInfo and device_info parameters.
    assert.deepEqual(types(identified.events), ['DeviceRegistered', 'DeviceWentOnline', 'DeviceParametersReported', 'DeviceParametersReported', 'DeviceParametersReported']);
    const [registered] = ofType(identified.events, 'DeviceRegistered');
    assert.equal(registered!.payload.identity.manufacturer, 'Shelly');
    assert.equal(registered!.payload.identity.productClass, 'SNSW-001P16EU');
    assert.equal(registered!.payload.identity.serialNumber, '441793D69718');
    assert.deepEqual(identified.released, ['m0', 'm1', 'm2'], 'the parked messages are acknowledged with the answer');
    assert.equal(h.handler.parked(), 0);
  });

  it('registers a device that never answers the identify request by its topic alone, after the timeout', () => {
    const h = harness();
    const plug = device('shelly', 'shellyplus1pm-aabbccddeeff');
    merged(h.from(plug, plug.connect(new Date(T0)), T0));
    assert.deepEqual(types(h.handler.sweep(T0 + 9_000).events), []);
    const swept = merged([h.handler.sweep(T0 + 10_000)]);
    assert.deepEqual(types(swept.events), ['DeviceRegistered', 'DeviceWentOnline', 'DeviceParametersReported']);
    assert.equal(ofType(swept.events, 'DeviceRegistered')[0]!.payload.identity.manufacturer, null);
    assert.deepEqual(swept.released, ['m0', 'm1']);
  });

  it('records a last will as offline, and a device heard again as online', () => {
    const h = harness();
    const th = device('generic', 'th-lwt');
    h.from(th, th.connect(new Date(T0)), T0);
    const will = merged(h.from(th, [th.will!], T0 + 1000));
    assert.deepEqual(ofType(will.events, 'DeviceWentOffline').map((e) => e.payload.reason), ['last-will']);
    assert.equal(h.tracker.get(tenant, th.deviceId)!.reachable, false);
    const back = merged(h.from(th, th.tick(new Date(T0 + 5000)), T0 + 5000));
    assert.deepEqual(types(back.events), ['TelemetryReported', 'DeviceWentOnline']);
    assert.deepEqual(back.reachable, [th.deviceId], 'its waiting commands can go out');
  });

  it('does not take retained messages replayed at subscribe time for contact', () => {
    const h = harness();
    const th = device('generic', 'th-retained');
    const [identity] = th.connect(new Date(T0));
    const replayed = merged(h.from(th, [identity!], T0, true));
    assert.deepEqual(types(replayed.events), ['DeviceRegistered', 'DeviceParametersReported']);
    assert.deepEqual(replayed.reachable, []);
  });

  it('drops a parameter report identical to the last one of the device', () => {
    const h = harness();
    const dock = device('dji', '7CTDM4100B0C9L');
    h.from(dock, dock.connect(new Date(T0)), T0);
    const first = merged(h.from(dock, dock.tick(new Date(T0 + 2000)), T0 + 2000));
    const second = merged(h.from(dock, dock.tick(new Date(T0 + 4000)), T0 + 4000));
    assert.ok(ofType(first.events, 'DeviceParametersReported').length > 0, 'osd text fields are parameters');
    assert.deepEqual(types(second.events), ['TelemetryReported', 'TelemetryReported'], 'unchanged osd text is not reported again');
  });

  it('registers a DJI dock and its aircraft from update_topo, answers it once recorded, and sees the aircraft go', () => {
    const h = harness();
    const dock = device('dji', '7CTDM4100B0C9M');
    const connected = merged(h.from(dock, dock.connect(new Date(T0)), T0));
    const registered = ofType(connected.events, 'DeviceRegistered');
    assert.equal(registered.length, 2);
    assert.deepEqual(registered.map((e) => e.payload.identity.productClass), ['2-0', '91-0']);
    assert.deepEqual(ofType(connected.events, 'DeviceWentOnline').map((e) => e.payload.expectedIntervalSeconds), [2, 2]);
    assert.equal(connected.after.length, 1);
    assert.match(connected.after[0]!.topic, /^fleetlog\/acme\/dji\/sys\/product\/7CTDM4100B0C9M\/status_reply$/);

    const drone = registered[1]!.aggregateId;
    const closed = dock.onDownlink(`thing/product/${dock.clientId}/services`, Buffer.from(JSON.stringify({ tid: 't', bid: 'b', timestamp: T0, method: 'drone_close', data: {} })), new Date(T0 + 100));
    const after = merged(h.from(dock, closed, T0 + 100));
    assert.deepEqual(ofType(after.events, 'DeviceWentOffline').map((e) => [e.aggregateId, e.payload.reason]), [[drone, 'disconnected']]);
  });

  it('marks a device with a reporting interval offline after it has been silent for too long', () => {
    const h = harness();
    const dock = device('dji', '7CTDM4100B0C9N');
    h.from(dock, dock.connect(new Date(T0)), T0);
    assert.deepEqual(types(h.handler.sweep(T0 + 16_000).events), [], '3 x 2 s + 10 s have not passed');
    const swept = h.handler.sweep(T0 + 16_001).events;
    assert.deepEqual(ofType(swept, 'DeviceWentOffline').map((e) => e.payload.reason), ['missed-contact-window', 'missed-contact-window']);
  });

  it('keeps bad input on the rejects topic with its raw bytes and reason', () => {
    const h = harness();
    const cases: [string, Buffer | string, string, string | null][] = [
      ['fleetlog/acme/generic/devices/x/telemetry', '{"ts": 1, "samples": [', 'MQTT_PAYLOAD_MALFORMED', 'acme'],
      ['fleetlog/acme/generic/devices/x/telemetry', Buffer.from([0xff, 0xfe, 0x00, 0x81]), 'MQTT_PAYLOAD_MALFORMED', 'acme'],
      ['fleetlog/acme/acme-vendor/devices/x/telemetry', '{}', 'MQTT_VENDOR_UNKNOWN', 'acme'],
      ['fleetlog/Not_A_Tenant/generic/devices/x/telemetry', '{}', 'MQTT_TENANT_INVALID', null],
      ['fleetlog/acme/shelly/x/unheard-of', '{}', 'MQTT_TOPIC_UNKNOWN', 'acme'],
      ['fleetlog/acme/generic/devices/x/telemetry', `{"samples": [], "pad": "${'a'.repeat(300 * 1024)}"}`, 'MQTT_PAYLOAD_TOO_LARGE', 'acme'],
    ];
    for (const [topic, payload, code, tenantId] of cases) {
      const out = h.raw(topic, payload);
      const [reject] = ofType(out.events, 'IngressRejected');
      assert.equal(reject?.reasonCode, code, topic);
      assert.equal(reject!.tenantId, tenantId);
      assert.deepEqual(Buffer.from(reject!.raw), Buffer.from(payload));
      assert.equal(reject!.originalSize, Buffer.from(payload).length);
      assert.ok(reject!.reason.includes(topic));
      assert.equal(out.release.length, 1, 'acknowledged once the reject is recorded');
    }
    const cleared = h.raw('fleetlog/acme/generic/devices/x/status', '');
    assert.deepEqual(cleared.events, []);
    assert.deepEqual(cleared.ignored, ['empty-payload']);
  });

  it('gives a message redelivered by the broker the same event ids', () => {
    const a = harness();
    const b = harness();
    const th = device('generic', 'th-again');
    const [telemetry] = th.tick(new Date(T0));
    const first = a.from(th, [telemetry!], T0)[0]!.events[0]!;
    const again = b.from(th, [telemetry!], T0 + 5000)[0]!.events[0]!;
    assert.equal(first.eventId, again.eventId);
  });
});
