import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REJECT_RAW_LIMIT } from '@fleetlog/events';
import { deviceEventReported, envelopes, flattenArguments, ingressRejected, messageIdOf } from './records.js';

const source = { app: 'mqtt-ingress', instance: 'test' };

describe('records of MQTT messages', () => {
  it('flattens event details into name/value text: nested objects as dotted names, arrays and scalars as JSON text', () => {
    assert.deepEqual(
      flattenArguments({ door: 2, state: 'open', sensor: { id: 'a', battery: { percent: 80 } }, list: [1, 'x'], none: null, ok: true }).map((a) => ({ ...a })),
      [
        { name: 'door', value: '2' },
        { name: 'state', value: 'open' },
        { name: 'sensor.id', value: 'a' },
        { name: 'sensor.battery.percent', value: '80' },
        { name: 'list', value: '[1,"x"]' },
        { name: 'none', value: 'null' },
        { name: 'ok', value: 'true' },
      ],
    );
  });

  it('names a vendor event <vendor>.<event> and numbers the events of one message from its id', () => {
    const messageId = messageIdOf({ topic: 'fleetlog/acme/generic/devices/d1/events', payload: Buffer.from('{}'), qos: 1, retained: false }, 1000);
    const env = envelopes(messageId, 'acme', 2000, source);
    const first = deviceEventReported(env('generic:d1'), 'generic', { type: 'event', deviceId: 'generic:d1' as never, clientId: 'd1', at: 1000, name: 'door.opened', details: {}, correlationKey: null });
    const second = env('generic:d1');
    assert.equal(first.payload.name, 'generic.door.opened');
    assert.equal(first.eventId, messageId);
    assert.notEqual(second.eventId, messageId);
    assert.equal(second.correlationId, messageId, 'one causal chain per message');
    assert.equal(env('generic:d1', { correlationId: 'op-1', causationId: 'e-1' }).correlationId, 'op-1');
  });

  it('keeps at most the reject cap of an oversized payload, and says so', () => {
    const payload = Buffer.alloc(REJECT_RAW_LIMIT + 10, 0x61);
    const r = ingressRejected({ topic: 't', payload, contentType: 'application/json' }, { tenantId: 'acme', reasonCode: 'MQTT_PAYLOAD_TOO_LARGE', reason: 'too big' }, { eventId: 'e', recordedAt: 1, source });
    assert.equal(r.raw.length, REJECT_RAW_LIMIT);
    assert.equal(r.truncated, true);
    assert.equal(r.originalSize, REJECT_RAW_LIMIT + 10);
    assert.equal(r.reason, 'too big (topic "t")');
    assert.equal(r.contentType, 'application/json');
  });
});
