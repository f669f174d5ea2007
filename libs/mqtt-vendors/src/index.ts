/**
 * @fleetlog/mqtt-vendors — pure vendor adapters for apps/mqtt-ingress: topic layout, uplink parsing into
 * typed messages, downlink encoding. No I/O. See libs/mqtt-vendors/README.md.
 */
export * from './messages.js';
export { MQTT_VENDOR_ERROR_CODES, MqttVendorError, isMqttVendorErrorCode } from './errors.js';
export type { MqttVendorErrorCode } from './errors.js';
export type { VendorResult } from './result.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { VendorLimits } from './limits.js';
export { adapterFactory } from './adapter.js';
export type { AdapterOptions, AdapterSpec, VendorAdapter } from './adapter.js';
export type { DeviceRef } from './device.js';
export { DEFAULT_TOPIC_PREFIX, parseTopic, downlinkTopic, uplinkFilters } from './topic.js';
export type { ParsedTopic } from './topic.js';
export { createVendorRegistry } from './registry.js';
export type { RoutedUplink, VendorRegistry } from './registry.js';
export { createBuiltInAdapters } from './vendors/index.js';
export { createGenericAdapter } from './vendors/generic/adapter.js';
export { GENERIC_VENDOR, genericTopics } from './vendors/generic/format.js';
export { createShellyAdapter, SHELLY_VENDOR, SHELLY_IDENTIFY_ID, shellyTopics } from './vendors/shelly/adapter.js';
export { createDjiAdapter, DJI_VENDOR, djiTopics } from './vendors/dji/adapter.js';
