// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

import type { EventSource, ParameterValue, Protocol } from './common.js';

/**
 * A device notified an event of its own: a USP Notify (Boot!, a value change, an object created or deleted, an operation complete, an on-board request, any other event) or an MQTT device's vendor event.
 *
 * Avro record `dev.fleetlog.device.DeviceEventReported`, defined in schemas/avro/device/DeviceEventReported.avsc.
 */
export interface DeviceEventReported {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceEventReported';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceEventReportedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceEventReportedPayload`, defined in schemas/avro/device/DeviceEventReported.avsc. */
export interface DeviceEventReportedPayload {
  /** What happened, as the device names it: the USP event name (e.g. 'Boot!', 'Periodic!', 'TransferComplete!') or notification kind ('ValueChange', 'ObjectCreation', 'ObjectDeletion', 'OperationComplete', 'OnBoardRequest'), or '<vendor>.<event>' for an MQTT vendor event. */
  name: string;
  /**
   * Where it happened: the USP object path (e.g. 'Device.', 'Device.WiFi.SSID.3.'), parameter path or command path; null when the device names none.
   *
   * @defaultValue `null`
   */
  path: string | null;
  /**
   * The event's arguments as name/value text, in the order the device sent them (USP params / output args; vendor fields flattened).
   *
   * @defaultValue `[]`
   */
  arguments: EventArgument[];
  /**
   * The USP subscription that caused the notification, when there is one.
   *
   * @defaultValue `null`
   */
  subscriptionId: string | null;
  /** The protocol that carried it. */
  protocol: Protocol;
}

/** Avro record `dev.fleetlog.device.DeviceIdentity`, defined in schemas/avro/device/DeviceRegistered.avsc. */
export interface DeviceIdentity {
  /** @defaultValue `null` */
  manufacturer: string | null;
  /**
   * CWMP: organisationally unique identifier of the manufacturer.
   *
   * @defaultValue `null`
   */
  oui: string | null;
  /** @defaultValue `null` */
  productClass: string | null;
  /** @defaultValue `null` */
  serialNumber: string | null;
  /**
   * USP: the agent endpoint id.
   *
   * @defaultValue `null`
   */
  endpointId: string | null;
  /**
   * MQTT: vendor adapter name.
   *
   * @defaultValue `null`
   */
  vendor: string | null;
  /**
   * MQTT: device client id.
   *
   * @defaultValue `null`
   */
  clientId: string | null;
}

/**
 * A CWMP device opened a session with an Inform.
 *
 * Avro record `dev.fleetlog.device.DeviceInformed`, defined in schemas/avro/device/DeviceInformed.avsc.
 */
export interface DeviceInformed {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceInformed';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceInformedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceInformedPayload`, defined in schemas/avro/device/DeviceInformed.avsc. */
export interface DeviceInformedPayload {
  sessionId: string;
  events: InformEvent[];
  manufacturer: string;
  /** @defaultValue `null` */
  softwareVersion: string | null;
  /** @defaultValue `null` */
  hardwareVersion: string | null;
  /** @defaultValue `null` */
  connectionRequestUrl: string | null;
  /** How often the CPE retried this Inform. */
  retryCount: number;
  /**
   * CurrentTime as the CPE sent it (xsd:dateTime).
   *
   * @defaultValue `null`
   */
  deviceTime: string | null;
}

/**
 * A device reported parameter values (Inform, GetParameterValues, USP Get or Notify, MQTT state).
 *
 * Avro record `dev.fleetlog.device.DeviceParametersReported`, defined in schemas/avro/device/DeviceParametersReported.avsc.
 */
export interface DeviceParametersReported {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceParametersReported';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceParametersReportedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceParametersReportedPayload`, defined in schemas/avro/device/DeviceParametersReported.avsc. */
export interface DeviceParametersReportedPayload {
  /** What carried the values: inform, get, notify, set, state. */
  origin: string;
  parameters: ParameterValue[];
}

/**
 * A device was seen for the first time in its tenant.
 *
 * Avro record `dev.fleetlog.device.DeviceRegistered`, defined in schemas/avro/device/DeviceRegistered.avsc.
 */
export interface DeviceRegistered {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceRegistered';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id, stable and derived from the protocol identity. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceRegisteredPayload;
}

/** Avro record `dev.fleetlog.device.DeviceRegisteredPayload`, defined in schemas/avro/device/DeviceRegistered.avsc. */
export interface DeviceRegisteredPayload {
  protocol: Protocol;
  identity: DeviceIdentity;
}

/**
 * A management session with the device ended.
 *
 * Avro record `dev.fleetlog.device.DeviceSessionEnded`, defined in schemas/avro/device/DeviceSessionEnded.avsc.
 */
export interface DeviceSessionEnded {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceSessionEnded';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceSessionEndedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceSessionEndedPayload`, defined in schemas/avro/device/DeviceSessionEnded.avsc. */
export interface DeviceSessionEndedPayload {
  sessionId: string;
  /** Epoch milliseconds (Avro `timestamp-millis`). */
  startedAt: number;
  /** completed, timed-out, rejected, kafka-unavailable. */
  outcome: string;
  /** Messages received from the device, empty POSTs included. */
  messagesIn: number;
  /** Messages sent to the device, the closing empty answer included. */
  messagesOut: number;
  rpcsDispatched: number;
}

/**
 * A management session with the device began.
 *
 * Avro record `dev.fleetlog.device.DeviceSessionStarted`, defined in schemas/avro/device/DeviceSessionStarted.avsc.
 */
export interface DeviceSessionStarted {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceSessionStarted';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceSessionStartedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceSessionStartedPayload`, defined in schemas/avro/device/DeviceSessionStarted.avsc. */
export interface DeviceSessionStartedPayload {
  sessionId: string;
  /** cwmp-session, usp-mqtt, mqtt. */
  channel: string;
  /** @defaultValue `null` */
  remoteAddress: string | null;
}

/**
 * An operator put a tag on a device.
 *
 * Avro record `dev.fleetlog.device.DeviceTagged`, defined in schemas/avro/device/DeviceTagged.avsc.
 */
export interface DeviceTagged {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceTagged';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceTaggedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceTaggedPayload`, defined in schemas/avro/device/DeviceTagged.avsc. */
export interface DeviceTaggedPayload {
  tag: string;
}

/**
 * A CWMP device reported the end of a file transfer (TransferComplete or AutonomousTransferComplete).
 *
 * Avro record `dev.fleetlog.device.DeviceTransferCompleted`, defined in schemas/avro/device/DeviceTransferCompleted.avsc.
 */
export interface DeviceTransferCompleted {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceTransferCompleted';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceTransferCompletedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceTransferCompletedPayload`, defined in schemas/avro/device/DeviceTransferCompleted.avsc. */
export interface DeviceTransferCompletedPayload {
  /** The CommandKey of the Download/Upload; Fleetlog uses the command id. */
  commandKey: string;
  autonomous: boolean;
  fault: TransferFault;
  startTime: string;
  completeTime: string;
  /** @defaultValue `null` */
  fileType: string | null;
}

/**
 * An operator removed a tag from a device.
 *
 * Avro record `dev.fleetlog.device.DeviceUntagged`, defined in schemas/avro/device/DeviceUntagged.avsc.
 */
export interface DeviceUntagged {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceUntagged';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceUntaggedPayload;
}

/** Avro record `dev.fleetlog.device.DeviceUntaggedPayload`, defined in schemas/avro/device/DeviceUntagged.avsc. */
export interface DeviceUntaggedPayload {
  tag: string;
}

/**
 * A device missed its expected contact window or disconnected.
 *
 * Avro record `dev.fleetlog.device.DeviceWentOffline`, defined in schemas/avro/device/DeviceWentOffline.avsc.
 */
export interface DeviceWentOffline {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceWentOffline';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceWentOfflinePayload;
}

/** Avro record `dev.fleetlog.device.DeviceWentOfflinePayload`, defined in schemas/avro/device/DeviceWentOffline.avsc. */
export interface DeviceWentOfflinePayload {
  /**
   * Epoch milliseconds (Avro `timestamp-millis`).
   *
   * @defaultValue `null`
   */
  lastContactAt: number | null;
  /** missed-contact-window, disconnected, last-will. */
  reason: string;
}

/**
 * A device was offline or unknown and made contact.
 *
 * Avro record `dev.fleetlog.device.DeviceWentOnline`, defined in schemas/avro/device/DeviceWentOnline.avsc.
 */
export interface DeviceWentOnline {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'DeviceWentOnline';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: DeviceWentOnlinePayload;
}

/** Avro record `dev.fleetlog.device.DeviceWentOnlinePayload`, defined in schemas/avro/device/DeviceWentOnline.avsc. */
export interface DeviceWentOnlinePayload {
  /** Channel of the contact: cwmp-session, usp-mqtt, mqtt. */
  via: string;
  /**
   * How often the device promised to make contact, if known.
   *
   * @defaultValue `null`
   */
  expectedIntervalSeconds: number | null;
}

/** Avro record `dev.fleetlog.device.EventArgument`, defined in schemas/avro/device/DeviceEventReported.avsc. */
export interface EventArgument {
  name: string;
  value: string;
}

/** Avro record `dev.fleetlog.device.InformEvent`, defined in schemas/avro/device/DeviceInformed.avsc. */
export interface InformEvent {
  /** e.g. '0 BOOTSTRAP', '1 BOOT', '2 PERIODIC', '4 VALUE CHANGE', '6 CONNECTION REQUEST', 'M Reboot'. */
  eventCode: string;
  commandKey: string;
}

/** Avro record `dev.fleetlog.device.TransferFault`, defined in schemas/avro/device/DeviceTransferCompleted.avsc. */
export interface TransferFault {
  /** 0 when the transfer succeeded, otherwise a CWMP fault code (9010-9019). */
  faultCode: number;
  faultString: string;
}
