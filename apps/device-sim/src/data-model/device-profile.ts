import type { ComputeContext, NodeSpec, Seed } from './parameter-spec.js';
import { ro, rw } from './parameter-spec.js';

/** Who the simulated device is: the DeviceInfo values and the DeviceIdStruct of every Inform. */
export interface DeviceIdentity {
  manufacturer: string;
  /** Six upper-case hex digits. */
  oui: string;
  productClass: string;
  serialNumber: string;
  softwareVersion: string;
  hardwareVersion: string;
  provisioningCode: string;
}

/** The factory settings of ManagementServer: where the ACS is and how both sides authenticate. */
export interface ManagementSettings {
  url: string;
  username: string;
  password: string;
  periodicInformEnable: boolean;
  /** Seconds. */
  periodicInformInterval: number;
  connectionRequestUsername: string;
  connectionRequestPassword: string;
}

const upTime = (ctx: ComputeContext) => String(Math.max(0, Math.floor((ctx.now - ctx.bootedAt) / 1000)));

// DeviceInfo and ManagementServer read the same in TR-181 (Device:2) and TR-098 (InternetGatewayDevice:1).
export const deviceInfoSpec = (): Record<string, NodeSpec> => ({
  Manufacturer: ro('string', '', { constraint: { maxLength: 64 } }),
  ManufacturerOUI: ro('string', '', { constraint: { maxLength: 6 } }),
  ModelName: ro('string'),
  Description: ro('string'),
  ProductClass: ro('string', '', { constraint: { maxLength: 64 } }),
  SerialNumber: ro('string', '', { constraint: { maxLength: 64 } }),
  HardwareVersion: ro('string', '', { inform: true, constraint: { maxLength: 64 } }),
  SoftwareVersion: ro('string', '', { inform: true, activeNotify: 'forced', constraint: { maxLength: 64 } }),
  ProvisioningCode: rw('string', '', { inform: true, activeNotify: 'forced', constraint: { maxLength: 64 } }),
  // Changes every second: TR-069 lets a CPE refuse active notification on it.
  UpTime: ro('unsignedInt', upTime, { activeNotify: 'denied' }),
});

export const deviceInfoSeed = (identity: DeviceIdentity): Seed => ({
  Manufacturer: identity.manufacturer,
  ManufacturerOUI: identity.oui,
  ModelName: identity.productClass,
  Description: `${identity.manufacturer} ${identity.productClass} (Fleetlog simulator)`,
  ProductClass: identity.productClass,
  SerialNumber: identity.serialNumber,
  HardwareVersion: identity.hardwareVersion,
  SoftwareVersion: identity.softwareVersion,
  ProvisioningCode: identity.provisioningCode,
});

export const managementServerSpec = (): Record<string, NodeSpec> => ({
  URL: rw('string', '', { constraint: { maxLength: 256 } }),
  Username: rw('string', '', { constraint: { maxLength: 256 } }),
  Password: rw('string', '', { secret: true, constraint: { maxLength: 256 } }),
  PeriodicInformEnable: rw('boolean', 'true'),
  PeriodicInformInterval: rw('unsignedInt', '3600', { constraint: { min: 1 } }),
  PeriodicInformTime: rw('dateTime', '0001-01-01T00:00:00Z'),
  ParameterKey: ro('string', '', { inform: true, constraint: { maxLength: 32 } }),
  ConnectionRequestURL: ro('string', '', { inform: true, activeNotify: 'forced', constraint: { maxLength: 256 } }),
  ConnectionRequestUsername: rw('string', '', { constraint: { maxLength: 256 } }),
  ConnectionRequestPassword: rw('string', '', { secret: true, constraint: { maxLength: 256 } }),
  UpgradesManaged: rw('boolean', 'false'),
});

export const managementServerSeed = (settings: ManagementSettings): Seed => ({
  URL: settings.url,
  Username: settings.username,
  Password: settings.password,
  PeriodicInformEnable: String(settings.periodicInformEnable),
  PeriodicInformInterval: String(settings.periodicInformInterval),
  ConnectionRequestUsername: settings.connectionRequestUsername,
  ConnectionRequestPassword: settings.connectionRequestPassword,
});

export const wifiSsidSpec = (): Record<string, NodeSpec> => ({
  Enable: rw('boolean', 'false'),
  Status: ro('string', 'Down', { constraint: { enumeration: ['Up', 'Down', 'Unknown', 'Dormant', 'NotPresent', 'LowerLayerDown', 'Error'] } }),
  Name: ro('string'),
  SSID: rw('string', '', { constraint: { maxLength: 32 } }),
  BSSID: ro('string'),
  MACAddress: ro('string'),
});

export const hostSpec = (): Record<string, NodeSpec> => ({
  PhysAddress: ro('string'),
  IPAddress: ro('string'),
  AddressSource: ro('string', 'DHCP', { constraint: { enumeration: ['DHCP', 'Static', 'AutoIP', 'None'] } }),
  HostName: ro('string'),
  Active: ro('boolean', 'true'),
});

/** A small stable number per serial, so each simulated device gets its own addresses and names. */
export const serialHash = (serialNumber: string): number => {
  let hash = 2166136261;
  for (const char of serialNumber) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
};

export const macAddress = (serialNumber: string, index: number): string => {
  const hash = serialHash(`${serialNumber}/${index}`);
  // 02: a locally administered unicast address, so it never collides with a real vendor's.
  const bytes = [0x02, (hash >>> 24) & 0xff, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff, index & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
};

export const wanAddress = (serialNumber: string): string => {
  const hash = serialHash(serialNumber);
  // 100.64.0.0/10 is shared address space (RFC 6598): plausible for a CPE and never routable.
  return `100.${64 + ((hash >>> 16) & 0x3f)}.${(hash >>> 8) & 0xff}.${Math.max(1, hash & 0xfe)}`;
};

export const ssidName = (serialNumber: string, band: string): string => `Fleetlog-${serialNumber.slice(-4)}${band}`;

export const hostSeeds = (serialNumber: string, count: number, addressOf: (i: number) => string): Seed[] =>
  Array.from({ length: count }, (_, i) => ({
    PhysAddress: macAddress(`${serialNumber}/host`, i + 1),
    IPAddress: addressOf(i),
    HostName: `host-${i + 1}`,
    Active: 'true',
  }));
