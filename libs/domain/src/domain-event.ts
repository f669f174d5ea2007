// A domain event is the Avro payload (`data`) plus the time the fact happened at its source.
// libs/events wraps it in the envelope: eventId, tenantId, aggregateId, occurredAt, recordedAt,
// correlationId, causationId, source; `type` equals the Avro record name.
export type DomainEvent<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data;
  // Epoch millis; becomes envelope.occurredAt. Taken from the command's `now`.
  readonly occurredAt: number;
};

// Commands carry the same two-part shape: what to do, and its input (time included).
export type DomainCommand<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data;
};
