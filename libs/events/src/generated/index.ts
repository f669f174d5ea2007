// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

export * from './event-registry.js';
export * from './schemas/command.js';
export * from './schemas/device.js';
export * from './schemas/ingress.js';
export * from './schemas/telemetry.js';
export * from './schemas/tenant.js';
export * from './types/command.js';
export * from './types/common.js';
export * from './types/device.js';
export * from './types/ingress.js';
export * from './types/telemetry.js';
export * from './types/tenant.js';
