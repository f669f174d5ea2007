// Structural equality for test expectations: primitives by Object.is, arrays and plain objects
// by own enumerable keys, Map and Set by content. Lives here (not node:assert) because the domain
// lib may not import node:* outside spec files.
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !deepEqual(value, b.get(key))) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    const rest = [...b];
    return [...a].every((item) => {
      const index = rest.findIndex((candidate) => deepEqual(item, candidate));
      if (index < 0) return false;
      rest.splice(index, 1);
      return true;
    });
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
};

// Readable rendering for failure messages; Maps and Sets shown by content.
export const show = (value: unknown): string =>
  JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (item instanceof Map) return { Map: [...item.entries()] };
      if (item instanceof Set) return { Set: [...item] };
      if (typeof item === 'bigint') return `${item}n`;
      if (item === undefined) return '<undefined>';
      return item;
    },
    2,
  );
