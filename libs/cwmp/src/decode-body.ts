import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { CwmpCodecError } from './errors.js';
import { resolveLimits } from './limits.js';
import type { CodecLimits } from './limits.js';
import { fail, ok } from './result.js';
import type { CodecResult } from './result.js';

type Coding = 'identity' | 'gzip' | 'deflate';

const CODINGS: Record<string, Coding> = { '': 'identity', identity: 'identity', gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate' };

const isGzip = (data: Buffer): boolean => data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;

// RFC 1950 header: compression method 8 and a check value that makes the first two bytes a multiple of 31.
// Many servers and CPEs send raw RFC 1951 data under "deflate" instead, so we look before inflating.
const isZlib = (data: Buffer): boolean =>
  data.length >= 2 && ((data[0] ?? 0) & 0x0f) === 8 && (((data[0] ?? 0) << 8) | (data[1] ?? 0)) % 31 === 0;

const tooLarge = (limit: number): CwmpCodecError =>
  new CwmpCodecError('CWMP_BODY_TOO_LARGE', `Body is larger than ${limit} bytes after decoding`);

const inflateOne = (coding: Coding, data: Buffer, maxOutputLength: number): Buffer => {
  switch (coding) {
    case 'identity':
      return data;
    case 'gzip':
      return gunzipSync(data, { maxOutputLength });
    case 'deflate':
      return isZlib(data) ? inflateSync(data, { maxOutputLength }) : inflateRawSync(data, { maxOutputLength });
    default: {
      const unhandled: never = coding;
      throw new Error(`Unhandled coding ${String(unhandled)}`);
    }
  }
};

/** Gunzip/inflate a request body by its Content-Encoding, never beyond maxBodyBytes (zip bombs). */
export function decodeBody(raw: Buffer, contentEncoding: string | undefined, limits?: Partial<CodecLimits>): CodecResult<Buffer> {
  const { maxBodyBytes } = resolveLimits(limits);
  if (raw.length > maxBodyBytes) return fail(new CwmpCodecError('CWMP_BODY_TOO_LARGE', `Body of ${raw.length} bytes exceeds ${maxBodyBytes}`));

  // "gzip, identity" style lists name the codings in the order they were applied; undo them backwards.
  const names = (contentEncoding ?? '').toLowerCase().split(',').map((name) => name.trim()).filter((name) => name !== '');
  const codings: Coding[] = [];
  for (const name of names) {
    const coding = CODINGS[name];
    if (coding === undefined) return fail(new CwmpCodecError('CWMP_BAD_ENCODING', `Unsupported Content-Encoding "${name}"`));
    if (coding !== 'identity') codings.push(coding);
  }
  // Some CPEs gzip their bodies without saying so.
  if (codings.length === 0 && isGzip(raw)) codings.push('gzip');

  let data = raw;
  for (const coding of codings.reverse()) {
    try {
      data = inflateOne(coding, data, maxBodyBytes);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return fail(tooLarge(maxBodyBytes));
      return fail(new CwmpCodecError('CWMP_BAD_ENCODING', `Body is not valid ${coding} data`, { cause: error }));
    }
  }
  return ok(data);
}
