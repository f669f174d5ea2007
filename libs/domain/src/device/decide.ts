import { assertNever } from '../assert-never.js';
import { fail, withContext } from '../errors.js';
import type { DomainError } from '../errors.js';
import { err, ok } from '../result.js';
import type { Result } from '../result.js';
import { parseDeviceIdentity, protocolIdentityOf } from '../values/device-identity.js';
import { deviceIdOf } from '../values/device-id.js';
import { parseParameterPath } from '../values/parameter-path.js';
import { parseChannel, parseProtocol } from '../values/protocol.js';
import { parseTag } from '../values/tag.js';
import { parseTenantId } from '../values/tenant-id.js';
import { isEpochMillis, parseEpochMillis } from '../values/timestamp.js';
import { describe } from '../values/text.js';
import { parseParameterValue, parseValueType } from '../values/value-type.js';
import type {
  DeviceCommand,
  MarkOffline,
  RecordContact,
  RegisterDevice,
  ReportParameters,
  TagDevice,
  UntagDevice,
} from './commands.js';
import { offlineReasons, reportOrigins } from './events.js';
import type { DeviceEvent, OfflineReason, ReportOrigin, ReportedParameter } from './events.js';
import type { DeviceState, RegisteredDevice } from './state.js';

type Decision = Result<readonly DeviceEvent[], DomainError>;

const nothing: Decision = ok([]);

// Avro `int` bounds the interval.
const maxInterval = 2_147_483_647;

const registerDevice = ({ data }: RegisterDevice, state: DeviceState): Decision => {
  const tenantId = parseTenantId(data.tenantId);
  if (!tenantId.ok) return tenantId;
  const protocol = parseProtocol(data.protocol);
  if (!protocol.ok) return protocol;
  const identity = parseDeviceIdentity(protocol.value, data.identity);
  if (!identity.ok) return identity;
  const derived = deviceIdOf(protocolIdentityOf(protocol.value, identity.value));
  if (!derived.ok) return derived;
  if (derived.value !== data.deviceId) {
    return fail('DEVICE_ID_MISMATCH', `Device id ${describe(data.deviceId)} does not match its identity, which gives ${derived.value}`);
  }
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  if (state.status === 'registered') return fail('DEVICE_ALREADY_REGISTERED', `Device ${derived.value} is already registered`);
  return ok([{ type: 'DeviceRegistered', data: { protocol: protocol.value, identity: identity.value }, occurredAt: now.value }]);
};

const parseReportedParameter = (input: unknown, index: number): Result<ReportedParameter> => {
  const at = (error: DomainError): Result<never> => err(withContext(error, `parameters[${index}]`));
  if (typeof input !== 'object' || input === null) return fail('INVALID_FIELD', `parameters[${index}] must be an object`);
  const { path, value, valueType, writable } = input as Record<string, unknown>;
  const parsedPath = parseParameterPath(path, 'parameter');
  if (!parsedPath.ok) return at(parsedPath.error);
  const parsedType = parseValueType(valueType);
  if (!parsedType.ok) return at(parsedType.error);
  const parsedValue = parseParameterValue(parsedType.value, value);
  if (!parsedValue.ok) return at(withContext(parsedValue.error, parsedPath.value));
  if (writable !== undefined && writable !== null && typeof writable !== 'boolean') {
    return fail('INVALID_FIELD', `parameters[${index}].writable must be a boolean or null`);
  }
  return ok({ path: parsedPath.value, value: parsedValue.value, valueType: parsedType.value, writable: writable ?? null });
};

const reportParameters = ({ data }: ReportParameters): Decision => {
  if (!(reportOrigins as readonly string[]).includes(data.origin)) {
    return fail('INVALID_FIELD', `origin ${describe(data.origin)} must be one of ${reportOrigins.join(', ')}`);
  }
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  if (!Array.isArray(data.parameters)) return fail('INVALID_FIELD', 'parameters must be an array');
  const parameters: ReportedParameter[] = [];
  for (const [index, input] of data.parameters.entries()) {
    const parameter = parseReportedParameter(input, index);
    if (!parameter.ok) return parameter;
    parameters.push(parameter.value);
  }
  // An empty report (e.g. a GetParameterValues on an empty subtree) is not a fact worth recording.
  if (parameters.length === 0) return nothing;
  return ok([{ type: 'DeviceParametersReported', data: { origin: data.origin as ReportOrigin, parameters }, occurredAt: now.value }]);
};

const recordContact = ({ data }: RecordContact, device: RegisteredDevice): Decision => {
  const via = parseChannel(device.protocol, data.via);
  if (!via.ok) return via;
  const interval = data.expectedIntervalSeconds ?? null;
  if (interval !== null && !(Number.isInteger(interval) && interval >= 1 && interval <= maxInterval)) {
    return fail('INVALID_FIELD', `expectedIntervalSeconds must be an integer from 1 to ${maxInterval}, got ${describe(interval)}`);
  }
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  if (device.online) return nothing;
  return ok([{ type: 'DeviceWentOnline', data: { via: via.value, expectedIntervalSeconds: interval }, occurredAt: now.value }]);
};

const markOffline = ({ data }: MarkOffline, device: RegisteredDevice): Decision => {
  if (!(offlineReasons as readonly string[]).includes(data.reason)) {
    return fail('INVALID_FIELD', `reason ${describe(data.reason)} must be one of ${offlineReasons.join(', ')}`);
  }
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  const reported = data.lastContactAt ?? null;
  if (reported !== null && !isEpochMillis(reported)) {
    return fail('INVALID_TIMESTAMP', `lastContactAt must be epoch milliseconds, got ${describe(reported)}`);
  }
  if (!device.online) return nothing;
  const lastContactAt = reported === null ? device.lastContactAt : Math.max(reported, device.lastContactAt ?? reported);
  return ok([{ type: 'DeviceWentOffline', data: { lastContactAt, reason: data.reason as OfflineReason }, occurredAt: now.value }]);
};

const tagDevice = ({ data }: TagDevice, device: RegisteredDevice): Decision => {
  const tag = parseTag(data.tag);
  if (!tag.ok) return tag;
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  return device.tags.has(tag.value) ? nothing : ok([{ type: 'DeviceTagged', data: { tag: tag.value }, occurredAt: now.value }]);
};

const untagDevice = ({ data }: UntagDevice, device: RegisteredDevice): Decision => {
  const tag = parseTag(data.tag);
  if (!tag.ok) return tag;
  const now = parseEpochMillis('now', data.now);
  if (!now.ok) return now;
  return device.tags.has(tag.value) ? ok([{ type: 'DeviceUntagged', data: { tag: tag.value }, occurredAt: now.value }]) : nothing;
};

export const decideDevice = (command: DeviceCommand, state: DeviceState): Decision => {
  if (command.type === 'RegisterDevice') return registerDevice(command, state);
  if (state.status === 'unregistered') return fail('DEVICE_NOT_REGISTERED', `${command.type} needs a registered device`);
  switch (command.type) {
    case 'ReportParameters':
      return reportParameters(command);
    case 'RecordContact':
      return recordContact(command, state);
    case 'MarkOffline':
      return markOffline(command, state);
    case 'TagDevice':
      return tagDevice(command, state);
    case 'UntagDevice':
      return untagDevice(command, state);
    default:
      return assertNever(command);
  }
};
