import { assertNever } from '../assert-never.js';
import type { DeviceIdentity } from '../values/device-identity.js';
import type { Protocol } from '../values/protocol.js';
import type { ValueType } from '../values/value-type.js';
import type { DeviceEvent } from './events.js';

export type CurrentParameter = {
  readonly value: string;
  readonly valueType: ValueType;
  readonly writable: boolean | null;
  readonly reportedAt: number;
};

export type UnregisteredDevice = { readonly status: 'unregistered' };

export type RegisteredDevice = {
  readonly status: 'registered';
  readonly protocol: Protocol;
  readonly identity: DeviceIdentity;
  readonly registeredAt: number;
  readonly online: boolean;
  // Latest contact recorded in events (online transitions and parameter reports); null if none.
  readonly lastContactAt: number | null;
  readonly expectedIntervalSeconds: number | null;
  readonly tags: ReadonlySet<string>;
  readonly parameters: ReadonlyMap<string, CurrentParameter>;
};

export type DeviceState = UnregisteredDevice | RegisteredDevice;

export const initialDeviceState = (): DeviceState => ({ status: 'unregistered' });

const later = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

// Events are facts: evolve applies them as recorded and ignores only those that have no device to apply to.
export const evolveDevice = (state: DeviceState, event: DeviceEvent): DeviceState => {
  if (state.status === 'unregistered') {
    if (event.type !== 'DeviceRegistered') return state;
    return {
      status: 'registered',
      protocol: event.data.protocol,
      identity: event.data.identity,
      registeredAt: event.occurredAt,
      online: false,
      lastContactAt: null,
      expectedIntervalSeconds: null,
      tags: new Set(),
      parameters: new Map(),
    };
  }
  switch (event.type) {
    case 'DeviceRegistered':
      return state;
    case 'DeviceParametersReported': {
      const parameters = new Map(state.parameters);
      for (const { path, value, valueType, writable } of event.data.parameters) {
        // A report without writability (e.g. an Inform) keeps what an earlier report said.
        const known = writable ?? parameters.get(path)?.writable ?? null;
        parameters.set(path, { value, valueType, writable: known, reportedAt: event.occurredAt });
      }
      return { ...state, parameters, lastContactAt: later(state.lastContactAt, event.occurredAt) };
    }
    case 'DeviceWentOnline':
      return {
        ...state,
        online: true,
        lastContactAt: later(state.lastContactAt, event.occurredAt),
        expectedIntervalSeconds: event.data.expectedIntervalSeconds ?? state.expectedIntervalSeconds,
      };
    case 'DeviceWentOffline':
      return { ...state, online: false, lastContactAt: later(state.lastContactAt, event.data.lastContactAt) };
    case 'DeviceTagged':
      return { ...state, tags: new Set(state.tags).add(event.data.tag) };
    case 'DeviceUntagged': {
      const tags = new Set(state.tags);
      tags.delete(event.data.tag);
      return { ...state, tags };
    }
    default:
      return assertNever(event);
  }
};
