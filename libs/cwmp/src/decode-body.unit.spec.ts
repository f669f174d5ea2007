import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { decodeBody } from './decode-body.js';
import type { CodecResult } from './result.js';

const body = Buffer.from('<soap-env:Envelope>caf\u00e9</soap-env:Envelope>', 'utf8');

const decoded = (result: CodecResult<Buffer>): Buffer => {
  if (!result.ok) assert.fail(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};
const codeOf = (result: CodecResult<Buffer>): string => (result.ok ? 'ok' : result.error.code);

describe('decodeBody', () => {
  it('passes identity bodies through', () => {
    assert.deepEqual(decoded(decodeBody(body, undefined)), body);
    assert.deepEqual(decoded(decodeBody(body, '')), body);
    assert.deepEqual(decoded(decodeBody(body, 'identity')), body);
  });

  it('gunzips gzip and x-gzip, whatever the header case', () => {
    assert.deepEqual(decoded(decodeBody(gzipSync(body), 'gzip')), body);
    assert.deepEqual(decoded(decodeBody(gzipSync(body), 'x-gzip')), body);
    assert.deepEqual(decoded(decodeBody(gzipSync(body), ' GZIP ')), body);
  });

  it('inflates deflate bodies with and without the zlib wrapper', () => {
    assert.deepEqual(decoded(decodeBody(deflateSync(body), 'deflate')), body);
    assert.deepEqual(decoded(decodeBody(deflateRawSync(body), 'deflate')), body);
  });

  it('undoes a list of codings in reverse order', () => {
    assert.deepEqual(decoded(decodeBody(gzipSync(deflateSync(body)), 'deflate, gzip')), body);
  });

  it('sniffs gzip when the CPE did not say', () => {
    assert.deepEqual(decoded(decodeBody(gzipSync(body), undefined)), body);
    assert.deepEqual(decoded(decodeBody(gzipSync(body), 'identity')), body);
  });

  it('rejects unknown encodings and corrupt data as CWMP_BAD_ENCODING', () => {
    assert.equal(codeOf(decodeBody(body, 'br')), 'CWMP_BAD_ENCODING');
    assert.equal(codeOf(decodeBody(body, 'compress')), 'CWMP_BAD_ENCODING');
    assert.equal(codeOf(decodeBody(body, 'gzip')), 'CWMP_BAD_ENCODING');
    assert.equal(codeOf(decodeBody(gzipSync(body).subarray(0, 20), 'gzip')), 'CWMP_BAD_ENCODING');
    assert.equal(codeOf(decodeBody(Buffer.from([0x1f, 0x8b, 0, 1, 2]), undefined)), 'CWMP_BAD_ENCODING');
  });

  it('caps the output at maxBodyBytes (zip bombs) and the input too', () => {
    const big = Buffer.alloc(10_000, 'a');
    assert.equal(codeOf(decodeBody(gzipSync(big), 'gzip', { maxBodyBytes: 9_999 })), 'CWMP_BODY_TOO_LARGE');
    assert.equal(codeOf(decodeBody(deflateRawSync(big), 'deflate', { maxBodyBytes: 9_999 })), 'CWMP_BODY_TOO_LARGE');
    assert.equal(codeOf(decodeBody(deflateSync(big), 'deflate', { maxBodyBytes: 9_999 })), 'CWMP_BODY_TOO_LARGE');
    assert.equal(decoded(decodeBody(gzipSync(big), 'gzip', { maxBodyBytes: 10_000 })).length, 10_000);
    assert.equal(codeOf(decodeBody(big, undefined, { maxBodyBytes: 9_999 })), 'CWMP_BODY_TOO_LARGE');
  });
});
