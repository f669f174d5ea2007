// The generic JSON format (documented in libs/mqtt-vendors/README.md): topics under devices/<clientId>/.
export const GENERIC_VENDOR = 'generic';

export const genericTopics = {
  identity: (clientId: string) => `devices/${clientId}/identity`,
  status: (clientId: string) => `devices/${clientId}/status`,
  telemetry: (clientId: string) => `devices/${clientId}/telemetry`,
  state: (clientId: string) => `devices/${clientId}/state`,
  events: (clientId: string) => `devices/${clientId}/events`,
  commands: (clientId: string) => `devices/${clientId}/commands`,
  ack: (clientId: string) => `devices/${clientId}/commands/ack`,
} as const;

export const genericSubscriptions = [
  'devices/+/identity',
  'devices/+/status',
  'devices/+/telemetry',
  'devices/+/state',
  'devices/+/events',
  'devices/+/commands/ack',
] as const;
