import { err, ok } from '@fleetlog/domain';
import type { Result } from '@fleetlog/domain';
import { MqttVendorError } from './errors.js';
import type { MqttVendorErrorCode } from './errors.js';

// Expected failures are values: a device's bytes must never crash the ingress with an exception.
export type VendorResult<T> = Result<T, MqttVendorError>;

export { ok };

export const fail = (code: MqttVendorErrorCode, message: string): VendorResult<never> => err(new MqttVendorError(code, message));

/** JSON of the wrong shape or types: the most common refusal, so it has a short name. */
export const invalidPayload = (message: string): VendorResult<never> => fail('MQTT_PAYLOAD_INVALID', message);
