/**
 * @fleetlog/usp — the TR-369/USP codec: Records and Msgs as plain typed values, and the pure
 * mappings between domain commands and USP requests/responses. No I/O. See API.md.
 */
export * from './messages.js';
export * from './records.js';
export { USP_CODEC_ERROR_CODES, UspCodecError, isUspCodecErrorCode } from './errors.js';
export type { UspCodecErrorCode, UspRecordHeader } from './errors.js';
export { DEFAULT_USP_LIMITS } from './limits.js';
export type { UspCodecLimits } from './limits.js';
export type { UspCodecResult } from './result.js';
export { decodeRecord, encodeRecord } from './record-codec.js';
export { decodeMsg, encodeMsg } from './msg-codec.js';
export { noSessionRecord, mqttConnectRecord, disconnectRecord, disconnectFor } from './build-records.js';
export type { RecordAddress } from './build-records.js';
export { notifyResp, errorMsg } from './build-messages.js';
export { requestFromCommand, CONTROLLER_SUPPORTED_PROTOCOL_VERSIONS } from './request-from-command.js';
export type { UspCommandKind, RequestDefaults } from './request-from-command.js';
export { interpretResponse } from './interpret-response.js';
export type { UspOutcome, UspParameter, UspPathFailure, UspPendingOperation } from './interpret-response.js';
export { interpretNotify, BOOT_CAUSES } from './interpret-notify.js';
export type { UspNotification, BootNotification, BootCause } from './interpret-notify.js';
