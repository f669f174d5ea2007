import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';

export const protocols = ['CWMP', 'USP', 'MQTT'] as const;
export type Protocol = (typeof protocols)[number];

export const isProtocol = (value: unknown): value is Protocol =>
  typeof value === 'string' && (protocols as readonly string[]).includes(value);

export const parseProtocol = (value: unknown): Result<Protocol> =>
  isProtocol(value)
    ? ok(value)
    : fail('UNKNOWN_PROTOCOL', `Unknown protocol ${JSON.stringify(value)}; expected one of ${protocols.join(', ')}`);

// How Fleetlog talks to a device: the `via` of DeviceWentOnline and the `channel` of CommandDispatched.
export const channels = ['cwmp-session', 'usp-mqtt', 'mqtt'] as const;
export type Channel = (typeof channels)[number];

const channelsByProtocol: Readonly<Record<Protocol, readonly Channel[]>> = {
  CWMP: ['cwmp-session'],
  USP: ['usp-mqtt'],
  MQTT: ['mqtt'],
};

export const channelsOf = (protocol: Protocol): readonly Channel[] => channelsByProtocol[protocol];

export const parseChannel = (protocol: Protocol, value: unknown): Result<Channel> => {
  const allowed = channelsByProtocol[protocol];
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? ok(value as Channel)
    : fail('INVALID_CHANNEL', `Channel ${JSON.stringify(value)} is not one of ${protocol}: ${allowed.join(', ')}`);
};
