import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '@fleetlog/mqtt-vendors/testing';
import { createMqttDevice, type MqttDevice, type MqttDeviceOptions } from './device.js';

export interface MqttFleetOptions extends Omit<MqttDeviceOptions, 'vendor' | 'clientId'> {
  /** Devices of each vendor, e.g. { generic: 10, shelly: 5, dji: 1 }. */
  devices: Readonly<Record<string, number>>;
  /** Pause between two connects, so the fleet does not arrive at once. */
  staggerMs?: number;
}

export interface MqttFleet {
  readonly devices: readonly MqttDevice[];
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Client ids shaped like each vendor's: Shelly `shellyplus1pm-<mac>`, DJI a dock serial number, generic a
 * serial. They are unique across the broker (client ids are), and the same for a seed and tenant.
 */
export const clientIdOf = (vendor: string, tenantId: string, seed: number, index: number): string => {
  const random = seededRandom(seed, `${tenantId}/${vendor}/${index}`);
  switch (vendor) {
    case 'shelly':
      return `shellyplus1pm-${random.hex(12)}`;
    case 'dji':
      return `7CTDM${random.hex(9).toUpperCase()}`;
    default:
      return `${vendor}-${random.hex(10)}`;
  }
};

/** Many simulated devices of several vendors on one broker. */
export const createMqttFleet = (options: MqttFleetOptions): MqttFleet => {
  const { devices: counts, staggerMs = 0, ...common } = options;
  const seed = common.seed ?? 1;
  const devices = Object.entries(counts).flatMap(([vendor, count]) =>
    Array.from({ length: count }, (_, i) => createMqttDevice({ ...common, vendor, clientId: clientIdOf(vendor, common.tenantId, seed, i), seed: seed + i })),
  );
  return {
    devices,
    start: async () => {
      for (const device of devices) {
        await device.start();
        if (staggerMs > 0) await sleep(staggerMs);
      }
    },
    stop: async () => {
      await Promise.allSettled(devices.map((device) => device.stop()));
    },
  };
};
