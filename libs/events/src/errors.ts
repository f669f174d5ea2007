/** Coded errors of the events library. `retriable` says whether the same call may succeed later. */
export type EventsErrorCode =
  | 'EVENTS_KAFKA_UNAVAILABLE'
  | 'EVENTS_PRODUCE_FAILED'
  | 'EVENTS_REGISTRY_UNAVAILABLE'
  | 'EVENTS_SCHEMA_NOT_REGISTERED'
  | 'EVENTS_SCHEMA_INCOMPATIBLE'
  | 'EVENTS_UNKNOWN_EVENT_TYPE'
  | 'EVENTS_INVALID_EVENT'
  | 'EVENTS_DECODE_FAILED'
  | 'EVENTS_NOT_CONNECTED'
  | 'EVENTS_PROVISION_FAILED';

export class EventsError extends Error {
  constructor(
    readonly code: EventsErrorCode,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EventsError';
  }
}

export const isEventsError = (e: unknown, code?: EventsErrorCode): e is EventsError =>
  e instanceof EventsError && (code === undefined || e.code === code);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * kafkajs marks its own errors retriable or not; connection failures and exhausted retries mean
 * Kafka is unavailable right now, which a caller should treat as "try again later".
 */
export const fromKafkaError = (e: unknown, what: string): EventsError => {
  const err = e as { name?: string; retriable?: boolean; originalError?: unknown };
  const unavailable =
    err?.name === 'KafkaJSNumberOfRetriesExceeded' ||
    err?.name === 'KafkaJSConnectionError' ||
    err?.name === 'KafkaJSRequestTimeoutError' ||
    err?.name === 'KafkaJSBrokerNotFound' ||
    err?.name === 'KafkaJSConnectionClosedError' ||
    err?.name === 'KafkaJSLockTimeout' ||
    (err?.name === 'KafkaJSNonRetriableError' && /connect|ECONNREFUSED|timeout/i.test(message(err.originalError ?? e)));
  if (unavailable) return new EventsError('EVENTS_KAFKA_UNAVAILABLE', `${what}: Kafka unavailable (${message(e)})`, true, { cause: e });
  return new EventsError('EVENTS_PRODUCE_FAILED', `${what}: ${message(e)}`, Boolean(err?.retriable), { cause: e });
};

/** The registry client reports HTTP failures with a status; anything without one is a network failure. */
export const fromRegistryError = (e: unknown, what: string): EventsError => {
  const status = (e as { status?: number })?.status;
  if (status === 404) return new EventsError('EVENTS_SCHEMA_NOT_REGISTERED', `${what}: not registered (${message(e)})`, false, { cause: e });
  if (status === 409) return new EventsError('EVENTS_SCHEMA_INCOMPATIBLE', `${what}: incompatible with earlier versions (${message(e)})`, false, { cause: e });
  if (status !== undefined && status < 500) return new EventsError('EVENTS_REGISTRY_UNAVAILABLE', `${what}: registry answered ${status} (${message(e)})`, false, { cause: e });
  return new EventsError('EVENTS_REGISTRY_UNAVAILABLE', `${what}: registry unavailable (${message(e)})`, true, { cause: e });
};
