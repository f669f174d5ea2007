import protobuf from 'protobufjs';
import type { Type } from 'protobufjs';

// Every field on the wire becomes at least one JavaScript value once decoded, and an empty repeated
// message costs two bytes: 4 MB of them would grow into hundreds of MB of objects. Counting fields
// along the schema first, without building anything, bounds that before protobufjs allocates.

/** More fields than the budget allows. */
export class TooManyElements extends Error {
  override name = 'TooManyElements';
}

const LEN = 2;

const scan = (type: Type, reader: protobuf.Reader, end: number, budget: { left: number }): void => {
  while (reader.pos < end) {
    const tag = reader.uint32();
    budget.left -= 1;
    if (budget.left < 0) throw new TooManyElements();
    const field = type.fieldsById[tag >>> 3];
    const nested = field && !field.map && field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    if ((tag & 7) !== LEN || nested === undefined) {
      reader.skipType(tag & 7);
      continue;
    }
    const length = reader.uint32();
    const stop = reader.pos + length;
    if (stop > end) throw new RangeError(`field ${tag >>> 3} runs past its message`);
    scan(nested, reader, stop, budget);
  }
};

/** Throws TooManyElements past maxElements fields, or the reader's error for malformed bytes. */
export const checkElementBudget = (type: Type, bytes: Uint8Array, maxElements: number): void => {
  const reader = protobuf.Reader.create(bytes);
  scan(type, reader, bytes.length, { left: maxElements });
};
