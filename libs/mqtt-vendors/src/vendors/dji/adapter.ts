import { assertNever } from '@fleetlog/domain';
import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { adapterFactory, methodCall } from '../../adapter.js';
import { deviceRef } from '../../device.js';
import type { DeviceRef } from '../../device.js';
import { isName, numberField, objectField, stringField } from '../../fields.js';
import { identityFields, identityMessages } from '../../identity.js';
import type { VendorLimits } from '../../limits.js';
import type { CommandOutcome, NativePublish, ParsedUplink, UplinkMessage } from '../../messages.js';
import { decodeJsonObject, encodeJson, isObject } from '../../payload.js';
import type { VendorResult } from '../../result.js';
import { fail, invalidPayload, ok } from '../../result.js';
import { deviceTime } from '../../time.js';
import { Report, asObject, withoutReplies } from '../../values.js';
import { addOsd } from './osd.js';

// DJI Cloud API over MQTT (developer.dji.com/doc/cloud-api-tutorial/en/api-reference/pilot-to-cloud/mqtt/topic-definition.html
// and .../dock-to-cloud/mqtt/dock/device.html). A gateway (dock or remote controller) connects; its aircraft
// reports through it on its own thing/product/{sn} topics. Every message carries tid, bid and a millisecond
// timestamp; a reply keeps the tid and bid of what it answers.
export const DJI_VENDOR = 'dji';

export const djiTopics = {
  osd: (sn: string) => `thing/product/${sn}/osd`,
  state: (sn: string) => `thing/product/${sn}/state`,
  services: (sn: string) => `thing/product/${sn}/services`,
  servicesReply: (sn: string) => `thing/product/${sn}/services_reply`,
  events: (sn: string) => `thing/product/${sn}/events`,
  eventsReply: (sn: string) => `thing/product/${sn}/events_reply`,
  propertySet: (sn: string) => `thing/product/${sn}/property/set`,
  propertySetReply: (sn: string) => `thing/product/${sn}/property/set_reply`,
  status: (sn: string) => `sys/product/${sn}/status`,
  statusReply: (sn: string) => `sys/product/${sn}/status_reply`,
} as const;

const subscriptions = [
  'thing/product/+/osd',
  'thing/product/+/state',
  'thing/product/+/services_reply',
  'thing/product/+/events',
  'thing/product/+/property/set_reply',
  'sys/product/+/status',
] as const;

// osd arrives every 2 s (0.5 Hz) while a device is connected.
const osdIntervalSeconds = 2;

type Envelope = { readonly tid: string; readonly bid: string; readonly at: number; readonly data: JsonObject };

const envelope = (body: JsonObject, received: number, what: string): VendorResult<Envelope> => {
  const tid = stringField(body, 'tid');
  const bid = stringField(body, 'bid');
  const data = objectField(body, 'data');
  if (tid === undefined || bid === undefined || data === undefined) return invalidPayload(`a DJI ${what} message needs "tid", "bid" and a "data" object`);
  return ok({ tid, bid, at: deviceTime(body['timestamp'], received), data });
};

const reply = (topic: string, tid: string, bid: string, method: string, timestamp: number): NativePublish => ({
  topic,
  payload: encodeJson({ tid, bid, method, timestamp, data: { result: 0 } }),
  qos: 1,
  retain: false,
});

const failure = (message: string, faultCode: number, output: JsonObject | null): CommandOutcome => ({
  status: 'failure',
  code: 'DJI_SERVICE_ERROR',
  message,
  faultCode,
  output,
});

// services_reply: data is {result, output?}; result 0 is success, anything else a DJI error code.
const servicesReply = (body: JsonObject, env: Envelope, ref: DeviceRef): VendorResult<UplinkMessage[]> => {
  const result = numberField(env.data, 'result');
  if (result === undefined || !Number.isSafeInteger(result)) return invalidPayload('services_reply data needs an integer "result"');
  const method = stringField(body, 'method') ?? 'service';
  const output = asObject(env.data['output']);
  const outcome: CommandOutcome = result === 0 ? { status: 'success', output } : failure(`${method} failed with DJI error ${result}`, result, output);
  return ok([{ type: 'commandResult', ...ref, at: env.at, correlationKey: env.tid, outcome }]);
};

// property/set_reply: data is {<property>: {result}} for every property that was set.
const propertySetReply = (env: Envelope, ref: DeviceRef): VendorResult<UplinkMessage[]> => {
  const failed = Object.entries(env.data).filter(([, value]) => !isObject(value) || value['result'] !== 0);
  const first = failed[0]?.[1];
  const code = isObject(first) && typeof first['result'] === 'number' && Number.isSafeInteger(first['result']) ? first['result'] : -1;
  const outcome: CommandOutcome =
    failed.length === 0 ? { status: 'success', output: env.data } : failure(`setting ${failed.map(([name]) => name).join(', ')} failed`, code, env.data);
  return ok([{ type: 'commandResult', ...ref, at: env.at, correlationKey: env.tid, outcome }]);
};

// update_topo: the gateway is online with the listed sub-devices; an empty list means they went away.
const updateTopology = (env: Envelope, ref: DeviceRef, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const subDevices = env.data['sub_devices'] ?? [];
  if (!Array.isArray(subDevices)) return invalidPayload('update_topo "sub_devices" must be an array');
  const messages: UplinkMessage[] = [];
  const describe = (device: DeviceRef, product: JsonObject, extra: JsonObject): VendorResult<null> => {
    const type = numberField(product, 'type');
    const subType = numberField(product, 'sub_type');
    // DJI names products by the {type}-{sub_type} enumeration of its "Product Supported" list.
    const productClass = type === undefined ? null : `${type}-${subType ?? 0}`;
    const identity = identityMessages(DJI_VENDOR, device, env.at, identityFields({ manufacturer: 'DJI', productClass, serialNumber: device.clientId }));
    if (!identity.ok) return identity;
    const report = new Report(limits);
    // Never the device_secret or nonce: they are credentials, not state.
    for (const key of ['thing_version', 'type', 'sub_type']) if (product[key] !== undefined) report.parameter(['product', key], product[key] ?? null);
    for (const [key, value] of Object.entries(extra)) report.parameter([key], value);
    const parameters = report.messages(device, env.at);
    if (!parameters.ok) return parameters;
    messages.push(...identity.value, ...parameters.value, { type: 'presence', ...device, at: env.at, state: 'online', expectedIntervalSeconds: osdIntervalSeconds });
    return ok(null);
  };
  const gateway = describe(ref, env.data, {});
  if (!gateway.ok) return gateway;
  const listed: DeviceRef[] = [];
  for (const sub of subDevices as readonly JsonValue[]) {
    const sn = isObject(sub) ? stringField(sub, 'sn') : undefined;
    if (!isObject(sub) || sn === undefined) return invalidPayload('each update_topo sub-device needs an "sn"');
    const device = deviceRef(DJI_VENDOR, sn);
    if (!device.ok) return device;
    const described = describe(device.value, sub, { gateway: ref.clientId, index: sub['index'] ?? null });
    if (!described.ok) return described;
    listed.push(device.value);
  }
  messages.push({ type: 'topology', ...ref, at: env.at, subDevices: listed.map((device) => device.deviceId) });
  return ok(messages);
};

type Channel = 'osd' | 'state' | 'services_reply' | 'events' | 'property/set_reply' | 'status';

const channelOf = (levels: readonly string[]): Channel | undefined => {
  const [root, product, , ...rest] = levels;
  if (product !== 'product' || levels.length < 4) return undefined;
  const tail = rest.join('/');
  if (root === 'sys') return tail === 'status' ? 'status' : undefined;
  if (root !== 'thing') return undefined;
  return (['osd', 'state', 'services_reply', 'events', 'property/set_reply'] as const).find((channel) => channel === tail);
};

const parseUplink = (limits: VendorLimits) => (nativeTopic: string, payload: Uint8Array, receivedAt: Date): VendorResult<ParsedUplink> => {
  const levels = nativeTopic.split('/');
  const channel = channelOf(levels);
  if (channel === undefined) {
    const expected = 'thing/product/<sn>/(osd|state|services_reply|events|property/set_reply) or sys/product/<sn>/status';
    return fail('MQTT_TOPIC_UNKNOWN', `dji topic ${JSON.stringify(nativeTopic.slice(0, 80))} is not ${expected}`);
  }
  const ref = deviceRef(DJI_VENDOR, levels[2] ?? '');
  if (!ref.ok) return ref;
  const received = receivedAt.getTime();
  const body = decodeJsonObject(payload, limits, `${channel} payload`);
  if (!body.ok) return body;
  const env = envelope(body.value, received, channel);
  if (!env.ok) return env;
  const { tid, bid, at, data } = env.value;
  const method = body.value['method'];
  switch (channel) {
    case 'osd': {
      const report = new Report(limits);
      addOsd(report, data, at);
      return withoutReplies(report.messages(ref.value, at));
    }
    case 'state': {
      const report = new Report(limits);
      report.parametersOf([], data);
      return withoutReplies(report.messages(ref.value, at));
    }
    case 'services_reply':
      return withoutReplies(servicesReply(body.value, env.value, ref.value));
    case 'property/set_reply':
      return withoutReplies(propertySetReply(env.value, ref.value));
    case 'events': {
      if (!isName(method)) return invalidPayload('a DJI event needs a "method"');
      const event: UplinkMessage = { type: 'event', ...ref.value, at, name: method, details: data, correlationKey: bid };
      // need_reply 1: the device resends the event until the cloud answers on events_reply.
      const replies = body.value['need_reply'] === 1 ? [reply(djiTopics.eventsReply(ref.value.clientId), tid, bid, method, received)] : [];
      return ok({ messages: [event], replies });
    }
    case 'status': {
      if (method !== 'update_topo') return invalidPayload('sys/product/<sn>/status carries update_topo only');
      const messages = updateTopology(env.value, ref.value, limits);
      return messages.ok ? ok({ messages: messages.value, replies: [reply(djiTopics.statusReply(ref.value.clientId), tid, bid, method, received)] }) : messages;
    }
    default:
      return assertNever(channel);
  }
};

const usage = 'a dji downlink is {"method": "<service>", "data"?: {...}} or {"properties": {...}}';

/** DJI Cloud API gateways (docks, remote controllers) and the aircraft they relay. */
export const createDjiAdapter = adapterFactory({
  vendor: DJI_VENDOR,
  subscriptions,
  parseUplink,
  encodeDownlink: (target, payload, correlationKey, now) => {
    const sn = target.clientId;
    // The key is both tid and bid: replies echo the tid, and progress events of long services carry the bid.
    const envelopeOf = (body: JsonObject): JsonObject => ({ tid: correlationKey, bid: correlationKey, timestamp: now.getTime(), ...body });
    if (isObject(payload) && payload['method'] === undefined) {
      const properties = payload['properties'];
      if (!isObject(properties)) return fail('MQTT_DOWNLINK_INVALID', usage);
      return ok({ topic: djiTopics.propertySet(sn), payload: encodeJson(envelopeOf({ data: properties })), qos: 1, retain: false });
    }
    const call = methodCall(payload, 'data', usage);
    if (!call.ok) return call;
    const body = envelopeOf({ method: call.value.method, data: call.value.args ?? {} });
    return ok({ topic: djiTopics.services(sn), payload: encodeJson(body), qos: 1, retain: false });
  },
  // No identify: gateways announce themselves and their aircraft with update_topo on connect.
});
