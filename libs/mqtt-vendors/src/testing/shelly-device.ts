import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { deviceRef } from '../device.js';
import { isObject } from '../payload.js';
import { SHELLY_VENDOR, shellyTopics } from '../vendors/shelly/adapter.js';
import { seededRandom } from './random.js';
import type { SimulatedDevice, SimulatedDeviceOptions } from './simulated-device.js';
import { publishJson, publishText, receivedObject } from './simulated-device.js';

/**
 * A Shelly Plus 1PM (one metered relay) with RPC over MQTT, rpc_ntf on and the default topic prefix. Frames
 * follow shelly-api-docs.shelly.cloud/gen2 General/RPCProtocol and General/Notifications; the status objects
 * follow ComponentsAndServices Switch, Sys and WiFi; an unknown method is answered like real devices do,
 * with error 404 "No handler for <method>".
 */
export const simulateShellyDevice = ({ clientId, seed }: SimulatedDeviceOptions): SimulatedDevice => {
  const ref = deviceRef(SHELLY_VENDOR, clientId);
  if (!ref.ok) throw ref.error;
  const random = seededRandom(seed, clientId);
  const mac = (clientId.match(/([0-9a-f]{12})$/i)?.[1] ?? random.hex(12)).toUpperCase();
  let output = false;
  let energyWh = random.between(100, 5000, 3);
  let bootedAt: number | undefined;

  const seconds = (now: Date) => Number((now.getTime() / 1000).toFixed(2));
  const switchStatus = (now: Date): JsonObject => {
    const apower = output ? random.between(40, 60, 1) : 0;
    const voltage = random.between(228, 232, 1);
    const tC = random.between(40, 50, 1);
    energyWh = Number((energyWh + apower / 60).toFixed(3));
    return {
      id: 0,
      source: 'init',
      output,
      apower,
      voltage,
      current: Number((apower / voltage).toFixed(3)),
      aenergy: { total: energyWh, by_minute: [0, 0, 0], minute_ts: Math.floor(now.getTime() / 1000) },
      temperature: { tC, tF: Number((tC * 1.8 + 32).toFixed(1)) },
    };
  };
  const fullStatus = (now: Date): JsonObject => ({
    ble: {},
    cloud: { connected: false },
    'input:0': { id: 0, state: false },
    mqtt: { connected: true },
    'switch:0': switchStatus(now),
    sys: {
      mac,
      restart_required: false,
      uptime: Math.round((now.getTime() - (bootedAt ?? now.getTime())) / 1000),
      ram_size: 246680,
      ram_free: 145000 + Math.round(random.between(0, 5000, 0)),
      fs_size: 458752,
      fs_free: 143360,
      cfg_rev: 12,
      available_updates: {},
    },
    wifi: { sta_ip: '192.168.33.20', status: 'got ip', ssid: 'fleetlog-lab', rssi: Math.round(random.between(-75, -45)) },
  });
  const notify = (now: Date, method: 'NotifyStatus' | 'NotifyFullStatus', params: JsonObject) =>
    publishJson(shellyTopics.events(clientId), { src: clientId, dst: `${clientId}/events`, method, params: { ts: seconds(now), ...params } });
  const deviceInfo: JsonObject = {
    name: null,
    id: clientId,
    mac,
    slot: 0,
    model: 'SNSW-001P16EU',
    gen: 2,
    fw_id: '20240430-105751/1.3.1-gd8534ee',
    ver: '1.3.1',
    app: 'Plus1PM',
    auth_en: false,
    auth_domain: null,
  };

  const call = (method: JsonValue | undefined, params: JsonObject, now: Date): { result: JsonValue } | { error: { code: number; message: string } } => {
    switch (method) {
      case 'Shelly.GetDeviceInfo':
        return { result: deviceInfo };
      case 'Shelly.GetStatus':
        return { result: fullStatus(now) };
      case 'Switch.GetStatus':
        return params['id'] === 0 ? { result: switchStatus(now) } : { error: { code: -105, message: `Argument 'id', value ${String(params['id'])} not found!` } };
      case 'Switch.Set':
      case 'Switch.Toggle': {
        if (params['id'] !== 0) return { error: { code: -105, message: `Argument 'id', value ${String(params['id'])} not found!` } };
        if (method === 'Switch.Set' && typeof params['on'] !== 'boolean') return { error: { code: -103, message: "Argument 'on' is missing" } };
        const wasOn = output;
        output = method === 'Switch.Set' ? params['on'] === true : !output;
        return { result: { was_on: wasOn } };
      }
      case 'Shelly.Reboot':
        bootedAt = now.getTime();
        return { result: null };
      default:
        return { error: { code: 404, message: `No handler for ${String(method)}` } };
    }
  };

  return {
    vendor: SHELLY_VENDOR,
    clientId,
    deviceId: ref.value.deviceId,
    subscriptions: [shellyTopics.rpc(clientId)],
    will: publishText(shellyTopics.online(clientId), 'false', { retain: true }),
    tickIntervalMs: 60_000,
    connect: (now) => {
      bootedAt ??= now.getTime();
      return [publishText(shellyTopics.online(clientId), 'true', { retain: true }), notify(now, 'NotifyFullStatus', fullStatus(now))];
    },
    // Metered switches report power and energy about once a minute.
    tick: (now) => [notify(now, 'NotifyStatus', { 'switch:0': switchStatus(now) })],
    onDownlink: (nativeTopic, payload, now) => {
      if (nativeTopic !== shellyTopics.rpc(clientId)) return [];
      const request = receivedObject(payload);
      const src = request?.['src'];
      // Without a source there is nowhere to answer; real devices drop such frames.
      if (request === undefined || typeof src !== 'string' || src === '' || request['id'] === undefined) return [];
      const params = request['params'];
      const answer = call(request['method'], isObject(params) ? params : {}, now);
      const response = publishJson(`${src}/rpc`, { id: request['id'], src: clientId, dst: src, ...answer });
      const changed = request['method'] === 'Switch.Set' || request['method'] === 'Switch.Toggle';
      return changed && 'result' in answer ? [response, notify(now, 'NotifyStatus', { 'switch:0': { id: 0, output, source: 'MQTT' } })] : [response];
    },
  };
};
