import type { Type } from 'protobufjs';
import { UspCodecError } from './errors.js';
import { checkElementBudget, TooManyElements } from './prescan.js';
import { fail, ok } from './result.js';
import type { UspCodecResult } from './result.js';
import type { Fields } from './wire.js';

const describeCause = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

const CODES = {
  Record: { tooLarge: 'USP_RECORD_TOO_LARGE', undecodable: 'USP_RECORD_UNDECODABLE' },
  Msg: { tooLarge: 'USP_MSG_TOO_LARGE', undecodable: 'USP_MSG_UNDECODABLE' },
} as const;

/** protobufjs's decoded message, after the byte size and the element count were checked. Never throws. */
export const decodeBounded = (
  what: keyof typeof CODES,
  type: Type,
  bytes: Uint8Array,
  limits: { maxBytes: number; maxElements: number },
): UspCodecResult<Fields> => {
  const codes = CODES[what];
  if (bytes.length > limits.maxBytes) return fail(new UspCodecError(codes.tooLarge, `USP ${what} of ${bytes.length} bytes exceeds ${limits.maxBytes}`));
  try {
    checkElementBudget(type, bytes, limits.maxElements);
    return ok(type.decode(bytes) as unknown as Fields);
  } catch (cause) {
    if (cause instanceof TooManyElements) return fail(new UspCodecError(codes.tooLarge, `USP ${what} has more than ${limits.maxElements} fields`));
    return fail(new UspCodecError(codes.undecodable, `USP ${what} is not protobuf: ${describeCause(cause)}`, { cause }));
  }
};

// protobufjs hands out Buffers in Node; callers get plain Uint8Arrays (a view, not a copy).
export const plainBytes = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
