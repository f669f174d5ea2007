import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deciderSpec } from '../testing/decider-spec.js';
import type { ReportParameters } from './commands.js';
import { deviceDecider } from './decider.js';
import { T0, cwmpRegistered, minutes } from './fixtures.js';

const { given } = deciderSpec(deviceDecider);

const report = (parameters: ReportParameters['data']['parameters'], origin = 'inform'): ReportParameters => ({
  type: 'ReportParameters',
  data: { origin, parameters, now: T0 + minutes(1) },
});

describe('ReportParameters', () => {
  it('records the reported values, writability unknown unless given', () => {
    given([cwmpRegistered])
      .when(
        report([
          { path: 'Device.DeviceInfo.SoftwareVersion', value: '2.1.0', valueType: 'string' },
          { path: 'Device.ManagementServer.PeriodicInformInterval', value: '300', valueType: 'unsignedInt', writable: true },
        ]),
      )
      .then([
        {
          type: 'DeviceParametersReported',
          data: {
            origin: 'inform',
            parameters: [
              { path: 'Device.DeviceInfo.SoftwareVersion', value: '2.1.0', valueType: 'string', writable: null },
              { path: 'Device.ManagementServer.PeriodicInformInterval', value: '300', valueType: 'unsignedInt', writable: true },
            ],
          },
          occurredAt: T0 + minutes(1),
        },
      ]);
  });

  it('records nothing for an empty report', () => {
    given([cwmpRegistered]).when(report([], 'get')).thenNothing();
  });

  it('fails with DEVICE_NOT_REGISTERED for an unknown device', () => {
    given([]).when(report([{ path: 'Device.DeviceInfo.Uptime', value: '5', valueType: 'unsignedInt' }])).thenFails('DEVICE_NOT_REGISTERED');
  });

  it('fails with INVALID_PARAMETER_PATH for a malformed or partial path, saying which parameter', () => {
    const error = given([cwmpRegistered])
      .when(report([{ path: 'Device.DeviceInfo.Uptime', value: '5', valueType: 'unsignedInt' }, { path: 'Device.Device Info', value: 'x', valueType: 'string' }]))
      .thenFails('INVALID_PARAMETER_PATH');
    assert.match(error.message, /^parameters\[1\]: /);
    given([cwmpRegistered]).when(report([{ path: 'Device.DeviceInfo.', value: 'x', valueType: 'string' }])).thenFails('INVALID_PARAMETER_PATH');
  });

  it('fails with UNKNOWN_VALUE_TYPE for a type outside TR-069', () => {
    given([cwmpRegistered]).when(report([{ path: 'Device.X.Y', value: '1.5', valueType: 'float' }])).thenFails('UNKNOWN_VALUE_TYPE');
  });

  it('fails with INVALID_PARAMETER_VALUE when the value does not fit its type', () => {
    const error = given([cwmpRegistered])
      .when(report([{ path: 'Device.DeviceInfo.Uptime', value: '-5', valueType: 'unsignedInt' }]))
      .thenFails('INVALID_PARAMETER_VALUE');
    assert.match(error.message, /Device\.DeviceInfo\.Uptime/);
  });

  it('fails with INVALID_FIELD for an unknown origin or a non-boolean writable', () => {
    given([cwmpRegistered]).when(report([], 'rumour')).thenFails('INVALID_FIELD');
    given([cwmpRegistered])
      .when(report([{ path: 'Device.X.Y', value: 'a', valueType: 'string', writable: 'yes' as never }]))
      .thenFails('INVALID_FIELD');
  });

  it('fails with INVALID_FIELD when parameters is not a list of objects', () => {
    given([cwmpRegistered]).when(report([null as never])).thenFails('INVALID_FIELD');
    given([cwmpRegistered]).when(report({} as never)).thenFails('INVALID_FIELD');
  });

  it('fails with INVALID_TIMESTAMP when now is not epoch millis', () => {
    given([cwmpRegistered]).when({ type: 'ReportParameters', data: { origin: 'get', parameters: [], now: 1.5 } }).thenFails('INVALID_TIMESTAMP');
  });
});
