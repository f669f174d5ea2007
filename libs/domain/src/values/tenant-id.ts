import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import type { Brand } from './brand.js';
import { describe } from './text.js';

export type TenantId = Brand<string, 'TenantId'>;

// Lower-case slug: safe as a Kafka key prefix, a Postgres value and a DNS label.
const tenantIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const parseTenantId = (value: unknown): Result<TenantId> =>
  typeof value === 'string' && tenantIdPattern.test(value)
    ? ok(value as TenantId)
    : fail('INVALID_TENANT_ID', `Tenant id ${describe(value)} must match ${tenantIdPattern.source}`);
