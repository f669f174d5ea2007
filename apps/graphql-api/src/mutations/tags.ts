import { decideDevice, type DeviceState, type Protocol } from '@fleetlog/domain';
import { toRecord, type AnyEvent } from '@fleetlog/events';
import { requireRole } from '../auth/principal.js';
import { ApiError, fromDomainError } from '../errors.js';
import { ctxOf } from '../graphql/context.js';
import { publishEvents } from './publish.js';

const MAX_IDS = 1000;

/** The decider's view of a device for tagging: it only looks at the tags. */
const stateOf = (row: { protocol: string; tags: string[] }): DeviceState => ({
  status: 'registered',
  protocol: row.protocol as Protocol,
  identity: {} as never,
  registeredAt: 0,
  online: false,
  lastContactAt: null,
  expectedIntervalSeconds: null,
  tags: new Set(row.tags),
  parameters: new Map(),
});

const retag = (type: 'TagDevice' | 'UntagDevice') => async (_: unknown, args: Record<string, unknown>, raw: unknown) => {
  const ctx = ctxOf(raw);
  requireRole(ctx.caller, 'operator');
  const ids = [...new Set(args['ids'] as string[])];
  if (ids.length > MAX_IDS) throw new ApiError('INVALID_ARGUMENTS', `at most ${MAX_IDS} devices at once; use a filter and bulk tools for more`);
  const tag = String(args['tag']);
  const rows = await ctx.services.read(ctx.caller.tenantId, (sql) =>
    sql<{ device_id: string; protocol: string; tags: string[] }>('SELECT device_id, protocol, tags FROM devices WHERE tenant_id = $1 AND device_id = ANY($2) AND protocol IS NOT NULL', [ctx.caller.tenantId, ids]),
  );
  const known = new Map(rows.map((r) => [r.device_id, r]));
  const now = ctx.services.now();
  const result = { changed: [] as string[], unchanged: [] as string[], notFound: [] as string[] };
  const events: AnyEvent[] = [];
  for (const id of ids) {
    const row = known.get(id);
    if (!row) {
      result.notFound.push(id);
      continue;
    }
    const decision = decideDevice({ type, data: { tag, now } }, stateOf(row));
    if (!decision.ok) throw fromDomainError(decision.error);
    if (decision.value.length === 0) result.unchanged.push(id);
    else result.changed.push(id);
    for (const event of decision.value) {
      events.push(
        toRecord(event, {
          eventId: ctx.services.newId(),
          tenantId: ctx.caller.tenantId,
          aggregateId: id,
          recordedAt: now,
          correlationId: ctx.requestId,
          causationId: null,
          source: ctx.services.source,
        }),
      );
    }
  }
  await publishEvents(ctx, events);
  return result;
};

export const tagDevices = retag('TagDevice');
export const untagDevices = retag('UntagDevice');
