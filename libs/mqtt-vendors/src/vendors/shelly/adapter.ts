import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { adapterFactory, methodCall } from '../../adapter.js';
import { deviceRef } from '../../device.js';
import type { DeviceRef } from '../../device.js';
import { isName, numberField, objectField, stringField, table } from '../../fields.js';
import { identityFields, identityMessages } from '../../identity.js';
import type { VendorLimits } from '../../limits.js';
import type { ParsedUplink, UplinkMessage } from '../../messages.js';
import { decodeJsonObject, decodeText, encodeJson, isObject } from '../../payload.js';
import type { VendorResult } from '../../result.js';
import { fail, invalidPayload, ok } from '../../result.js';
import { deviceTimeSeconds } from '../../time.js';
import { Report, asObject, withoutReplies } from '../../values.js';
import { addComponentStatus } from './components.js';

// Shelly Gen2+ devices over MQTT (shelly-api-docs.shelly.cloud/gen2: General/RPCProtocol, General/Notifications,
// ComponentsAndServices/Mqtt). The device's MQTT topic prefix must be left at its default, the device id
// (e.g. shellyplus1pm-a8032abe54dc), which is also its default MQTT client id.
export const SHELLY_VENDOR = 'shelly';

// Responses go to `<src>/rpc`; a src under the device's own prefix keeps them inside its ACL (`<id>/#`).
const replySource = (clientId: string): string => `${clientId}/fleetlog`;
// Never a correlation key: keys cannot contain '/'.
export const SHELLY_IDENTIFY_ID = 'fleetlog/identify';

export const shellyTopics = {
  rpc: (clientId: string) => `${clientId}/rpc`,
  events: (clientId: string) => `${clientId}/events/rpc`,
  online: (clientId: string) => `${clientId}/online`,
  status: (clientId: string, component: string) => `${clientId}/status/${component}`,
  replies: (clientId: string) => `${replySource(clientId)}/rpc`,
  replySource,
} as const;

const subscriptions = ['+/events/rpc', '+/online', '+/status/+', '+/fleetlog/rpc'] as const;
const channels = table<'online' | 'events' | 'response'>({ online: 'online', 'events/rpc': 'events', 'fleetlog/rpc': 'response' });

// NotifyStatus / NotifyFullStatus: params are {ts, <component>: <status>, ...}.
const statusMessages = (params: JsonObject, ref: DeviceRef, received: number, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const ts = deviceTimeSeconds(params['ts'], received);
  const report = new Report(limits);
  for (const [component, status] of Object.entries(params)) if (component !== 'ts') addComponentStatus(report, component, status, ts);
  return report.messages(ref, ts);
};

// NotifyEvent: params are {ts, events: [{component, id, event, ts, ...}]}.
const eventMessages = (params: JsonObject, ref: DeviceRef, received: number): VendorResult<UplinkMessage[]> => {
  const events = params['events'];
  if (!Array.isArray(events)) return invalidPayload('NotifyEvent params need an "events" array');
  const messages: UplinkMessage[] = [];
  for (const event of events as readonly JsonValue[]) {
    if (!isObject(event) || !isName(event['event'])) return invalidPayload('each NotifyEvent entry needs an "event" name');
    const component = stringField(event, 'component');
    const name = component === undefined ? event['event'] : `${component}.${event['event']}`;
    const at = deviceTimeSeconds(event['ts'] ?? params['ts'], received);
    messages.push({ type: 'event', ...ref, at, name, details: event, correlationKey: null });
  }
  return ok(messages);
};

const notification = (frame: JsonObject, ref: DeviceRef, received: number, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const method = frame['method'];
  const params = objectField(frame, 'params');
  if (!isName(method) || params === undefined) return invalidPayload('a notification frame needs "method" and "params"');
  if (method === 'NotifyStatus' || method === 'NotifyFullStatus') return statusMessages(params, ref, received, limits);
  if (method === 'NotifyEvent') return eventMessages(params, ref, received);
  // Other notifications (scripts may emit their own) are kept as events rather than dropped.
  return ok([{ type: 'event', ...ref, at: deviceTimeSeconds(params['ts'], received), name: method, details: params, correlationKey: null }]);
};

// Shelly.GetDeviceInfo result: {name, id, mac, model, gen, fw_id, ver, app, ...}.
const identity = (result: JsonObject, ref: DeviceRef, at: number, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const fields = identityFields({ manufacturer: 'Shelly', productClass: result['model'], serialNumber: result['mac'], softwareVersion: result['ver'] ?? result['fw_id'] });
  const messages = identityMessages(SHELLY_VENDOR, ref, at, fields);
  if (!messages.ok) return messages;
  const report = new Report(limits);
  report.parametersOf(['device_info'], result);
  const details = report.messages(ref, at);
  return details.ok ? ok([...messages.value, ...details.value]) : details;
};

// A response frame: {id, src, dst, result} or {id, src, dst, error: {code, message}}.
const response = (frame: JsonObject, ref: DeviceRef, at: number, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const id = frame['id'];
  if (typeof id !== 'string' && typeof id !== 'number') return invalidPayload('a response frame needs an "id"');
  const error = objectField(frame, 'error');
  if (error === undefined && frame['result'] === undefined) return invalidPayload('a response frame needs "result" or "error"');
  if (id === SHELLY_IDENTIFY_ID) {
    if (error === undefined) return identity(asObject(frame['result']), ref, at, limits);
    return ok([{ type: 'event', ...ref, at, name: 'identify.failed', details: error, correlationKey: null }]);
  }
  const correlationKey = String(id);
  if (error === undefined) return ok([{ type: 'commandResult', ...ref, at, correlationKey, outcome: { status: 'success', output: asObject(frame['result']) } }]);
  const code = numberField(error, 'code');
  const outcome = {
    status: 'failure',
    code: 'SHELLY_RPC_ERROR',
    message: stringField(error, 'message') ?? 'the device answered with an error',
    faultCode: code !== undefined && Number.isSafeInteger(code) ? code : null,
    output: null,
  } as const;
  return ok([{ type: 'commandResult', ...ref, at, correlationKey, outcome }]);
};

const parseUplink = (limits: VendorLimits) => (nativeTopic: string, payload: Uint8Array, receivedAt: Date): VendorResult<ParsedUplink> => {
  const [clientId = '', ...rest] = nativeTopic.split('/');
  const channel = rest.join('/');
  const component = rest[0] === 'status' && rest.length === 2 && rest[1] !== '' ? rest[1] : undefined;
  const kind = channels.get(channel) ?? (component === undefined ? undefined : 'status');
  if (kind === undefined) return fail('MQTT_TOPIC_UNKNOWN', `shelly topic ${JSON.stringify(nativeTopic.slice(0, 80))} is not <id>/(events/rpc|online|status/<component>|fleetlog/rpc)`);
  const ref = deviceRef(SHELLY_VENDOR, clientId);
  if (!ref.ok) return ref;
  const received = receivedAt.getTime();
  if (kind === 'online') {
    const text = decodeText(payload, limits);
    if (!text.ok) return text;
    const value = text.value.trim();
    if (value === 'true') return withoutReplies(ok([{ type: 'presence', ...ref.value, at: received, state: 'online', expectedIntervalSeconds: null }]));
    // The device sets `false` as its last will and publishes it itself before a clean disconnect.
    if (value === 'false') return withoutReplies(ok([{ type: 'presence', ...ref.value, at: received, state: 'offline', reason: 'last-will' }]));
    return invalidPayload('online must be true or false');
  }
  const body = decodeJsonObject(payload, limits, `${kind} payload`);
  if (!body.ok) return body;
  let messages: VendorResult<UplinkMessage[]>;
  if (kind === 'status') {
    const report = new Report(limits);
    addComponentStatus(report, component ?? '', body.value, received);
    messages = report.messages(ref.value, received);
  } else if (kind === 'events') messages = notification(body.value, ref.value, received, limits);
  else messages = response(body.value, ref.value, received, limits);
  return withoutReplies(messages);
};

const request = (clientId: string, id: string, method: string, params: JsonObject | undefined) => ({
  topic: shellyTopics.rpc(clientId),
  payload: encodeJson(params === undefined ? { id, src: replySource(clientId), method } : { id, src: replySource(clientId), method, params }),
  qos: 1 as const,
  retain: false,
});

/** Shelly Gen2+ RPC over MQTT: notifications, online state, and RPC requests answered on `<id>/fleetlog/rpc`. */
export const createShellyAdapter = adapterFactory({
  vendor: SHELLY_VENDOR,
  subscriptions,
  parseUplink,
  encodeDownlink: (target, payload, correlationKey) => {
    const call = methodCall(payload, 'params', 'a shelly downlink is {"method": "<Component.Method>", "params"?: {...}}');
    return call.ok ? ok(request(target.clientId, correlationKey, call.value.method, call.value.args)) : call;
  },
  // Gen2+ devices announce no identity over MQTT; Shelly.GetDeviceInfo returns model, MAC and firmware.
  identify: (target) => [request(target.clientId, SHELLY_IDENTIFY_ID, 'Shelly.GetDeviceInfo', undefined)],
});
