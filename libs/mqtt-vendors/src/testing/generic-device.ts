import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { deviceRef } from '../device.js';
import { isObject } from '../payload.js';
import { GENERIC_VENDOR, genericTopics } from '../vendors/generic/format.js';
import { seededRandom } from './random.js';
import type { SimulatedDevice, SimulatedDeviceOptions } from './simulated-device.js';
import { publishJson, publishText, receivedObject } from './simulated-device.js';

/** A temperature/humidity sensor speaking the generic JSON format, with a relay it can switch. */
export const simulateGenericDevice = ({ clientId, seed }: SimulatedDeviceOptions): SimulatedDevice => {
  const ref = deviceRef(GENERIC_VENDOR, clientId);
  if (!ref.ok) throw ref.error;
  const random = seededRandom(seed, clientId);
  const serialNumber = `SIM-${random.hex(8).toUpperCase()}`;
  const state: Record<string, JsonValue> = { 'relay.on': false, 'config.interval': 60, 'wifi.ssid': 'fleetlog-lab' };
  let temperature = random.between(18, 24);
  let bootedAt: number | undefined;

  const statePublish = (now: Date) => publishJson(genericTopics.state(clientId), { ts: now.getTime(), parameters: { ...state } });
  const ack = (id: JsonValue | undefined, body: JsonObject) => publishJson(genericTopics.ack(clientId), { id: id ?? null, ...body });

  return {
    vendor: GENERIC_VENDOR,
    clientId,
    deviceId: ref.value.deviceId,
    subscriptions: [genericTopics.commands(clientId)],
    will: publishText(genericTopics.status(clientId), 'offline', { retain: true }),
    tickIntervalMs: 60_000,
    connect: (now) => {
      bootedAt ??= now.getTime();
      return [
        publishJson(
          genericTopics.identity(clientId),
          { manufacturer: 'Fleetlog', model: 'SIM-TH1', serialNumber, firmwareVersion: '1.2.0', hardwareVersion: 'rev A' },
          { retain: true },
        ),
        publishJson(genericTopics.status(clientId), { state: 'online', interval: 60 }, { retain: true }),
        statePublish(now),
      ];
    },
    tick: (now) => {
      temperature = Number((temperature + random.between(-0.3, 0.3)).toFixed(2));
      return [
        publishJson(genericTopics.telemetry(clientId), {
          ts: now.getTime(),
          samples: [
            { metric: 'env.temperature', value: temperature, unit: '°C' },
            { metric: 'env.humidity', value: random.between(35, 60, 1), unit: '%' },
            { metric: 'wifi.rssi', value: Math.round(random.between(-75, -45)), unit: 'dBm' },
            { metric: 'sys.uptime', value: Math.round((now.getTime() - (bootedAt ?? now.getTime())) / 1000), unit: 's' },
          ],
        }),
      ];
    },
    onDownlink: (nativeTopic, payload, now) => {
      if (nativeTopic !== genericTopics.commands(clientId)) return [];
      const command = receivedObject(payload);
      if (command === undefined) return [];
      const params = command['params'];
      switch (command['method']) {
        case 'reboot':
          bootedAt = now.getTime();
          return [ack(command['id'], { status: 'success', result: { rebooted: true } })];
        case 'get':
          return [ack(command['id'], { status: 'success', result: { ...state } })];
        case 'set':
          if (!isObject(params)) {
            return [ack(command['id'], { status: 'failure', error: { code: 400, message: 'set needs params' } })];
          }
          Object.assign(state, params);
          return [ack(command['id'], { status: 'success', result: { ...state } }), statePublish(now)];
        default:
          return [ack(command['id'], { status: 'failure', error: { code: 404, message: `unknown method ${String(command['method'])}` } })];
      }
    },
  };
};
