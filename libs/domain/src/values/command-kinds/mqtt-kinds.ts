import { json, object } from '../shape.js';
import { kindSpec } from './kind-spec.js';

// MQTT devices speak vendor JSON; the vendor adapter in mqtt-ingress turns the payload into a message.
export const mqttCommandKinds = {
  'mqtt.Downlink': kindSpec('MQTT', object({ payload: json() })),
} as const;
