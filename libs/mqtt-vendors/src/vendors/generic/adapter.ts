import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { adapterFactory, methodCall } from '../../adapter.js';
import { deviceRef } from '../../device.js';
import type { DeviceRef } from '../../device.js';
import { isName, numberField, objectField, stringField } from '../../fields.js';
import { identityFields, identityMessages } from '../../identity.js';
import type { VendorLimits } from '../../limits.js';
import type { CommandOutcome, ParsedUplink, UplinkMessage } from '../../messages.js';
import { decodeJsonObject, decodeText, encodeJson, isObject, parseJsonObjectText } from '../../payload.js';
import type { VendorResult } from '../../result.js';
import { fail, invalidPayload, ok } from '../../result.js';
import { deviceTime } from '../../time.js';
import { Report, asObject, withoutReplies } from '../../values.js';
import { GENERIC_VENDOR, genericSubscriptions, genericTopics } from './format.js';

// Our own format is strict where the vendors' are not: a metric is dotted words, a unit is short text.
const metricPattern = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const maxInterval = 2_147_483_647;

/** `ts` as epoch millis or an RFC 3339 time with a zone; absent or implausible means the time of receipt. */
const timeOf = (object: JsonObject, receivedAt: number): number => {
  const ts = object['ts'];
  return deviceTime(typeof ts === 'string' && isoTime.test(ts) ? Date.parse(ts) : ts, receivedAt);
};

/** Where a sample was, spelled out only when it is refused: `samples[i]`, or `values` for index -1. */
const whereOf = (index: number) => (index < 0 ? 'values' : `samples[${index}]`);

const addSample = (report: Report, metric: unknown, value: unknown, unit: unknown, ts: number, index: number): void => {
  if (typeof metric !== 'string' || metric.length > 200 || !metricPattern.test(metric)) report.invalid(`${whereOf(index)}: metric must be dotted words of A-Z a-z 0-9 _ -`);
  else if (typeof value !== 'number') report.invalid(`${whereOf(index)}: value of ${metric} must be a number (report text and booleans on the state topic)`);
  else if (unit !== undefined && unit !== null && !isName(unit, 32)) report.invalid(`${whereOf(index)}: unit of ${metric} must be 1-32 printable characters`);
  else report.sample(metric, ts, value, typeof unit === 'string' ? unit : null);
};

const parseTelemetry = (body: JsonObject, ref: DeviceRef, at: number, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const report = new Report(limits);
  const { samples, values } = body;
  if (samples === undefined && values === undefined) return invalidPayload('telemetry needs "samples" or "values"');
  if (samples !== undefined) {
    if (!Array.isArray(samples)) return invalidPayload('"samples" must be an array');
    for (let index = 0; index < samples.length; index++) {
      const sample = samples[index] as JsonValue;
      if (!isObject(sample)) report.invalid(`samples[${index}] must be an object`);
      else addSample(report, sample['metric'], sample['value'], sample['unit'], timeOf(sample, at), index);
    }
  }
  if (values !== undefined) {
    if (!isObject(values)) return invalidPayload('"values" must be an object of metric -> number');
    for (const [metric, value] of Object.entries(values)) addSample(report, metric, value, null, at, -1);
  }
  return report.messages(ref, at);
};

const parseStatus = (text: string, ref: DeviceRef, at: number, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const plain = text.trim();
  let status: JsonObject = { state: plain };
  if (plain.startsWith('{')) {
    const body = parseJsonObjectText(plain, limits, 'status');
    if (!body.ok) return body;
    status = body.value;
  }
  const { state, interval, reason } = status;
  if (state === 'online') {
    if (interval === undefined || interval === null) return ok([{ type: 'presence', ...ref, at, state: 'online', expectedIntervalSeconds: null }]);
    if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1 || interval > maxInterval) {
      return invalidPayload(`"interval" must be whole seconds from 1 to ${maxInterval}`);
    }
    return ok([{ type: 'presence', ...ref, at, state: 'online', expectedIntervalSeconds: interval }]);
  }
  if (state === 'offline') {
    if (reason === undefined || reason === null) return ok([{ type: 'presence', ...ref, at, state: 'offline', reason: 'last-will' }]);
    if (reason !== 'last-will' && reason !== 'disconnected') return invalidPayload('"reason" must be last-will or disconnected');
    return ok([{ type: 'presence', ...ref, at, state: 'offline', reason }]);
  }
  return invalidPayload('status must be online, offline, or {"state": "online"|"offline", ...}');
};

const parseState = (body: JsonObject, ref: DeviceRef, at: number, limits: VendorLimits): VendorResult<UplinkMessage[]> => {
  const parameters = objectField(body, 'parameters');
  if (parameters === undefined) return invalidPayload('state needs a "parameters" object');
  const report = new Report(limits);
  // A key may itself be a dotted path ("wifi.ssid"), or an object nest them.
  for (const [key, value] of Object.entries(parameters)) report.parametersOf(key.split('.'), value);
  return report.messages(ref, at);
};

const parseEvent = (body: JsonObject, ref: DeviceRef, at: number): VendorResult<UplinkMessage[]> => {
  const { name, details } = body;
  if (!isName(name)) return invalidPayload('event "name" must be 1-128 printable characters');
  if (details !== undefined && !isObject(details)) return invalidPayload('event "details" must be an object');
  return ok([{ type: 'event', ...ref, at, name, details: details ?? {}, correlationKey: null }]);
};

const parseAck = (body: JsonObject, ref: DeviceRef, at: number): VendorResult<UplinkMessage[]> => {
  const id = stringField(body, 'id');
  if (id === undefined || id === '') return invalidPayload('ack needs the command "id"');
  let outcome: CommandOutcome;
  if (body['status'] === 'success') outcome = { status: 'success', output: asObject(body['result']) };
  else if (body['status'] === 'failure') {
    const error = objectField(body, 'error') ?? {};
    const code = numberField(error, 'code');
    outcome = {
      status: 'failure',
      code: 'DEVICE_ERROR',
      message: stringField(error, 'message') ?? 'the device reported a failure',
      faultCode: code !== undefined && Number.isSafeInteger(code) ? code : null,
      output: body['result'] === undefined ? null : asObject(body['result']),
    };
  } else return invalidPayload('ack "status" must be success or failure');
  return ok([{ type: 'commandResult', ...ref, at, correlationKey: id, outcome }]);
};

const known = ['identity', 'status', 'telemetry', 'state', 'events'];

const parseUplink = (limits: VendorLimits) => (nativeTopic: string, payload: Uint8Array, receivedAt: Date): VendorResult<ParsedUplink> => {
  const levels = nativeTopic.split('/');
  const [root, clientId = '', channel, sub] = levels;
  const isAck = channel === 'commands' && sub === 'ack' && levels.length === 4;
  if (root !== 'devices' || !((levels.length === 3 && known.includes(channel ?? '')) || isAck)) {
    return fail('MQTT_TOPIC_UNKNOWN', `generic topic ${JSON.stringify(nativeTopic.slice(0, 80))} is not devices/<clientId>/(${known.join('|')}|commands/ack)`);
  }
  const ref = deviceRef(GENERIC_VENDOR, clientId);
  if (!ref.ok) return ref;
  const received = receivedAt.getTime();
  if (channel === 'status') {
    const text = decodeText(payload, limits);
    if (!text.ok) return text;
    return withoutReplies(parseStatus(text.value, ref.value, received, limits));
  }
  const body = decodeJsonObject(payload, limits, `${channel} payload`);
  if (!body.ok) return body;
  const at = timeOf(body.value, received);
  let messages: VendorResult<readonly UplinkMessage[]>;
  if (isAck) messages = parseAck(body.value, ref.value, at);
  else if (channel === 'identity') {
    const { manufacturer, model, serialNumber, firmwareVersion, hardwareVersion } = body.value;
    const fields = identityFields({ manufacturer, productClass: model, serialNumber, softwareVersion: firmwareVersion, hardwareVersion });
    messages = identityMessages(GENERIC_VENDOR, ref.value, at, fields);
  } else if (channel === 'telemetry') messages = parseTelemetry(body.value, ref.value, at, limits);
  else if (channel === 'state') messages = parseState(body.value, ref.value, at, limits);
  else messages = parseEvent(body.value, ref.value, at);
  return withoutReplies(messages);
};

/** Our own documented JSON format for devices that integrators build (see README "Generic JSON format"). */
export const createGenericAdapter = adapterFactory({
  vendor: GENERIC_VENDOR,
  subscriptions: genericSubscriptions,
  parseUplink,
  encodeDownlink: (target, payload, correlationKey, now) => {
    const call = methodCall(payload, 'params', 'a generic downlink is {"method": "<name>", "params"?: {...}}');
    if (!call.ok) return call;
    const command = { id: correlationKey, method: call.value.method, params: call.value.args ?? {}, ts: now.getTime() };
    return ok({ topic: genericTopics.commands(target.clientId), payload: encodeJson(command), qos: 1, retain: false });
  },
  // No identify: generic devices publish their identity themselves (retained).
});
