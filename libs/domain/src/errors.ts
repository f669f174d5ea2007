import { err } from './result.js';
import type { Result } from './result.js';

// Stable codes: edges map them to HTTP statuses and GraphQL extensions.code in one exhaustive switch.
export const domainErrorCodes = [
  // values
  'UNKNOWN_PROTOCOL',
  'INVALID_TENANT_ID',
  'INVALID_DEVICE_ID',
  'INVALID_DEVICE_IDENTITY',
  'INVALID_ENDPOINT_ID',
  'INVALID_PARAMETER_PATH',
  'UNKNOWN_VALUE_TYPE',
  'INVALID_PARAMETER_VALUE',
  'INVALID_TAG',
  'INVALID_TIMESTAMP',
  'INVALID_CHANNEL',
  'INVALID_PRINCIPAL',
  'INVALID_FIELD',
  'UNKNOWN_COMMAND_KIND',
  'COMMAND_KIND_PROTOCOL_MISMATCH',
  'INVALID_COMMAND_ARGUMENTS',
  // device
  'DEVICE_NOT_REGISTERED',
  'DEVICE_ALREADY_REGISTERED',
  'DEVICE_ID_MISMATCH',
  // command
  'INVALID_COMMAND_ID',
  'INVALID_DEADLINE',
  'COMMAND_NOT_FOUND',
  'COMMAND_ALREADY_REQUESTED',
  'COMMAND_NOT_DISPATCHED',
  'COMMAND_NOT_DUE',
  'COMMAND_DEADLINE_PASSED',
  'COMMAND_ALREADY_COMPLETED',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export type InvalidCommandArgumentsError = {
  readonly code: 'INVALID_COMMAND_ARGUMENTS';
  readonly message: string;
  // Every problem at once, so an operator fixes a request in one round trip.
  readonly problems: readonly string[];
};

export type DomainError =
  | { readonly code: Exclude<DomainErrorCode, 'INVALID_COMMAND_ARGUMENTS'>; readonly message: string }
  | InvalidCommandArgumentsError;

export const domainError = (
  code: Exclude<DomainErrorCode, 'INVALID_COMMAND_ARGUMENTS'>,
  message: string,
): DomainError => ({ code, message });

export const invalidCommandArguments = (kind: string, problems: readonly string[]): DomainError => ({
  code: 'INVALID_COMMAND_ARGUMENTS',
  message: `Invalid arguments for ${kind}: ${problems.join('; ')}`,
  problems,
});

// Shorthand for the common "fail with this code" return.
export const fail = (
  code: Exclude<DomainErrorCode, 'INVALID_COMMAND_ARGUMENTS'>,
  message: string,
): Result<never, DomainError> => err(domainError(code, message));

// Keeps the code, says where: `parameters[3]: Parameter path "x y" has an invalid segment`.
export const withContext = (error: DomainError, context: string): DomainError => ({ ...error, message: `${context}: ${error.message}` });

export const isDomainErrorCode = (value: unknown): value is DomainErrorCode =>
  typeof value === 'string' && (domainErrorCodes as readonly string[]).includes(value);
