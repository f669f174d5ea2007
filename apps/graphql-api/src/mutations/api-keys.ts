import type { TenantApiKeyIssued, TenantApiKeyRevoked } from '@fleetlog/events';
import { hashSecret, newApiKey } from '../auth/api-keys.js';
import { requireRole } from '../auth/principal.js';
import { ApiError } from '../errors.js';
import { ctxOf, type RequestContext } from '../graphql/context.js';
import { publishEvents } from './publish.js';

const envelope = (ctx: RequestContext, eventId: string) => ({
  eventId,
  tenantId: ctx.caller.tenantId,
  aggregateId: ctx.caller.tenantId,
  occurredAt: ctx.services.now(),
  recordedAt: ctx.services.now(),
  correlationId: ctx.requestId,
  causationId: null,
  source: ctx.services.source,
});

export const createApiKey = async (_: unknown, args: Record<string, unknown>, raw: unknown) => {
  const ctx = ctxOf(raw);
  requireRole(ctx.caller, 'admin');
  const name = String(args['name']).trim();
  if (name.length === 0 || name.length > 128) throw new ApiError('INVALID_ARGUMENTS', 'name must be 1 to 128 characters');
  const role = args['role'] as 'VIEWER' | 'OPERATOR' | 'ADMIN';
  const key = newApiKey();
  const event: TenantApiKeyIssued = {
    ...envelope(ctx, ctx.services.newId()),
    type: 'TenantApiKeyIssued',
    payload: { keyId: key.keyId, name, keyHash: await hashSecret(key.secret), role },
  };
  await publishEvents(ctx, [event]);
  return { id: key.keyId, name, role, secret: key.token };
};

export const revokeApiKey = async (_: unknown, args: Record<string, unknown>, raw: unknown) => {
  const ctx = ctxOf(raw);
  requireRole(ctx.caller, 'admin');
  const keyId = String(args['id']);
  const rows = await ctx.services.read(ctx.caller.tenantId, (sql) => sql<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_keys WHERE tenant_id = $1 AND key_id = $2', [ctx.caller.tenantId, keyId]));
  if (!rows[0]) throw new ApiError('API_KEY_NOT_FOUND', `no API key ${keyId} in this tenant`);
  if (rows[0].revoked_at) return false;
  const event: TenantApiKeyRevoked = { ...envelope(ctx, ctx.services.newId()), type: 'TenantApiKeyRevoked', payload: { keyId } };
  await publishEvents(ctx, [event]);
  return true;
};
