/** Stable codes: the ACS maps each to an HTTP status or a CWMP fault in one exhaustive switch. */
export const CWMP_CODEC_ERROR_CODES = [
  'CWMP_BODY_TOO_LARGE',
  'CWMP_BAD_ENCODING',
  'CWMP_MALFORMED_XML',
  'CWMP_FORBIDDEN_XML',
  'CWMP_TOO_DEEP',
  'CWMP_NOT_SOAP',
  'CWMP_NO_BODY_MESSAGE',
  'CWMP_UNKNOWN_MESSAGE',
  'CWMP_INVALID_MESSAGE',
] as const;

export type CwmpCodecErrorCode = (typeof CWMP_CODEC_ERROR_CODES)[number];

/** A body the codec cannot accept. Never retriable: the same bytes fail the same way. */
export class CwmpCodecError extends Error {
  readonly retriable = false;

  constructor(
    readonly code: CwmpCodecErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CwmpCodecError';
  }
}

export const isCwmpCodecErrorCode = (value: unknown): value is CwmpCodecErrorCode =>
  typeof value === 'string' && (CWMP_CODEC_ERROR_CODES as readonly string[]).includes(value);
