import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, resolveLimits } from './limits.js';
import { decodeJson, decodeText } from './payload.js';
import { codeOf, payloadOf } from './testing/uplink.js';

describe('payload decoding', () => {
  it('checks the size before anything else', () => {
    const limits = resolveLimits({ maxPayloadBytes: 16 });
    assert.equal(codeOf(decodeJson(new Uint8Array(17).fill(0xff), limits)), 'MQTT_PAYLOAD_TOO_LARGE');
    // Multi-byte characters count as bytes.
    assert.equal(codeOf(decodeJson(payloadOf(`"${'\u4e2d'.repeat(6)}"`), limits)), 'MQTT_PAYLOAD_TOO_LARGE');
    assert.equal(codeOf(decodeJson(payloadOf('{"a":1}'), limits)), 'ok');
  });

  it('refuses invalid UTF-8, and drops a byte order mark', () => {
    assert.equal(codeOf(decodeJson(Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_MALFORMED');
    assert.deepEqual(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x74, 0x72, 0x75, 0x65), DEFAULT_LIMITS), { ok: true, value: 'true' });
  });

  it('refuses nesting deeper than the limit whether or not the text parses, and counts brackets inside strings as text', () => {
    assert.equal(codeOf(decodeJson(payloadOf('['.repeat(100_000)), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_TOO_DEEP');
    assert.equal(codeOf(decodeJson(payloadOf(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_TOO_DEEP');
    assert.equal(codeOf(decodeJson(payloadOf(`${'{"a":'.repeat(32)}1${'}'.repeat(32)}`), DEFAULT_LIMITS)), 'ok');
    assert.equal(codeOf(decodeJson(payloadOf(`${'[{"a":'.repeat(16)}1${'}]'.repeat(16)}`), DEFAULT_LIMITS)), 'ok');
    assert.equal(codeOf(decodeJson(payloadOf(`${'[{"a":'.repeat(17)}1${'}]'.repeat(17)}`), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_TOO_DEEP');
    assert.equal(codeOf(decodeJson(payloadOf(`{"a":[${'['.repeat(40)}`), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_TOO_DEEP');
    assert.equal(codeOf(decodeJson(payloadOf(`{"a":[${'['.repeat(20)}`), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_MALFORMED');
    assert.equal(codeOf(decodeJson(payloadOf(JSON.stringify({ text: '[[[[{{{{\\"'.repeat(100) })), DEFAULT_LIMITS)), 'ok');
  });

  it('refuses what is not JSON and numbers JSON cannot carry', () => {
    for (const text of ['', '{', '{"a":}', "{'a':1}", 'NaN', '{"a":1}x']) assert.equal(codeOf(decodeJson(payloadOf(text), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_MALFORMED', text);
    assert.equal(codeOf(decodeJson(payloadOf('{"a":1e999}'), DEFAULT_LIMITS)), 'MQTT_PAYLOAD_INVALID');
    const deepInfinity = decodeJson(payloadOf('{"a":[1,{"b":-1e999}]}'), DEFAULT_LIMITS);
    assert.equal(deepInfinity.ok ? '' : deepInfinity.error.message, '$.a[1].b: must be a finite number');
  });

  it('keeps every limit positive whatever the override', () => {
    assert.deepEqual(resolveLimits({ maxPayloadBytes: -1, maxDepth: Number.NaN, maxItems: 0 }), DEFAULT_LIMITS);
    assert.deepEqual(resolveLimits({ maxDepth: 4.7 }), { ...DEFAULT_LIMITS, maxDepth: 4 });
  });
});
