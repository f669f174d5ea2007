import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import { describe } from './text.js';

// TR-369 Endpoint ID: `authority-scheme ":" [authority-id] ":" instance-id` (R-ARC.2a, R-ARC.5, R-ARC.6).
// "proto" and "doc" are accepted here; R-ARC.4 bars them from production, which is deployment policy.

export const authoritySchemes = [
  'oui',
  'cid',
  'pen',
  'self',
  'user',
  'os',
  'ops',
  'uuid',
  'imei',
  'proto',
  'doc',
  'fqdn',
] as const;
export type AuthorityScheme = (typeof authoritySchemes)[number];

export type ParsedEndpointId = {
  readonly scheme: AuthorityScheme;
  readonly authorityId: string;
  readonly instanceId: string;
};

// R-ARC.5: unreserved (no "~") or %HH; at most 50 characters (R-ARC.6).
const instanceIdPattern = /^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/;
const maxInstanceIdLength = 50;
const nonReserved = (max: number, allowDot = true) =>
  new RegExp(`^[A-Za-z0-9_${allowDot ? '.' : ''}-]{0,${max}}$`);
const fqdnPattern = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const hex6 = /^[0-9A-Fa-f]{6}$/;
const uuidPattern = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

type SchemeRule = {
  readonly authority: RegExp;
  readonly authorityRule: string;
  readonly instance?: RegExp;
  readonly instanceRule?: string;
};

const schemeRules: Readonly<Record<AuthorityScheme, SchemeRule>> = {
  oui: { authority: hex6, authorityRule: 'an OUI of 6 hex digits' },
  cid: { authority: hex6, authorityRule: 'a CID of 6 hex digits' },
  pen: { authority: /^(?:0|[1-9][0-9]{0,9})$/, authorityRule: 'a decimal IANA Private Enterprise Number' },
  self: { authority: nonReserved(6), authorityRule: '0-6 non-reserved characters' },
  user: { authority: nonReserved(6), authorityRule: '0-6 non-reserved characters' },
  os: { authority: /^$/, authorityRule: 'empty', instance: /^[0-9A-Fa-f]{6}-.+$/, instanceRule: '<OUI>-<SerialNumber>' },
  ops: { authority: /^$/, authorityRule: 'empty', instance: /^[0-9A-Fa-f]{6}-.*-.+$/, instanceRule: '<OUI>-<ProductClass>-<SerialNumber>' },
  uuid: { authority: /^$/, authorityRule: 'empty', instance: uuidPattern, instanceRule: 'an RFC 4122 UUID' },
  imei: { authority: /^$/, authorityRule: 'empty', instance: /^[0-9]{15}$/, instanceRule: 'a 15-digit IMEI' },
  proto: { authority: nonReserved(6, false), authorityRule: '0-6 non-reserved characters except "."' },
  doc: { authority: nonReserved(6), authorityRule: '0-6 non-reserved characters' },
  fqdn: { authority: fqdnPattern, authorityRule: 'a fully qualified domain name' },
};

const isAuthorityScheme = (value: string): value is AuthorityScheme =>
  (authoritySchemes as readonly string[]).includes(value);

const invalid = (value: unknown, why: string) => fail('INVALID_ENDPOINT_ID', `USP endpoint id ${describe(value)} is invalid: ${why}`);

export const parseEndpointId = (value: unknown): Result<ParsedEndpointId> => {
  if (typeof value !== 'string') return invalid(value, 'not a string');
  const parts = value.split(':');
  if (parts.length !== 3) return invalid(value, 'expected authority-scheme:[authority-id]:instance-id');
  const [scheme, authorityId, instanceId] = parts as [string, string, string];
  if (!isAuthorityScheme(scheme)) return invalid(value, `unknown authority-scheme "${scheme}"`);
  const rule = schemeRules[scheme];
  if (!rule.authority.test(authorityId)) return invalid(value, `authority-id for "${scheme}" must be ${rule.authorityRule}`);
  if (instanceId.length === 0 || instanceId.length > maxInstanceIdLength || !instanceIdPattern.test(instanceId)) {
    return invalid(value, `instance-id must be 1-${maxInstanceIdLength} unreserved or percent-encoded characters`);
  }
  if (rule.instance && !rule.instance.test(instanceId)) return invalid(value, `instance-id for "${scheme}" must be ${rule.instanceRule}`);
  return ok({ scheme, authorityId, instanceId });
};
