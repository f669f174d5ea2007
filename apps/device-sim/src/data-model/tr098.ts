import type { ModelDefinition } from './parameter-spec.js';
import { numberOfEntries, object, ro, rw, table } from './parameter-spec.js';
import type { DeviceIdentity, ManagementSettings } from './device-profile.js';
import { deviceInfoSeed, deviceInfoSpec, hostSeeds, hostSpec, macAddress, managementServerSeed, managementServerSpec, ssidName, wanAddress } from './device-profile.js';
import type { ModelOptions } from './tr181.js';

/**
 * The same gateway in the older TR-098 (`InternetGatewayDevice:1`) shape, which much of the
 * installed base still reports: WLANConfiguration and Hosts under LANDevice, the WAN address
 * under WANDevice.
 */
export const tr098Definition = (identity: DeviceIdentity, management: ManagementSettings, options: ModelOptions = {}): ModelDefinition => {
  const { serialNumber } = identity;
  return {
    rootName: 'InternetGatewayDevice',
    root: object({
      DeviceSummary: ro('string', 'InternetGatewayDevice:1.4[](Baseline:1, EthernetLAN:1, WiFiLAN:1, Time:1)', { inform: true }),
      DeviceInfo: object(deviceInfoSpec()),
      ManagementServer: object(managementServerSpec()),
      LANDeviceNumberOfEntries: numberOfEntries('LANDevice'),
      LANDevice: table(
        {
          LANWLANConfigurationNumberOfEntries: numberOfEntries('WLANConfiguration'),
          WLANConfiguration: table(
            {
              Enable: rw('boolean', 'false'),
              Status: ro('string', 'Disabled', { constraint: { enumeration: ['Up', 'Error', 'Disabled'] } }),
              SSID: rw('string', '', { constraint: { maxLength: 32 } }),
              BSSID: ro('string'),
            },
            { writable: true, maxEntries: 8 },
          ),
          Hosts: object({ HostNumberOfEntries: numberOfEntries('Host'), Host: table(hostSpec(), { writable: false }) }),
        },
        { writable: false },
      ),
      WANDeviceNumberOfEntries: numberOfEntries('WANDevice'),
      WANDevice: table(
        {
          WANConnectionDevice: table(
            {
              WANIPConnection: table(
                {
                  Enable: rw('boolean', 'false'),
                  ConnectionStatus: ro('string', 'Unconfigured'),
                  ExternalIPAddress: rw('string', '', { constraint: { maxLength: 15 } }),
                },
                { writable: true, maxEntries: 4 },
              ),
            },
            { writable: true, maxEntries: 4 },
          ),
        },
        { writable: false },
      ),
    }),
    seed: {
      DeviceInfo: deviceInfoSeed(identity),
      ManagementServer: managementServerSeed(management),
      LANDevice: [
        {
          WLANConfiguration: [{ Enable: 'true', Status: 'Up', SSID: ssidName(serialNumber, ''), BSSID: macAddress(serialNumber, 2) }],
          Hosts: { Host: hostSeeds(serialNumber, options.hosts ?? 2, (i) => `192.168.1.${100 + i}`) },
        },
      ],
      WANDevice: [
        { WANConnectionDevice: [{ WANIPConnection: [{ Enable: 'true', ConnectionStatus: 'Connected', ExternalIPAddress: wanAddress(serialNumber) }] }] },
      ],
    },
  };
};
