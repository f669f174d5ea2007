// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

import type { EventSource, Protocol } from './common.js';

/**
 * The device accepted the command and will report its completion later (CWMP Download/Upload with status 1, USP asynchronous Operate).
 *
 * Avro record `dev.fleetlog.command.CommandAccepted`, defined in schemas/avro/command/CommandAccepted.avsc.
 */
export interface CommandAccepted {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'CommandAccepted';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Command id. */
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
  payload: CommandAcceptedPayload;
}

/** Avro record `dev.fleetlog.command.CommandAcceptedPayload`, defined in schemas/avro/command/CommandAccepted.avsc. */
export interface CommandAcceptedPayload {
  deviceId: string;
  /** JSON object with what the device said when it accepted. */
  detail: string;
}

/**
 * An operator cancelled the command before it completed.
 *
 * Avro record `dev.fleetlog.command.CommandCancelled`, defined in schemas/avro/command/CommandCancelled.avsc.
 */
export interface CommandCancelled {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'CommandCancelled';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Command id. */
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
  payload: CommandCancelledPayload;
}

/** Avro record `dev.fleetlog.command.CommandCancelledPayload`, defined in schemas/avro/command/CommandCancelled.avsc. */
export interface CommandCancelledPayload {
  deviceId: string;
  cancelledBy: string;
  /** @defaultValue `null` */
  reason: string | null;
}

/**
 * The command was sent to the device.
 *
 * Avro record `dev.fleetlog.command.CommandDispatched`, defined in schemas/avro/command/CommandDispatched.avsc.
 */
export interface CommandDispatched {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'CommandDispatched';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Command id. */
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
  payload: CommandDispatchedPayload;
}

/** Avro record `dev.fleetlog.command.CommandDispatchedPayload`, defined in schemas/avro/command/CommandDispatched.avsc. */
export interface CommandDispatchedPayload {
  deviceId: string;
  /** 1 for the first delivery. */
  attempt: number;
  /** cwmp-session, usp-mqtt, mqtt. */
  channel: string;
}

/**
 * The deadline passed before the command completed.
 *
 * Avro record `dev.fleetlog.command.CommandExpired`, defined in schemas/avro/command/CommandExpired.avsc.
 */
export interface CommandExpired {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'CommandExpired';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Command id. */
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
  payload: CommandExpiredPayload;
}

/** Avro record `dev.fleetlog.command.CommandExpiredPayload`, defined in schemas/avro/command/CommandExpired.avsc. */
export interface CommandExpiredPayload {
  deviceId: string;
  /** Epoch milliseconds (Avro `timestamp-millis`). */
  deadline: number;
}

/**
 * The device refused the command or it could not be delivered.
 *
 * Avro record `dev.fleetlog.command.CommandFailed`, defined in schemas/avro/command/CommandFailed.avsc.
 */
export interface CommandFailed {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'CommandFailed';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Command id. */
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
  payload: CommandFailedPayload;
}

/** Avro record `dev.fleetlog.command.CommandFailedPayload`, defined in schemas/avro/command/CommandFailed.avsc. */
export interface CommandFailedPayload {
  deviceId: string;
  /** Stable error code, e.g. CWMP_FAULT, USP_ERROR, DEVICE_REJECTED. */
  code: string;
  message: string;
  /**
   * Protocol fault code (CWMP 9000-9019, USP 7000-7999).
   *
   * @defaultValue `null`
   */
  faultCode: number | null;
}

/**
 * An operator or a machine client asked for a command on a device.
 *
 * Avro record `dev.fleetlog.command.CommandRequested`, defined in schemas/avro/command/CommandRequested.avsc.
 */
export interface CommandRequested {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'CommandRequested';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Command id. */
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
  payload: CommandRequestedPayload;
}

/** Avro record `dev.fleetlog.command.CommandRequestedPayload`, defined in schemas/avro/command/CommandRequested.avsc. */
export interface CommandRequestedPayload {
  deviceId: string;
  protocol: Protocol;
  /** Protocol operation, e.g. cwmp.Reboot, cwmp.SetParameterValues, usp.Get, mqtt.Downlink. */
  kind: string;
  /** JSON object with the arguments of that kind (see docs/EVENTS.md). */
  arguments: string;
  /**
   * The command expires if not completed by then.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  deadline: number;
  /** Principal: user:<id> or apikey:<id>. */
  requestedBy: string;
  /**
   * Set when the command is part of a bulk request.
   *
   * @defaultValue `null`
   */
  batchId: string | null;
}

/**
 * The device carried the command out.
 *
 * Avro record `dev.fleetlog.command.CommandSucceeded`, defined in schemas/avro/command/CommandSucceeded.avsc.
 */
export interface CommandSucceeded {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'CommandSucceeded';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Command id. */
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
  payload: CommandSucceededPayload;
}

/** Avro record `dev.fleetlog.command.CommandSucceededPayload`, defined in schemas/avro/command/CommandSucceeded.avsc. */
export interface CommandSucceededPayload {
  deviceId: string;
  /** JSON object with the result of that kind. */
  result: string;
}
