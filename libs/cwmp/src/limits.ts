export interface CodecLimits {
  /** Bytes, checked before parsing and again after decompression. */
  maxBodyBytes: number;
  /** Element nesting levels; a real envelope needs about 7. */
  maxDepth: number;
  /** Items in any one array (ParameterList, ParameterNames, …). */
  maxArrayItems: number;
}

export const DEFAULT_LIMITS: CodecLimits = Object.freeze({
  maxBodyBytes: 4 * 1024 * 1024,
  maxDepth: 64,
  maxArrayItems: 100_000,
});

const positive = (value: number | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;

// A missing or nonsensical override keeps the default, so a bad config can never disable a limit.
export const resolveLimits = (limits: Partial<CodecLimits> | undefined): CodecLimits => ({
  maxBodyBytes: positive(limits?.maxBodyBytes, DEFAULT_LIMITS.maxBodyBytes),
  maxDepth: positive(limits?.maxDepth, DEFAULT_LIMITS.maxDepth),
  maxArrayItems: positive(limits?.maxArrayItems, DEFAULT_LIMITS.maxArrayItems),
});
