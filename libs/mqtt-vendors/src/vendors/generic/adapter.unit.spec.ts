import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '@fleetlog/domain';
import type { UplinkMessage } from '../../messages.js';
import { codeOf, jsonOf, payloadOf, valueOf } from '../../testing/uplink.js';
import { createGenericAdapter } from './adapter.js';

// Samples follow the "Generic JSON format" section of libs/mqtt-vendors/README.md, the spec integrators implement.

const adapter = createGenericAdapter();
const receivedAt = new Date('2026-03-01T10:00:00Z');
const t = receivedAt.getTime();
const device = { deviceId: 'generic:th-0042', clientId: 'th-0042' };

const parse = (topic: string, body: JsonValue | string): UplinkMessage[] => valueOf(adapter.parseUplink(topic, payloadOf(body), receivedAt)).messages as UplinkMessage[];
const uplinkCode = (topic: string, body: JsonValue | string) => codeOf(adapter.parseUplink(topic, payloadOf(body), receivedAt));

describe('generic adapter: uplinks', () => {
  it('reads telemetry samples with their own timestamps and units (README "telemetry")', () => {
    const messages = parse('devices/th-0042/telemetry', {
      ts: t - 60_000,
      samples: [
        { metric: 'env.temperature', value: 21.5, unit: '°C' },
        { metric: 'wifi.rssi', value: -61, unit: 'dBm', ts: t - 30_000 },
      ],
    });
    assert.deepEqual(messages, [
      {
        type: 'telemetry',
        ...device,
        at: t - 60_000,
        samples: [
          { metric: 'env.temperature', ts: t - 60_000, value: 21.5, unit: '°C' },
          { metric: 'wifi.rssi', ts: t - 30_000, value: -61, unit: 'dBm' },
        ],
      },
    ]);
  });

  it('reads the compact "values" form and RFC 3339 timestamps', () => {
    const [message] = parse('devices/th-0042/telemetry', { ts: '2026-03-01T09:59:00.000Z', values: { 'env.humidity': 48.2 } });
    assert.deepEqual(message, { type: 'telemetry', ...device, at: t - 60_000, samples: [{ metric: 'env.humidity', ts: t - 60_000, value: 48.2, unit: null }] });
  });

  it('uses the time of receipt when the device clock is unset or ahead by more than a day', () => {
    for (const ts of [0, 86_400_000, t + 2 * 86_400_000, '1970-01-01T00:00:00Z', 'yesterday']) {
      const [message] = parse('devices/th-0042/telemetry', { ts, values: { x: 1 } });
      assert.equal(message?.at, t, `ts ${String(ts)}`);
    }
  });

  it('refuses telemetry that is not numbers under well-formed metric names', () => {
    assert.equal(uplinkCode('devices/th-0042/telemetry', { values: { 'relay.on': true } }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', { values: { 'bad name': 1 } }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', { samples: [{ metric: 'a..b', value: 1 }] }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', { samples: [{ metric: 'a', value: '1' }] }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', { samples: [{ metric: 'a', value: 1, unit: 'u'.repeat(33) }] }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', { samples: {} }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', { ts: t }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', [1, 2]), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/telemetry', '{"values": {"x": 1e999}}'), 'MQTT_PAYLOAD_INVALID');
  });

  it('reads identity (README "identity") and reports it as DeviceInfo parameters too', () => {
    const messages = parse('devices/th-0042/identity', { manufacturer: 'Acme', model: 'TH-2', serialNumber: 'A1234', firmwareVersion: '1.4.2' });
    assert.deepEqual(messages, [
      { type: 'identity', ...device, at: t, identity: { manufacturer: 'Acme', productClass: 'TH-2', serialNumber: 'A1234', softwareVersion: '1.4.2', hardwareVersion: null } },
      {
        type: 'parameters',
        ...device,
        at: t,
        origin: 'state',
        parameters: [
          { path: 'DeviceInfo.Manufacturer', value: 'Acme', valueType: 'string' },
          { path: 'DeviceInfo.ProductClass', value: 'TH-2', valueType: 'string' },
          { path: 'DeviceInfo.SerialNumber', value: 'A1234', valueType: 'string' },
          { path: 'DeviceInfo.SoftwareVersion', value: '1.4.2', valueType: 'string' },
        ],
      },
    ]);
    // The domain registers identities of at most 64 printable characters per field.
    assert.equal(uplinkCode('devices/th-0042/identity', { manufacturer: 'x'.repeat(65) }), 'MQTT_PAYLOAD_INVALID');
  });

  it('reads status as plain text, as JSON, and the retained last will', () => {
    assert.deepEqual(parse('devices/th-0042/status', 'online'), [{ type: 'presence', ...device, at: t, state: 'online', expectedIntervalSeconds: null }]);
    assert.deepEqual(parse('devices/th-0042/status', { state: 'online', interval: 60 }), [
      { type: 'presence', ...device, at: t, state: 'online', expectedIntervalSeconds: 60 },
    ]);
    assert.deepEqual(parse('devices/th-0042/status', 'offline'), [{ type: 'presence', ...device, at: t, state: 'offline', reason: 'last-will' }]);
    assert.deepEqual(parse('devices/th-0042/status', { state: 'offline', reason: 'disconnected' }), [
      { type: 'presence', ...device, at: t, state: 'offline', reason: 'disconnected' },
    ]);
    assert.equal(uplinkCode('devices/th-0042/status', 'maybe'), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/status', { state: 'online', interval: 0.5 }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/status', { state: 'offline', reason: 'tired' }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/status', '{"state":'), 'MQTT_PAYLOAD_MALFORMED');
  });

  it('flattens reported state into parameter paths with xsd types (README "state")', () => {
    const [message] = parse('devices/th-0042/state', { parameters: { 'wifi.ssid': 'home', relay: { on: true, load: 1.5 }, 'config.interval': 60, tags: ['a', 'b'], gone: null } });
    assert.deepEqual(message, {
      type: 'parameters',
      ...device,
      at: t,
      origin: 'state',
      parameters: [
        { path: 'wifi.ssid', value: 'home', valueType: 'string' },
        { path: 'relay.on', value: 'true', valueType: 'boolean' },
        { path: 'relay.load', value: '1.5', valueType: 'decimal' },
        { path: 'config.interval', value: '60', valueType: 'long' },
        { path: 'tags', value: '["a","b"]', valueType: 'string' },
      ],
    });
    assert.equal(uplinkCode('devices/th-0042/state', { values: {} }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/state', { parameters: { ['a'.repeat(300)]: 1 } }), 'MQTT_PAYLOAD_INVALID');
  });

  it('reads events with details (README "events")', () => {
    assert.deepEqual(parse('devices/th-0042/events', { name: 'door.opened', ts: t - 1000, details: { door: 2 } }), [
      { type: 'event', ...device, at: t - 1000, name: 'door.opened', details: { door: 2 }, correlationKey: null },
    ]);
    assert.equal(uplinkCode('devices/th-0042/events', { name: '' }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/events', { name: 'x', details: [1] }), 'MQTT_PAYLOAD_INVALID');
  });

  it('reads command acks, success and failure (README "commands")', () => {
    assert.deepEqual(parse('devices/th-0042/commands/ack', { id: 'cmd-7', status: 'success', result: { rebooted: true } }), [
      { type: 'commandResult', ...device, at: t, correlationKey: 'cmd-7', outcome: { status: 'success', output: { rebooted: true } } },
    ]);
    assert.deepEqual(parse('devices/th-0042/commands/ack', { id: 'cmd-8', status: 'failure', error: { code: 404, message: 'unknown method' } }), [
      {
        type: 'commandResult',
        ...device,
        at: t,
        correlationKey: 'cmd-8',
        outcome: { status: 'failure', code: 'DEVICE_ERROR', message: 'unknown method', faultCode: 404, output: null },
      },
    ]);
    assert.equal(uplinkCode('devices/th-0042/commands/ack', { status: 'success' }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('devices/th-0042/commands/ack', { id: 'x', status: 'done' }), 'MQTT_PAYLOAD_INVALID');
  });

  it('knows only its documented topics', () => {
    for (const topic of ['devices/th-0042', 'devices/th-0042/commands', 'devices/th-0042/telemetry/extra', 'device/th-0042/telemetry', 'devices/th-0042/commands/nack']) {
      assert.equal(uplinkCode(topic, { values: { x: 1 } }), 'MQTT_TOPIC_UNKNOWN', topic);
    }
    assert.equal(uplinkCode('devices//telemetry', { values: { x: 1 } }), 'MQTT_DEVICE_ID_INVALID');
  });
});

describe('generic adapter: downlinks', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('publishes {id, method, params, ts} on devices/<id>/commands with the correlation key as id', () => {
    const encoded = valueOf(adapter.encodeDownlink('generic:th-0042', { method: 'set', params: { 'relay.on': true } }, 'cmd-9', now));
    assert.equal(encoded.topic, 'devices/th-0042/commands');
    assert.equal(encoded.qos, 1);
    assert.equal(encoded.retain, false);
    assert.equal(encoded.correlationKey, 'cmd-9');
    assert.deepEqual(jsonOf(encoded), { id: 'cmd-9', method: 'set', params: { 'relay.on': true }, ts: now.getTime() });
  });

  it('refuses payloads without a method, other vendors\' devices and bad keys', () => {
    const codes = [
      adapter.encodeDownlink('generic:th-0042', { params: {} }, 'k', now),
      adapter.encodeDownlink('generic:th-0042', { method: 'x', params: [1] }, 'k', now),
      adapter.encodeDownlink('generic:th-0042', 'reboot', 'k', now),
      adapter.encodeDownlink('shelly:th-0042', { method: 'x' }, 'k', now),
      adapter.encodeDownlink('00D09E-S1', { method: 'x' }, 'k', now),
      adapter.encodeDownlink('generic:a%2Fb', { method: 'x' }, 'k', now),
      adapter.encodeDownlink('generic:th-0042', { method: 'x' }, 'has space', now),
      adapter.encodeDownlink('generic:th-0042', { method: 'x' }, 'k', new Date(Number.NaN)),
    ].map(codeOf);
    assert.deepEqual(codes, Array(8).fill('MQTT_DOWNLINK_INVALID'));
  });

  it('asks nothing to identify a device: generic devices publish their identity themselves', () => {
    assert.deepEqual(valueOf(adapter.identify('generic:th-0042', now)), []);
  });
});
