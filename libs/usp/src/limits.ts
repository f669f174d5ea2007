export interface UspCodecLimits {
  /** Bytes of one USP Record, checked before decoding. */
  maxRecordBytes: number;
  /** Bytes of one USP Msg, checked before decoding; a GetSupportedDMResp for all of Device. can exceed 1 MB. */
  maxMsgBytes: number;
  /** Fields in one Record or Msg, counted before decoding: each becomes at least one object. */
  maxElements: number;
}

export const DEFAULT_USP_LIMITS: UspCodecLimits = Object.freeze({
  maxRecordBytes: 4 * 1024 * 1024,
  maxMsgBytes: 4 * 1024 * 1024,
  // At worst about 90 MB of decoded objects; real messages, even GetSupportedDMResp for all of Device., stay far below.
  maxElements: 500_000,
});

const positive = (value: number | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;

// A missing or nonsensical override keeps the default, so a bad config can never disable a limit.
export const resolveLimits = (limits: Partial<UspCodecLimits> | undefined): UspCodecLimits => ({
  maxRecordBytes: positive(limits?.maxRecordBytes, DEFAULT_USP_LIMITS.maxRecordBytes),
  maxMsgBytes: positive(limits?.maxMsgBytes, DEFAULT_USP_LIMITS.maxMsgBytes),
  maxElements: positive(limits?.maxElements, DEFAULT_USP_LIMITS.maxElements),
});
