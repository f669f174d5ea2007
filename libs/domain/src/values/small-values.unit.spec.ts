import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseChannel, parseProtocol } from './protocol.js';
import { parsePrincipal } from './principal.js';
import { parseTag } from './tag.js';
import { parseEpochMillis } from './timestamp.js';

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('Protocol and channel', () => {
  it('knows CWMP, USP and MQTT only', () => {
    assert.equal(code(parseProtocol('CWMP')), 'ok');
    assert.equal(code(parseProtocol('cwmp')), 'UNKNOWN_PROTOCOL');
    assert.equal(code(parseProtocol('SNMP')), 'UNKNOWN_PROTOCOL');
  });

  it('allows each protocol its own channel only', () => {
    assert.equal(code(parseChannel('CWMP', 'cwmp-session')), 'ok');
    assert.equal(code(parseChannel('USP', 'usp-mqtt')), 'ok');
    assert.equal(code(parseChannel('MQTT', 'mqtt')), 'ok');
    assert.equal(code(parseChannel('CWMP', 'mqtt')), 'INVALID_CHANNEL');
    assert.equal(code(parseChannel('USP', 'carrier-pigeon')), 'INVALID_CHANNEL');
  });
});

describe('Tag', () => {
  it('accepts short printable labels', () => {
    for (const tag of ['pilot', 'region:eu-west', 'firmware/1.2', 'Ünïcode ok', 'x'.repeat(64)]) assert.equal(code(parseTag(tag)), 'ok', tag);
  });

  it('rejects empty, padded, over-long and control-character tags with INVALID_TAG', () => {
    for (const tag of ['', ' pilot', 'pilot ', 'x'.repeat(65), 'a\tb', 'a\u0000b', 3]) assert.equal(code(parseTag(tag)), 'INVALID_TAG', String(tag));
  });
});

describe('Principal', () => {
  it('accepts user:<id> and apikey:<id>', () => {
    assert.equal(code(parsePrincipal('requestedBy', 'user:42')), 'ok');
    assert.equal(code(parsePrincipal('requestedBy', 'apikey:k_9f2')), 'ok');
  });

  it('rejects other principals with INVALID_PRINCIPAL', () => {
    for (const who of ['admin', 'user:', 'user:a b', 'service:x', '', undefined]) assert.equal(code(parsePrincipal('requestedBy', who)), 'INVALID_PRINCIPAL', String(who));
  });
});

describe('Timestamps', () => {
  it('accepts non-negative whole epoch milliseconds only', () => {
    assert.equal(code(parseEpochMillis('now', 1_700_000_000_000)), 'ok');
    assert.equal(code(parseEpochMillis('now', 0)), 'ok');
    for (const t of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, '1700000000000', null]) {
      assert.equal(code(parseEpochMillis('now', t)), 'INVALID_TIMESTAMP', String(t));
    }
  });
});
