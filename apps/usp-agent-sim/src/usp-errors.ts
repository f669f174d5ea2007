import type { UspErrorFields } from '@fleetlog/usp';

/** The TR-369 error codes this agent answers with (TR-369 "Error Codes"). */
export const UspErrorCode = {
  messageFailed: 7000,
  messageNotSupported: 7001,
  requestDenied: 7002,
  internalError: 7003,
  invalidArguments: 7004,
  resourcesExceeded: 7005,
  invalidPathSyntax: 7008,
  unsupportedParameter: 7010,
  invalidType: 7011,
  invalidValue: 7012,
  notWritable: 7013,
  objectDoesNotExist: 7016,
  objectNotCreated: 7017,
  notATable: 7018,
  notCreatable: 7019,
  requiredParameterFailed: 7021,
  commandFailure: 7022,
  deleteFailure: 7024,
  duplicateUniqueKey: 7025,
  invalidPath: 7026,
  invalidCommandArguments: 7027,
} as const;

/** An expected failure: what the agent puts in err_code and err_msg. */
export type UspFailure = UspErrorFields;

export const failure = (errCode: number, errMsg: string): UspFailure => ({ errCode, errMsg });
