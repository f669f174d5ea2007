import type { ModelDefinition, Seed } from './spec.js';
import { asyncCommand, event, numberOfEntries, object, ro, rw, syncCommand, table } from './spec.js';

/** Who the simulated device is: Device.DeviceInfo. */
export interface AgentIdentity {
  manufacturer: string;
  /** Six upper-case hex digits. */
  oui: string;
  modelName: string;
  productClass: string;
  serialNumber: string;
  softwareVersion: string;
  hardwareVersion: string;
}

export interface AgentLinks {
  /** Device.LocalAgent.EndpointID. */
  endpointId: string;
  /** Device.LocalAgent.Controller.1.EndpointID: the one controller this agent answers. */
  controllerId: string;
}

/** The subscriptions every agent leaves the factory with (TR-369 sends Notify only for a subscription). */
export const BOOT_SUBSCRIPTION_ID = 'boot-sub';
export const OPERATION_COMPLETE_SUBSCRIPTION_ID = 'operation-complete-sub';
export const CONTROLLER_REFERENCE = 'Device.LocalAgent.Controller.1';

/** What Boot!'s ParameterMap carries. */
export const BOOT_PARAMETERS = [
  'Device.DeviceInfo.ManufacturerOUI',
  'Device.DeviceInfo.ProductClass',
  'Device.DeviceInfo.SerialNumber',
  'Device.DeviceInfo.SoftwareVersion',
  'Device.DeviceInfo.HardwareVersion',
] as const;

export const IP_PING_INPUT = ['Interface', 'ProtocolVersion', 'Host', 'NumberOfRepetitions', 'Timeout', 'DataBlockSize', 'DSCP'] as const;
export const IP_PING_OUTPUT = [
  'Status',
  'IPAddressUsed',
  'SuccessCount',
  'FailureCount',
  'AverageResponseTime',
  'MinimumResponseTime',
  'MaximumResponseTime',
  'AverageResponseTimeDetailed',
  'MinimumResponseTimeDetailed',
  'MaximumResponseTimeDetailed',
] as const;

const interfaceStatus = { constraint: { enumeration: ['Up', 'Down', 'Unknown', 'Dormant', 'NotPresent', 'LowerLayerDown', 'Error'] } };
const alias = () => rw('string', '', { constraint: { maxLength: 64 } });

// FNV-1a: a stable per-device number, so MAC addresses differ between agents and stay put across runs.
const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
};

/** A locally administered MAC address of the device's n-th interface. */
export const macAddress = (serialNumber: string, n: number): string =>
  [0x02, ...[24, 16, 8, 0].map((shift) => (hash(serialNumber) >>> shift) & 0xff), n & 0xff].map((b) => b.toString(16).padStart(2, '0')).join(':').toUpperCase();

const xsdDateTime = (millis: number): string => new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');

const subscriptionSeed = (id: string, notifType: string, referenceList: string): Seed => ({
  Alias: `cpe-${id}`,
  Enable: 'true',
  ID: id,
  Recipient: CONTROLLER_REFERENCE,
  NotifType: notifType,
  ReferenceList: referenceList,
  Persistent: 'true',
  NotifRetry: 'true',
});

/** A small TR-181 (Device:2) USP agent: DeviceInfo, LocalAgent, WiFi SSIDs, IP interfaces, Time. */
export const tr181Definition = (identity: AgentIdentity, links: AgentLinks): ModelDefinition => {
  const { serialNumber } = identity;
  return {
    rootName: 'Device',
    root: object({
      RootDataModelVersion: ro('string', '2.16'),
      'Reboot()': syncCommand(),
      'FactoryReset()': syncCommand(),
      'Boot!': event(['Cause', 'CommandKey', 'FirmwareUpdated', 'ParameterMap']),
      DeviceInfo: object({
        Manufacturer: ro('string'),
        ManufacturerOUI: ro('string', '', { constraint: { maxLength: 6 } }),
        ModelName: ro('string'),
        ProductClass: ro('string'),
        SerialNumber: ro('string'),
        HardwareVersion: ro('string'),
        SoftwareVersion: ro('string'),
        ProvisioningCode: rw('string', '', { constraint: { maxLength: 64 } }),
        UpTime: ro('unsignedInt', '0', { volatile: true, compute: (ctx) => String(Math.max(0, Math.floor((ctx.now - ctx.bootedAt) / 1000))) }),
      }),
      LocalAgent: object({
        EndpointID: ro('string'),
        SupportedProtocols: ro('string', 'MQTT'),
        ControllerNumberOfEntries: numberOfEntries('Controller'),
        SubscriptionNumberOfEntries: numberOfEntries('Subscription'),
        RequestNumberOfEntries: numberOfEntries('Request'),
        // Provisioned, not managed: a controller cannot add or remove itself here.
        Controller: table(
          { Alias: alias(), Enable: rw('boolean', 'true'), EndpointID: ro('string') },
          { access: 'OBJ_READ_ONLY', uniqueKeys: [['Alias'], ['EndpointID']] },
        ),
        Subscription: table(
          {
            Alias: alias(),
            Enable: rw('boolean', 'false'),
            ID: rw('string', '', { constraint: { maxLength: 256 } }),
            Recipient: rw('string', CONTROLLER_REFERENCE),
            NotifType: rw('string', 'ValueChange', { constraint: { enumeration: ['ValueChange', 'ObjectCreation', 'ObjectDeletion', 'OperationComplete', 'Event'] } }),
            ReferenceList: rw('string'),
            Persistent: rw('boolean', 'false'),
            TimeToLive: rw('unsignedInt', '0'),
            NotifRetry: rw('boolean', 'false'),
            NotifExpiration: rw('unsignedInt', '0'),
          },
          { access: 'OBJ_ADD_DELETE', uniqueKeys: [['Alias'], ['Recipient', 'ID']], maxEntries: 64, assign: (i) => ({ Alias: `cpe-${i}`, ID: `sub-${i}` }) },
        ),
        // Asynchronous operations in progress (R-OPR.0); the agent adds and removes them.
        Request: table(
          {
            Alias: alias(),
            Originator: ro('string'),
            Command: ro('string'),
            CommandKey: ro('string'),
            Status: ro('string', 'Requested', { constraint: { enumeration: ['Requested', 'Active', 'Canceling', 'Canceled', 'Success', 'Error'] } }),
          },
          { access: 'OBJ_READ_ONLY', uniqueKeys: [['Alias']], assign: (i) => ({ Alias: `cpe-${i}` }) },
        ),
      }),
      WiFi: object({
        SSIDNumberOfEntries: numberOfEntries('SSID'),
        SSID: table(
          {
            Alias: alias(),
            Enable: rw('boolean', 'false'),
            Status: ro('string', 'Down', interfaceStatus),
            Name: ro('string'),
            SSID: rw('string', '', { constraint: { maxLength: 32 } }),
            BSSID: ro('string'),
            MACAddress: ro('string'),
          },
          {
            access: 'OBJ_ADD_DELETE',
            uniqueKeys: [['Alias'], ['Name'], ['BSSID']],
            maxEntries: 8,
            assign: (i) => ({ Alias: `cpe-${i}`, Name: `ssid${i}`, BSSID: macAddress(serialNumber, 16 + i), MACAddress: macAddress(serialNumber, 16 + i) }),
          },
        ),
      }),
      IP: object({
        InterfaceNumberOfEntries: numberOfEntries('Interface'),
        Interface: table(
          {
            Alias: alias(),
            Enable: rw('boolean', 'false'),
            Status: ro('string', 'Down', interfaceStatus),
            Name: ro('string'),
            'Reset()': syncCommand(),
            IPv4AddressNumberOfEntries: numberOfEntries('IPv4Address'),
            IPv4Address: table(
              {
                Alias: alias(),
                Enable: rw('boolean', 'false'),
                IPAddress: rw('string', '', { constraint: { maxLength: 15 } }),
                SubnetMask: rw('string', '', { constraint: { maxLength: 15 } }),
                AddressingType: ro('string', 'Static', { constraint: { enumeration: ['DHCP', 'IKEv2', 'AutoIP', 'IPCP', 'Static'] } }),
              },
              { access: 'OBJ_ADD_DELETE', uniqueKeys: [['Alias']], maxEntries: 4, assign: (i) => ({ Alias: `cpe-${i}` }) },
            ),
            Stats: object({ BytesSent: ro('unsignedLong', '0'), BytesReceived: ro('unsignedLong', '0') }),
          },
          { access: 'OBJ_ADD_DELETE', uniqueKeys: [['Alias'], ['Name']], maxEntries: 8, assign: (i) => ({ Alias: `cpe-${i}`, Name: `if${i}` }) },
        ),
        Diagnostics: object({ 'IPPing()': asyncCommand(IP_PING_INPUT, IP_PING_OUTPUT) }),
      }),
      Time: object({
        Enable: rw('boolean', 'true'),
        Status: ro('string', 'Synchronized', { constraint: { enumeration: ['Disabled', 'Unsynchronized', 'Synchronized', 'Error_FailedToSynchronize', 'Error'] } }),
        NTPServer1: rw('string', 'pool.ntp.org', { constraint: { maxLength: 64 } }),
        CurrentLocalTime: ro('dateTime', '', { volatile: true, compute: (ctx) => xsdDateTime(ctx.now) }),
        LocalTimeZone: rw('string', 'UTC0', { constraint: { maxLength: 256 } }),
      }),
    }),
    seed: {
      DeviceInfo: {
        Manufacturer: identity.manufacturer,
        ManufacturerOUI: identity.oui,
        ModelName: identity.modelName,
        ProductClass: identity.productClass,
        SerialNumber: serialNumber,
        HardwareVersion: identity.hardwareVersion,
        SoftwareVersion: identity.softwareVersion,
      },
      LocalAgent: {
        EndpointID: links.endpointId,
        Controller: [{ Alias: 'cpe-controller', EndpointID: links.controllerId }],
        Subscription: [
          subscriptionSeed(BOOT_SUBSCRIPTION_ID, 'Event', 'Device.Boot!'),
          subscriptionSeed(OPERATION_COMPLETE_SUBSCRIPTION_ID, 'OperationComplete', 'Device.'),
        ],
      },
      WiFi: {
        SSID: [
          { Enable: 'true', Status: 'Up', Name: 'wl0', SSID: `Fleetlog-${serialNumber.slice(-6)}` },
          { Enable: 'true', Status: 'Up', Name: 'wl1', SSID: `Fleetlog-${serialNumber.slice(-6)}-5G` },
        ],
      },
      IP: {
        Interface: [
          {
            Enable: 'true',
            Status: 'Up',
            Name: 'wan',
            IPv4Address: [{ Enable: 'true', IPAddress: `100.64.${hash(serialNumber) & 0xff}.${(hash(serialNumber) >>> 8) % 254 + 1}`, SubnetMask: '255.192.0.0', AddressingType: 'DHCP' }],
            Stats: { BytesSent: '1048576', BytesReceived: '8388608' },
          },
          {
            Enable: 'true',
            Status: 'Up',
            Name: 'lan',
            IPv4Address: [{ Enable: 'true', IPAddress: '192.168.1.1', SubnetMask: '255.255.255.0', AddressingType: 'Static' }],
          },
        ],
      },
    },
  };
};
