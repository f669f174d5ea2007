import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProjectorError, ProjectorError } from './errors.js';
import { backoffMs, retrying } from './retry.js';

const unavailable = () => new ProjectorError('PROJECTOR_CASSANDRA_UNAVAILABLE', 'no host', true);

describe('retrying a batch', () => {
  it('backs off exponentially up to a cap', () => {
    assert.deepEqual([0, 1, 2, 3, 10, 100].map((a) => backoffMs(a, { initialMs: 100, maxMs: 1000 })), [100, 200, 400, 800, 1000, 1000]);
  });

  it('retries retriable failures, heartbeating while it waits, until the work succeeds', async () => {
    let calls = 0;
    const waits: number[] = [];
    let beats = 0;
    const result = await retrying(
      async () => {
        if (++calls < 4) throw unavailable();
        return 'applied';
      },
      { isRetriable: (e) => isProjectorError(e) && e.retriable, isRunning: () => true, heartbeat: async () => void beats++, sleep: async (ms) => void waits.push(ms), policy: { initialMs: 1500, maxMs: 5000 }, heartbeatEveryMs: 1000 },
    );
    assert.equal(result, 'applied');
    assert.equal(calls, 4);
    // 1500, 3000, 5000 ms of back-off, slept in heartbeat-sized steps.
    assert.deepEqual(waits, [1000, 500, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    assert.equal(beats, waits.length);
  });

  it('throws a failure that is not retriable at once', async () => {
    let calls = 0;
    const refused = new ProjectorError('PROJECTOR_CASSANDRA_REJECTED', 'unconfigured table', false);
    await assert.rejects(
      retrying(async () => {
        calls++;
        throw refused;
      }, { isRetriable: (e) => isProjectorError(e) && e.retriable, isRunning: () => true, heartbeat: async () => {}, sleep: async () => {} }),
      (e) => e === refused,
    );
    assert.equal(calls, 1);
  });

  it('gives up with PROJECTOR_STOPPED once the consumer stops, so the batch is not committed', async () => {
    let running = true;
    await assert.rejects(
      retrying(async () => {
        throw unavailable();
      }, { isRetriable: () => true, isRunning: () => running, heartbeat: async () => {}, sleep: async () => void (running = false) }),
      (e) => isProjectorError(e, 'PROJECTOR_STOPPED') && isProjectorError((e as Error).cause, 'PROJECTOR_CASSANDRA_UNAVAILABLE'),
    );
  });
});
