import { describe, it } from 'node:test';
import { deciderSpec } from '../testing/decider-spec.js';
import { deviceDecider } from './decider.js';
import type { DeviceEvent } from './events.js';
import { T0, cwmpIdentity, cwmpRegistered, minutes, wentOnline } from './fixtures.js';
import type { RegisteredDevice } from './state.js';

const { given } = deciderSpec(deviceDecider);

const fresh: RegisteredDevice = {
  status: 'registered',
  protocol: 'CWMP',
  identity: cwmpIdentity,
  registeredAt: T0,
  online: false,
  lastContactAt: null,
  expectedIntervalSeconds: null,
  tags: new Set(),
  parameters: new Map(),
};

const reported = (at: number, parameters: Extract<DeviceEvent, { type: 'DeviceParametersReported' }>['data']['parameters']): DeviceEvent => ({
  type: 'DeviceParametersReported',
  data: { origin: 'get', parameters },
  occurredAt: at,
});

describe('Device state', () => {
  it('starts unregistered', () => {
    given([]).thenState({ status: 'unregistered' });
  });

  it('ignores events of a device that was never registered', () => {
    given([wentOnline(T0), { type: 'DeviceTagged', data: { tag: 'x' }, occurredAt: T0 }]).thenState({ status: 'unregistered' });
  });

  it('is registered, offline, untagged and without parameters after DeviceRegistered', () => {
    given([cwmpRegistered]).thenState(fresh);
  });

  it('keeps the first registration', () => {
    given([cwmpRegistered, { type: 'DeviceRegistered', data: { protocol: 'MQTT', identity: cwmpIdentity }, occurredAt: T0 + 1 }]).thenState(fresh);
  });

  it('tracks the latest value of each parameter and keeps known writability', () => {
    given([
      cwmpRegistered,
      reported(T0 + 1, [{ path: 'Device.A', value: '1', valueType: 'int', writable: true }]),
      reported(T0 + 2, [
        { path: 'Device.A', value: '2', valueType: 'int', writable: null },
        { path: 'Device.B', value: 'x', valueType: 'string', writable: false },
      ]),
    ]).thenState({
      ...fresh,
      lastContactAt: T0 + 2,
      parameters: new Map([
        ['Device.A', { value: '2', valueType: 'int', writable: true, reportedAt: T0 + 2 }],
        ['Device.B', { value: 'x', valueType: 'string', writable: false, reportedAt: T0 + 2 }],
      ]),
    });
  });

  it('goes online and offline, keeping the latest contact and the promised interval', () => {
    given([cwmpRegistered, wentOnline(T0 + minutes(1), 300)]).thenState({
      ...fresh,
      online: true,
      lastContactAt: T0 + minutes(1),
      expectedIntervalSeconds: 300,
    });
    given([
      cwmpRegistered,
      wentOnline(T0 + minutes(1), 300),
      { type: 'DeviceWentOffline', data: { lastContactAt: T0 + minutes(4), reason: 'disconnected' }, occurredAt: T0 + minutes(9) },
      wentOnline(T0 + minutes(10), null),
    ]).thenState({ ...fresh, online: true, lastContactAt: T0 + minutes(10), expectedIntervalSeconds: 300 });
  });

  it('keeps a set of tags', () => {
    given([
      cwmpRegistered,
      { type: 'DeviceTagged', data: { tag: 'a' }, occurredAt: T0 },
      { type: 'DeviceTagged', data: { tag: 'b' }, occurredAt: T0 },
      { type: 'DeviceUntagged', data: { tag: 'a' }, occurredAt: T0 },
    ]).thenState({ ...fresh, tags: new Set(['b']) });
  });
});
