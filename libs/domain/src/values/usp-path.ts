import { isInstanceNumber, isPathName } from './parameter-path.js';

/**
 * TR-369 path names as a Controller sends them: TR-106 names and instance numbers, plus
 * wildcards `*`, search or unique-key expressions `[Name=="eth0"]`, reference following `Name+`
 * / `Name#1+`, and the `{i}` placeholder of supported-data-model paths.
 */
export type UspPathKind =
  // any path: object, parameter or search path
  | 'any'
  // ends in '.'
  | 'object'
  // a command to Operate, ending in "()"
  | 'command';

export const maxUspPathLength = 1024;

const referencePattern = /^[A-Za-z_][A-Za-z0-9_-]*(?:#[1-9][0-9]*)?\+$/;

// Splits on '.' outside brackets and quoted strings; undefined if brackets or quotes are unbalanced.
const splitSegments = (path: string): string[] | undefined => {
  const segments: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const char of path) {
    if (quoted) {
      if (char === '"') quoted = false;
    } else if (char === '"') {
      if (depth === 0) return undefined;
      quoted = true;
    } else if (char === '[') {
      if (depth > 0) return undefined;
      depth = 1;
    } else if (char === ']') {
      if (depth === 0) return undefined;
      depth = 0;
    } else if (char === '.' && depth === 0) {
      segments.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (quoted || depth > 0) return undefined;
  segments.push(current);
  return segments;
};

const isSegment = (segment: string): boolean =>
  isPathName(segment) ||
  isInstanceNumber(segment) ||
  segment === '*' ||
  segment === '{i}' ||
  referencePattern.test(segment) ||
  (segment.length > 2 && segment.startsWith('[') && segment.endsWith(']'));

export const uspPathProblem = (value: unknown, kind: UspPathKind = 'any'): string | undefined => {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty string';
  if (value.length > maxUspPathLength) return `must be at most ${maxUspPathLength} characters`;
  if (/\s/.test(value.replace(/"[^"]*"/g, ''))) return 'must not contain white space outside quoted values';
  let body = value;
  if (kind === 'command') {
    if (!value.endsWith('()')) return 'must name a command, ending in "()"';
    body = value.slice(0, -2);
  } else if (kind === 'object' && !value.endsWith('.')) {
    return 'must name an object (ending in ".")';
  }
  if (body.endsWith('.')) {
    if (kind === 'command') return 'must name a command, ending in "()"';
    body = body.slice(0, -1);
  }
  const segments = splitSegments(body);
  if (segments === undefined) return 'has unbalanced brackets or quotes';
  if (segments.some((segment) => segment.length === 0)) return 'has an empty segment';
  const [first] = segments;
  if (first === undefined || !isPathName(first)) return 'must start with a name';
  const invalid = segments.find((segment) => !isSegment(segment));
  if (invalid !== undefined) return `has an invalid segment ${JSON.stringify(invalid)}`;
  if (kind === 'command' && !isPathName(segments[segments.length - 1] ?? '')) return 'must end with a command name';
  return undefined;
};

// A parameter or argument name relative to an object: `Enable`, `Stats.BytesSent`.
export const relativeNameProblem = (value: string): string | undefined => {
  const segments = value.split('.');
  if (segments.some((segment) => segment.length === 0)) return 'has an empty segment';
  if (!segments.every((segment) => isPathName(segment) || isInstanceNumber(segment))) return 'is not a relative name';
  return isPathName(segments[segments.length - 1] ?? '') ? undefined : 'must end with a name';
};
