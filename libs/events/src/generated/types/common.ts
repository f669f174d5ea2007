// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

/** Avro record `dev.fleetlog.common.EventSource`, inlined identically in 25 schemas, e.g. schemas/avro/command/CommandAccepted.avsc. */
export interface EventSource {
  /** Fleetlog app that recorded the event (e.g. cwmp-ingress). */
  app: string;
  /** Instance of that app (host name or pod name). */
  instance: string;
}

/** Avro record `dev.fleetlog.common.ParameterValue`, defined in schemas/avro/device/DeviceParametersReported.avsc. */
export interface ParameterValue {
  /** Full parameter path, e.g. Device.DeviceInfo.SoftwareVersion. */
  path: string;
  /** Value as sent on the wire. */
  value: string;
  /** xsd type name without prefix: string, int, unsignedInt, long, unsignedLong, boolean, dateTime, base64, hexBinary, decimal. */
  valueType: string;
  /** @defaultValue `null` */
  writable: boolean | null;
}

/**
 * Device management protocol.
 *
 * Avro enum `dev.fleetlog.common.Protocol`, inlined identically in 4 schemas, e.g. schemas/avro/command/CommandRequested.avsc.
 */
export type Protocol = 'CWMP' | 'USP' | 'MQTT';

/** Avro enum `dev.fleetlog.common.Role`, defined in schemas/avro/tenant/TenantApiKeyIssued.avsc. */
export type Role = 'VIEWER' | 'OPERATOR' | 'ADMIN';
