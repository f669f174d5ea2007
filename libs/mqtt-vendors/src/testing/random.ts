// A small seeded generator (mulberry32) so that a simulated device with a given seed always says the same things.
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max), rounded to `decimals`. */
  between(min: number, max: number, decimals?: number): number;
  /** `count` lower-case hex digits. */
  hex(count: number): string;
  /** A version-4-shaped UUID. */
  uuid(): string;
};

const hashText = (text: string): number => {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
};

export const seededRandom = (seed: number, salt = ''): Random => {
  let state = (hashText(salt) ^ Math.imul(seed | 0, 2654435761)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (count: number): string => Array.from({ length: count }, () => Math.floor(next() * 16).toString(16)).join('');
  return {
    next,
    between: (min, max, decimals = 2) => Number((min + next() * (max - min)).toFixed(decimals)),
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  };
};
