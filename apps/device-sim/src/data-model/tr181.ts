import type { ModelDefinition } from './parameter-spec.js';
import { numberOfEntries, object, ro, rw, table } from './parameter-spec.js';
import type { DeviceIdentity, ManagementSettings } from './device-profile.js';
import {
  deviceInfoSeed,
  deviceInfoSpec,
  hostSeeds,
  hostSpec,
  macAddress,
  managementServerSeed,
  managementServerSpec,
  ssidName,
  wanAddress,
  wifiSsidSpec,
} from './device-profile.js';

export interface ModelOptions {
  /** LAN hosts the device reports at boot. */
  hosts?: number;
}

/** A small TR-181 Issue 2 (`Device:2`) home gateway: DeviceInfo, ManagementServer, WiFi SSIDs, IP interfaces, hosts. */
export const tr181Definition = (identity: DeviceIdentity, management: ManagementSettings, options: ModelOptions = {}): ModelDefinition => {
  const { serialNumber } = identity;
  return {
    rootName: 'Device',
    root: object({
      RootDataModelVersion: ro('string', '2.15', { inform: true }),
      DeviceInfo: object(deviceInfoSpec()),
      ManagementServer: object(managementServerSpec()),
      WiFi: object({
        SSIDNumberOfEntries: numberOfEntries('SSID'),
        SSID: table(wifiSsidSpec(), { writable: true, maxEntries: 8 }),
      }),
      IP: object({
        InterfaceNumberOfEntries: numberOfEntries('Interface'),
        Interface: table(
          {
            Enable: rw('boolean', 'false'),
            Status: ro('string', 'Down', { constraint: { enumeration: ['Up', 'Down', 'Unknown', 'Dormant', 'NotPresent', 'LowerLayerDown', 'Error'] } }),
            Name: ro('string'),
            IPv4AddressNumberOfEntries: numberOfEntries('IPv4Address'),
            IPv4Address: table(
              {
                Enable: rw('boolean', 'false'),
                IPAddress: rw('string', '', { constraint: { maxLength: 15 } }),
                SubnetMask: rw('string', '', { constraint: { maxLength: 15 } }),
                AddressingType: ro('string', 'Static', { constraint: { enumeration: ['DHCP', 'IKEv2', 'AutoIP', 'IPCP', 'Static'] } }),
              },
              { writable: true, maxEntries: 4 },
            ),
          },
          { writable: true, maxEntries: 8 },
        ),
      }),
      Hosts: object({
        HostNumberOfEntries: numberOfEntries('Host'),
        // Filled by the device from what it sees on the LAN: the ACS cannot add or delete hosts.
        Host: table(hostSpec(), { writable: false }),
      }),
    }),
    seed: {
      DeviceInfo: deviceInfoSeed(identity),
      ManagementServer: managementServerSeed(management),
      WiFi: {
        SSID: [
          { Enable: 'true', Status: 'Up', Name: 'wl0', SSID: ssidName(serialNumber, ''), BSSID: macAddress(serialNumber, 2), MACAddress: macAddress(serialNumber, 2) },
          { Enable: 'true', Status: 'Up', Name: 'wl1', SSID: ssidName(serialNumber, '-5G'), BSSID: macAddress(serialNumber, 3), MACAddress: macAddress(serialNumber, 3) },
        ],
      },
      IP: {
        Interface: [
          {
            Enable: 'true',
            Status: 'Up',
            Name: 'wan',
            IPv4Address: [{ Enable: 'true', IPAddress: wanAddress(serialNumber), SubnetMask: '255.192.0.0', AddressingType: 'DHCP' }],
          },
          {
            Enable: 'true',
            Status: 'Up',
            Name: 'lan',
            IPv4Address: [{ Enable: 'true', IPAddress: '192.168.1.1', SubnetMask: '255.255.255.0', AddressingType: 'Static' }],
          },
        ],
      },
      Hosts: { Host: hostSeeds(serialNumber, options.hosts ?? 2, (i) => `192.168.1.${100 + i}`) },
    },
  };
};
