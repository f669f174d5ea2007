import type { DeviceId, JsonObject, OfflineReason, ValueType } from '@fleetlog/domain';

/**
 * What a vendor adapter makes of one MQTT publish. Every message names the device by its Fleetlog id
 * (`vendor:clientId`, see @fleetlog/domain deviceIdOf) and by its native client id, and carries `at`:
 * epoch millis of when it happened, from the device clock when that is plausible, else when it was received.
 */
type About = {
  readonly deviceId: DeviceId;
  readonly clientId: string;
  readonly at: number;
};

/** One sample of TelemetryReported (schemas/avro/telemetry/TelemetryReported.avsc). */
export type TelemetrySample = {
  /** Dotted metric name, e.g. `switch.0.power`. */
  readonly metric: string;
  readonly ts: number;
  readonly value: number;
  readonly unit: string | null;
};

/** One parameter of DeviceParametersReported: a valid parameter path, the value as text, its xsd type. */
export type ReportedValue = {
  readonly path: string;
  readonly value: string;
  readonly valueType: ValueType;
};

/** What the device says it is; `vendor` and `clientId` of the MQTT identity come from the topic. */
export type IdentityFields = {
  readonly manufacturer: string | null;
  readonly productClass: string | null;
  readonly serialNumber: string | null;
  readonly softwareVersion: string | null;
  readonly hardwareVersion: string | null;
};

export type TelemetryMessage = About & { readonly type: 'telemetry'; readonly samples: readonly TelemetrySample[] };

export type IdentityMessage = About & { readonly type: 'identity'; readonly identity: IdentityFields };

export type PresenceMessage = About &
  (
    | { readonly type: 'presence'; readonly state: 'online'; readonly expectedIntervalSeconds: number | null }
    | { readonly type: 'presence'; readonly state: 'offline'; readonly reason: OfflineReason }
  );

/** Reported state for the device_parameters read model; `origin` as in DeviceParametersReported. */
export type ParametersMessage = About & {
  readonly type: 'parameters';
  readonly origin: 'state' | 'get';
  readonly parameters: readonly ReportedValue[];
};

/** Something the device says happened. `correlationKey` is set when the vendor ties the event to a request. */
export type EventMessage = About & {
  readonly type: 'event';
  readonly name: string;
  readonly details: JsonObject;
  readonly correlationKey: string | null;
};

export type CommandOutcome =
  | { readonly status: 'success'; readonly output: JsonObject }
  | {
      readonly status: 'failure';
      /** Stable per vendor (e.g. SHELLY_RPC_ERROR): the `code` of CommandFailed. */
      readonly code: string;
      readonly message: string;
      /** The device's own error number, the `faultCode` of CommandFailed. */
      readonly faultCode: number | null;
      readonly output: JsonObject | null;
    };

/** The device's answer to a downlink, matched by the correlation key encodeDownlink returned. */
export type CommandResultMessage = About & {
  readonly type: 'commandResult';
  readonly correlationKey: string;
  readonly outcome: CommandOutcome;
};

/**
 * The devices a gateway (a DJI dock or remote controller) currently relays. A sub-device that was listed
 * before and is missing now went offline: only the ingress remembers the previous list.
 */
export type TopologyMessage = About & { readonly type: 'topology'; readonly subDevices: readonly DeviceId[] };

export type UplinkMessage =
  | TelemetryMessage
  | IdentityMessage
  | PresenceMessage
  | ParametersMessage
  | EventMessage
  | CommandResultMessage
  | TopologyMessage;

export type UplinkMessageType = UplinkMessage['type'];

export const UPLINK_MESSAGE_TYPES = [
  'telemetry',
  'identity',
  'presence',
  'parameters',
  'event',
  'commandResult',
  'topology',
] as const satisfies readonly UplinkMessageType[];

/** One MQTT publish, on a native topic (without the tenant/vendor prefix). */
export type NativePublish = {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: 0 | 1 | 2;
  readonly retain: boolean;
};

/**
 * The result of one uplink: the messages, and the publishes the vendor protocol expects back
 * (e.g. DJI status_reply, events_reply). The ingress sends the replies only after the messages'
 * events are durably recorded, so an unrecorded message is never acknowledged.
 */
export type ParsedUplink = {
  readonly messages: readonly UplinkMessage[];
  readonly replies: readonly NativePublish[];
};

/** A downlink ready to publish, and the key its answer will carry (store it to match the commandResult). */
export type EncodedDownlink = NativePublish & { readonly correlationKey: string };
