export interface VendorLimits {
  /** Bytes of one MQTT payload, checked before decoding. */
  maxPayloadBytes: number;
  /** Nesting levels of JSON objects and arrays, checked before parsing. */
  maxDepth: number;
  /** Telemetry samples plus reported parameters that one payload may turn into. */
  maxItems: number;
}

// Real payloads are far smaller: a Shelly NotifyFullStatus is a few KB, a DJI osd message under 20 KB.
export const DEFAULT_LIMITS: VendorLimits = Object.freeze({
  maxPayloadBytes: 256 * 1024,
  maxDepth: 32,
  maxItems: 10_000,
});

const positive = (value: number | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;

// A missing or nonsensical override keeps the default, so a bad config can never disable a limit.
export const resolveLimits = (limits: Partial<VendorLimits> | undefined): VendorLimits => ({
  maxPayloadBytes: positive(limits?.maxPayloadBytes, DEFAULT_LIMITS.maxPayloadBytes),
  maxDepth: positive(limits?.maxDepth, DEFAULT_LIMITS.maxDepth),
  maxItems: positive(limits?.maxItems, DEFAULT_LIMITS.maxItems),
});
