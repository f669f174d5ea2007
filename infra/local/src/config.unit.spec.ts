import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStackConfig } from './config.js';

describe('stack configuration', () => {
  it('uses the documented ports when nothing is set', () => {
    const c = loadStackConfig({});
    assert.deepEqual(
      [c.FLEETLOG_KAFKA_PORT, c.FLEETLOG_KAFKA_CONTROLLER_PORT, c.FLEETLOG_REGISTRY_PORT, c.FLEETLOG_CASSANDRA_PORT, c.FLEETLOG_POSTGRES_PORT, c.FLEETLOG_MQTT_PORT],
      [9092, 9093, 8080, 9042, 5432, 1883],
    );
    assert.match(c.FLEETLOG_HOME, /\.fleetlog$/);
  });

  it('lists every invalid setting at once', () => {
    assert.throws(
      () => loadStackConfig({ FLEETLOG_KAFKA_PORT: 'ninety', FLEETLOG_REGISTRY_PORT: '70000', FLEETLOG_POSTGRES_ADMIN_URL: 'not a url' }),
      (e: Error) => /FLEETLOG_KAFKA_PORT/.test(e.message) && /FLEETLOG_REGISTRY_PORT/.test(e.message) && /FLEETLOG_POSTGRES_ADMIN_URL/.test(e.message),
    );
  });
});
