import type { UspCodecError } from './errors.js';

// Expected failures are values: an agent's bytes must never crash the controller with an exception.
export type UspCodecResult<T> = { ok: true; value: T } | { ok: false; error: UspCodecError };

export const ok = <T>(value: T): UspCodecResult<T> => ({ ok: true, value });

export const fail = <T = never>(error: UspCodecError): UspCodecResult<T> => ({ ok: false, error });
