/** Coded errors of the MQTT device simulator; `retriable` says whether the same call may succeed later. */
export type SimErrorCode =
  /** No simulator for that vendor. */
  | 'SIM_VENDOR_UNKNOWN'
  /** A device was used before start() or after stop(). */
  | 'SIM_NOT_STARTED'
  /** The burst's broker URL is not one it can speak to (plain mqtt:// only). */
  | 'SIM_BROKER_URL_INVALID'
  /** The broker refused or ended a burst connection. */
  | 'SIM_MQTT_FAILED';

export class SimError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SimError';
  }
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
