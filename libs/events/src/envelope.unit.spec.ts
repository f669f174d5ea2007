import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { deterministicEventId, keyOf } from './envelope.js';
import { isEventsError } from './errors.js';
import type { AnyEvent, CommandRequested, IngressRejected, TenantCreated } from './generated/index.js';
import { sampleParametersReported } from './testing/stack.js';

const envelope = { eventId: 'e', tenantId: 'acme', occurredAt: 1, recordedAt: 2, correlationId: 'c', causationId: null, source: { app: 'a', instance: 'i' } };

describe('deterministicEventId', () => {
  it('gives the same RFC 4122 version-5-shaped id for the same parts, and different ids otherwise', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 5 }), fc.string({ minLength: 1 }), (parts, extra) => {
        const id = deterministicEventId(...parts);
        assert.equal(id, deterministicEventId(...parts));
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.notEqual(id, deterministicEventId(...parts, extra));
      }),
    );
  });

  it('does not confuse part boundaries', () => {
    assert.notEqual(deterministicEventId('ab', 'c'), deterministicEventId('a', 'bc'));
  });
});

describe('keyOf', () => {
  it('keys device events by tenant and device', () => {
    assert.equal(keyOf(sampleParametersReported('acme', 'dev-1', 1)), 'acme/dev-1');
  });

  it('keys command events by tenant and the device they target, so they stay in order with its facts', () => {
    const e: CommandRequested = {
      ...envelope,
      type: 'CommandRequested',
      aggregateId: 'cmd-1',
      payload: { deviceId: 'dev-9', protocol: 'CWMP', kind: 'cwmp.Reboot', arguments: '{}', deadline: 10, requestedBy: 'user:u', batchId: null },
    };
    assert.equal(keyOf(e), 'acme/dev-9');
  });

  it('keys tenant events by tenant and rejects by the app that rejected them', () => {
    const t: TenantCreated = { ...envelope, type: 'TenantCreated', aggregateId: 'acme', payload: { name: 'Acme' } };
    assert.equal(keyOf(t), 'acme');
    const r: IngressRejected = {
      eventId: 'e', type: 'IngressRejected', tenantId: null, recordedAt: 1, correlationId: 'c', source: { app: 'cwmp-ingress', instance: 'i' },
      reasonCode: 'X', reason: 'x', protocol: null, remoteAddress: null, contentType: null, originalSize: 3, truncated: false, raw: Buffer.from('abc'),
    };
    assert.equal(keyOf(r), 'cwmp-ingress');
  });

  it('refuses an event type the catalog does not know', () => {
    assert.throws(() => keyOf({ ...envelope, type: 'Nope' } as unknown as AnyEvent), (e) => isEventsError(e, 'EVENTS_UNKNOWN_EVENT_TYPE'));
  });
});
