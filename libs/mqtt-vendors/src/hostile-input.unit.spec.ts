import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isJsonValue, parameterPathProblem, valueProblem } from '@fleetlog/domain';
import type { JsonValue } from '@fleetlog/domain';
import { isMqttVendorErrorCode, MqttVendorError } from './errors.js';
import type { UplinkMessage } from './messages.js';
import { createVendorRegistry } from './registry.js';
import type { VendorResult } from './result.js';
import { codeOf, payloadOf } from './testing/uplink.js';
import { createBuiltInAdapters } from './vendors/index.js';

// Untrusted topics and payloads: every adapter answers with messages that the domain will accept, or with
// a MqttVendorError of a known code. Never a throw, and never the catch-all meant for adapter bugs.

const adapters = createBuiltInAdapters();
const registry = createVendorRegistry(adapters);
const receivedAt = new Date('2026-03-01T10:00:00Z');

const assertWellBehaved = (result: VendorResult<{ messages: readonly UplinkMessage[] }>, context: string): void => {
  if (!result.ok) {
    assert.ok(result.error instanceof MqttVendorError, `${context}: error is a MqttVendorError`);
    assert.ok(isMqttVendorErrorCode(result.error.code), `${context}: unknown code ${result.error.code}`);
    assert.notEqual(result.error.code, 'MQTT_ADAPTER_FAILED', `${context}: a bug escaped into the catch-all: ${result.error.message}`);
    return;
  }
  for (const message of result.value.messages) {
    assert.ok(Number.isSafeInteger(message.at) && message.at >= Date.UTC(2000, 0, 1) && message.at <= receivedAt.getTime() + 86_400_000, `${context}: at ${message.at}`);
    switch (message.type) {
      case 'telemetry':
        for (const sample of message.samples) {
          assert.ok(Number.isFinite(sample.value) && sample.metric.length > 0 && sample.metric.length <= 200 && sample.metric.trim() === sample.metric, `${context}: sample ${sample.metric}`);
          assert.ok(sample.unit === null || sample.unit.length <= 32, `${context}: unit ${sample.unit}`);
        }
        break;
      case 'parameters':
        for (const parameter of message.parameters) {
          assert.equal(parameterPathProblem(parameter.path, 'parameter'), undefined, `${context}: path ${parameter.path}`);
          assert.equal(valueProblem(parameter.valueType, parameter.value), undefined, `${context}: ${parameter.path}=${parameter.value}`);
        }
        break;
      case 'event':
        assert.ok(isJsonValue(message.details), `${context}: event details are JSON`);
        break;
      case 'commandResult':
        assert.ok(isJsonValue(message.outcome.output), `${context}: output is JSON`);
        break;
      default:
        break;
    }
  }
};

// Keys that reach into Object.prototype when a lookup table is a plain object.
const prototypeKeys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

// A topic each adapter subscribes to, with its wildcard levels filled in.
const adapterTopic = fc
  .constantFrom(...adapters.flatMap((adapter) => adapter.subscriptions.map((filter) => ({ adapter, filter }))))
  .chain(({ adapter, filter }) =>
    fc
      .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9:_-]{1,24}$/), fc.constantFrom('switch:0', 'drone001', '', ...prototypeKeys)), { minLength: 2, maxLength: 2 })
      .map(([first = 'x', second = 'y']) => ({ adapter, topic: filter.replace('+', first).replace('+', second) })),
  );

// Objects shaped like the vendors' frames, with any JSON in the fields each vendor reads.
const field = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom<JsonValue>('update_topo', 'NotifyStatus', 'NotifyFullStatus', 'NotifyEvent', 'success', 'failure', 'online', 1, 0, null));
const frameLike = fc.record(
  {
    id: field,
    src: field,
    method: field,
    params: fc.oneof(field, fc.dictionary(fc.constantFrom('ts', 'switch:0', 'sys', 'events', 'temperature:0', ...prototypeKeys), field)),
    result: field,
    error: field,
    tid: fc.oneof(field, fc.constant('t')),
    bid: fc.oneof(field, fc.constant('b')),
    timestamp: field,
    need_reply: field,
    data: fc.oneof(field, fc.dictionary(fc.constantFrom('sub_devices', 'result', 'battery', 'latitude', 'output', ...prototypeKeys), field)),
    status: field,
    samples: field,
    values: field,
    parameters: field,
    name: field,
    details: field,
    state: field,
    ts: field,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<JsonValue>;

const payload = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  fc.jsonValue({ maxDepth: 6 }).map((value) => payloadOf(value as JsonValue)),
  frameLike.map((value) => payloadOf(value)),
  fc.constantFrom('true', 'false', 'online', 'offline', '', '{', '\uFEFF{}', '{"__proto__":{"x":1}}').map((text) => payloadOf(text)),
);

describe('hostile input', () => {
  it('every adapter survives random bytes and JSON on each of its topics', () => {
    fc.assert(
      fc.property(adapterTopic, payload, ({ adapter, topic }, bytes) => {
        assertWellBehaved(adapter.parseUplink(topic, bytes, receivedAt), `${adapter.vendor} ${topic}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('every adapter survives random topics', () => {
    fc.assert(
      fc.property(fc.constantFrom(...adapters), fc.oneof(fc.string(), fc.string({ unit: 'binary' })), payload, (adapter, topic, bytes) => {
        assertWellBehaved(adapter.parseUplink(topic, bytes, receivedAt), `${adapter.vendor} ${JSON.stringify(topic)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('treats keys and topic levels named like Object.prototype members as plain names', () => {
    const keys = Object.fromEntries(prototypeKeys.map((key, i) => [key, i]));
    const cases = [
      ['shelly', 'plug-1/events/rpc', { method: 'NotifyStatus', params: { ts: 1, constructor: keys, 'switch:0': { ...keys, aenergy: keys } } }, 'ok'],
      ['shelly', 'plug-1/constructor', {}, 'MQTT_TOPIC_UNKNOWN'],
      ['shelly', 'plug-1/status/constructor', keys, 'ok'],
      ['dji', 'thing/product/SN1/osd', { tid: 't', bid: 'b', data: { ...keys, battery: { ...keys, batteries: [keys] } } }, 'ok'],
      ['dji', 'thing/product/SN1/constructor', {}, 'MQTT_TOPIC_UNKNOWN'],
      ['generic', 'devices/d1/constructor', {}, 'MQTT_TOPIC_UNKNOWN'],
      ['generic', 'devices/d1/state', { parameters: keys }, 'ok'],
    ] as const;
    for (const [vendor, topic, body, expected] of cases) {
      const adapter = adapters.find((candidate) => candidate.vendor === vendor);
      assert.ok(adapter);
      const result = adapter.parseUplink(topic, payloadOf(JSON.parse(JSON.stringify(body)) as JsonValue), receivedAt);
      assertWellBehaved(result, `${vendor} ${topic}`);
      assert.equal(codeOf(result), expected, topic);
    }
  });

  it('refuses oversized and too deep payloads on every topic, by size first', () => {
    const huge = new Uint8Array(300 * 1024).fill(0x5b);
    const deep = payloadOf(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`);
    for (const adapter of adapters) {
      for (const filter of adapter.subscriptions) {
        const topic = filter.replaceAll('+', 'dev1');
        const code = (bytes: Uint8Array) => codeOf(adapter.parseUplink(topic, bytes, receivedAt));
        assert.equal(code(huge), 'MQTT_PAYLOAD_TOO_LARGE', topic);
        // Shelly's online topic is text, where nesting means nothing; everything else is JSON.
        if (!topic.endsWith('/online')) assert.equal(code(deep), 'MQTT_PAYLOAD_TOO_DEEP', topic);
      }
    }
  });

  it('refuses a payload that makes more values than the limit', () => {
    const many = payloadOf({ values: Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`m${i}`, i])) });
    assert.equal(codeOf(registry.parseUplink('fleetlog/acme/generic/devices/d1/telemetry', many, receivedAt)), 'MQTT_PAYLOAD_TOO_LARGE');
  });

  it('routes through the registry: unknown vendor, bad tenant, foreign topic', () => {
    const code = (topic: string) => codeOf(registry.parseUplink(topic, payloadOf('true'), receivedAt));
    assert.equal(code('fleetlog/acme/tasmota/tele/x/LWT'), 'MQTT_VENDOR_UNKNOWN');
    assert.equal(code('fleetlog/ACME/shelly/x/online'), 'MQTT_TENANT_INVALID');
    assert.equal(code('$SYS/broker/uptime'), 'MQTT_TOPIC_UNKNOWN');
    assert.equal(code('fleetlog/acme/shelly/x/online'), 'ok');
  });

  it('turns wrong argument types from a careless caller into errors, not exceptions', () => {
    for (const adapter of adapters) {
      const results = [
        adapter.parseUplink(undefined as unknown as string, payloadOf('{}'), receivedAt),
        adapter.parseUplink('x/online', 'true' as unknown as Uint8Array, receivedAt),
        adapter.parseUplink('x/online', payloadOf('true'), new Date(Number.NaN)),
        adapter.encodeDownlink(42 as unknown as string, {}, 'k', receivedAt),
        adapter.identify(undefined as unknown as string, receivedAt),
      ];
      for (const result of results) assert.equal(result.ok, false);
    }
  });

  it('encodeDownlink survives any device id, payload and key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...adapters),
        fc.oneof(fc.string(), fc.constantFrom('generic:d1', 'shelly:s1', 'dji:SN1', 'dji:a%2Fb', 'shelly:', '00D09E-S1')),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ method: fc.oneof(fc.string(), fc.constant('x')), params: fc.jsonValue({ maxDepth: 2 }), data: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] })),
        fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/)),
        (adapter, deviceId, body, key) => {
          const result = adapter.encodeDownlink(deviceId, body as JsonValue, key, receivedAt);
          if (!result.ok) {
            assert.ok(result.error.code === 'MQTT_DOWNLINK_INVALID', `${adapter.vendor}: ${result.error.code} ${result.error.message}`);
            return;
          }
          assert.equal(result.value.correlationKey, key);
          const { topic } = result.value;
          assert.ok(!/[+#]|^\/|\/\/|\/$/.test(topic) && !topic.includes('\u0000'), topic);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
