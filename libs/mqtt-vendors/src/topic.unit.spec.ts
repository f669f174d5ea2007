import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { downlinkTopic, parseTopic, uplinkFilters } from './topic.js';
import { codeOf, valueOf } from './testing/uplink.js';

describe('parseTopic', () => {
  it('splits fleetlog/<tenantId>/<vendor>/<native topic>', () => {
    assert.deepEqual(valueOf(parseTopic('fleetlog/acme/shelly/shellyplus1-a8032abe54dc/events/rpc')), {
      tenantId: 'acme',
      vendor: 'shelly',
      nativeTopic: 'shellyplus1-a8032abe54dc/events/rpc',
    });
    assert.deepEqual(valueOf(parseTopic('ops/eu/fleet/acme-2/dji/thing/product/SN1/osd', 'ops/eu/fleet')), { tenantId: 'acme-2', vendor: 'dji', nativeTopic: 'thing/product/SN1/osd' });
  });

  it('validates the tenant with the domain rules', () => {
    for (const tenant of ['Acme', '-acme', 'a'.repeat(64), 'ac me', '']) {
      assert.equal(codeOf(parseTopic(`fleetlog/${tenant}/shelly/x/online`)), 'MQTT_TENANT_INVALID', tenant);
    }
  });

  it('refuses topics outside the layout', () => {
    for (const topic of ['fleetlog', 'fleetlog/acme', 'fleetlog/acme/shelly', 'fleetlog/acme/shelly/', 'other/acme/shelly/x/online', 'fleetlogx/acme/shelly/x', '/fleetlog/acme/shelly/x']) {
      assert.equal(codeOf(parseTopic(topic)), 'MQTT_TOPIC_UNKNOWN', topic);
    }
    assert.equal(codeOf(parseTopic('fleetlog/acme/Shelly/x/online')), 'MQTT_VENDOR_UNKNOWN');
    assert.equal(codeOf(parseTopic('fleetlog/acme/shelly/x', 'a/+')), 'MQTT_TOPIC_INVALID');
    assert.equal(codeOf(parseTopic('fleetlog/acme/shelly/x', 'a//b')), 'MQTT_TOPIC_INVALID');
  });

  it('never throws, whatever the topic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(fc.constantFrom('fleetlog', 'acme', 'shelly', '', '+', '#', 'x'), { maxLength: 6 }).map((l) => l.join('/'))), (topic) => {
        const result = parseTopic(topic);
        assert.ok(result.ok || ['MQTT_TOPIC_UNKNOWN', 'MQTT_TENANT_INVALID', 'MQTT_VENDOR_UNKNOWN'].includes(result.error.code));
      }),
      { numRuns: 500 },
    );
  });
});

describe('downlinkTopic and uplinkFilters', () => {
  it('is the inverse of parseTopic', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
        fc.constantFrom('generic', 'shelly', 'dji'),
        fc.array(fc.stringMatching(/^[A-Za-z0-9:_-]{1,8}$/), { minLength: 1, maxLength: 5 }).map((levels) => levels.join('/')),
        (tenant, vendor, native) => {
          const topic = valueOf(downlinkTopic(tenant, vendor, native));
          assert.deepEqual(valueOf(parseTopic(topic)), { tenantId: tenant, vendor, nativeTopic: native });
        },
      ),
    );
  });

  it('refuses a bad tenant, vendor or native topic', () => {
    assert.equal(codeOf(downlinkTopic('ACME', 'shelly', 'x/rpc')), 'MQTT_TENANT_INVALID');
    assert.equal(codeOf(downlinkTopic('acme', 'She/lly', 'x/rpc')), 'MQTT_VENDOR_UNKNOWN');
    assert.equal(codeOf(downlinkTopic('acme', 'shelly', 'x/#')), 'MQTT_TOPIC_INVALID');
    assert.equal(codeOf(downlinkTopic('acme', 'shelly', '')), 'MQTT_TOPIC_INVALID');
  });

  it('subscribes every tenant with one wildcard level', () => {
    assert.deepEqual(uplinkFilters('shelly', ['+/online', '+/events/rpc']), ['fleetlog/+/shelly/+/online', 'fleetlog/+/shelly/+/events/rpc']);
  });
});
