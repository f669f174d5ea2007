import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitsValueType, parseParameterValue, parseValueType, valueTypes } from './value-type.js';
import type { ValueType } from './value-type.js';

const fits = (type: ValueType, values: string[]) => values.forEach((value) => assert.equal(fitsValueType(type, value), true, `${type} ${value}`));
const misfits = (type: ValueType, values: string[]) => values.forEach((value) => assert.equal(fitsValueType(type, value), false, `${type} ${value}`));

describe('Value types', () => {
  it('knows the ten TR-069 types and rejects others with UNKNOWN_VALUE_TYPE', () => {
    assert.equal(valueTypes.length, 10);
    for (const type of valueTypes) assert.ok(parseValueType(type).ok);
    for (const type of ['xsd:string', 'integer', 'String', '', undefined]) {
      const result = parseValueType(type);
      assert.ok(!result.ok && result.error.code === 'UNKNOWN_VALUE_TYPE', String(type));
    }
  });

  it('accepts any string as string', () => {
    fc.assert(fc.property(fc.string(), (value) => fitsValueType('string', value)));
  });

  it('bounds int, unsignedInt, long and unsignedLong by their ranges', () => {
    fits('int', ['0', '-2147483648', '2147483647', '+5', '007']);
    misfits('int', ['2147483648', '-2147483649', '', '1.0', '1e3', ' 1', '0x10']);
    fits('unsignedInt', ['0', '4294967295', '-0']);
    misfits('unsignedInt', ['4294967296', '-1', '']);
    fits('long', ['-9223372036854775808', '9223372036854775807']);
    misfits('long', ['9223372036854775808', '-9223372036854775809']);
    fits('unsignedLong', ['18446744073709551615']);
    misfits('unsignedLong', ['18446744073709551616', '-1']);
  });

  it('accepts exactly the unsignedInt range 0..4294967295', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), (n) => {
        assert.equal(fitsValueType('unsignedInt', n.toString()), n >= 0n && n <= 4294967295n);
      }),
    );
  });

  it('accepts booleans as true, false, 1 or 0 only', () => {
    fits('boolean', ['true', 'false', '1', '0']);
    misfits('boolean', ['True', 'FALSE', 'yes', '', '2']);
  });

  it('accepts xsd dateTime, including TR-069\'s unknown time, and checks the calendar', () => {
    fits('dateTime', ['2024-02-29T13:05:00Z', '0001-01-01T00:00:00Z', '2024-06-01T10:00:00.123+02:00', '2024-06-01T10:00:00', '2024-12-31T24:00:00Z', '12024-01-01T00:00:00Z']);
    misfits('dateTime', [
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-04-31T00:00:00Z',
      '2024-06-01T25:00:00Z',
      '2024-06-01T24:00:01Z',
      '2024-06-01T10:60:00Z',
      '2024-06-01T10:00:00+15:00',
      '2024-06-01 10:00:00Z',
      '0000-01-01T00:00:00Z',
      '2024-06-01',
      '',
    ]);
  });

  it('accepts base64 (with wrapping white space) and rejects broken padding', () => {
    fits('base64', ['', 'QUJD', 'QUI=', 'QQ==', 'QUJD\nREVG']);
    misfits('base64', ['QUJ', 'Q===', 'QU=I', '****']);
  });

  it('round-trips any bytes through base64 and hexBinary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
        const base64 = btoa(String.fromCharCode(...bytes));
        assert.ok(fitsValueType('hexBinary', hex));
        assert.ok(fitsValueType('base64', base64));
      }),
    );
  });

  it('accepts hexBinary as pairs of hex digits', () => {
    fits('hexBinary', ['', '00', 'DEADbeef']);
    misfits('hexBinary', ['0', 'GG', '0x00']);
  });

  it('accepts decimals with optional sign and fraction', () => {
    fits('decimal', ['1', '-1.5', '+.5', '3.', '0.000']);
    misfits('decimal', ['', '.', '1e5', '1,5', 'NaN']);
  });

  it('reports a misfit as INVALID_PARAMETER_VALUE', () => {
    assert.deepEqual(parseParameterValue('int', '12'), { ok: true, value: '12' });
    const result = parseParameterValue('unsignedInt', '-1');
    assert.ok(!result.ok && result.error.code === 'INVALID_PARAMETER_VALUE');
    const notString = parseParameterValue('string', 5);
    assert.ok(!notString.ok && notString.error.code === 'INVALID_PARAMETER_VALUE');
  });
});
