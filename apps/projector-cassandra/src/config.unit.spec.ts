import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';

describe('projector-cassandra configuration', () => {
  it('has defaults for the local stack', () => {
    const c = loadConfig({});
    assert.equal(c.FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT, 9464);
    assert.equal(c.FLEETLOG_TOPIC_PREFIX, '');
    assert.equal(c.FLEETLOG_CASSANDRA_KEYSPACE, 'fleetlog');
    assert.equal(c.FLEETLOG_PROJECTOR_CASSANDRA_GROUP, 'fleetlog.projector-cassandra');
    assert.ok(c.FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY >= 1);
  });

  it('reads its settings from the environment', () => {
    const c = loadConfig({ FLEETLOG_TOPIC_PREFIX: 'bench-1.', FLEETLOG_CASSANDRA_KEYSPACE: 'test_ks', FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT: '0', FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY: '8' });
    assert.equal(c.FLEETLOG_TOPIC_PREFIX, 'bench-1.');
    assert.equal(c.FLEETLOG_CASSANDRA_KEYSPACE, 'test_ks');
    assert.equal(c.FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT, 0);
    assert.equal(c.FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY, 8);
  });

  it('lists every invalid setting at once', () => {
    assert.throws(
      () => loadConfig({ FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT: '70000', FLEETLOG_CASSANDRA_KEYSPACE: 'Bad-Name', FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY: '0', FLEETLOG_TOPIC_PREFIX: 'a b' }),
      (e: Error) =>
        ['FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT', 'FLEETLOG_CASSANDRA_KEYSPACE', 'FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY', 'FLEETLOG_TOPIC_PREFIX'].every((k) => e.message.includes(k)),
    );
  });
});
