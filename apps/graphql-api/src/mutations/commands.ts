import { commandCatalog, decideCommand, initialCommandState, isCommandKind, validateCommandArguments, type CommandKind, type CommandState } from '@fleetlog/domain';
import { deterministicEventId, toRecord, type AnyEvent } from '@fleetlog/events';
import { requireRole } from '../auth/principal.js';
import { ApiError, fromDomainError } from '../errors.js';
import { ctxOf, type RequestContext } from '../graphql/context.js';
import { deviceWhere, type DeviceFilter } from '../queries/device-filter.js';
import { publishEvents } from './publish.js';

type Args = Record<string, unknown>;

const MAX_DEADLINE_SECONDS = 30 * 86_400;

const deadlineOf = (ctx: RequestContext, seconds: unknown): number => {
  const s = seconds ?? 3600;
  if (!Number.isInteger(s) || (s as number) < 1 || (s as number) > MAX_DEADLINE_SECONDS) {
    throw new ApiError('INVALID_ARGUMENTS', `deadlineSeconds must be from 1 to ${MAX_DEADLINE_SECONDS}`);
  }
  return ctx.services.now() + (s as number) * 1000;
};

/** Decides one RequestCommand and wraps its event; nothing is published here. */
const requested = (ctx: RequestContext, input: { commandId: string; deviceId: string; protocol: string; kind: string; args: unknown; deadline: number; batchId: string | null; correlationId: string }): AnyEvent[] => {
  const now = ctx.services.now();
  const decision = decideCommand(
    {
      type: 'RequestCommand',
      data: {
        commandId: input.commandId,
        tenantId: ctx.caller.tenantId,
        deviceId: input.deviceId,
        protocol: input.protocol,
        kind: input.kind,
        arguments: input.args,
        deadline: input.deadline,
        requestedBy: ctx.caller.principal,
        batchId: input.batchId,
        now,
      },
    },
    initialCommandState(),
  );
  if (!decision.ok) throw fromDomainError(decision.error);
  return decision.value.map((event) =>
    toRecord(event, {
      eventId: deterministicEventId('graphql-api', ctx.caller.tenantId, input.commandId, event.type),
      tenantId: ctx.caller.tenantId,
      aggregateId: input.commandId,
      recordedAt: now,
      correlationId: input.correlationId,
      causationId: null,
      source: ctx.services.source,
    }),
  );
};

const argumentsOf = (v: unknown): unknown => (v === undefined || v === null ? {} : v);

export const requestCommand = async (_: unknown, args: Args, raw: unknown) => {
  const ctx = ctxOf(raw);
  requireRole(ctx.caller, 'operator');
  const deviceId = String(args['deviceId']);
  const device = (
    await ctx.services.read(ctx.caller.tenantId, (sql) => sql<{ protocol: string | null }>('SELECT protocol FROM devices WHERE tenant_id = $1 AND device_id = $2', [ctx.caller.tenantId, deviceId]))
  )[0];
  if (!device?.protocol) throw new ApiError('DEVICE_NOT_FOUND', `no device ${deviceId} in this tenant`);
  const commandId = ctx.services.newId();
  const events = requested(ctx, {
    commandId,
    deviceId,
    protocol: device.protocol,
    kind: String(args['kind']),
    args: argumentsOf(args['arguments']),
    deadline: deadlineOf(ctx, args['deadlineSeconds']),
    batchId: null,
    correlationId: ctx.requestId,
  });
  await publishEvents(ctx, events);
  return { commandId, correlationId: ctx.requestId };
};

/** The decider's view of a command, from its read-model row (which is all it needs to cancel). */
const commandStateOf = (row: { status: string; device_id: string; protocol: string | null; kind: string | null; deadline: Date | null; requested_by: string | null; batch_id: string | null; requested_at: Date | null; attempts: number }): CommandState => {
  const base = {
    deviceId: row.device_id,
    protocol: (row.protocol ?? 'CWMP') as 'CWMP',
    kind: (row.kind ?? 'cwmp.Reboot') as CommandKind,
    arguments: '{}',
    deadline: row.deadline?.getTime() ?? 0,
    requestedBy: row.requested_by ?? 'user:unknown',
    batchId: row.batch_id,
    requestedAt: row.requested_at?.getTime() ?? 0,
    attempts: row.attempts,
  };
  const completedAt = 0;
  switch (row.status) {
    case 'REQUESTED':
      return { ...base, status: 'requested' };
    case 'DISPATCHED':
    case 'ACCEPTED':
      return { ...base, status: 'dispatched', channel: 'cwmp-session', dispatchedAt: 0 };
    case 'SUCCEEDED':
      return { ...base, status: 'succeeded', result: '{}', completedAt };
    case 'FAILED':
      return { ...base, status: 'failed', code: 'UNKNOWN', message: '', faultCode: null, completedAt };
    case 'EXPIRED':
      return { ...base, status: 'expired', completedAt };
    default:
      return { ...base, status: 'cancelled', cancelledBy: 'user:unknown', reason: null, completedAt };
  }
};

export const cancelCommand = async (_: unknown, args: Args, raw: unknown) => {
  const ctx = ctxOf(raw);
  requireRole(ctx.caller, 'operator');
  const commandId = String(args['id']);
  const row = (
    await ctx.services.read(ctx.caller.tenantId, (sql) =>
      sql<Parameters<typeof commandStateOf>[0] & { correlation_id: string }>('SELECT * FROM commands WHERE tenant_id = $1 AND command_id = $2', [ctx.caller.tenantId, commandId]),
    )
  )[0];
  if (!row) throw new ApiError('COMMAND_NOT_FOUND', `no command ${commandId} in this tenant`);
  const now = ctx.services.now();
  const decision = decideCommand({ type: 'CancelCommand', data: { cancelledBy: ctx.caller.principal, reason: (args['reason'] as string | null) ?? null, now } }, commandStateOf(row));
  if (!decision.ok) throw fromDomainError(decision.error);
  const events = decision.value.map((event) =>
    toRecord(event, {
      eventId: deterministicEventId('graphql-api', ctx.caller.tenantId, commandId, event.type),
      tenantId: ctx.caller.tenantId,
      aggregateId: commandId,
      recordedAt: now,
      // The cancellation continues the command's causal chain.
      correlationId: row.correlation_id,
      causationId: null,
      source: ctx.services.source,
    }),
  );
  await publishEvents(ctx, events);
  return { commandId, correlationId: row.correlation_id };
};

export const bulkCommand = async (_: unknown, args: Args, raw: unknown) => {
  const ctx = ctxOf(raw);
  requireRole(ctx.caller, 'operator');
  const kind = String(args['kind']);
  if (!isCommandKind(kind)) throw new ApiError('UNKNOWN_COMMAND_KIND', `unknown command kind "${kind}"`);
  const protocol = commandCatalog[kind].protocol;
  const filter = { ...((args['filter'] as DeviceFilter | null) ?? {}) };
  if (filter.protocol != null && filter.protocol !== protocol) throw new ApiError('COMMAND_KIND_PROTOCOL_MISMATCH', `${kind} is a ${protocol} command; the filter asks for ${filter.protocol} devices`);
  // Only devices that speak the kind's protocol can take it.
  filter.protocol = protocol;
  const { where, values } = deviceWhere(ctx.caller.tenantId, filter);
  const max = ctx.services.limits.bulkMaxDevices;
  const ids = (await ctx.services.read(ctx.caller.tenantId, (sql) => sql<{ device_id: string }>(`SELECT d.device_id FROM devices d WHERE ${where} ORDER BY d.device_id LIMIT ${max + 1}`, values))).map((r) => r.device_id);
  if (ids.length > max) throw new ApiError('BULK_TOO_LARGE', `the filter matches more than ${max} devices; narrow it or split the batch`);
  const batchId = ctx.services.newId();
  const deadline = deadlineOf(ctx, args['deadlineSeconds'] ?? 86_400);
  const commandArgs = argumentsOf(args['arguments']);
  // Every command is decided before any is published: a bad argument publishes nothing.
  const commandIds: string[] = [];
  const events = ids.flatMap((deviceId) => {
    const commandId = ctx.services.newId();
    commandIds.push(commandId);
    return requested(ctx, { commandId, deviceId, protocol, kind, args: commandArgs, deadline, batchId, correlationId: ctx.requestId });
  });
  if (events.length === 0) {
    // Arguments are checked even when nothing matches, so a mistake shows at once.
    const checked = validateCommandArguments(protocol, kind, commandArgs);
    if (!checked.ok) throw fromDomainError(checked.error);
  }
  await publishEvents(ctx, events);
  return { batchId, commandIds, total: commandIds.length };
};
