import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { deviceRef } from '../device.js';
import { table } from '../fields.js';
import type { NativePublish } from '../messages.js';
import { isObject } from '../payload.js';
import { DJI_VENDOR, djiTopics } from '../vendors/dji/adapter.js';
import { seededRandom } from './random.js';
import type { SimulatedDevice, SimulatedDeviceOptions } from './simulated-device.js';
import { publishJson, receivedObject } from './simulated-device.js';

// The simulator's own answer to a service it does not implement; real docks use their own error table.
export const SIMULATED_UNSUPPORTED_SERVICE = 100001;

// Services a dock answers with result 0, and what each changes in what it reports.
const services = table<(state: DockState) => void>({
  cover_open: (state) => void (state.coverState = 1),
  cover_close: (state) => void (state.coverState = 0),
  drone_open: (state) => void (state.droneOn = true),
  drone_close: (state) => void (state.droneOn = false),
  debug_mode_open: (state) => void (state.modeCode = 2),
  debug_mode_close: (state) => void (state.modeCode = 0),
  device_reboot: () => undefined,
  supplement_light_open: () => undefined,
  supplement_light_close: () => undefined,
});

type DockState = { coverState: number; droneOn: boolean; modeCode: number; properties: Record<string, JsonValue> };

/**
 * A DJI Dock 2 (product 2-0) with its Matrice 3D (91-0) over the DJI Cloud API: update_topo on connect, state
 * with firmware versions, osd for dock and aircraft every tick, services and property/set answered with the
 * request's tid and bid. Field names follow developer.dji.com/doc/cloud-api-tutorial dock-to-cloud properties.
 * DJI documents no last will: the cloud notices a silent gateway by its missing osd.
 */
export const simulateDjiDock = ({ clientId, seed }: SimulatedDeviceOptions): SimulatedDevice => {
  const ref = deviceRef(DJI_VENDOR, clientId);
  if (!ref.ok) throw ref.error;
  const random = seededRandom(seed, clientId);
  const droneSn = `1581F6Q8${random.hex(12).toUpperCase()}`;
  const home = { latitude: random.between(22.5, 22.6, 6), longitude: random.between(113.9, 114, 6) };
  const state: DockState = { coverState: 0, droneOn: true, modeCode: 0, properties: { silent_mode: 0 } };
  let charge = random.between(60, 95, 0);

  const message = (now: Date, body: JsonObject): JsonObject => ({ tid: random.uuid(), bid: random.uuid(), timestamp: now.getTime(), ...body });
  const topology = (now: Date) =>
    publishJson(
      djiTopics.status(clientId),
      message(now, {
        method: 'update_topo',
        data: {
          type: 2,
          sub_type: 0,
          device_secret: 'simulated-secret',
          nonce: 'simulated-nonce',
          thing_version: '1.2.0',
          sub_devices: state.droneOn
            ? [{ sn: droneSn, type: 91, sub_type: 0, index: 'A', device_secret: 'simulated-secret', nonce: 'simulated-nonce', thing_version: '1.2.0' }]
            : [],
        },
      }),
    );
  const dockOsd = (now: Date): JsonObject => ({
    ...home,
    height: 38.2,
    mode_code: state.modeCode,
    cover_state: state.coverState,
    drone_in_dock: 1,
    drone_charge_state: { state: charge < 100 ? 1 : 0, capacity_percent: charge },
    network_state: { type: 2, quality: 5, rate: random.between(300, 900, 1) },
    rainfall: 0,
    wind_speed: random.between(0, 6, 1),
    environment_temperature: random.between(18, 26, 1),
    temperature: random.between(20, 30, 1),
    humidity: Math.round(random.between(40, 70, 0)),
    storage: { total: 82045336, used: 1_200_000 + Math.round(random.between(0, 1000, 0)) },
    position_state: { is_fixed: 2, quality: 5, gps_number: 20, rtk_number: 25 },
    working_voltage: 24_500,
    working_current: Math.round(random.between(900, 1500, 0)),
    sub_device: { device_sn: droneSn, product_type: '0-91-0', device_online_status: state.droneOn ? 1 : 0, device_paired: 1 },
    acc_time: Math.round(now.getTime() / 1000) % 10_000_000,
  });
  const droneOsd = (): JsonObject => ({
    ...home,
    height: 38.2,
    elevation: 0,
    mode_code: 0,
    horizontal_speed: 0,
    vertical_speed: 0,
    attitude_head: random.between(-180, 180, 1),
    attitude_pitch: 0,
    attitude_roll: 0,
    wind_speed: 0,
    home_distance: 0,
    total_flight_time: 36_000,
    total_flight_distance: 250_000,
    battery: {
      capacity_percent: charge,
      remain_flight_time: 0,
      return_home_power: 20,
      landing_power: 10,
      batteries: [{ index: 0, sn: `3H${random.hex(10).toUpperCase()}`, capacity_percent: charge, voltage: 16_400, temperature: random.between(22, 30, 1), loop_times: 42 }],
    },
    position_state: { is_fixed: 2, quality: 5, gps_number: 18, rtk_number: 24 },
  });
  const reply = (topic: string, request: JsonObject, now: Date, data: JsonObject, method?: string): NativePublish =>
    publishJson(topic, { tid: request['tid'] ?? null, bid: request['bid'] ?? null, ...(method === undefined ? {} : { method }), timestamp: now.getTime(), data });

  return {
    vendor: DJI_VENDOR,
    clientId,
    deviceId: ref.value.deviceId,
    subscriptions: [djiTopics.services(clientId), djiTopics.propertySet(clientId), djiTopics.eventsReply(clientId), djiTopics.statusReply(clientId)],
    will: null,
    tickIntervalMs: 2_000,
    connect: (now) => [
      topology(now),
      publishJson(djiTopics.state(clientId), message(now, { gateway: clientId, data: { firmware_version: '10.01.1612', compatible_status: 0, ...state.properties } })),
      publishJson(djiTopics.state(droneSn), message(now, { gateway: clientId, data: { firmware_version: '10.01.1003', wpmz_version: '1.0.6' } })),
    ],
    tick: (now) => {
      charge = Math.min(100, charge + 0.5);
      const publishes = [publishJson(djiTopics.osd(clientId), message(now, { gateway: clientId, data: dockOsd(now) }))];
      if (state.droneOn) publishes.push(publishJson(djiTopics.osd(droneSn), message(now, { gateway: clientId, data: droneOsd() })));
      return publishes;
    },
    onDownlink: (nativeTopic, payload, now) => {
      const request = receivedObject(payload);
      if (request === undefined) return [];
      if (nativeTopic === djiTopics.services(clientId)) {
        const method = typeof request['method'] === 'string' ? request['method'] : '';
        const service = services.get(method);
        if (service === undefined) return [reply(djiTopics.servicesReply(clientId), request, now, { result: SIMULATED_UNSUPPORTED_SERVICE }, method)];
        const droneWasOn = state.droneOn;
        service(state);
        const publishes = [reply(djiTopics.servicesReply(clientId), request, now, { result: 0, output: { status: 'ok' } }, method)];
        // Powering the aircraft on or off changes what the dock relays.
        if (droneWasOn !== state.droneOn) publishes.push(topology(now));
        return publishes;
      }
      if (nativeTopic === djiTopics.propertySet(clientId) && isObject(request['data'])) {
        const results: Record<string, JsonValue> = {};
        for (const [name, value] of Object.entries(request['data'])) {
          const known = Object.hasOwn(state.properties, name);
          if (known) state.properties[name] = value;
          results[name] = { result: known ? 0 : SIMULATED_UNSUPPORTED_SERVICE };
        }
        return [reply(djiTopics.propertySetReply(clientId), request, now, results)];
      }
      // events_reply and status_reply only acknowledge what the dock sent.
      return [];
    },
  };
};
