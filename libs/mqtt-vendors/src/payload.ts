import { jsonProblem } from '@fleetlog/domain';
import type { JsonObject, JsonValue } from '@fleetlog/domain';
import type { VendorLimits } from './limits.js';
import type { VendorResult } from './result.js';
import { fail, ok } from './result.js';

// Stateless when used without { stream: true }, so one instance serves every call.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const encoder = new TextEncoder();

/** Payload bytes as UTF-8 text, size-checked before decoding; a leading BOM is dropped. */
export const decodeText = (payload: Uint8Array, limits: VendorLimits): VendorResult<string> => {
  if (payload.byteLength > limits.maxPayloadBytes) {
    return fail('MQTT_PAYLOAD_TOO_LARGE', `payload is ${payload.byteLength} bytes; the limit is ${limits.maxPayloadBytes}`);
  }
  try {
    return ok(utf8.decode(payload));
  } catch {
    return fail('MQTT_PAYLOAD_MALFORMED', 'payload is not valid UTF-8');
  }
};

// Whether text nests objects and arrays (outside strings) deeper than max; read only for text that does
// not parse, to tell too deep from malformed.
const nestingExceeds = (text: string, max: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
};

/**
 * What keeps a parsed value from being taken: containers nested past max, or a number JSON cannot carry
 * (JSON.parse turns 1e999 into Infinity). One walk that allocates nothing and stops below max levels, so
 * no walker after it recurses without bound.
 */
const parsedProblem = (value: unknown, max: number, depth: number): 'deep' | 'infinite' | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'infinite';
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= max) return 'deep';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = parsedProblem(value[i], max, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const problem = parsedProblem(object[key], max, depth + 1);
    if (problem !== undefined) return problem;
  }
  return undefined;
};

const tooDeep = (max: number) => fail('MQTT_PAYLOAD_TOO_DEEP', `JSON nests deeper than ${max} levels`);

/** Text as a JSON value: syntax and nesting depth, then finite numbers only. */
export const parseJsonText = (text: string, limits: VendorLimits): VendorResult<JsonValue> => {
  // JSON.parse is iterative in V8, so deep text cannot exhaust the stack; the size limit bounds its work.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    if (nestingExceeds(text, limits.maxDepth)) return tooDeep(limits.maxDepth);
    return fail('MQTT_PAYLOAD_MALFORMED', `payload is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const problem = parsedProblem(value, limits.maxDepth, 0);
  if (problem === 'deep') return tooDeep(limits.maxDepth);
  // Walked again only to say where the number is.
  if (problem === 'infinite') return fail('MQTT_PAYLOAD_INVALID', jsonProblem(value, '$') ?? 'a number is not finite');
  return ok(value as JsonValue);
};

/** Payload bytes as a JSON value: size and UTF-8 first, then as parseJsonText. */
export const decodeJson = (payload: Uint8Array, limits: VendorLimits): VendorResult<JsonValue> => {
  const text = decodeText(payload, limits);
  return text.ok ? parseJsonText(text.value, limits) : text;
};

export const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asJsonObject = (value: VendorResult<JsonValue>, what: string): VendorResult<JsonObject> => {
  if (!value.ok) return value;
  return isObject(value.value) ? ok(value.value) : fail('MQTT_PAYLOAD_INVALID', `${what} must be a JSON object`);
};

/** A JSON object payload, or MQTT_PAYLOAD_INVALID naming what was expected. */
export const decodeJsonObject = (payload: Uint8Array, limits: VendorLimits, what: string): VendorResult<JsonObject> =>
  asJsonObject(decodeJson(payload, limits), what);

export const parseJsonObjectText = (text: string, limits: VendorLimits, what: string): VendorResult<JsonObject> =>
  asJsonObject(parseJsonText(text, limits), what);

export const encodeJson = (value: JsonValue): Uint8Array => encoder.encode(JSON.stringify(value));

export const encodeText = (value: string): Uint8Array => encoder.encode(value);
