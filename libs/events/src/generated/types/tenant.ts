// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

import type { EventSource, Role } from './common.js';

/**
 * An API key for machine clients was issued. Only its hash is kept.
 *
 * Avro record `dev.fleetlog.tenant.TenantApiKeyIssued`, defined in schemas/avro/tenant/TenantApiKeyIssued.avsc.
 */
export interface TenantApiKeyIssued {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'TenantApiKeyIssued';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Tenant id. */
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
  payload: TenantApiKeyIssuedPayload;
}

/** Avro record `dev.fleetlog.tenant.TenantApiKeyIssuedPayload`, defined in schemas/avro/tenant/TenantApiKeyIssued.avsc. */
export interface TenantApiKeyIssuedPayload {
  keyId: string;
  name: string;
  /** scrypt hash of the secret, encoded as scrypt$<salt>$<hash>. */
  keyHash: string;
  role: Role;
}

/**
 * An API key was revoked.
 *
 * Avro record `dev.fleetlog.tenant.TenantApiKeyRevoked`, defined in schemas/avro/tenant/TenantApiKeyRevoked.avsc.
 */
export interface TenantApiKeyRevoked {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'TenantApiKeyRevoked';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Tenant id. */
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
  payload: TenantApiKeyRevokedPayload;
}

/** Avro record `dev.fleetlog.tenant.TenantApiKeyRevokedPayload`, defined in schemas/avro/tenant/TenantApiKeyRevoked.avsc. */
export interface TenantApiKeyRevokedPayload {
  keyId: string;
}

/**
 * A tenant (an MSP, an ISP or an IoT operator) was created.
 *
 * Avro record `dev.fleetlog.tenant.TenantCreated`, defined in schemas/avro/tenant/TenantCreated.avsc.
 */
export interface TenantCreated {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'TenantCreated';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Tenant id. */
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
  payload: TenantCreatedPayload;
}

/** Avro record `dev.fleetlog.tenant.TenantCreatedPayload`, defined in schemas/avro/tenant/TenantCreated.avsc. */
export interface TenantCreatedPayload {
  name: string;
}

/**
 * CPEs can no longer authenticate with this user name.
 *
 * Avro record `dev.fleetlog.tenant.TenantCwmpCredentialRemoved`, defined in schemas/avro/tenant/TenantCwmpCredentialRemoved.avsc.
 */
export interface TenantCwmpCredentialRemoved {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'TenantCwmpCredentialRemoved';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Tenant id. */
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
  payload: TenantCwmpCredentialRemovedPayload;
}

/** Avro record `dev.fleetlog.tenant.TenantCwmpCredentialRemovedPayload`, defined in schemas/avro/tenant/TenantCwmpCredentialRemoved.avsc. */
export interface TenantCwmpCredentialRemovedPayload {
  username: string;
}

/**
 * CPEs that authenticate with this user name belong to the tenant. Only the Digest HA1 is kept, never the password.
 *
 * Avro record `dev.fleetlog.tenant.TenantCwmpCredentialSet`, defined in schemas/avro/tenant/TenantCwmpCredentialSet.avsc.
 */
export interface TenantCwmpCredentialSet {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'TenantCwmpCredentialSet';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Tenant id. */
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
  payload: TenantCwmpCredentialSetPayload;
}

/** Avro record `dev.fleetlog.tenant.TenantCwmpCredentialSetPayload`, defined in schemas/avro/tenant/TenantCwmpCredentialSet.avsc. */
export interface TenantCwmpCredentialSetPayload {
  /** Unique across tenants: it decides the tenant of a CPE. */
  username: string;
  /** HTTP authentication realm the HA1 was computed for. */
  realm: string;
  /** MD5(username:realm:password), hex. */
  ha1: string;
}
