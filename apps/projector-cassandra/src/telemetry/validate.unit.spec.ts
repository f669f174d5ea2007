import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sample, telemetryEvent } from '../testing/events.js';
import { LIMITS, validateTelemetry, type RejectionCode } from './validate.js';

const t = Date.parse('2026-11-23T10:00:00Z');
const withSamples = (...samples: ReturnType<typeof sample>[]) => telemetryEvent('tenant-a', 'dev-1', 1, samples);
const codeOf = <E extends { type: string }>(e: E) => {
  const v = validateTelemetry(e);
  return v.ok ? 'ok' : v.code;
};

describe('telemetry validation', () => {
  it('accepts well-formed samples, including none at all', () => {
    assert.equal(codeOf(withSamples(sample('wifi.rssi', t, -61.5, 'dBm'), sample('cpu.load', t, 0))), 'ok');
    assert.equal(codeOf(withSamples()), 'ok');
    assert.equal(codeOf(withSamples(sample('x', LIMITS.minTs, Number.MAX_VALUE))), 'ok');
  });

  const cases: [string, ReturnType<typeof withSamples>, RejectionCode][] = [
    ['NaN value', withSamples(sample('m', t, Number.NaN)), 'TELEMETRY_VALUE_NOT_FINITE'],
    ['infinite value', withSamples(sample('m', t, Number.POSITIVE_INFINITY)), 'TELEMETRY_VALUE_NOT_FINITE'],
    ['minus infinity', withSamples(sample('m', t, Number.NEGATIVE_INFINITY)), 'TELEMETRY_VALUE_NOT_FINITE'],
    ['negative timestamp', { ...withSamples(sample('m', -5, 1)), recordedAt: t }, 'TELEMETRY_TS_OUT_OF_RANGE'],
    ['a clock that was never set (1970)', { ...withSamples(sample('m', 3_600_000, 1)), recordedAt: t }, 'TELEMETRY_TS_OUT_OF_RANGE'],
    ['a timestamp far ahead of recording', { ...withSamples(sample('m', t + 2 * 86_400_000, 1)), recordedAt: t }, 'TELEMETRY_TS_OUT_OF_RANGE'],
    ['a fractional timestamp', { ...withSamples(sample('m', t + 0.5, 1)), recordedAt: t + 1000 }, 'TELEMETRY_TS_OUT_OF_RANGE'],
    ['an empty metric', withSamples(sample('', t, 1)), 'TELEMETRY_INVALID_METRIC'],
    ['a metric of spaces', withSamples(sample('  ', t, 1)), 'TELEMETRY_INVALID_METRIC'],
    ['a metric with a control character', withSamples(sample('cpu\u0000load', t, 1)), 'TELEMETRY_INVALID_METRIC'],
    ['an overlong metric', withSamples(sample('m'.repeat(LIMITS.metricLength + 1), t, 1)), 'TELEMETRY_INVALID_METRIC'],
    ['an overlong unit', withSamples(sample('m', t, 1, 'u'.repeat(LIMITS.unitLength + 1))), 'TELEMETRY_INVALID_UNIT'],
    ['an empty device id', { ...withSamples(sample('m', t, 1)), aggregateId: '' }, 'TELEMETRY_INVALID_KEY'],
    ['an overlong tenant id', { ...withSamples(sample('m', t, 1)), tenantId: 't'.repeat(LIMITS.idLength + 1) }, 'TELEMETRY_INVALID_KEY'],
  ];
  for (const [what, event, code] of cases) {
    it(`refuses ${what} with ${code}`, () => assert.equal(codeOf(event), code));
  }

  it('names the sample at fault', () => {
    const v = validateTelemetry(withSamples(sample('ok', t, 1), sample('bad', t, Number.NaN)));
    assert.ok(!v.ok && /sample 1 \(bad\)/.test(v.message));
  });

  it('refuses events of another type', () => {
    assert.equal(codeOf({ type: 'DeviceRebooted' }), 'TELEMETRY_UNEXPECTED_EVENT_TYPE');
  });

  it('accepts any finite value at any timestamp between 2000 and recording (+1 day)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: LIMITS.minTs, max: t + LIMITS.maxAheadOfRecordedMs }),
        fc.string({ minLength: 1, maxLength: 40 }).filter((m) => m.trim() === m && m.length > 0 && [...m].every((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)),
        (value, ts, metric) => {
          assert.equal(codeOf({ ...withSamples(sample(metric, ts, value)), recordedAt: t }), 'ok');
        },
      ),
    );
  });
});
