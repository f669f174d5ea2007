import type { CommandEvent as DomainCommandEvent, DeviceEvent as DomainDeviceEvent } from '@fleetlog/domain';
import type { AnyEvent, EventSource } from './generated/index.js';

/** Domain events that have an Avro contract of the same name. */
export type RecordableDomainEvent = DomainDeviceEvent | DomainCommandEvent;

/** What the edge knows about an event besides the domain's facts. */
export interface EnvelopeMeta {
  eventId: string;
  tenantId: string;
  /** Device id for device events, command id for command events. */
  aggregateId: string;
  recordedAt: number;
  correlationId: string;
  causationId: string | null;
  source: EventSource;
}

type RecordOf<E extends RecordableDomainEvent> = Extract<AnyEvent, { type: E['type'] }>;

/** Wraps a domain event in the envelope, giving the Avro record of the same name. */
export const toRecord = <E extends RecordableDomainEvent>(event: E, meta: EnvelopeMeta): RecordOf<E> =>
  ({ ...meta, type: event.type, occurredAt: event.occurredAt, payload: event.data }) as unknown as RecordOf<E>;

/** The domain's view of a recorded event: its type, payload and time. */
export const toDomainEvent = <R extends Extract<AnyEvent, { type: RecordableDomainEvent['type'] }>>(record: R) =>
  ({ type: record.type, data: record.payload, occurredAt: record.occurredAt }) as unknown as Extract<RecordableDomainEvent, { type: R['type'] }>;

// Compile-time proof that the domain and the Avro contracts agree: every domain event's data must
// be assignable to the payload of the record with the same name (read-only: records are never
// mutated). A drift fails typecheck here.
type DeepReadonly<T> = T extends Buffer ? T : T extends readonly (infer I)[] ? readonly DeepReadonly<I>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type PayloadMismatch<E extends RecordableDomainEvent> = E extends unknown
  ? E['data'] extends DeepReadonly<Extract<AnyEvent, { type: E['type'] }>['payload']>
    ? never
    : E['type']
  : never;
const contractsAgree: [PayloadMismatch<RecordableDomainEvent>] extends [never] ? true : PayloadMismatch<RecordableDomainEvent> = true;
void contractsAgree;
