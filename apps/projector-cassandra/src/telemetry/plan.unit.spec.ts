import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sample, telemetryEvent } from '../testing/events.js';
import { DAY_MS } from './buckets.js';
import { planBatch } from './plan.js';

const t = Date.parse('2026-11-30T23:59:30Z');

describe('planning a batch', () => {
  it('groups samples by series and UTC day, in timestamp order', () => {
    const plan = planBatch([
      telemetryEvent('ten', 'dev-1', 1, [sample('cpu', t + 40_000, 2), sample('cpu', t, 1), sample('mem', t, 9)]),
      telemetryEvent('ten', 'dev-2', 1, [sample('cpu', t, 5)]),
    ]);
    const key = (u: (typeof plan.units)[number]) => `${u.deviceId}/${u.metric}/${new Date(u.day * DAY_MS).toISOString().slice(0, 10)}`;
    assert.deepEqual(plan.units.map(key).sort(), ['dev-1/cpu/2026-11-30', 'dev-1/cpu/2026-12-01', 'dev-1/mem/2026-11-30', 'dev-2/cpu/2026-11-30']);
    assert.equal(plan.rows, 4);
    assert.equal(plan.appliedEvents, 2);
    assert.deepEqual(plan.rejected, []);
  });

  it('keeps the later of two samples with the same timestamp, as the table would', () => {
    const first = telemetryEvent('ten', 'dev', 1, [sample('cpu', t, 1, 'pct'), sample('cpu', t + 1, 3)]);
    const second = telemetryEvent('ten', 'dev', 2, [sample('cpu', t, 2)]);
    const plan = planBatch([first, second]);
    assert.equal(plan.units.length, 1);
    assert.deepEqual(plan.units[0]!.samples, [
      { ts: t, value: 2, unit: null, eventId: second.eventId },
      { ts: t + 1, value: 3, unit: null, eventId: first.eventId },
    ]);
    assert.equal(plan.rows, 2);
  });

  it('sets aside a poison event whole and applies the others around it', () => {
    const plan = planBatch([
      telemetryEvent('ten', 'dev', 1, [sample('cpu', t, 1)]),
      telemetryEvent('ten', 'dev', 2, [sample('cpu', t + 1000, 2), sample('cpu', t + 2000, Number.NaN)]),
      { type: 'DeviceRebooted' },
      telemetryEvent('ten', 'dev', 3, [sample('cpu', t + 3000, 3)]),
    ]);
    assert.deepEqual(
      plan.rejected.map((r) => [r.index, r.code]),
      [
        [1, 'TELEMETRY_VALUE_NOT_FINITE'],
        [2, 'TELEMETRY_UNEXPECTED_EVENT_TYPE'],
      ],
    );
    assert.equal(plan.appliedEvents, 2);
    assert.deepEqual(plan.units.flatMap((u) => u.samples.map((s) => s.value)), [1, 3]);
  });
});
