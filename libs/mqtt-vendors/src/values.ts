import { parameterPathProblem } from '@fleetlog/domain';
import type { JsonObject, JsonValue } from '@fleetlog/domain';
import type { DeviceRef } from './device.js';
import type { VendorLimits } from './limits.js';
import type { ParametersMessage, ParsedUplink, ReportedValue, TelemetryMessage, TelemetrySample, UplinkMessage } from './messages.js';
import type { VendorResult } from './result.js';
import { fail, ok } from './result.js';
import { isObject } from './payload.js';

// Bounds of the telemetry projector (apps/projector-cassandra/src/telemetry/validate.ts).
const maxMetricLength = 200;
const maxUnitLength = 32;
// eslint-disable-next-line no-control-regex -- control characters and spaces are what a metric name must not contain
const notInMetric = /[\u0000-\u0020\u007f-\u009f]/g;

/** A dotted metric name from vendor keys, with control characters and spaces made '_'. */
export const metricName = (parts: readonly (string | number)[]): string =>
  parts.map((part) => String(part).replace(notInMetric, '_')).join('.');

/** Samples and parameters gathered from one payload, checked against the limits as they grow. */
export class Report {
  readonly samples: TelemetrySample[] = [];
  readonly parameters: ReportedValue[] = [];
  private problem: { code: 'MQTT_PAYLOAD_TOO_LARGE' | 'MQTT_PAYLOAD_INVALID'; message: string } | undefined;

  constructor(private readonly limits: VendorLimits) {}

  private room(): boolean {
    if (this.samples.length + this.parameters.length < this.limits.maxItems) return true;
    this.problem ??= { code: 'MQTT_PAYLOAD_TOO_LARGE', message: `payload holds more than ${this.limits.maxItems} values` };
    return false;
  }

  /** Records the first problem only: one is enough to refuse the payload. */
  invalid(message: string): void {
    this.problem ??= { code: 'MQTT_PAYLOAD_INVALID', message };
  }

  sample(name: string, ts: number, value: number, unit: string | null = null): void {
    if (!Number.isFinite(value) || !this.room()) return;
    if (name.length === 0 || name.length > maxMetricLength || (unit !== null && unit.length > maxUnitLength)) {
      this.invalid(`metric ${JSON.stringify(name.slice(0, 80))} must be 1-${maxMetricLength} characters with a unit of at most ${maxUnitLength}`);
      return;
    }
    this.samples.push({ metric: name, ts, value, unit });
  }

  /** A parameter from a JSON leaf; null means "no longer present" in vendor payloads and is not reported. */
  parameter(segments: readonly string[], value: JsonValue): void {
    if (value === null || !this.room()) return;
    const path = segments.map(pathSegment).join('.');
    const problem = parameterPathProblem(path, 'parameter');
    if (problem !== undefined) {
      this.invalid(`parameter ${JSON.stringify(path.slice(0, 80))} ${problem}`);
      return;
    }
    this.parameters.push({ path, ...typedValue(value) });
  }

  /** Every leaf of an object as a parameter under `segments`; arrays are kept whole as JSON text. */
  parametersOf(segments: readonly string[], value: JsonValue): void {
    if (isObject(value)) for (const [key, item] of Object.entries(value)) this.parametersOf([...segments, key], item);
    else this.parameter(segments, value);
  }

  /** The messages this report makes, or MQTT_PAYLOAD_TOO_LARGE / MQTT_PAYLOAD_INVALID when a value did not fit. */
  messages(ref: DeviceRef, at: number, origin: ParametersMessage['origin'] = 'state'): VendorResult<UplinkMessage[]> {
    if (this.problem !== undefined) return fail(this.problem.code, this.problem.message);
    const out: UplinkMessage[] = [];
    if (this.samples.length > 0) out.push({ type: 'telemetry', ...ref, at, samples: this.samples } satisfies TelemetryMessage);
    if (this.parameters.length > 0) out.push({ type: 'parameters', ...ref, at, origin, parameters: this.parameters } satisfies ParametersMessage);
    return ok(out);
  }
}

// A TR-106 name segment: letters, digits, '_' and '-', not starting with a digit or '-'.
const pathSegment = (key: string): string => {
  const cleaned = key.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
};

const decimalText = /^-?[0-9]+(?:\.[0-9]+)?$/;

const typedValue = (value: Exclude<JsonValue, null>): Pick<ReportedValue, 'value' | 'valueType'> => {
  if (typeof value === 'boolean') return { value: String(value), valueType: 'boolean' };
  if (typeof value === 'string') return { value, valueType: 'string' };
  if (typeof value === 'number') {
    const text = String(value);
    if (Number.isSafeInteger(value)) return { value: text, valueType: 'long' };
    return { value: text, valueType: decimalText.test(text) ? 'decimal' : 'string' };
  }
  return { value: JSON.stringify(value), valueType: 'string' };
};

/** A JSON object as command output or event details; anything else is wrapped as `{ value }`. */
export const asObject = (value: JsonValue | undefined): JsonObject =>
  value === undefined ? {} : isObject(value) ? value : { value };

/** An uplink that needs no protocol reply. */
export const withoutReplies = (messages: VendorResult<readonly UplinkMessage[]>): VendorResult<ParsedUplink> =>
  messages.ok ? ok({ messages: messages.value, replies: [] }) : messages;
