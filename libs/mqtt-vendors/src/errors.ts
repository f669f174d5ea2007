/** Stable codes: mqtt-ingress maps each to a rejects-topic reason (uplinks) or a failed dispatch (downlinks). */
export const MQTT_VENDOR_ERROR_CODES = [
  'MQTT_TOPIC_UNKNOWN',
  'MQTT_TOPIC_INVALID',
  'MQTT_TENANT_INVALID',
  'MQTT_VENDOR_UNKNOWN',
  'MQTT_DEVICE_ID_INVALID',
  'MQTT_PAYLOAD_TOO_LARGE',
  'MQTT_PAYLOAD_TOO_DEEP',
  'MQTT_PAYLOAD_MALFORMED',
  'MQTT_PAYLOAD_INVALID',
  'MQTT_DOWNLINK_INVALID',
  'MQTT_ADAPTER_FAILED',
] as const;

export type MqttVendorErrorCode = (typeof MQTT_VENDOR_ERROR_CODES)[number];

/**
 * Input an adapter cannot accept. Never retriable: the same topic and bytes fail the same way.
 * MQTT_ADAPTER_FAILED is the catch-all for a bug in an adapter (an exception it did not expect); it keeps the cause.
 */
export class MqttVendorError extends Error {
  readonly retriable = false;

  constructor(
    readonly code: MqttVendorErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MqttVendorError';
  }
}

export const isMqttVendorErrorCode = (value: unknown): value is MqttVendorErrorCode =>
  typeof value === 'string' && (MQTT_VENDOR_ERROR_CODES as readonly string[]).includes(value);
