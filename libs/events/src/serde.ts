import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import avro from 'avsc';
import { eventSchemas, type AnyEvent, type EventType } from './generated/index.js';
import { EventsError, fromRegistryError } from './errors.js';
import { isEventType } from './envelope.js';
import { subjectOf, topicOf } from './topics.js';

/** Confluent wire format: magic byte 0, 4-byte big-endian schema id, Avro binary body. */
const MAGIC = 0;
const HEADER = 5;

export interface DecodedEvent {
  event: AnyEvent;
  schemaId: number;
  /** Avro full name of the writer's record. */
  fullName: string;
}

export interface EventSerde {
  /** Encodes an event with the schema this code was built with, registered under its topic's subject. */
  encode: (event: AnyEvent) => Promise<Buffer>;
  /** The same without waiting, once the event type's schema id is known; otherwise undefined. */
  encodeCached: (event: AnyEvent) => Buffer | undefined;
  /** Decodes any Confluent-framed Avro record into this code's schema of the same type. */
  decode: (buffer: Buffer) => Promise<DecodedEvent>;
  /** The same without waiting, when the record's schema is already cached; otherwise undefined. */
  decodeCached: (buffer: Buffer) => DecodedEvent | undefined;
  registry: SchemaRegistry;
}

const readerTypes = new Map<EventType, avro.Type>();
export const avroTypeOf = (type: EventType): avro.Type => {
  let t = readerTypes.get(type);
  if (!t) {
    t = avro.Type.forSchema(eventSchemas[type].schema as unknown as avro.Schema);
    readerTypes.set(type, t);
  }
  return t;
};

const typeByFullName = new Map(Object.entries(eventSchemas).map(([type, s]) => [s.fullName as string, type as EventType]));

/**
 * Encodes and decodes Fleetlog events in the Confluent wire format. Schema ids and writer schemas
 * come from the registry once and are cached; decoding resolves the writer's schema into this
 * code's (reader) schema, so older and newer producers are both readable.
 */
export const createSerde = (deps: { registry: SchemaRegistry }): EventSerde => {
  const { registry } = deps;
  const idByType = new Map<EventType, Promise<number>>();
  type Decoder = { fullName: string; read: (body: Buffer) => AnyEvent };
  const decoders = new Map<number, Promise<Decoder>>();
  const ready = new Map<number, Decoder>();

  const schemaId = (type: EventType): Promise<number> => {
    let id = idByType.get(type);
    if (!id) {
      const subject = subjectOf(topicOf(type).name, type);
      id = registry
        .getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: JSON.stringify(eventSchemas[type].schema) })
        .catch((e: unknown) => {
          idByType.delete(type);
          throw fromRegistryError(e, `schema of ${type} under subject ${subject}`);
        });
      idByType.set(type, id);
    }
    return id;
  };

  const decoderFor = (id: number) => {
    let d = decoders.get(id);
    if (!d) {
      d = registry
        .getSchema(id)
        .then((writer) => {
          const writerType = writer as unknown as avro.Type;
          const fullName = writerType.name ?? '';
          const type = typeByFullName.get(fullName);
          if (!type) {
            // A type this code does not know yet: read it as the writer wrote it.
            return { fullName, read: (body: Buffer): AnyEvent => writerType.fromBuffer(body) };
          }
          const reader = avroTypeOf(type);
          // Same schema on both sides (the usual case): no resolution step needed.
          if (reader.equals(writerType)) return { fullName, read: (body: Buffer) => reader.fromBuffer(body) as AnyEvent };
          const resolver = reader.createResolver(writerType);
          return { fullName, read: (body: Buffer) => reader.fromBuffer(body, resolver) as AnyEvent };
        })
        .then((decoder) => {
          ready.set(id, decoder);
          return decoder;
        })
        .catch((e: unknown) => {
          decoders.delete(id);
          if (e instanceof EventsError) throw e;
          const status = (e as { status?: number }).status;
          if (status === undefined && /resolve|incompatible/i.test(String((e as Error).message))) {
            throw new EventsError('EVENTS_DECODE_FAILED', `schema ${id} cannot be read as this code's schema: ${(e as Error).message}`, false, { cause: e });
          }
          throw fromRegistryError(e, `schema id ${id}`);
        });
      decoders.set(id, d);
    }
    return d;
  };

  const ids = new Map<EventType, number>();
  const frame = framer();

  const encodeWith = (event: AnyEvent, id: number): Buffer => {
    const type = avroTypeOf(event.type as EventType);
    try {
      return frame(type, id, event);
    } catch (e) {
      const paths: string[] = [];
      type.isValid(event, { errorHook: (path) => paths.push(path.join('.') || '(root)') });
      throw new EventsError('EVENTS_INVALID_EVENT', `${event.type} does not match its schema at ${paths.join(', ') || '?'}: ${(e as Error).message}`, false, { cause: e });
    }
  };

  return {
    registry,
    encode: async (event) => {
      if (!isEventType(event.type)) throw new EventsError('EVENTS_UNKNOWN_EVENT_TYPE', `unknown event type "${event.type}"`, false);
      // A value no schema takes is refused before the registry is asked anything.
      const known = ids.get(event.type);
      if (known !== undefined) return encodeWith(event, known);
      encodeWith(event, 0);
      const id = await schemaId(event.type);
      ids.set(event.type, id);
      return encodeWith(event, id);
    },
    encodeCached: (event) => {
      const id = ids.get(event.type as EventType);
      return id === undefined ? undefined : encodeWith(event, id);
    },
    decode: async (buffer) => {
      const id = schemaIdOf(buffer);
      return read(id, ready.get(id) ?? (await decoderFor(id)), buffer);
    },
    decodeCached: (buffer) => {
      const id = schemaIdOf(buffer);
      const decoder = ready.get(id);
      return decoder ? read(id, decoder, buffer) : undefined;
    },
  };
};

/** Bytes of the buffers records are framed in: many small records share one allocation, none is copied. */
const SLAB_BYTES = 64 * 1024;

/**
 * Frames records (header, then the Avro body written in place) into shared slabs. A record stays valid
 * while anyone holds it; a slab is freed when none of its records is held any more.
 */
const framer = () => {
  let slab = Buffer.allocUnsafe(SLAB_BYTES);
  let used = 0;
  return (type: avro.Type, id: number, event: AnyEvent): Buffer => {
    for (let attempt = 0; ; attempt++) {
      const start = used;
      const end = type.encode(event, slab, start + HEADER);
      if (end >= 0) {
        slab.writeUInt8(MAGIC, start);
        slab.writeInt32BE(id, start + 1);
        used = end;
        return slab.subarray(start, end);
      }
      // It did not fit: avsc says how many bytes were missing.
      const size = slab.length - start - end;
      if (attempt > 0 || size > SLAB_BYTES / 4) {
        const own = Buffer.allocUnsafe(size);
        own.writeUInt8(MAGIC, 0);
        own.writeInt32BE(id, 1);
        type.encode(event, own, HEADER);
        return own;
      }
      slab = Buffer.allocUnsafe(SLAB_BYTES);
      used = 0;
    }
  };
};

const schemaIdOf = (buffer: Buffer): number => {
  if (!Buffer.isBuffer(buffer) || buffer.length < HEADER || buffer.readUInt8(0) !== MAGIC) {
    throw new EventsError('EVENTS_DECODE_FAILED', `not a Confluent-framed record (${buffer?.length ?? 0} bytes, first byte ${buffer?.[0] ?? 'none'})`, false);
  }
  return buffer.readInt32BE(1);
};

const read = (id: number, decoder: { fullName: string; read: (body: Buffer) => AnyEvent }, buffer: Buffer): DecodedEvent => {
  try {
    return { event: decoder.read(buffer.subarray(HEADER)), schemaId: id, fullName: decoder.fullName };
  } catch (e) {
    throw new EventsError('EVENTS_DECODE_FAILED', `record with schema ${id} (${decoder.fullName}) does not decode: ${(e as Error).message}`, false, { cause: e });
  }
};

export const createRegistryClient = (url: string): SchemaRegistry =>
  new SchemaRegistry({ host: url, clientId: 'fleetlog', retry: { retries: 3, initialRetryTimeInSecs: 0.1, maxRetryTimeInSecs: 2 } });
