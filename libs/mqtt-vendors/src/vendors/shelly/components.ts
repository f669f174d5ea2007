import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { table } from '../../fields.js';
import { isObject } from '../../payload.js';
import type { Report } from '../../values.js';
import { metricName } from '../../values.js';

// Shelly Gen2+ component status (shelly-api-docs.shelly.cloud/gen2, "Components"): keys are `type` or
// `type:id` (e.g. `sys`, `switch:0`). Measured numbers become telemetry named `<type>.<id>.<field>`;
// everything else (booleans, text, counters, configuration revisions) becomes parameters `<type>_<id>.<field>`.

/** Well-known fields: metric name and unit. */
const fields = table<readonly [string, string | null]>({
  apower: ['power', 'W'],
  act_power: ['power', 'W'],
  aprt_power: ['apparent_power', 'VA'],
  voltage: ['voltage', 'V'],
  V: ['voltage', 'V'],
  current: ['current', 'A'],
  pf: ['power_factor', null],
  freq: ['frequency', 'Hz'],
  tC: ['temperature', '°C'],
  rh: ['humidity', '%'],
  lux: ['illuminance', 'lx'],
  percent: ['percent', '%'],
  rssi: ['rssi', 'dBm'],
  uptime: ['uptime', 's'],
  ram_free: ['ram_free', 'B'],
  ram_min_free: ['ram_min_free', 'B'],
  fs_free: ['fs_free', 'B'],
  brightness: ['brightness', '%'],
  current_pos: ['position', '%'],
  target_pos: ['target_position', '%'],
});

// Per-phase and total fields of energy meters (em, em1, emdata: a_current, total_act_power, ...).
const suffixUnits: readonly (readonly [RegExp, string | null])[] = [
  [/_act_power$/, 'W'],
  [/_aprt_power$/, 'VA'],
  [/_current$/, 'A'],
  [/_voltage$/, 'V'],
  [/_freq$/, 'Hz'],
  [/_pf$/, null],
  [/(_energy|_act|_act_ret)$/, 'Wh'],
];

// Numbers that describe rather than measure: clocks, revisions, sizes, settings. They are state, not series.
const describing = /^(ts|unixtime|utc_offset|reset_reason|wakeup_period|timer_duration|ram_size|fs_size)$|(_ts|_rev|_at|_id)$/;
// Per-minute energy arrays and the Fahrenheit twin of tC repeat what is reported elsewhere.
const repeated = new Set(['by_minute', 'minute_ts', 'tF', 'id']);
// Energy counters are objects whose `total` is the reading (Wh).
const counters = table({ aenergy: 'energy', ret_aenergy: 'returned_energy' });

const unitFor = (key: string): { name: string; unit: string | null } | undefined => {
  const known = fields.get(key);
  if (known !== undefined) return { name: known[0], unit: known[1] };
  const bySuffix = suffixUnits.find(([pattern]) => pattern.test(key));
  return bySuffix === undefined ? undefined : { name: key, unit: bySuffix[1] };
};

const walk = (report: Report, type: string, metric: readonly string[], path: readonly string[], status: JsonObject, ts: number): void => {
  for (const [key, value] of Object.entries(status)) {
    if (repeated.has(key)) continue;
    const counter = counters.get(key);
    if (counter !== undefined && isObject(value)) {
      if (typeof value['total'] === 'number') report.sample(metricName([...metric, counter]), ts, value['total'], 'Wh');
      continue;
    }
    if (isObject(value)) {
      walk(report, type, [...metric, key], [...path, key], value, ts);
      continue;
    }
    if (typeof value === 'number' && !describing.test(key)) {
      const known = unitFor(key);
      // A reading named like its container is the container: temperature:0 {tC} -> temperature.0,
      // switch:0 {temperature: {tC}} -> switch.0.temperature.
      const own = known !== undefined && (metric[metric.length - 1] === known.name || (known.name === type && metric.length <= 2));
      report.sample(metricName(own ? metric : [...metric, known?.name ?? key]), ts, value, known?.unit ?? null);
      continue;
    }
    report.parameter([...path, key], value);
  }
};

/** Adds one component's status (a NotifyStatus entry, a GetStatus member or a status/<component> publish). */
export const addComponentStatus = (report: Report, component: string, status: JsonValue, ts: number): void => {
  const [type = component, index] = component.split(':', 2);
  const metric = index === undefined ? [type] : [type, index];
  const path = [index === undefined ? type : `${type}_${index}`];
  if (isObject(status)) walk(report, type, metric, path, status, ts);
  else report.parameter(path, status);
};
