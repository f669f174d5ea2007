import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deriveDeviceId, deviceIdOf, parseDeviceId } from './device-id.js';
import type { ProtocolIdentity } from './device-identity.js';
import { isPrintable } from './text.js';

const id = (identity: ProtocolIdentity): string => {
  const result = deviceIdOf(identity);
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
};

const protocolOf = (deviceId: string): string | undefined => {
  const parsed = parseDeviceId(deviceId);
  return parsed.ok ? parsed.value.protocol : undefined;
};

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

// Strings a CPE or MQTT client might really send: printable, well-formed, bounded.
const printable = (maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength }).filter((s) => s.length <= maxLength && isPrintable(s));

describe('Device id derivation', () => {
  describe('CWMP', () => {
    it('is OUI-ProductClass-SerialNumber', () => {
      assert.equal(id({ protocol: 'CWMP', oui: '00D09E', productClass: 'IGD', serialNumber: '123456' }), '00D09E-IGD-123456');
    });

    it('is OUI-SerialNumber when ProductClass is empty or absent', () => {
      assert.equal(id({ protocol: 'CWMP', oui: '00D09E', productClass: null, serialNumber: '123456' }), '00D09E-123456');
      assert.equal(id({ protocol: 'CWMP', oui: '00D09E', productClass: '', serialNumber: '123456' }), '00D09E-123456');
    });

    it('upper-cases the OUI so one device has one id', () => {
      assert.equal(id({ protocol: 'CWMP', oui: '00d09e', productClass: 'IGD', serialNumber: 'X' }), '00D09E-IGD-X');
    });

    it('percent-encodes "-", "/", spaces and non-ASCII so the separators stay unambiguous', () => {
      assert.equal(
        id({ protocol: 'CWMP', oui: 'A0B1C2', productClass: 'HG-8245/H', serialNumber: 'SN 1-ü' }),
        'A0B1C2-HG%2D8245%2FH-SN%201%2D%C3%BC',
      );
    });

    it('rejects an OUI that is not 6 hex digits and a missing serial number', () => {
      assert.equal(errorCode(deviceIdOf({ protocol: 'CWMP', oui: '00D09', productClass: null, serialNumber: 'X' })), 'INVALID_DEVICE_IDENTITY');
      assert.equal(errorCode(deviceIdOf({ protocol: 'CWMP', oui: '00D09G', productClass: null, serialNumber: 'X' })), 'INVALID_DEVICE_IDENTITY');
      assert.equal(errorCode(deviceIdOf({ protocol: 'CWMP', oui: '00D09E', productClass: null, serialNumber: '' })), 'INVALID_DEVICE_IDENTITY');
    });

    it('rejects TR-069 fields longer than 64 characters and control characters', () => {
      assert.equal(errorCode(deviceIdOf({ protocol: 'CWMP', oui: '00D09E', productClass: null, serialNumber: 'x'.repeat(65) })), 'INVALID_DEVICE_IDENTITY');
      assert.equal(errorCode(deviceIdOf({ protocol: 'CWMP', oui: '00D09E', productClass: 'a\nb', serialNumber: 'x' })), 'INVALID_DEVICE_IDENTITY');
    });
  });

  describe('USP', () => {
    it('is the endpoint id itself', () => {
      assert.equal(id({ protocol: 'USP', endpointId: 'oui:00256D:my-unique-bbf-id-42' }), 'oui:00256D:my-unique-bbf-id-42');
    });

    it('rejects an invalid endpoint id with INVALID_ENDPOINT_ID', () => {
      assert.equal(errorCode(deviceIdOf({ protocol: 'USP', endpointId: 'nope:x:y' })), 'INVALID_ENDPOINT_ID');
    });
  });

  describe('MQTT', () => {
    it('is vendor:clientId with the client id percent-encoded', () => {
      assert.equal(id({ protocol: 'MQTT', vendor: 'tasmota', clientId: 'DVES_1A2B3C' }), 'tasmota:DVES_1A2B3C');
      assert.equal(id({ protocol: 'MQTT', vendor: 'shelly', clientId: 'shelly/plug:1' }), 'shelly:shelly%2Fplug%3A1');
    });

    it('keeps "-" readable in client ids (only ":" separates)', () => {
      assert.equal(id({ protocol: 'MQTT', vendor: 'acme', clientId: 'sensor-0042' }), 'acme:sensor-0042');
    });

    it('rejects a vendor that is not a slug and an empty client id', () => {
      assert.equal(errorCode(deviceIdOf({ protocol: 'MQTT', vendor: 'Acme Inc', clientId: 'x' })), 'INVALID_DEVICE_IDENTITY');
      assert.equal(errorCode(deviceIdOf({ protocol: 'MQTT', vendor: 'acme', clientId: '' })), 'INVALID_DEVICE_IDENTITY');
    });
  });

  it('derives from a full identity record, checking fields foreign to the protocol', () => {
    assert.deepEqual(deriveDeviceId('CWMP', { oui: '00D09E', productClass: 'IGD', serialNumber: '1', manufacturer: 'ACME' }), {
      ok: true,
      value: '00D09E-IGD-1',
    });
    assert.equal(errorCode(deriveDeviceId('CWMP', { oui: '00D09E', serialNumber: '1', clientId: 'x' })), 'INVALID_DEVICE_IDENTITY');
    assert.equal(errorCode(deriveDeviceId('MQTT', { vendor: 'acme', clientId: 'x', endpointId: 'self::x' })), 'INVALID_DEVICE_IDENTITY');
    assert.equal(errorCode(deriveDeviceId('USP', { endpointId: 'self::agent', oui: '00D09E', serialNumber: 'S1' })), 'ok');
  });
});

describe('Device id parsing', () => {
  it('inverts CWMP derivation for any product class and serial number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-F]{6}$/), fc.option(printable(64), { nil: null }), printable(64), (oui, productClass, serialNumber) => {
        const derived = deviceIdOf({ protocol: 'CWMP', oui, productClass, serialNumber });
        fc.pre(derived.ok);
        if (!derived.ok) return;
        const parsed = parseDeviceId(derived.value);
        assert.deepEqual(parsed, { ok: true, value: { protocol: 'CWMP', oui, productClass: productClass === '' ? null : productClass, serialNumber } });
      }),
    );
  });

  it('inverts MQTT derivation for any client id', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/), printable(256), (vendor, clientId) => {
        const derived = deviceIdOf({ protocol: 'MQTT', vendor, clientId });
        assert.ok(derived.ok);
        assert.deepEqual(parseDeviceId(derived.value), { ok: true, value: { protocol: 'MQTT', vendor, clientId } });
      }),
    );
  });

  it('never produces a "/" (the Kafka key separator) or collides across protocols', () => {
    fc.assert(
      fc.property(printable(64), printable(64), (a, b) => {
        const cwmp = deviceIdOf({ protocol: 'CWMP', oui: '00D09E', productClass: a, serialNumber: b });
        const mqtt = deviceIdOf({ protocol: 'MQTT', vendor: 'acme', clientId: `${a}${b}` });
        assert.ok(cwmp.ok && mqtt.ok);
        assert.ok(!cwmp.value.includes('/') && !mqtt.value.includes('/'));
        assert.equal(protocolOf(cwmp.value), 'CWMP');
        assert.equal(protocolOf(mqtt.value), 'MQTT');
      }),
    );
  });

  it('recognises USP ids by their two colons', () => {
    assert.deepEqual(parseDeviceId('os::00256D-0123456789'), { ok: true, value: { protocol: 'USP', endpointId: 'os::00256D-0123456789' } });
  });

  it('rejects non-canonical spellings of a valid id with INVALID_DEVICE_ID', () => {
    for (const text of [
      '00d09e-IGD-1', // lower-case OUI
      '00D09E-%49GD-1', // needless escape of "I"
      '00D09E-IGD-a%2db', // lower-case hex
      '00D09E--1', // empty product class spelled out
      'acme:a%3ab',
    ]) {
      assert.equal(errorCode(parseDeviceId(text)), 'INVALID_DEVICE_ID', text);
    }
  });

  it('rejects malformed ids with INVALID_DEVICE_ID', () => {
    for (const text of ['', '00D09E', '00D09E-a-b-c', 'a:b:c:d', 'ACME:x', '00D09E-IGD-%ZZ', 'self::bad id', 7]) {
      const code = errorCode(parseDeviceId(text));
      assert.ok(code === 'INVALID_DEVICE_ID' || code === 'INVALID_ENDPOINT_ID', `${String(text)} gave ${code}`);
    }
  });
});
