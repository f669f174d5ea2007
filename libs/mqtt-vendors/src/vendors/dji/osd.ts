import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { table } from '../../fields.js';
import { isObject } from '../../payload.js';
import type { Report } from '../../values.js';
import { metricName } from '../../values.js';

// DJI Cloud API thing-model properties pushed on thing/product/{sn}/osd (pushMode 0, every 2 s):
// developer.dji.com/doc/cloud-api-tutorial/en/api-reference/dock-to-cloud/mqtt/{dock,aircraft}/properties.html.
// Known quantities get readable names and units; other numbers (mostly enum codes such as mode_code,
// cover_state, drone_in_dock) keep their snake_case path and no unit; text and booleans become parameters.
const known = table<readonly [string, string | null]>({
  latitude: ['position.latitude', '°'],
  longitude: ['position.longitude', '°'],
  height: ['position.height', 'm'],
  elevation: ['position.elevation', 'm'],
  attitude_head: ['attitude.heading', '°'],
  attitude_pitch: ['attitude.pitch', '°'],
  attitude_roll: ['attitude.roll', '°'],
  horizontal_speed: ['speed.horizontal', 'm/s'],
  vertical_speed: ['speed.vertical', 'm/s'],
  home_distance: ['home_distance', 'm'],
  wind_speed: ['wind.speed', 'm/s'],
  total_flight_time: ['flight.total_time', 's'],
  total_flight_distance: ['flight.total_distance', 'm'],
  total_flight_sorties: ['flight.total_sorties', null],
  'battery.capacity_percent': ['battery.capacity', '%'],
  'battery.remain_flight_time': ['battery.remaining_flight_time', 's'],
  'battery.return_home_power': ['battery.return_home_power', '%'],
  'battery.landing_power': ['battery.landing_power', '%'],
  environment_temperature: ['environment.temperature', '°C'],
  temperature: ['temperature', '°C'],
  humidity: ['humidity', '%'],
  'network_state.rate': ['network.rate', 'KB/s'],
  'network_state.quality': ['network.quality', null],
  'drone_charge_state.capacity_percent': ['drone.charge', '%'],
  'storage.total': ['storage.total', 'KB'],
  'storage.used': ['storage.used', 'KB'],
  'position_state.gps_number': ['position.gps_satellites', null],
  'position_state.rtk_number': ['position.rtk_satellites', null],
  working_voltage: ['power.voltage', 'mV'],
  working_current: ['power.current', 'mA'],
  electric_supply_voltage: ['power.supply_voltage', 'V'],
  'backup_battery.voltage': ['backup_battery.voltage', 'mV'],
  'backup_battery.temperature': ['backup_battery.temperature', '°C'],
  job_number: ['jobs.total', null],
  acc_time: ['runtime.total', 's'],
});

// The aircraft's battery packs: battery.batteries[{index, capacity_percent, voltage (mV), temperature (°C), ...}].
const packFields: Readonly<Record<string, readonly [string, string | null]>> = {
  capacity_percent: ['capacity', '%'],
  voltage: ['voltage', 'mV'],
  temperature: ['temperature', '°C'],
  loop_times: ['cycles', null],
};

const addPacks = (report: Report, packs: readonly JsonValue[], ts: number): void => {
  packs.forEach((pack, position) => {
    if (!isObject(pack)) return;
    const index = typeof pack['index'] === 'number' ? pack['index'] : position;
    for (const [field, [name, unit]] of Object.entries(packFields)) {
      const value = pack[field];
      if (typeof value === 'number') report.sample(metricName(['battery', index, name]), ts, value, unit);
    }
  });
};

const walk = (report: Report, path: readonly string[], data: JsonObject, ts: number): void => {
  for (const [key, value] of Object.entries(data)) {
    const at = [...path, key];
    const dotted = at.join('.');
    if (dotted === 'battery.batteries' && Array.isArray(value)) addPacks(report, value as readonly JsonValue[], ts);
    else if (isObject(value)) walk(report, at, value, ts);
    else if (typeof value === 'number') {
      const [name, unit] = known.get(dotted) ?? [metricName(at), null];
      report.sample(name, ts, value, unit);
    } else report.parameter(at, value);
  }
};

/** Adds the `data` of one osd message: telemetry for numbers, parameters for the rest. */
export const addOsd = (report: Report, data: JsonObject, ts: number): void => walk(report, [], data, ts);
