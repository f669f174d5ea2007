import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseEndpointId } from './usp-endpoint-id.js';

const rejected = (value: unknown): boolean => {
  const result = parseEndpointId(value);
  return !result.ok && result.error.code === 'INVALID_ENDPOINT_ID';
};

describe('USP endpoint id', () => {
  it('accepts the TR-369 examples of every authority scheme', () => {
    const examples = [
      'oui:00256D:my-unique-bbf-id-42',
      'cid:3AA3F8:my-unique-usp-id-42',
      'pen:3561:my-unique-bbf-id-42',
      'self::my-Agent',
      'self:ab12:my-Agent',
      'user::assigned.by_user',
      'os::00256D-0123456789',
      'ops::00256D-STB-0123456789',
      'uuid::f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      'imei::990000862471854',
      'proto::my-Agent',
      'doc:x:example',
      'fqdn:agents.example.com:cpe-1',
      'self::name%20with%20space',
    ];
    for (const id of examples) assert.ok(parseEndpointId(id).ok, id);
  });

  it('splits the id into scheme, authority-id and instance-id', () => {
    assert.deepEqual(parseEndpointId('oui:00256D:abc'), { ok: true, value: { scheme: 'oui', authorityId: '00256D', instanceId: 'abc' } });
  });

  it('rejects ids without exactly two colons or with an unknown scheme', () => {
    for (const id of ['oui:00256D', 'oui:00256D:a:b', 'mac::001122334455', ':x:y', 42]) assert.ok(rejected(id), String(id));
  });

  it('applies each scheme\'s authority-id rule', () => {
    for (const id of ['oui:00256:x', 'oui::x', 'cid:GGGGGG:x', 'pen:03561:x', 'pen:abc:x', 'self:toolong7:x', 'os:00256D:00256D-1', 'uuid:x:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'proto:a.b:x', 'fqdn::x', 'fqdn:-bad-.com:x']) {
      assert.ok(rejected(id), id);
    }
  });

  it('applies each scheme\'s instance-id rule', () => {
    for (const id of ['os::0123456789', 'ops::00256D-0123456789', 'uuid::not-a-uuid', 'imei::12345', 'self::']) assert.ok(rejected(id), id);
  });

  it('limits instance-id to 50 unreserved or percent-encoded characters (R-ARC.5, R-ARC.6)', () => {
    assert.ok(parseEndpointId(`self::${'a'.repeat(50)}`).ok);
    assert.ok(rejected(`self::${'a'.repeat(51)}`));
    for (const id of ['self::a~b', 'self::a b', 'self::a/b', 'self::a%2', 'self::a%zz']) assert.ok(rejected(id), id);
  });

  it('accepts any instance-id made of unreserved characters', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{1,50}$/), (instance) => parseEndpointId(`self::${instance}`).ok));
  });
});
