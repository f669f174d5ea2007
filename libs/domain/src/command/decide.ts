import { assertNever } from '../assert-never.js';
import { fail } from '../errors.js';
import type { DomainError } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import { validateCommandArguments } from '../values/command-kinds/validate-command-arguments.js';
import { parseDeviceId } from '../values/device-id.js';
import { isJsonObject } from '../values/json.js';
import { parsePrincipal } from '../values/principal.js';
import { parseChannel, parseProtocol } from '../values/protocol.js';
import { parseTenantId } from '../values/tenant-id.js';
import { describe, isPrintable } from '../values/text.js';
import { parseEpochMillis } from '../values/timestamp.js';
import type {
  CancelCommand,
  CommandLifecycleCommand,
  CompleteCommand,
  DispatchCommand,
  ExpireCommand,
  FailCommand,
  RequestCommand,
} from './commands.js';
import type { CommandEvent, CommandRequested } from './events.js';
import type { CommandState, PendingCommandState } from './state.js';

type Decision = Result<readonly CommandEvent[], DomainError>;

// Ids a caller chooses (UUIDs, ULIDs, "batch-42:7"): safe in keys and URLs.
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
// Failure codes are Fleetlog's own stable codes (CWMP_FAULT, USP_ERROR, DEVICE_REJECTED).
const failureCodePattern = /^[A-Z][A-Z0-9_]{0,63}$/;
const maxAvroInt = 2_147_483_647;
const maxReasonLength = 1024;

// The command must exist and still be pending; `what` names the attempted transition.
const pending = (state: CommandState, what: string): Result<PendingCommandState> => {
  switch (state.status) {
    case 'unrequested':
      return fail('COMMAND_NOT_FOUND', `Cannot ${what}: the command was never requested`);
    case 'requested':
    case 'dispatched':
      return ok(state);
    case 'succeeded':
    case 'failed':
    case 'expired':
    case 'cancelled':
      return fail('COMMAND_ALREADY_COMPLETED', `Cannot ${what}: the command is already ${state.status}`);
    default:
      return assertNever(state);
  }
};

const sameRequest = (state: Exclude<CommandState, { status: 'unrequested' }>, requested: CommandRequested['data']): boolean =>
  state.deviceId === requested.deviceId &&
  state.protocol === requested.protocol &&
  state.kind === requested.kind &&
  state.arguments === requested.arguments &&
  state.deadline === requested.deadline &&
  state.requestedBy === requested.requestedBy &&
  state.batchId === requested.batchId;

const requestCommand = ({ data }: RequestCommand, state: CommandState): Decision => {
  if (typeof data.commandId !== 'string' || !idPattern.test(data.commandId)) {
    return fail('INVALID_COMMAND_ID', `Command id ${describe(data.commandId)} must match ${idPattern.source}`);
  }
  const tenantId = parseTenantId(data.tenantId);
  if (!tenantId.ok) return tenantId;
  const protocol = parseProtocol(data.protocol);
  if (!protocol.ok) return protocol;
  const device = parseDeviceId(data.deviceId);
  if (!device.ok) return device;
  if (device.value.protocol !== protocol.value) {
    return fail('INVALID_DEVICE_ID', `Device id ${describe(data.deviceId)} is a ${device.value.protocol} id, not ${protocol.value}`);
  }
  const command = validateCommandArguments(protocol.value, data.kind, data.arguments);
  if (!command.ok) return command;
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  const deadline = parseEpochMillis('deadline', data.deadline);
  if (!deadline.ok) return deadline;
  const requestedBy = parsePrincipal('requestedBy', data.requestedBy);
  if (!requestedBy.ok) return requestedBy;
  const batchId = data.batchId ?? null;
  if (batchId !== null && (typeof batchId !== 'string' || !idPattern.test(batchId))) {
    return fail('INVALID_FIELD', `batchId ${describe(batchId)} must match ${idPattern.source}`);
  }
  const requested: CommandRequested['data'] = {
    deviceId: data.deviceId,
    protocol: command.value.protocol,
    kind: command.value.kind,
    arguments: JSON.stringify(command.value.arguments),
    deadline: deadline.value,
    requestedBy: requestedBy.value,
    batchId,
  };
  // A retried request (same id, same content) is recognised and records nothing new.
  if (state.status !== 'unrequested') {
    return sameRequest(state, requested)
      ? ok([])
      : fail('COMMAND_ALREADY_REQUESTED', `Command ${data.commandId} was already requested with different content`);
  }
  if (deadline.value <= now.value) return fail('INVALID_DEADLINE', `deadline ${deadline.value} must be after now (${now.value})`);
  return ok([{ type: 'CommandRequested', data: requested, occurredAt: now.value }]);
};

const dispatchCommand = ({ data }: DispatchCommand, state: CommandState): Decision => {
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  const command = pending(state, 'dispatch');
  if (!command.ok) return command;
  const channel = parseChannel(command.value.protocol, data.channel);
  if (!channel.ok) return channel;
  // Past its deadline a command is due to expire, not to be delivered late.
  if (now.value >= command.value.deadline) {
    return fail('COMMAND_DEADLINE_PASSED', `Cannot dispatch: the deadline ${command.value.deadline} has passed`);
  }
  return ok([
    {
      type: 'CommandDispatched',
      data: { deviceId: command.value.deviceId, attempt: command.value.attempts + 1, channel: channel.value },
      occurredAt: now.value,
    },
  ]);
};

const completeCommand = ({ data }: CompleteCommand, state: CommandState): Decision => {
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  const command = pending(state, 'complete');
  if (!command.ok) return command;
  if (command.value.status === 'requested') return fail('COMMAND_NOT_DISPATCHED', 'Cannot complete a command that was never dispatched');
  if (!isJsonObject(data.result)) return fail('INVALID_FIELD', 'result must be a JSON object');
  return ok([
    {
      type: 'CommandSucceeded',
      data: { deviceId: command.value.deviceId, result: JSON.stringify(data.result) },
      occurredAt: now.value,
    },
  ]);
};

// A command fails when the device refuses it or when it cannot be delivered, so also before dispatch.
const failCommand = ({ data }: FailCommand, state: CommandState): Decision => {
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  const command = pending(state, 'fail');
  if (!command.ok) return command;
  if (typeof data.code !== 'string' || !failureCodePattern.test(data.code)) {
    return fail('INVALID_FIELD', `code ${describe(data.code)} must match ${failureCodePattern.source}`);
  }
  // Device fault strings may be empty; they are recorded as sent.
  if (typeof data.message !== 'string') return fail('INVALID_FIELD', 'message must be a string');
  const faultCode = data.faultCode ?? null;
  if (faultCode !== null && !(Number.isInteger(faultCode) && faultCode >= 0 && faultCode <= maxAvroInt)) {
    return fail('INVALID_FIELD', `faultCode must be an integer from 0 to ${maxAvroInt}, got ${describe(faultCode)}`);
  }
  return ok([
    {
      type: 'CommandFailed',
      data: { deviceId: command.value.deviceId, code: data.code, message: data.message, faultCode },
      occurredAt: now.value,
    },
  ]);
};

const expireCommand = ({ data }: ExpireCommand, state: CommandState): Decision => {
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  const command = pending(state, 'expire');
  if (!command.ok) return command;
  if (now.value < command.value.deadline) {
    return fail('COMMAND_NOT_DUE', `Cannot expire before the deadline ${command.value.deadline} (now ${now.value})`);
  }
  return ok([
    { type: 'CommandExpired', data: { deviceId: command.value.deviceId, deadline: command.value.deadline }, occurredAt: now.value },
  ]);
};

const cancelCommand = ({ data }: CancelCommand, state: CommandState): Decision => {
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  const command = pending(state, 'cancel');
  if (!command.ok) return command;
  const cancelledBy = parsePrincipal('cancelledBy', data.cancelledBy);
  if (!cancelledBy.ok) return cancelledBy;
  const reason = data.reason === '' ? null : (data.reason ?? null);
  if (reason !== null && (typeof reason !== 'string' || reason.length > maxReasonLength || !isPrintable(reason))) {
    return fail('INVALID_FIELD', `reason must be at most ${maxReasonLength} printable characters`);
  }
  return ok([
    {
      type: 'CommandCancelled',
      data: { deviceId: command.value.deviceId, cancelledBy: cancelledBy.value, reason },
      occurredAt: now.value,
    },
  ]);
};

export const decideCommand = (command: CommandLifecycleCommand, state: CommandState): Decision => {
  switch (command.type) {
    case 'RequestCommand':
      return requestCommand(command, state);
    case 'DispatchCommand':
      return dispatchCommand(command, state);
    case 'CompleteCommand':
      return completeCommand(command, state);
    case 'FailCommand':
      return failCommand(command, state);
    case 'ExpireCommand':
      return expireCommand(command, state);
    case 'CancelCommand':
      return cancelCommand(command, state);
    default:
      return assertNever(command);
  }
};
