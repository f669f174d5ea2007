import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deciderSpec } from '../testing/decider-spec.js';
import { commandDecider } from './decider.js';
import { DEADLINE, T0, request, requested, succeeded, dispatched } from './fixtures.js';

const { given } = deciderSpec(commandDecider);

describe('RequestCommand', () => {
  it('records the request with its arguments as JSON text', () => {
    given([]).when(request()).then([requested]);
  });

  it('records the batch of a bulk request', () => {
    given([])
      .when(request({ batchId: 'batch-7' }))
      .then([{ ...requested, data: { ...requested.data, batchId: 'batch-7' } } as typeof requested]);
  });

  it('requests commands of every protocol', () => {
    given([])
      .when(request({ deviceId: 'oui:00D09E:agent-1', protocol: 'USP', kind: 'usp.Operate', arguments: { command: 'Device.Reboot()', commandKey: 'k', sendResp: true, inputArgs: {} } }))
      .then([
        {
          type: 'CommandRequested',
          data: {
            deviceId: 'oui:00D09E:agent-1',
            protocol: 'USP',
            kind: 'usp.Operate',
            arguments: '{"command":"Device.Reboot()","commandKey":"k","sendResp":true,"inputArgs":{}}',
            deadline: DEADLINE,
            requestedBy: 'user:42',
            batchId: null,
          },
          occurredAt: T0,
        },
      ]);
    given([])
      .when(request({ deviceId: 'tasmota:DVES_1', protocol: 'MQTT', kind: 'mqtt.Downlink', arguments: { payload: { POWER: 'ON' } }, requestedBy: 'apikey:k1' }))
      .then([
        {
          type: 'CommandRequested',
          data: {
            deviceId: 'tasmota:DVES_1',
            protocol: 'MQTT',
            kind: 'mqtt.Downlink',
            arguments: '{"payload":{"POWER":"ON"}}',
            deadline: DEADLINE,
            requestedBy: 'apikey:k1',
            batchId: null,
          },
          occurredAt: T0,
        },
      ]);
  });

  it('recognises a retried identical request and records nothing, whatever the state', () => {
    given([requested]).when(request({ now: T0 + 1000 })).thenNothing();
    given([requested, dispatched(1), succeeded]).when(request({ now: DEADLINE + 1 })).thenNothing();
  });

  it('fails with COMMAND_ALREADY_REQUESTED when the id is reused for a different request', () => {
    given([requested]).when(request({ arguments: { commandKey: 'other' } })).thenFails('COMMAND_ALREADY_REQUESTED');
    given([requested]).when(request({ deadline: DEADLINE + 1 })).thenFails('COMMAND_ALREADY_REQUESTED');
  });

  it('fails with INVALID_DEADLINE unless the deadline is after now', () => {
    given([]).when(request({ deadline: T0 })).thenFails('INVALID_DEADLINE');
    given([]).when(request({ deadline: T0 - 1 })).thenFails('INVALID_DEADLINE');
  });

  it('fails with INVALID_TIMESTAMP for a malformed now or deadline', () => {
    given([]).when(request({ now: -1 })).thenFails('INVALID_TIMESTAMP');
    given([]).when(request({ deadline: 1.5 })).thenFails('INVALID_TIMESTAMP');
  });

  it('fails with INVALID_COMMAND_ID for a malformed command id', () => {
    for (const commandId of ['', 'has space', '-leading', 'x'.repeat(129)]) given([]).when(request({ commandId })).thenFails('INVALID_COMMAND_ID');
  });

  it('fails with INVALID_TENANT_ID for a malformed tenant', () => {
    given([]).when(request({ tenantId: 'Acme' })).thenFails('INVALID_TENANT_ID');
  });

  it('fails with UNKNOWN_PROTOCOL for a protocol it does not speak', () => {
    given([]).when(request({ protocol: 'SNMP' })).thenFails('UNKNOWN_PROTOCOL');
  });

  it('fails with INVALID_DEVICE_ID for a malformed id or one of another protocol', () => {
    given([]).when(request({ deviceId: 'not an id' })).thenFails('INVALID_DEVICE_ID');
    const error = given([]).when(request({ deviceId: 'tasmota:DVES_1' })).thenFails('INVALID_DEVICE_ID');
    assert.match(error.message, /MQTT id, not CWMP/);
  });

  it('fails with UNKNOWN_COMMAND_KIND, COMMAND_KIND_PROTOCOL_MISMATCH or INVALID_COMMAND_ARGUMENTS from the catalog', () => {
    given([]).when(request({ kind: 'cwmp.SelfDestruct' })).thenFails('UNKNOWN_COMMAND_KIND');
    given([]).when(request({ kind: 'usp.Get' })).thenFails('COMMAND_KIND_PROTOCOL_MISMATCH');
    const error = given([]).when(request({ kind: 'cwmp.ScheduleInform', arguments: {} })).thenFails('INVALID_COMMAND_ARGUMENTS');
    assert.deepEqual('problems' in error ? error.problems : [], ['arguments.delaySeconds: is required']);
  });

  it('fails with INVALID_PRINCIPAL when requestedBy is not user:<id> or apikey:<id>', () => {
    given([]).when(request({ requestedBy: 'root' })).thenFails('INVALID_PRINCIPAL');
  });

  it('fails with INVALID_FIELD for a malformed batch id', () => {
    given([]).when(request({ batchId: 'batch 7' })).thenFails('INVALID_FIELD');
  });
});
