import { ApiError } from '../errors.js';
import { requireRole } from '../auth/principal.js';
import { ctxOf, type RequestContext } from '../graphql/context.js';
import { decodeCursor, emptyConnection, pageSize, toConnection } from './cursor.js';
import { devicePage, deviceWhere, type DeviceFilter } from './device-filter.js';
import {
  commandOf,
  DEVICE_COLUMNS,
  deviceOf,
  historyOf,
  parameterOf,
  sessionOf,
  type CommandRow,
  type DeviceRow,
  type HistoryRow,
  type ParameterRow,
  type SessionRow,
  type TimelineRow,
} from './rows.js';
import { timelineEventOf } from './timeline.js';

type Args = Record<string, unknown>;

const viewer = (ctx: unknown): RequestContext => {
  const c = ctxOf(ctx);
  requireRole(c.caller, 'viewer');
  return c;
};

const time = (name: string, v: unknown): Date => {
  const d = new Date(String(v));
  if (Number.isNaN(d.getTime())) throw new ApiError('INVALID_ARGUMENTS', `${name} must be an ISO time`);
  return d;
};

export const queryResolvers = {
  devices: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const first = pageSize(args['first'] as number, services.limits.maxPage);
    const after = args['after'] ? decodeCursor(caller.tenantId, String(args['after']), ['string']) : undefined;
    if (after === null) return emptyConnection();
    const filter = args['filter'] as DeviceFilter | null;
    const rows = await devicePage(services.read, caller.tenantId, filter, first, after ? String(after[0]) : undefined);
    const { where, values } = deviceWhere(caller.tenantId, filter);
    return {
      ...toConnection(caller.tenantId, rows, first, (r) => [r.device_id], deviceOf),
      // Counted only when asked for (DeviceConnection.totalCount runs it).
      countTotal: async () => Number((await services.read(caller.tenantId, (sql) => sql<{ n: string }>(`SELECT count(*) AS n FROM devices d WHERE ${where}`, values)))[0]!.n),
    };
  },

  device: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const rows = await services.read(caller.tenantId, (sql) => sql<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices d WHERE d.tenant_id = $1 AND d.device_id = $2`, [caller.tenantId, args['id']]));
    return rows[0] ? deviceOf(rows[0]) : null;
  },

  parameterAt: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const at = time('at', args['at']);
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<HistoryRow>(
        `SELECT path, value, value_type, valid_from, log_position, origin FROM parameter_history
          WHERE tenant_id = $1 AND device_id = $2 AND path = $3 AND valid_from <= $4
          ORDER BY valid_from DESC, log_position DESC LIMIT 1`,
        [caller.tenantId, args['deviceId'], args['path'], at],
      ),
    );
    return rows[0] ? historyOf(rows[0]) : null;
  },

  parameterHistory: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const first = pageSize(args['first'] as number, services.limits.maxPage);
    const after = args['after'] ? decodeCursor(caller.tenantId, String(args['after']), ['string', 'string']) : undefined;
    if (after === null) return emptyConnection();
    const values: unknown[] = [caller.tenantId, args['deviceId'], args['path']];
    const keyset = after ? `AND (valid_from, log_position) < ($4::timestamptz, $5::bigint)` : '';
    if (after) values.push(after[0], after[1]);
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<HistoryRow>(
        `SELECT path, value, value_type, valid_from, log_position, origin FROM parameter_history
          WHERE tenant_id = $1 AND device_id = $2 AND path = $3 ${keyset}
          ORDER BY valid_from DESC, log_position DESC LIMIT ${first + 1}`,
        values,
      ),
    );
    return toConnection(caller.tenantId, rows, first, (r) => [r.valid_from.toISOString(), String(r.log_position)], historyOf);
  },

  commands: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const first = pageSize(args['first'] as number, services.limits.maxPage);
    const after = args['after'] ? decodeCursor(caller.tenantId, String(args['after']), ['string', 'string']) : undefined;
    if (after === null) return emptyConnection();
    const f = (args['filter'] ?? {}) as { deviceId?: string; status?: string; batchId?: string; from?: string; to?: string };
    const values: unknown[] = [caller.tenantId];
    const bind = (v: unknown) => `$${values.push(v)}`;
    const conds = ['tenant_id = $1'];
    if (f.deviceId != null) conds.push(`device_id = ${bind(f.deviceId)}`);
    if (f.status != null) conds.push(`status = ${bind(f.status)}`);
    if (f.batchId != null) conds.push(`batch_id = ${bind(f.batchId)}`);
    if (f.from != null) conds.push(`requested_at >= ${bind(time('from', f.from))}`);
    if (f.to != null) conds.push(`requested_at < ${bind(time('to', f.to))}`);
    const sortKey = `COALESCE(requested_at, updated_at)`;
    if (after) conds.push(`(${sortKey}, command_id) < (${bind(after[0])}::timestamptz, ${bind(after[1])})`);
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<CommandRow & { sort_at: Date }>(`SELECT *, ${sortKey} AS sort_at FROM commands WHERE ${conds.join(' AND ')} ORDER BY ${sortKey} DESC, command_id DESC LIMIT ${first + 1}`, values),
    );
    return toConnection(caller.tenantId, rows, first, (r) => [r.sort_at.toISOString(), r.command_id], commandOf);
  },

  command: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const rows = await services.read(caller.tenantId, (sql) => sql<CommandRow>('SELECT * FROM commands WHERE tenant_id = $1 AND command_id = $2', [caller.tenantId, args['id']]));
    return rows[0] ? commandOf(rows[0]) : null;
  },

  sessions: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const first = pageSize(args['first'] as number, services.limits.maxPage);
    const after = args['after'] ? decodeCursor(caller.tenantId, String(args['after']), ['string', 'string']) : undefined;
    if (after === null) return emptyConnection();
    const values: unknown[] = [caller.tenantId, args['deviceId']];
    const keyset = after ? 'AND (started_at, session_id) < ($3::timestamptz, $4)' : '';
    if (after) values.push(after[0], after[1]);
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<SessionRow>(`SELECT * FROM device_sessions WHERE tenant_id = $1 AND device_id = $2 ${keyset} ORDER BY started_at DESC, session_id DESC LIMIT ${first + 1}`, values),
    );
    return toConnection(caller.tenantId, rows, first, (r) => [r.started_at.toISOString(), r.session_id], sessionOf);
  },

  timeline: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const first = pageSize(args['first'] as number, services.limits.maxPage);
    const after = args['after'] ? decodeCursor(caller.tenantId, String(args['after']), ['string', 'string']) : undefined;
    if (after === null) return emptyConnection();
    const values: unknown[] = [caller.tenantId, args['deviceId']];
    const keyset = after ? 'AND (recorded_at, event_id) < ($3::timestamptz, $4)' : '';
    if (after) values.push(after[0], after[1]);
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<TimelineRow>(`SELECT * FROM device_timeline WHERE tenant_id = $1 AND device_id = $2 ${keyset} ORDER BY recorded_at DESC, event_id DESC LIMIT ${first + 1}`, values),
    );
    return toConnection(caller.tenantId, rows, first, (r) => [r.recorded_at.toISOString(), r.event_id], timelineEventOf);
  },

  eventsByCorrelation: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const first = pageSize(args['first'] as number, services.limits.maxPage);
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<TimelineRow>(`SELECT * FROM device_timeline WHERE tenant_id = $1 AND correlation_id = $2 ORDER BY recorded_at, log_topic, log_partition, log_offset LIMIT ${first}`, [caller.tenantId, args['correlationId']]),
    );
    return rows.map(timelineEventOf);
  },

  telemetry: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    return services.telemetry.range({
      tenantId: caller.tenantId,
      deviceId: String(args['deviceId']),
      metric: String(args['metric']),
      from: time('from', args['from']).getTime(),
      to: time('to', args['to']).getTime(),
      bucket: args['bucket'] === 'HOUR' ? 'HOUR' : 'MINUTE',
    });
  },

  fleetStats: async (_: unknown, _args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    return services.read(caller.tenantId, async (sql) => {
      const counts = (column: string) =>
        sql<{ key: string | null; count: string }>(`SELECT ${column} AS key, count(*) AS count FROM devices WHERE tenant_id = $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100`, [caller.tenantId]);
      const [online, byProtocol, byProductClass, bySoftwareVersion] = [await counts('online::text'), await counts('protocol'), await counts('product_class'), await counts('software_version')];
      const n = (rows: { key: string | null; count: string }[]) => rows.map((r) => ({ key: r.key, count: Number(r.count) }));
      const on = Number(online.find((r) => r.key === 'true')?.count ?? 0);
      const off = Number(online.find((r) => r.key === 'false')?.count ?? 0);
      return { total: on + off, online: on, offline: off, byProtocol: n(byProtocol), byProductClass: n(byProductClass), bySoftwareVersion: n(bySoftwareVersion) };
    });
  },

  batch: async (_: unknown, args: Args, ctx: unknown) => {
    const { caller, services } = viewer(ctx);
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<{ status: string; count: string }>('SELECT status, count(*) AS count FROM commands WHERE tenant_id = $1 AND batch_id = $2 GROUP BY 1 ORDER BY 1', [caller.tenantId, args['id']]),
    );
    if (rows.length === 0) return null;
    const byStatus = rows.map((r) => ({ key: r.status, count: Number(r.count) }));
    const open = ['REQUESTED', 'DISPATCHED', 'ACCEPTED'];
    return {
      id: args['id'],
      total: byStatus.reduce((s, c) => s + c.count, 0),
      byStatus,
      done: byStatus.every((c) => !open.includes(c.key)),
    };
  },

  apiKeys: async (_: unknown, _args: Args, ctx: unknown) => {
    const { caller, services } = ctxOf(ctx);
    requireRole(caller, 'admin');
    const rows = await services.read(caller.tenantId, (sql) =>
      sql<{ key_id: string; name: string; role: string; issued_at: Date; revoked_at: Date | null }>('SELECT key_id, name, role, issued_at, revoked_at FROM api_keys WHERE tenant_id = $1 ORDER BY issued_at', [caller.tenantId]),
    );
    return rows.map((r) => ({ id: r.key_id, name: r.name, role: r.role.toUpperCase(), issuedAt: r.issued_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null }));
  },
};

/** Nested fields batched per request (mercurius loaders), each query scoped to the tenant. */
export const loaders = {
  Device: {
    parameters: async (queries: { obj: { id: string }; params: { prefix?: string | null; first?: number } }[], ctx: unknown) => {
      const { caller, services } = ctxOf(ctx);
      // One query per distinct prefix (usually one), for all devices of the request.
      const prefixes = [...new Set(queries.map((q) => q.params.prefix ?? ''))];
      const found = new Map<string, ParameterRow[]>();
      await services.read(caller.tenantId, async (sql) => {
        for (const prefix of prefixes) {
          const ids = [...new Set(queries.filter((q) => (q.params.prefix ?? '') === prefix).map((q) => q.obj.id))];
          const rows = await sql<ParameterRow>(
            'SELECT device_id, path, value, value_type, writable, reported_at, changed_at FROM device_parameters WHERE tenant_id = $1 AND device_id = ANY($2) AND starts_with(path, $3) ORDER BY device_id, path',
            [caller.tenantId, ids, prefix],
          );
          for (const r of rows) {
            const k = `${prefix}\0${r.device_id}`;
            const list = found.get(k);
            if (list) list.push(r);
            else found.set(k, [r]);
          }
        }
      });
      return queries.map((q) => {
        const first = pageSize(q.params.first ?? 500, services.limits.maxPage);
        return (found.get(`${q.params.prefix ?? ''}\0${q.obj.id}`) ?? []).slice(0, first).map(parameterOf);
      });
    },
  },
  Command: {
    device: async (queries: { obj: { deviceId: string } }[], ctx: unknown) => {
      const { caller, services } = ctxOf(ctx);
      const ids = [...new Set(queries.map((q) => q.obj.deviceId))];
      const rows = await services.read(caller.tenantId, (sql) => sql<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices d WHERE d.tenant_id = $1 AND d.device_id = ANY($2)`, [caller.tenantId, ids]));
      const byId = new Map(rows.map((r) => [r.device_id, deviceOf(r)]));
      return queries.map((q) => byId.get(q.obj.deviceId) ?? null);
    },
  },
};
