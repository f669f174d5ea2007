import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventsError, silentLogger, type AnyEvent, type IngressRejected } from '@fleetlog/events';
import { waitFor } from '@fleetlog/events/testing';
import { createPipeline, type Entry } from './pipeline.js';

const event = (id: string) => ({ eventId: id, type: 'TelemetryReported' }) as unknown as AnyEvent;
const ids = (events: AnyEvent[]) => events.map((e) => e.eventId);

/** A Kafka stand-in: records each produce request; `fail` decides per request whether it throws. */
const kafka = (fail: (events: AnyEvent[], call: number) => Error | undefined = () => undefined) => {
  const requests: string[][] = [];
  let calls = 0;
  return {
    requests,
    attempts: () => calls,
    publish: async (events: AnyEvent[]) => {
      const error = fail(events, calls++);
      if (error) throw error;
      requests.push(ids(events));
    },
  };
};

describe('pipeline to Kafka', () => {
  it('gathers what arrives while a request is in flight into the next one, in arrival order, and acknowledges after each', async () => {
    const k = kafka();
    const done: string[] = [];
    const p = createPipeline({ publish: k.publish, maxBatchEvents: 3, logger: silentLogger, onFlushed: () => undefined });
    const entry = (id: string): Entry => ({ events: [event(id)], messages: 1, done: () => void done.push(id) });
    for (const id of ['a', 'b', 'c', 'd', 'e']) p.push(entry(id));
    assert.equal(p.buffered(), 5);
    await p.drained();
    assert.deepEqual(k.requests, [['a', 'b', 'c'], ['d', 'e']]);
    assert.deepEqual(done, ['a', 'b', 'c', 'd', 'e']);
    assert.equal(p.buffered(), 0);
  });

  it('holds everything while Kafka is unavailable and sends it again, in order, once it is back', async () => {
    const unavailable = new EventsError('EVENTS_KAFKA_UNAVAILABLE', 'down', true);
    let down = true;
    const k = kafka(() => (down ? unavailable : undefined));
    const done: string[] = [];
    const p = createPipeline({ publish: k.publish, maxBatchEvents: 100, logger: silentLogger, onFlushed: () => undefined, retryDelayMs: { initial: 5, max: 20 } });
    p.push({ events: [event('a')], messages: 1, done: () => void done.push('a') });
    await waitFor('the first failure', () => !p.healthy());
    p.push({ events: [event('b')], messages: 1, done: () => void done.push('b') });
    await waitFor('a few more tries', () => k.attempts() > 3);
    assert.equal(p.buffered(), 2, 'nothing acknowledged or dropped meanwhile');
    assert.deepEqual(done, []);
    down = false;
    await p.drained();
    assert.equal(p.healthy(), true);
    assert.deepEqual(k.requests.flat(), ['a', 'b']);
    assert.deepEqual(done, ['a', 'b']);
  });

  it('keeps a message whose events fit no schema as a reject, and records the others of its batch', async () => {
    const invalid = new EventsError('EVENTS_INVALID_EVENT', 'value out of range', false);
    const k = kafka((events) => (ids(events).includes('bad') ? invalid : undefined));
    const done: string[] = [];
    const p = createPipeline({ publish: k.publish, maxBatchEvents: 100, logger: silentLogger, onFlushed: () => undefined });
    const reject = { eventId: 'reject-of-bad', type: 'IngressRejected', reasonCode: 'MQTT_EVENT_INVALID' } as unknown as IngressRejected;
    p.push({ events: [event('a')], messages: 1, done: () => void done.push('a') });
    p.push({ events: [event('bad')], messages: 1, done: () => void done.push('bad'), poisoned: () => reject });
    p.push({ events: [event('c')], messages: 1, done: () => void done.push('c') });
    await p.drained();
    assert.deepEqual(k.requests, [['a'], ['reject-of-bad'], ['c']]);
    assert.deepEqual(done, ['a', 'bad', 'c']);
  });

  it('reports what went out, so the caller can resume reading from the broker', async () => {
    const k = kafka();
    const flushed: number[] = [];
    const p = createPipeline({ publish: k.publish, maxBatchEvents: 2, logger: silentLogger, onFlushed: (events) => void flushed.push(events.length) });
    for (const id of ['a', 'b', 'c']) p.push({ events: [event(id)], messages: 1, done: () => undefined });
    p.push({ events: [], messages: 1, done: () => undefined });
    await p.drained();
    assert.deepEqual(flushed, [2, 1]);
    assert.equal(p.buffered(), 0, 'a message without events counts too');
  });
});
