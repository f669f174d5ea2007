/**
 * @fleetlog/domain — the pure domain of Fleetlog: deciders, value types, command kinds.
 * No I/O, no clock, no randomness: time (`now`, epoch millis) and ids arrive as arguments.
 *
 * Domain events have one shape:
 *
 *   { type: 'DeviceRegistered', data: <Avro payload>, occurredAt: <epoch millis> }
 *
 * `type` is the Avro record name, `data` is exactly the record's `payload` field, and
 * `occurredAt` is the command's `now`. libs/events adds the rest of the envelope (eventId,
 * tenantId, aggregateId = device id or command id, recordedAt, correlationId, causationId,
 * source) when producing, and strips it back to this shape when consuming.
 *
 * Commands have the shape `{ type: 'RegisterDevice', data: {...; now} }`. Deciders follow Emmett:
 * `decide(command, state) -> Result<events, DomainError>`, `evolve(state, event)`, `initialState()`.
 * Expected failures are values with a stable `code` (see `domainErrorCodes`).
 */

// Core
export { assertNever } from './assert-never.js';
export { ok, err } from './result.js';
export type { Result } from './result.js';
export { domainErrorCodes, domainError, invalidCommandArguments, fail, withContext, isDomainErrorCode } from './errors.js';
export type { DomainError, DomainErrorCode, InvalidCommandArgumentsError } from './errors.js';
export { foldEvents } from './decider.js';
export type { Decider } from './decider.js';
export type { DomainEvent, DomainCommand } from './domain-event.js';

// Values
export type { Brand } from './values/brand.js';
export { protocols, isProtocol, parseProtocol, channels, channelsOf, parseChannel } from './values/protocol.js';
export type { Protocol, Channel } from './values/protocol.js';
export { parseTenantId } from './values/tenant-id.js';
export type { TenantId } from './values/tenant-id.js';
export { deviceIdentityFields, parseDeviceIdentity, protocolIdentityOf } from './values/device-identity.js';
export type { DeviceIdentity, DeviceIdentityInput, ProtocolIdentity } from './values/device-identity.js';
export { deviceIdOf, deriveDeviceId, parseDeviceId, parseDeviceIdString } from './values/device-id.js';
export type { DeviceId } from './values/device-id.js';
export { authoritySchemes, parseEndpointId } from './values/usp-endpoint-id.js';
export type { AuthorityScheme, ParsedEndpointId } from './values/usp-endpoint-id.js';
export {
  maxParameterPathLength,
  parameterPathProblem,
  parseParameterPath,
  isObjectPath,
  isInstancePath,
} from './values/parameter-path.js';
export type { ParameterPath, PathKind } from './values/parameter-path.js';
export { uspPathProblem, relativeNameProblem } from './values/usp-path.js';
export type { UspPathKind } from './values/usp-path.js';
export { valueTypes, isValueType, parseValueType, fitsValueType, valueProblem, parseParameterValue } from './values/value-type.js';
export type { ValueType } from './values/value-type.js';
export { isXsdDateTime } from './values/xsd-date-time.js';
export { isJsonValue, isJsonObject, jsonProblem } from './values/json.js';
export type { JsonValue, JsonObject } from './values/json.js';
export { isEpochMillis, parseEpochMillis } from './values/timestamp.js';
export { parseTag, maxTagLength } from './values/tag.js';
export type { Tag } from './values/tag.js';
export { parsePrincipal } from './values/principal.js';
export type { Principal } from './values/principal.js';

// Command kinds
export { commandCatalog, commandKinds, commandKindsOf, isCommandKind } from './values/command-kinds/catalog.js';
export type {
  CommandKind,
  CommandArguments,
  CommandKindOf,
  ProtocolOfKind,
  ValidCommandArguments,
} from './values/command-kinds/catalog.js';
export { validateCommandArguments, parseCommandArguments } from './values/command-kinds/validate-command-arguments.js';

// Device
export { deviceDecider } from './device/decider.js';
export { decideDevice } from './device/decide.js';
export { evolveDevice, initialDeviceState } from './device/state.js';
export type { DeviceState, RegisteredDevice, UnregisteredDevice, CurrentParameter } from './device/state.js';
export { deviceEventTypes, reportOrigins, offlineReasons } from './device/events.js';
export type {
  DeviceEvent,
  DeviceRegistered,
  DeviceParametersReported,
  DeviceWentOnline,
  DeviceWentOffline,
  DeviceTagged,
  DeviceUntagged,
  ReportedParameter,
  ReportOrigin,
  OfflineReason,
} from './device/events.js';
export type {
  DeviceCommand,
  RegisterDevice,
  ReportParameters,
  ParameterReportInput,
  RecordContact,
  MarkOffline,
  TagDevice,
  UntagDevice,
} from './device/commands.js';

// Command lifecycle
export { commandDecider } from './command/decider.js';
export { decideCommand } from './command/decide.js';
export { evolveCommand, initialCommandState, isPending, isTerminal } from './command/state.js';
export type {
  CommandState,
  UnrequestedCommand,
  RequestedCommand,
  DispatchedCommand,
  SucceededCommand,
  FailedCommand,
  ExpiredCommand,
  CancelledCommand,
  PendingCommandState,
  TerminalCommandState,
} from './command/state.js';
export { commandEventTypes } from './command/events.js';
export type {
  CommandEvent,
  CommandRequested,
  CommandDispatched,
  CommandSucceeded,
  CommandFailed,
  CommandExpired,
  CommandCancelled,
} from './command/events.js';
export type {
  CommandLifecycleCommand,
  RequestCommand,
  DispatchCommand,
  CompleteCommand,
  FailCommand,
  ExpireCommand,
  CancelCommand,
} from './command/commands.js';
export { deviceCommandQueue } from './command/device-command-queue.js';
export type { DeviceCommandQueue, PendingCommand, RecordedCommandEvent } from './command/device-command-queue.js';

export { maskJsonText, maskSecrets } from './values/secrets.js';
