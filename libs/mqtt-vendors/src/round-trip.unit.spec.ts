import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JsonValue } from '@fleetlog/domain';
import type { NativePublish } from './messages.js';
import { createVendorRegistry } from './registry.js';
import { simulators } from './testing/index.js';
import { messagesOfType, uplinkOf, valueOf } from './testing/uplink.js';
import { createBuiltInAdapters } from './vendors/index.js';

// A downlink encoded by an adapter, answered by that vendor's simulated device, parsed back by the adapter:
// the answer carries the same correlation key, for every vendor.

const adapters = createBuiltInAdapters();
const registry = createVendorRegistry(adapters);
const now = new Date('2026-03-01T10:00:00Z');

// MQTT topic filter matching, enough for the filters devices and adapters use.
const matches = (filter: string, topic: string): boolean => {
  const f = filter.split('/');
  const t = topic.split('/');
  return f.every((level, i) => level === '#' || (i < t.length && (level === '+' || level === t[i]))) && (f.at(-1) === '#' || f.length === t.length);
};

const vendors = [
  { vendor: 'generic', clientId: 'th-0042', command: { method: 'set', params: { 'relay.on': true } }, unknown: { method: 'selfDestruct' } },
  { vendor: 'shelly', clientId: 'shellyplus1pm-441793d69718', command: { method: 'Switch.Set', params: { id: 0, on: true } }, unknown: { method: 'Foo.Bar' } },
  { vendor: 'dji', clientId: '7CTDM4100B0C9L', command: { method: 'cover_open' }, unknown: { method: 'warp_drive_engage' } },
] as const;

const correlationKey = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);

for (const { vendor, clientId, command, unknown } of vendors) {
  describe(`${vendor}: simulated device and adapter`, () => {
    const adapter = valueOf(registry.adapterFor(vendor));
    const simulate = simulators[vendor];
    assert.ok(simulate);

    const answer = (seed: number, payload: JsonValue, key: string) => {
      const device = simulate({ clientId, seed });
      uplinkOf(adapter, device.connect(now), now);
      const downlink = valueOf(adapter.encodeDownlink(device.deviceId, payload, key, now));
      assert.ok(device.subscriptions.some((filter) => matches(filter, downlink.topic)), `the device listens on ${downlink.topic}`);
      assert.equal(downlink.correlationKey, key);
      const { messages } = uplinkOf(adapter, device.onDownlink(downlink.topic, downlink.payload, now), now);
      return { device, results: messagesOfType(messages, 'commandResult'), messages };
    };

    it('connects: every publish is understood, and the device is online or identified', () => {
      const device = simulate({ clientId, seed: 7 });
      const { messages } = uplinkOf(adapter, device.connect(now), now);
      assert.ok(messages.length > 0);
      assert.ok(messages.every((message) => message.deviceId.startsWith(`${vendor}:`)));
      assert.ok(messagesOfType(messages, 'presence').some((message) => message.deviceId === device.deviceId && message.state === 'online'));
    });

    it('ticks: periodic reports become telemetry with units', () => {
      const device = simulate({ clientId, seed: 7 });
      uplinkOf(adapter, device.connect(now), now);
      const later = new Date(now.getTime() + device.tickIntervalMs);
      const telemetry = messagesOfType(uplinkOf(adapter, device.tick(later), later).messages, 'telemetry');
      assert.ok(telemetry.length > 0 && telemetry.every((message) => message.samples.length > 0));
      assert.ok(telemetry.some((message) => message.samples.some((sample) => sample.unit !== null)));
    });

    it('is deterministic for a seed', () => {
      const publishes = (seed: number) => {
        const device = simulate({ clientId, seed });
        return [...device.connect(now), ...device.tick(now)].map((p: NativePublish) => `${p.topic} ${new TextDecoder().decode(p.payload)}`);
      };
      assert.deepEqual(publishes(3), publishes(3));
      assert.notDeepEqual(publishes(3), publishes(4));
    });

    it('answers a downlink with success under the same correlation key', () => {
      fc.assert(
        fc.property(fc.integer(), correlationKey, (seed, key) => {
          const { device, results } = answer(seed, command, key);
          assert.deepEqual(
            results.map((result) => [result.deviceId, result.correlationKey, result.outcome.status]),
            [[device.deviceId, key, 'success']],
          );
        }),
        { numRuns: 100 },
      );
    });

    it('answers an unknown method with a failure under the same correlation key', () => {
      const { results } = answer(1, unknown, 'cmd-unknown-1');
      assert.equal(results.length, 1);
      const outcome = results[0]?.outcome;
      assert.equal(results[0]?.correlationKey, 'cmd-unknown-1');
      assert.equal(outcome?.status, 'failure');
      assert.ok(outcome?.status === 'failure' && outcome.faultCode !== null && outcome.message.length > 0);
    });

    it('travels under the tenant prefix a broker mount point adds, both ways', () => {
      const device = simulate({ clientId, seed: 11 });
      const mounted = (publish: NativePublish) => ({ ...publish, topic: `fleetlog/acme/${vendor}/${publish.topic}` });
      for (const publish of device.connect(now).map(mounted)) {
        const routed = valueOf(registry.parseUplink(publish.topic, publish.payload, now));
        assert.equal(routed.tenantId, 'acme');
        assert.equal(routed.vendor, vendor);
        assert.ok(routed.replies.every((reply) => reply.topic.startsWith(`fleetlog/acme/${vendor}/`)));
      }
      const downlink = valueOf(registry.encodeDownlink('acme', device.deviceId, command, 'cmd-1', now));
      const prefix = `fleetlog/acme/${vendor}/`;
      assert.ok(downlink.topic.startsWith(prefix));
      const answers = device.onDownlink(downlink.topic.slice(prefix.length), downlink.payload, now).map(mounted);
      const results = answers.flatMap((publish) => messagesOfType(valueOf(registry.parseUplink(publish.topic, publish.payload, now)).messages, 'commandResult'));
      assert.deepEqual(
        results.map((result) => result.correlationKey),
        ['cmd-1'],
      );
      assert.ok(answers.every((publish) => registry.subscriptions().some((filter) => matches(filter, publish.topic))), 'the ingress subscribes to every answer');
    });
  });
}

describe('vendor specifics of the round trip', () => {
  it('generic and shelly: the last will reads as offline by last will; DJI documents none', () => {
    for (const { vendor, clientId } of vendors) {
      const device = simulators[vendor]?.({ clientId, seed: 1 });
      assert.ok(device);
      if (vendor === 'dji') {
        assert.equal(device.will, null);
        continue;
      }
      assert.ok(device.will);
      const adapter = valueOf(registry.adapterFor(vendor));
      const presence = messagesOfType(uplinkOf(adapter, [device.will], now).messages, 'presence');
      assert.deepEqual(presence.map((message) => (message.state === 'offline' ? message.reason : message.state)), ['last-will']);
    }
  });

  it('shelly: identify() is answered with model, MAC and firmware', () => {
    const adapter = valueOf(registry.adapterFor('shelly'));
    const device = simulators['shelly']?.({ clientId: 'shellyplus1pm-441793d69718', seed: 1 });
    assert.ok(device);
    const answers = valueOf(adapter.identify(device.deviceId, now)).flatMap((request) => device.onDownlink(request.topic, request.payload, now));
    const [identity] = messagesOfType(uplinkOf(adapter, answers, now).messages, 'identity');
    assert.deepEqual(identity?.identity, { manufacturer: 'Shelly', productClass: 'SNSW-001P16EU', serialNumber: '441793D69718', softwareVersion: '1.3.1', hardwareVersion: null });
  });

  it('shelly: Switch.Set changes what the device reports next', () => {
    const adapter = valueOf(registry.adapterFor('shelly'));
    const device = simulators['shelly']?.({ clientId: 'shellyplus1pm-441793d69718', seed: 1 });
    assert.ok(device);
    const downlink = valueOf(adapter.encodeDownlink(device.deviceId, { method: 'Switch.Set', params: { id: 0, on: true } }, 'cmd-on', now));
    const { messages } = uplinkOf(adapter, device.onDownlink(downlink.topic, downlink.payload, now), now);
    assert.ok(messagesOfType(messages, 'parameters').some((message) => message.parameters.some((p) => p.path === 'switch_0.output' && p.value === 'true')));
    const power = messagesOfType(uplinkOf(adapter, device.tick(now), now).messages, 'telemetry').flatMap((m) => m.samples).find((s) => s.metric === 'switch.0.power');
    assert.ok(power !== undefined && power.value > 0);
  });

  it('dji: the dock accepts status_reply, and powering the aircraft off empties the topology', () => {
    const adapter = valueOf(registry.adapterFor('dji'));
    const device = simulators['dji']?.({ clientId: '7CTDM4100B0C9L', seed: 1 });
    assert.ok(device);
    const { messages, replies } = uplinkOf(adapter, device.connect(now), now);
    assert.equal(messagesOfType(messages, 'topology')[0]?.subDevices.length, 1);
    assert.ok(replies.length > 0 && replies.every((reply) => device.subscriptions.some((filter) => matches(filter, reply.topic))));
    assert.deepEqual(replies.flatMap((reply) => device.onDownlink(reply.topic, reply.payload, now)), []);
    const downlink = valueOf(adapter.encodeDownlink(device.deviceId, { method: 'drone_close' }, 'cmd-off', now));
    const after = uplinkOf(adapter, device.onDownlink(downlink.topic, downlink.payload, now), now).messages;
    assert.deepEqual(messagesOfType(after, 'topology')[0]?.subDevices, []);
  });

  it('dji: property/set is answered per property', () => {
    const adapter = valueOf(registry.adapterFor('dji'));
    const device = simulators['dji']?.({ clientId: '7CTDM4100B0C9L', seed: 1 });
    assert.ok(device);
    const outcome = (properties: JsonValue) => {
      const downlink = valueOf(adapter.encodeDownlink(device.deviceId, { properties }, 'cmd-p', now));
      return messagesOfType(uplinkOf(adapter, device.onDownlink(downlink.topic, downlink.payload, now), now).messages, 'commandResult')[0]?.outcome.status;
    };
    assert.equal(outcome({ silent_mode: 1 }), 'success');
    assert.equal(outcome({ flux_capacitor: 1 }), 'failure');
  });
});
