// Test helpers, imported as @fleetlog/mqtt-vendors/testing (kept out of the runtime API): simulated devices
// for each vendor and the documented sample payloads the adapters are tested against.
import { DJI_VENDOR } from '../vendors/dji/adapter.js';
import { GENERIC_VENDOR } from '../vendors/generic/format.js';
import { SHELLY_VENDOR } from '../vendors/shelly/adapter.js';
import { simulateDjiDock } from './dji-device.js';
import { simulateGenericDevice } from './generic-device.js';
import { simulateShellyDevice } from './shelly-device.js';
import type { SimulatedDevice, SimulatedDeviceOptions } from './simulated-device.js';

export type { SimulatedDevice, SimulatedDeviceOptions } from './simulated-device.js';
export { simulateGenericDevice } from './generic-device.js';
export { simulateShellyDevice } from './shelly-device.js';
export { simulateDjiDock, SIMULATED_UNSUPPORTED_SERVICE } from './dji-device.js';
export { seededRandom } from './random.js';
export type { Random } from './random.js';
export { codeOf, jsonOf, messagesOfType, payloadOf, samplesByMetric, uplinkOf, valueOf } from './uplink.js';

export const simulators: Readonly<Record<string, (options: SimulatedDeviceOptions) => SimulatedDevice>> = {
  [GENERIC_VENDOR]: simulateGenericDevice,
  [SHELLY_VENDOR]: simulateShellyDevice,
  [DJI_VENDOR]: simulateDjiDock,
};
