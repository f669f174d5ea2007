import { describe, it } from 'node:test';
import { deciderSpec } from '../testing/decider-spec.js';
import type { CompleteCommand, FailCommand } from './commands.js';
import { commandDecider } from './decider.js';
import { DEADLINE, T0, deviceId, dispatched, requested } from './fixtures.js';

const { given } = deciderSpec(commandDecider);

const complete = (result: unknown, now = T0 + 5000): CompleteCommand => ({ type: 'CompleteCommand', data: { result, now } });
const failWith = (data: Partial<FailCommand['data']> = {}): FailCommand => ({
  type: 'FailCommand',
  data: { code: 'CWMP_FAULT', message: 'Request denied', faultCode: 9001, now: T0 + 5000, ...data },
});

describe('CompleteCommand', () => {
  it('records success with the result as JSON text', () => {
    given([requested, dispatched(1)])
      .when(complete({ values: [{ path: 'Device.DeviceInfo.Uptime', value: '42' }] }))
      .then([
        {
          type: 'CommandSucceeded',
          data: { deviceId, result: '{"values":[{"path":"Device.DeviceInfo.Uptime","value":"42"}]}' },
          occurredAt: T0 + 5000,
        },
      ]);
  });

  it('accepts a late answer after the deadline if the command has not expired yet', () => {
    given([requested, dispatched(1)])
      .when(complete({}, DEADLINE + 1000))
      .then([{ type: 'CommandSucceeded', data: { deviceId, result: '{}' }, occurredAt: DEADLINE + 1000 }]);
  });

  it('fails with COMMAND_NOT_DISPATCHED for a command never sent', () => {
    given([requested]).when(complete({})).thenFails('COMMAND_NOT_DISPATCHED');
  });

  it('fails with INVALID_FIELD when the result is not a JSON object', () => {
    for (const result of [null, [1], 'done', { at: new Date(0) }, undefined]) {
      given([requested, dispatched(1)]).when(complete(result)).thenFails('INVALID_FIELD');
    }
  });

  it('fails with COMMAND_NOT_FOUND when the command was never requested', () => {
    given([]).when(complete({})).thenFails('COMMAND_NOT_FOUND');
  });
});

describe('FailCommand', () => {
  it('records the device fault', () => {
    given([requested, dispatched(1)])
      .when(failWith())
      .then([{ type: 'CommandFailed', data: { deviceId, code: 'CWMP_FAULT', message: 'Request denied', faultCode: 9001 }, occurredAt: T0 + 5000 }]);
  });

  it('records an undeliverable command before any dispatch, without a fault code', () => {
    given([requested])
      .when(failWith({ code: 'DEVICE_REJECTED', message: '', faultCode: undefined }))
      .then([{ type: 'CommandFailed', data: { deviceId, code: 'DEVICE_REJECTED', message: '', faultCode: null }, occurredAt: T0 + 5000 }]);
  });

  it('fails with INVALID_FIELD for a code that is not UPPER_SNAKE, a non-string message or a bad fault code', () => {
    given([requested]).when(failWith({ code: 'cwmp fault' })).thenFails('INVALID_FIELD');
    given([requested]).when(failWith({ message: 42 as never })).thenFails('INVALID_FIELD');
    for (const faultCode of [-1, 1.5, 2 ** 31]) given([requested]).when(failWith({ faultCode })).thenFails('INVALID_FIELD');
  });

  it('fails with COMMAND_NOT_FOUND when the command was never requested', () => {
    given([]).when(failWith()).thenFails('COMMAND_NOT_FOUND');
  });
});
