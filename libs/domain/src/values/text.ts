// Small string predicates shared by the value constructors.

// Lone surrogates cannot be UTF-8 encoded, so they cannot reach Kafka, Postgres or a URL intact.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;

export const isWellFormed = (value: string): boolean => !loneSurrogate.test(value);

// Printable: well-formed and free of C0/C1 control characters.
export const isPrintable = (value: string): boolean => isWellFormed(value) && !controlCharacter.test(value);

export const describe = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
};
