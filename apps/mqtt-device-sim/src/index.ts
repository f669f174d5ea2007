/**
 * @fleetlog/mqtt-device-sim — simulated MQTT devices of every vendor adapter (generic JSON, Shelly Gen2,
 * DJI Cloud API) over a real broker, for tests, demos and benchmarks. The process is src/main.ts.
 */
export { createMqttDevice, type MqttDevice, type MqttDeviceOptions, type SeenPublish } from './device.js';
export { clientIdOf, createMqttFleet, type MqttFleet, type MqttFleetOptions } from './fleet.js';
export { createTelemetryBurst, type TelemetryBurst, type TelemetryBurstOptions } from './burst.js';
export { joinTopic, nativeOf, prefixOf } from './topics.js';
export { SimError, type SimErrorCode } from './errors.js';
