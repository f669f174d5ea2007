import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, perEndpoint } from './config.js';

describe('config', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    assert.deepEqual(config, {
      brokerUrl: 'mqtt://127.0.0.1:1883',
      count: 5,
      tenantId: 'default',
      endpointIdPrefix: 'proto::usp-sim-',
      controllerId: 'proto::fleetlog-controller',
      mqttVersion: 5,
      username: '',
      password: '',
      notifyRetryMs: 5_000,
      rebootDelayMs: 2_000,
      staggerMs: 100,
      logLevel: 'info',
    });
  });

  it('reads and converts the variables', () => {
    const config = loadConfig({
      FLEETLOG_MQTT_URL: 'mqtts://broker.example:8883',
      FLEETLOG_USP_SIM_COUNT: '3',
      FLEETLOG_USP_SIM_TENANT: 'acme',
      FLEETLOG_USP_SIM_ENDPOINT_PREFIX: 'os::F1EE70-SIM',
      FLEETLOG_USP_SIM_MQTT_VERSION: '3.1.1',
      FLEETLOG_USP_SIM_NOTIFY_RETRY_SECONDS: '0.5',
    });
    assert.deepEqual(
      [config.brokerUrl, config.count, config.tenantId, config.endpointIdPrefix, config.mqttVersion, config.notifyRetryMs],
      ['mqtts://broker.example:8883', 3, 'acme', 'os::F1EE70-SIM', 4, 500],
    );
  });

  it('lists every problem at once', () => {
    assert.throws(
      () =>
        loadConfig({
          FLEETLOG_MQTT_URL: 'http://broker',
          FLEETLOG_USP_SIM_COUNT: 'many',
          FLEETLOG_USP_SIM_TENANT: 'Not A Tenant',
          FLEETLOG_USP_SIM_ENDPOINT_PREFIX: 'nonsense/',
          FLEETLOG_USP_SIM_CONTROLLER_ID: 'controller',
          FLEETLOG_USP_SIM_MQTT_VERSION: '3',
          FLEETLOG_USP_SIM_NOTIFY_RETRY_SECONDS: '0',
        }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'USP_SIM_CONFIG_INVALID');
        for (const name of [
          'FLEETLOG_MQTT_URL',
          'FLEETLOG_USP_SIM_COUNT',
          'FLEETLOG_USP_SIM_TENANT',
          'FLEETLOG_USP_SIM_ENDPOINT_PREFIX',
          'FLEETLOG_USP_SIM_CONTROLLER_ID',
          'FLEETLOG_USP_SIM_MQTT_VERSION',
          'FLEETLOG_USP_SIM_NOTIFY_RETRY_SECONDS',
        ])
          assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });

  it('fills {endpoint} into credential templates', () => {
    assert.equal(perEndpoint('{endpoint}', 'proto::a'), 'proto::a');
    assert.equal(perEndpoint('pw-{endpoint}', 'proto::b'), 'pw-proto::b');
  });
});
