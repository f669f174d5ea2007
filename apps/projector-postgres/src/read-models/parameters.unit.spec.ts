import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldParameters, parameterKey, type CurrentParameterRow, type HistoryRow, type ParameterReport } from './fold.js';

// foldParameters against a naive model of what the parameter read models mean, for random report
// sequences cut into random batches, the stored rows carried from one batch to the next as the
// projector carries them through device_parameters.

const T0 = 1_790_000_000_000;
const PATHS = ['Device.WiFi.SSID.1.SSID', 'Device.DeviceInfo.UpTime', 'Device.ManagementServer.PeriodicInformInterval'];

/** One event's parameters: few paths and values, so repeats (and returns to an old value) are common. */
const reportedParameter = fc.record({
  path: fc.constantFrom(...PATHS),
  value: fc.constantFrom('0', '1', '2'),
  valueType: fc.constantFrom('string', 'unsignedInt'),
  writable: fc.constantFrom(null, true, false),
});

interface ReportedEvent {
  device: string;
  step: number;
  origin: string;
  parameters: { path: string; value: string; valueType: string; writable: boolean | null }[];
}

const event: fc.Arbitrary<ReportedEvent> = fc.record({
  device: fc.constantFrom('dev-a', 'dev-b'),
  /** Milliseconds after the previous event: 0 is a tie. */
  step: fc.constantFrom(0, 0, 1, 7, 60_000),
  origin: fc.constantFrom('inform', 'get', 'set'),
  // A path at most once per event, as in as-of.int.spec.ts: history rows are keyed by time and
  // log position, which all the reports of one event share.
  parameters: fc.uniqueArray(reportedParameter, { minLength: 1, maxLength: 3, selector: (p) => p.path }),
});

/** The events flattened into reports in log order: non-decreasing times, one log position per event. */
const reportsOf = (events: readonly ReportedEvent[]): ParameterReport[] => {
  let at = T0;
  return events.flatMap((e, i) => {
    at += e.step;
    return e.parameters.map((p) => ({ tenantId: 'acme', deviceId: e.device, ...p, at, origin: e.origin, eventId: `ev-${i}`, position: BigInt(100 + i) }));
  });
};

/** The log cut at random places (between any two reports, even inside one event). */
const batchesOf = <T>(xs: readonly T[], cuts: readonly number[]): T[][] => {
  const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const to of [...at, xs.length]) {
    out.push(xs.slice(from, to));
    from = to;
  }
  return out;
};

type Stored = Map<string, CurrentParameterRow>;

/** What the projector does across batches: each batch folded over the rows the previous ones stored. */
const foldInBatches = (batches: readonly ParameterReport[][]) => {
  const stored: Stored = new Map();
  const history: HistoryRow[] = [];
  for (const batch of batches) {
    const out = foldParameters(stored, batch);
    history.push(...out.history);
    for (const [k, { value, valueType, writable, reportedAt, changedAt, eventId }] of out.current) stored.set(k, { value, valueType, writable, reportedAt, changedAt, eventId });
  }
  return { stored, history };
};

/** The model, written from the definitions: a change is a report whose value or type differs from the previous report of its path. */
const expected = (reports: readonly ParameterReport[]) => {
  const history: HistoryRow[] = [];
  const current: Stored = new Map();
  const previous = new Map<string, ParameterReport>();
  const lastChange = new Map<string, ParameterReport>();
  const lastWritable = new Map<string, boolean>();
  for (const r of reports) {
    const k = parameterKey(r.tenantId, r.deviceId, r.path);
    const before = previous.get(k);
    if (!before || before.value !== r.value || before.valueType !== r.valueType) {
      history.push({ tenantId: r.tenantId, deviceId: r.deviceId, path: r.path, validFrom: r.at, position: r.position, value: r.value, valueType: r.valueType, origin: r.origin, eventId: r.eventId });
      lastChange.set(k, r);
    }
    previous.set(k, r);
    if (r.writable !== null) lastWritable.set(k, r.writable);
  }
  for (const [k, last] of previous) {
    const change = lastChange.get(k)!;
    current.set(k, { value: last.value, valueType: last.valueType, writable: lastWritable.get(k) ?? null, reportedAt: last.at, changedAt: change.at, eventId: change.eventId });
  }
  return { history, current };
};

const sequences = fc.record({ events: fc.array(event, { minLength: 1, maxLength: 30 }), cuts: fc.array(fc.nat(200), { maxLength: 8 }) });

describe('foldParameters: current values and the change history', () => {
  it('records exactly the reports that change a value or type, the first report of a path included', () => {
    fc.assert(
      fc.property(sequences, ({ events, cuts }) => {
        const reports = reportsOf(events);
        assert.deepEqual(foldInBatches(batchesOf(reports, cuts)).history, expected(reports).history);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the last report of each path as current, writability carried over a report without it, changedAt and eventId from the last change', () => {
    fc.assert(
      fc.property(sequences, ({ events, cuts }) => {
        const reports = reportsOf(events);
        assert.deepEqual(foldInBatches(batchesOf(reports, cuts)).stored, expected(reports).current);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same history and current rows however the log is cut into batches', () => {
    fc.assert(
      fc.property(sequences, fc.array(fc.nat(200), { maxLength: 8 }), ({ events, cuts }, otherCuts) => {
        const reports = reportsOf(events);
        const whole = foldInBatches([reports]);
        const cut = foldInBatches(batchesOf(reports, cuts));
        const cutElsewhere = foldInBatches(batchesOf(reports, otherCuts));
        const oneByOne = foldInBatches(reports.map((r) => [r]));
        for (const other of [cut, cutElsewhere, oneByOne]) {
          assert.deepEqual(other.history, whole.history);
          assert.deepEqual(other.stored, whole.stored);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('does not count a report equal to the stored value as a change, and returns one current row per path of the batch', () => {
    fc.assert(
      fc.property(reportedParameter, fc.constantFrom(null, true, false), (p, storedWritable) => {
        const key = parameterKey('acme', 'dev-a', p.path);
        const stored: Stored = new Map([[key, { value: p.value, valueType: p.valueType, writable: storedWritable, reportedAt: T0, changedAt: T0 - 5, eventId: 'ev-old' }]]);
        const report = { tenantId: 'acme', deviceId: 'dev-a', ...p, at: T0 + 10, origin: 'get', eventId: 'ev-new', position: 7n };
        const { current, history } = foldParameters(stored, [report, { ...report, eventId: 'ev-newer', position: 8n, writable: null }]);
        assert.deepEqual(history, []);
        assert.equal(current.size, 1);
        assert.deepEqual(current.get(key), { tenantId: 'acme', deviceId: 'dev-a', path: p.path, value: p.value, valueType: p.valueType, writable: p.writable ?? storedWritable, reportedAt: T0 + 10, changedAt: T0 - 5, eventId: 'ev-old' });
      }),
      { numRuns: 500 },
    );
  });
});
