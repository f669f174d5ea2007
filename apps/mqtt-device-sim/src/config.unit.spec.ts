import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';

describe('mqtt-device-sim configuration', () => {
  it('runs a small fleet of every vendor on the local broker by default', () => {
    const c = loadConfig({});
    assert.equal(c.FLEETLOG_MQTT_SIM_MODE, 'devices');
    assert.deepEqual([c.FLEETLOG_MQTT_SIM_GENERIC, c.FLEETLOG_MQTT_SIM_SHELLY, c.FLEETLOG_MQTT_SIM_DJI], [2, 2, 1]);
    assert.equal(c.FLEETLOG_MQTT_SIM_TOPIC_PREFIX, undefined, 'fleetlog/<tenant>/<vendor> in front of native topics');
  });

  it('takes an empty topic prefix (a mounting broker adds it) and the burst settings', () => {
    const c = loadConfig({ FLEETLOG_MQTT_SIM_TOPIC_PREFIX: '', FLEETLOG_MQTT_SIM_MODE: 'burst', FLEETLOG_MQTT_SIM_BURST_QOS: '1' });
    assert.equal(c.FLEETLOG_MQTT_SIM_TOPIC_PREFIX, '');
    assert.equal(c.FLEETLOG_MQTT_SIM_BURST_QOS, 1);
  });

  it('lists every bad setting at once', () => {
    assert.throws(
      () => loadConfig({ FLEETLOG_MQTT_SIM_TENANT: 'Bad Tenant', FLEETLOG_MQTT_SIM_BURST_QOS: '2', FLEETLOG_MQTT_SIM_MODE: 'chaos' }),
      (e: Error) => ['FLEETLOG_MQTT_SIM_TENANT', 'FLEETLOG_MQTT_SIM_BURST_QOS', 'FLEETLOG_MQTT_SIM_MODE'].every((k) => e.message.includes(k)),
    );
  });
});
