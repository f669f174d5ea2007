import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideDevice, initialDeviceState } from '@fleetlog/domain';
import { avroTypeOf } from './serde.js';
import { toDomainEvent, toRecord } from './from-domain.js';

describe('domain events as Avro records', () => {
  it('wraps what a decider decides into a record that its Avro schema accepts, and back', () => {
    const decision = decideDevice(
      {
        type: 'RegisterDevice',
        data: {
          tenantId: 'acme',
          deviceId: '00D09E-IGD-SN0001',
          protocol: 'CWMP',
          identity: { manufacturer: 'Example', oui: '00D09E', productClass: 'IGD', serialNumber: 'SN0001', endpointId: null, vendor: null, clientId: null },
          now: 1_790_000_000_000,
        },
      },
      initialDeviceState(),
    );
    assert.ok(decision.ok, JSON.stringify(decision));
    const [event] = decision.value;
    const record = toRecord(event!, {
      eventId: 'e-1',
      tenantId: 'acme',
      aggregateId: '00D09E-IGD-SN0001',
      recordedAt: 1_790_000_000_005,
      correlationId: 'c-1',
      causationId: null,
      source: { app: 'test', instance: '1' },
    });
    assert.equal(record.type, 'DeviceRegistered');
    assert.equal(record.occurredAt, 1_790_000_000_000);
    assert.ok(avroTypeOf('DeviceRegistered').isValid(record));
    const back = avroTypeOf('DeviceRegistered').fromBuffer(avroTypeOf('DeviceRegistered').toBuffer(record));
    assert.deepEqual(structuredClone(toDomainEvent(back)), event);
  });
});
