/** Stable codes: usp-ingress maps each to a reply (DisconnectRecord, Error Msg, or silence) in one exhaustive switch. */
export const USP_CODEC_ERROR_CODES = [
  'USP_RECORD_TOO_LARGE',
  'USP_RECORD_UNDECODABLE',
  'USP_RECORD_INVALID',
  'USP_SESSION_CONTEXT_UNSUPPORTED',
  'USP_PAYLOAD_SECURITY_UNSUPPORTED',
  'USP_MSG_TOO_LARGE',
  'USP_MSG_UNDECODABLE',
  'USP_MSG_INVALID',
] as const;

export type UspCodecErrorCode = (typeof USP_CODEC_ERROR_CODES)[number];

/** Who sent a rejected Record, when it decoded far enough to tell: enough to address a reply. */
export interface UspRecordHeader {
  version: string;
  toId: string;
  fromId: string;
}

// The USP error code (TR-369 7000-7199) that tells the peer what went wrong.
const USP_ERROR_CODE_OF: Readonly<Record<UspCodecErrorCode, number>> = {
  USP_RECORD_TOO_LARGE: 7100,
  USP_RECORD_UNDECODABLE: 7100,
  USP_RECORD_INVALID: 7104,
  USP_SESSION_CONTEXT_UNSUPPORTED: 7106,
  USP_PAYLOAD_SECURITY_UNSUPPORTED: 7102,
  USP_MSG_TOO_LARGE: 7005,
  USP_MSG_UNDECODABLE: 7000,
  USP_MSG_INVALID: 7000,
};

export interface UspCodecErrorOptions {
  cause?: unknown;
  recordHeader?: UspRecordHeader;
  /** The msg_id of a Msg whose header decoded, so an Error Msg can answer it. */
  msgId?: string;
}

/** Bytes the codec cannot accept, or a value it cannot send. Never retriable: the same input fails the same way. */
export class UspCodecError extends Error {
  readonly retriable = false;
  /** What to put in a DisconnectRecord's reason_code or an Error Msg's err_code. */
  readonly uspErrorCode: number;
  readonly recordHeader: UspRecordHeader | undefined;
  readonly msgId: string | undefined;

  constructor(
    readonly code: UspCodecErrorCode,
    message: string,
    options: UspCodecErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UspCodecError';
    this.uspErrorCode = USP_ERROR_CODE_OF[code];
    this.recordHeader = options.recordHeader;
    this.msgId = options.msgId;
  }
}

export const isUspCodecErrorCode = (value: unknown): value is UspCodecErrorCode =>
  typeof value === 'string' && (USP_CODEC_ERROR_CODES as readonly string[]).includes(value);
