import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';

describe('mqtt-ingress configuration', () => {
  it('runs on the local stack with no settings at all', () => {
    const c = loadConfig({});
    assert.equal(c.FLEETLOG_MQTT_URL, 'mqtt://127.0.0.1:1883');
    assert.equal(c.FLEETLOG_MQTT_TOPIC_PREFIX, 'fleetlog');
    assert.equal(c.FLEETLOG_MQTT_METRICS_PORT, 9465);
    assert.equal(c.FLEETLOG_MQTT_MAX_PAYLOAD_BYTES, 256 * 1024);
    assert.equal(c.FLEETLOG_MQTT_SUBSCRIBE, 'all');
    assert.equal(c.FLEETLOG_MQTT_SHARED_GROUP, '');
  });

  it('lists every bad setting at once', () => {
    assert.throws(
      () => loadConfig({ FLEETLOG_MQTT_TOPIC_PREFIX: 'fleet/#', FLEETLOG_MQTT_SHARED_GROUP: 'a/b', FLEETLOG_MQTT_METRICS_PORT: '70000', FLEETLOG_MQTT_SUBSCRIBE: 'some' }),
      (e: Error) => ['FLEETLOG_MQTT_TOPIC_PREFIX', 'FLEETLOG_MQTT_SHARED_GROUP', 'FLEETLOG_MQTT_METRICS_PORT', 'FLEETLOG_MQTT_SUBSCRIBE'].every((k) => e.message.includes(k)),
    );
  });
});
