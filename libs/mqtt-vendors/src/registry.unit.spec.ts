import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createVendorRegistry } from './registry.js';
import { codeOf, jsonOf, payloadOf, valueOf } from './testing/uplink.js';
import { createBuiltInAdapters } from './vendors/index.js';
import { createShellyAdapter } from './vendors/shelly/adapter.js';

const now = new Date('2026-03-01T10:00:00Z');

describe('vendor registry', () => {
  const registry = createVendorRegistry(createBuiltInAdapters(), 'fleetlog');

  it('lists the vendors and one filter per tenant for each native subscription', () => {
    assert.deepEqual(registry.vendors, ['generic', 'shelly', 'dji']);
    const filters = registry.subscriptions();
    assert.ok(filters.includes('fleetlog/+/shelly/+/events/rpc'));
    assert.ok(filters.includes('fleetlog/+/dji/sys/product/+/status'));
    assert.ok(filters.includes('fleetlog/+/generic/devices/+/commands/ack'));
    assert.ok(filters.every((filter) => filter.startsWith('fleetlog/+/')));
  });

  it('finds the adapter of a device for downlinks and identify, on full topics', () => {
    const downlink = valueOf(registry.encodeDownlink('acme', 'shelly:shellyplus1-a8032abe54dc', { method: 'Shelly.Reboot' }, 'cmd-1', now));
    assert.equal(downlink.topic, 'fleetlog/acme/shelly/shellyplus1-a8032abe54dc/rpc');
    assert.equal(jsonOf(downlink) !== null && typeof jsonOf(downlink) === 'object', true);
    const [identify] = valueOf(registry.identify('acme', 'shelly:shellyplus1-a8032abe54dc', now));
    assert.equal(identify?.topic, 'fleetlog/acme/shelly/shellyplus1-a8032abe54dc/rpc');
    assert.deepEqual(valueOf(registry.identify('acme', 'generic:d1', now)), []);
  });

  it('refuses devices of unknown vendors or protocols, and bad tenants', () => {
    assert.equal(codeOf(registry.encodeDownlink('acme', 'tasmota:plug1', { method: 'x' }, 'k', now)), 'MQTT_VENDOR_UNKNOWN');
    assert.equal(codeOf(registry.encodeDownlink('acme', 'oui:00D09E:abc', { method: 'x' }, 'k', now)), 'MQTT_DOWNLINK_INVALID');
    assert.equal(codeOf(registry.encodeDownlink('acme', 'not an id', { method: 'x' }, 'k', now)), 'MQTT_DOWNLINK_INVALID');
    assert.equal(codeOf(registry.encodeDownlink('Acme', 'shelly:s1', { method: 'x' }, 'k', now)), 'MQTT_TENANT_INVALID');
    assert.equal(codeOf(registry.identify('acme', 'tasmota:plug1', now)), 'MQTT_VENDOR_UNKNOWN');
    assert.equal(codeOf(registry.adapterFor('tasmota')), 'MQTT_VENDOR_UNKNOWN');
  });

  it('uses its own prefix for routing', () => {
    const custom = createVendorRegistry(createBuiltInAdapters(), 'iot/devices');
    assert.equal(valueOf(custom.parseUplink('iot/devices/acme/shelly/s1/online', payloadOf('true'), now)).tenantId, 'acme');
    assert.equal(codeOf(custom.parseUplink('fleetlog/acme/shelly/s1/online', payloadOf('true'), now)), 'MQTT_TOPIC_UNKNOWN');
  });

  it('refuses two adapters for one vendor: that is a wiring bug', () => {
    assert.throws(() => createVendorRegistry([createShellyAdapter(), createShellyAdapter()]), /two adapters for vendor shelly/);
  });
});
