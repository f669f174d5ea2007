// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

import type { EventSource, ParameterValue, Protocol } from './common.js';

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
