// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

import type { EventSource, Protocol } from './common.js';

/**
 * Raw input that an ingress could not accept, kept with the reason so nothing a device sent is lost silently.
 *
 * Avro record `dev.fleetlog.ingress.IngressRejected`, defined in schemas/avro/ingress/IngressRejected.avsc.
 */
export interface IngressRejected {
  eventId: string;
  /** Always IngressRejected. */
  type: 'IngressRejected';
  /**
   * Tenant if the sender authenticated, otherwise null.
   *
   * @defaultValue `null`
   */
  tenantId: string | null;
  /** Epoch milliseconds (Avro `timestamp-millis`). */
  recordedAt: number;
  correlationId: string;
  source: EventSource;
  /** Stable code, e.g. CWMP_MALFORMED_ENVELOPE, PAYLOAD_TOO_LARGE, UNKNOWN_DEVICE, UNAUTHENTICATED. */
  reasonCode: string;
  /** Human-readable explanation. */
  reason: string;
  /** @defaultValue `null` */
  protocol: Protocol | null;
  /** @defaultValue `null` */
  remoteAddress: string | null;
  /** @defaultValue `null` */
  contentType: string | null;
  /** Size in bytes of the input as received. */
  originalSize: number;
  /** True when raw holds only the first part of an oversized input. */
  truncated: boolean;
  /** The input as received (up to the reject size cap). */
  raw: Buffer;
}
