import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commandDecider } from './command/decider.js';
import { request, requested, dispatched, succeeded, DEADLINE } from './command/fixtures.js';
import { deviceDecider } from './device/decider.js';
import { cwmpRegistered, registerCwmp } from './device/fixtures.js';
import { domainErrorCodes, isDomainErrorCode, withContext } from './errors.js';
import type { DomainErrorCode } from './errors.js';
import type { Result } from './result.js';
import { validateCommandArguments } from './values/command-kinds/validate-command-arguments.js';
import { deviceIdOf, parseDeviceId } from './values/device-id.js';
import { parseParameterPath } from './values/parameter-path.js';
import { parseChannel, parseProtocol } from './values/protocol.js';
import { parsePrincipal } from './values/principal.js';
import { parseTag } from './values/tag.js';
import { parseTenantId } from './values/tenant-id.js';
import { parseEpochMillis } from './values/timestamp.js';
import { parseParameterValue, parseValueType } from './values/value-type.js';

const device = (events: Parameters<typeof deviceDecider.evolve>[1][]) => events.reduce(deviceDecider.evolve, deviceDecider.initialState());
const command = (events: Parameters<typeof commandDecider.evolve>[1][]) => events.reduce(commandDecider.evolve, commandDecider.initialState());

// One way to provoke each code through the public API. Typed as a Record, so a new code
// without a way to reach it does not compile.
const provokers: Record<DomainErrorCode, () => Result<unknown>> = {
  UNKNOWN_PROTOCOL: () => parseProtocol('SNMP'),
  INVALID_TENANT_ID: () => parseTenantId(''),
  INVALID_DEVICE_ID: () => parseDeviceId('a:b:c:d'),
  INVALID_DEVICE_IDENTITY: () => deviceIdOf({ protocol: 'CWMP', oui: 'xyz', productClass: null, serialNumber: '1' }),
  INVALID_ENDPOINT_ID: () => deviceIdOf({ protocol: 'USP', endpointId: 'oui::x' }),
  INVALID_PARAMETER_PATH: () => parseParameterPath('Device..X'),
  UNKNOWN_VALUE_TYPE: () => parseValueType('float'),
  INVALID_PARAMETER_VALUE: () => parseParameterValue('boolean', 'yes'),
  INVALID_TAG: () => parseTag(''),
  INVALID_TIMESTAMP: () => parseEpochMillis('now', -1),
  INVALID_CHANNEL: () => parseChannel('MQTT', 'cwmp-session'),
  INVALID_PRINCIPAL: () => parsePrincipal('requestedBy', 'root'),
  INVALID_FIELD: () => deviceDecider.decide({ type: 'MarkOffline', data: { reason: '?', now: 1 } }, device([cwmpRegistered])),
  UNKNOWN_COMMAND_KIND: () => validateCommandArguments('CWMP', 'cwmp.Nope', {}),
  COMMAND_KIND_PROTOCOL_MISMATCH: () => validateCommandArguments('MQTT', 'cwmp.Reboot', {}),
  INVALID_COMMAND_ARGUMENTS: () => validateCommandArguments('CWMP', 'cwmp.Reboot', { commandKey: 1 }),
  DEVICE_NOT_REGISTERED: () => deviceDecider.decide({ type: 'TagDevice', data: { tag: 'x', now: 1 } }, device([])),
  DEVICE_ALREADY_REGISTERED: () => deviceDecider.decide(registerCwmp(), device([cwmpRegistered])),
  DEVICE_ID_MISMATCH: () => deviceDecider.decide(registerCwmp({ deviceId: '00D09E-X' }), device([])),
  INVALID_COMMAND_ID: () => commandDecider.decide(request({ commandId: '' }), command([])),
  INVALID_DEADLINE: () => commandDecider.decide(request({ deadline: 0 }), command([])),
  COMMAND_NOT_FOUND: () => commandDecider.decide({ type: 'ExpireCommand', data: { now: DEADLINE } }, command([])),
  COMMAND_ALREADY_REQUESTED: () => commandDecider.decide(request({ requestedBy: 'user:other' }), command([requested])),
  COMMAND_NOT_DISPATCHED: () => commandDecider.decide({ type: 'CompleteCommand', data: { result: {}, now: 1 } }, command([requested])),
  COMMAND_NOT_DUE: () => commandDecider.decide({ type: 'ExpireCommand', data: { now: DEADLINE - 1 } }, command([requested])),
  COMMAND_DEADLINE_PASSED: () => commandDecider.decide({ type: 'DispatchCommand', data: { channel: 'cwmp-session', now: DEADLINE } }, command([requested])),
  COMMAND_ALREADY_COMPLETED: () => commandDecider.decide({ type: 'ExpireCommand', data: { now: DEADLINE } }, command([requested, dispatched(1), succeeded])),
};

describe('Domain errors', () => {
  for (const code of domainErrorCodes) {
    it(`${code} is reachable and carries a message`, () => {
      const result = provokers[code]();
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, code);
      assert.ok(result.error.message.length > 0);
    });
  }

  it('has unique, UPPER_SNAKE codes', () => {
    assert.equal(new Set(domainErrorCodes).size, domainErrorCodes.length);
    for (const code of domainErrorCodes) assert.match(code, /^[A-Z]+(?:_[A-Z]+)*$/);
  });

  it('recognises its own codes', () => {
    assert.equal(isDomainErrorCode('COMMAND_NOT_DUE'), true);
    assert.equal(isDomainErrorCode('NOT_A_CODE'), false);
    assert.equal(isDomainErrorCode(undefined), false);
  });

  it('adds context to a message but keeps the code and problems', () => {
    const result = validateCommandArguments('CWMP', 'cwmp.Reboot', { commandKey: 1 });
    assert.ok(!result.ok);
    const wrapped = withContext(result.error, 'commands[2]');
    assert.equal(wrapped.code, 'INVALID_COMMAND_ARGUMENTS');
    assert.match(wrapped.message, /^commands\[2\]: Invalid arguments for cwmp\.Reboot/);
    assert.deepEqual('problems' in wrapped ? wrapped.problems : undefined, ['arguments.commandKey: must be a string, got 1']);
  });
});
