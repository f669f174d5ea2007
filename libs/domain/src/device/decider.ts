import type { Decider } from '../decider.js';
import type { DeviceCommand } from './commands.js';
import { decideDevice } from './decide.js';
import type { DeviceEvent } from './events.js';
import { evolveDevice, initialDeviceState } from './state.js';
import type { DeviceState } from './state.js';

// One device of one tenant; aggregate id = device id, stream key = tenantId/deviceId.
export const deviceDecider: Decider<DeviceState, DeviceCommand, DeviceEvent> = {
  decide: decideDevice,
  evolve: evolveDevice,
  initialState: initialDeviceState,
};
