// Test data for command specs (not exported from the lib).
import type { CommandLifecycleCommand, RequestCommand } from './commands.js';
import type { CommandEvent } from './events.js';

export const T0 = 1_700_000_000_000;
export const HOUR = 3_600_000;
export const DEADLINE = T0 + HOUR;
export const deviceId = '00D09E-IGD-SN1';

export const request = (overrides: Partial<RequestCommand['data']> = {}): RequestCommand => ({
  type: 'RequestCommand',
  data: {
    commandId: 'cmd-1',
    tenantId: 'acme',
    deviceId,
    protocol: 'CWMP',
    kind: 'cwmp.Reboot',
    arguments: { commandKey: 'maintenance' },
    deadline: DEADLINE,
    requestedBy: 'user:42',
    now: T0,
    ...overrides,
  },
});

export const requested: CommandEvent = {
  type: 'CommandRequested',
  data: {
    deviceId,
    protocol: 'CWMP',
    kind: 'cwmp.Reboot',
    arguments: '{"commandKey":"maintenance"}',
    deadline: DEADLINE,
    requestedBy: 'user:42',
    batchId: null,
  },
  occurredAt: T0,
};

export const dispatched = (attempt: number, at = T0 + attempt * 1000): CommandEvent => ({
  type: 'CommandDispatched',
  data: { deviceId, attempt, channel: 'cwmp-session' },
  occurredAt: at,
});

export const succeeded: CommandEvent = { type: 'CommandSucceeded', data: { deviceId, result: '{}' }, occurredAt: T0 + 5000 };
export const failed: CommandEvent = {
  type: 'CommandFailed',
  data: { deviceId, code: 'CWMP_FAULT', message: 'Request denied', faultCode: 9001 },
  occurredAt: T0 + 5000,
};
export const expired: CommandEvent = { type: 'CommandExpired', data: { deviceId, deadline: DEADLINE }, occurredAt: DEADLINE };
export const cancelled: CommandEvent = {
  type: 'CommandCancelled',
  data: { deviceId, cancelledBy: 'user:7', reason: null },
  occurredAt: T0 + 5000,
};

// One valid command of each kind, used by the transition table.
export const lifecycleCommands: Readonly<Record<Exclude<CommandLifecycleCommand['type'], 'RequestCommand'>, CommandLifecycleCommand>> = {
  DispatchCommand: { type: 'DispatchCommand', data: { channel: 'cwmp-session', now: T0 + 10_000 } },
  CompleteCommand: { type: 'CompleteCommand', data: { result: { ok: true }, now: T0 + 10_000 } },
  FailCommand: { type: 'FailCommand', data: { code: 'CWMP_FAULT', message: 'denied', faultCode: 9001, now: T0 + 10_000 } },
  ExpireCommand: { type: 'ExpireCommand', data: { now: DEADLINE } },
  CancelCommand: { type: 'CancelCommand', data: { cancelledBy: 'user:7', now: T0 + 10_000 } },
};
