import type { CwmpCodecError } from './errors.js';

// Expected failures are values: a CPE's bytes must never crash the ACS with an exception.
export type CodecResult<T> = { ok: true; value: T } | { ok: false; error: CwmpCodecError };

export const ok = <T>(value: T): CodecResult<T> => ({ ok: true, value });

export const fail = <T = never>(error: CwmpCodecError): CodecResult<T> => ({ ok: false, error });
