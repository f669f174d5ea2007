// Test data for device specs (not exported from the lib).
import type { DeviceIdentity } from '../values/device-identity.js';
import type { DeviceEvent } from './events.js';
import type { RegisterDevice } from './commands.js';

export const T0 = 1_700_000_000_000;
export const minutes = (n: number): number => n * 60_000;

export const cwmpIdentity: DeviceIdentity = {
  manufacturer: 'ACME',
  oui: '00D09E',
  productClass: 'IGD',
  serialNumber: 'SN-0001',
  endpointId: null,
  vendor: null,
  clientId: null,
};
export const cwmpDeviceId = '00D09E-IGD-SN%2D0001';

export const registerCwmp = (overrides: Partial<RegisterDevice['data']> = {}): RegisterDevice => ({
  type: 'RegisterDevice',
  data: {
    tenantId: 'acme',
    deviceId: cwmpDeviceId,
    protocol: 'CWMP',
    identity: { manufacturer: 'ACME', oui: '00d09e', productClass: 'IGD', serialNumber: 'SN-0001' },
    now: T0,
    ...overrides,
  },
});

export const cwmpRegistered: DeviceEvent = {
  type: 'DeviceRegistered',
  data: { protocol: 'CWMP', identity: cwmpIdentity },
  occurredAt: T0,
};

export const wentOnline = (at: number, expectedIntervalSeconds: number | null = 300): DeviceEvent => ({
  type: 'DeviceWentOnline',
  data: { via: 'cwmp-session', expectedIntervalSeconds },
  occurredAt: at,
});
