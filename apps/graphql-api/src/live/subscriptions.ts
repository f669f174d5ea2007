import { requireRole } from '../auth/principal.js';
import { ApiError } from '../errors.js';
import { ctxOf, type RequestContext } from '../graphql/context.js';
import type { TimelineRow } from '../queries/rows.js';
import { timelineEventOf, type DeviceEventView } from '../queries/timeline.js';
import { isAfter, parseResumePoint, type ResumePoint } from './event-cursor.js';

/** The time a telemetry subscription resumes after: an ISO time or a sample's `ts`. */
const parseResumeTime = (after: string): number => {
  const t = Date.parse(after);
  if (Number.isNaN(t)) throw new ApiError('INVALID_CURSOR', 'after must be an ISO time, e.g. the ts of the last sample received');
  return t;
};
import type { LiveEvent, LiveSubscription } from './hub.js';
import { commandUpdateView, deviceEventView, deviceIdOf, isDeviceOrCommandEvent } from './views.js';

/** Most events one resume replays; a console further behind reloads its views from queries. */
const MAX_REPLAY = 10_000;

/**
 * Replayed items first, then live ones (mapped, possibly to several items each, or to none when
 * already replayed). Closing the iterator unsubscribes at once, even while it waits.
 */
const stream = <T>(replayed: T[], live: LiveSubscription, map: (e: LiveEvent) => T[]): AsyncIterableIterator<T> => {
  const pending: T[] = [...replayed];
  const it: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => it,
    next: async () => {
      for (;;) {
        const v = pending.shift();
        if (v !== undefined) return { value: v, done: false };
        const n = await live.next();
        if (n.done) return { value: undefined, done: true };
        pending.push(...map(n.value));
      }
    },
    return: async () => {
      live.close();
      return { value: undefined, done: true };
    },
  };
  return it;
};

/** Timeline views replayed, then live events not among them. */
const eventStream = <T>(replay: DeviceEventView[], live: LiveSubscription, fromLive: (e: LiveEvent) => T, fromView: (v: DeviceEventView) => T): AsyncIterableIterator<T> => {
  const replayed = new Set(replay.map((r) => r.id));
  return stream(replay.map(fromView), live, (e) => (replayed.has(e.event.eventId) ? [] : [fromLive(e)]));
};

/** What a resume replays: timeline rows after the point, and recent events the read model may not have yet. */
const replayFrom = async (ctx: RequestContext, from: ResumePoint, where: string, values: unknown[], accept: (e: LiveEvent) => boolean): Promise<DeviceEventView[]> => {
  const { caller, services } = ctx;
  const rows = await services.read(caller.tenantId, (sql) =>
    sql<TimelineRow>(
      `SELECT * FROM device_timeline WHERE tenant_id = $1 AND recorded_at >= $2 AND ${where} ORDER BY recorded_at, log_topic, log_partition, log_offset LIMIT ${MAX_REPLAY}`,
      [caller.tenantId, new Date(from.recordedAt), ...values],
    ),
  );
  const views = new Map<string, { at: number; view: DeviceEventView }>();
  for (const r of rows) {
    if (!isAfter({ recordedAt: r.recorded_at.getTime(), topic: r.log_topic, partition: r.log_partition, offset: String(r.log_offset) }, from)) continue;
    const v = timelineEventOf(r);
    views.set(v.id, { at: r.recorded_at.getTime(), view: v });
  }
  for (const e of services.live.recent(caller.tenantId, from, accept)) {
    if (!views.has(e.event.eventId)) views.set(e.event.eventId, { at: e.event.recordedAt, view: deviceEventView(e) });
  }
  return [...views.values()].sort((a, b) => a.at - b.at).map((v) => v.view);
};

const viewer = (raw: unknown): RequestContext => {
  const ctx = ctxOf(raw);
  if (!ctx.caller) throw new ApiError('UNAUTHENTICATED', 'authenticate in connection_init: { "authorization": "Bearer <token>" }');
  requireRole(ctx.caller, 'viewer');
  return ctx;
};

type Args = Record<string, unknown>;

export const subscriptionResolvers = {
  deviceEvents: {
    subscribe: async (_: unknown, args: Args, raw: unknown) => {
      const ctx = viewer(raw);
      const deviceId = (args['deviceId'] as string | null) ?? null;
      const accept = (e: LiveEvent) => isDeviceOrCommandEvent(e.event) && (deviceId === null || deviceIdOf(e.event) === deviceId);
      // Live first, so nothing recorded while the replay is read falls between the two.
      const live = ctx.services.live.subscribe(ctx.caller.tenantId, accept);
      try {
        const replay = args['after']
          ? await replayFrom(ctx, parseResumePoint(String(args['after'])), deviceId === null ? 'true' : 'device_id = $3', deviceId === null ? [] : [deviceId], accept)
          : [];
        return eventStream(replay, live, (e) => ({ deviceEvents: deviceEventView(e) }), (v) => ({ deviceEvents: v }));
      } catch (e) {
        live.close();
        throw e;
      }
    },
  },

  commandUpdates: {
    subscribe: async (_: unknown, args: Args, raw: unknown) => {
      const ctx = viewer(raw);
      const commandId = (args['commandId'] as string | null) ?? null;
      const batchId = (args['batchId'] as string | null) ?? null;
      const { caller, services } = ctx;
      // A batch's later events name only their command: remember which commands are in it.
      const members = new Set<string>();
      if (batchId !== null) {
        const rows = await services.read(caller.tenantId, (sql) => sql<{ command_id: string }>('SELECT command_id FROM commands WHERE tenant_id = $1 AND batch_id = $2', [caller.tenantId, batchId]));
        for (const r of rows) members.add(r.command_id);
      }
      const accept = (e: LiveEvent) => {
        if (!e.event.type.startsWith('Command')) return false;
        if (commandId !== null && e.event.aggregateId !== commandId) return false;
        if (batchId !== null) {
          if (e.event.type === 'CommandRequested' && (e.event.payload as { batchId?: string | null }).batchId === batchId) members.add(e.event.aggregateId);
          if (!members.has(e.event.aggregateId)) return false;
        }
        return true;
      };
      const live = services.live.subscribe(caller.tenantId, accept);
      try {
        let replay: DeviceEventView[] = [];
        if (args['after']) {
          const ids = commandId !== null ? [commandId] : batchId !== null ? [...members] : null;
          replay = await replayFrom(ctx, parseResumePoint(String(args['after'])), ids === null ? "event_type LIKE 'Command%'" : "event_type LIKE 'Command%' AND aggregate_id = ANY($3)", ids === null ? [] : [ids], accept);
        }
        return eventStream(replay, live, (e) => ({ commandUpdates: commandUpdateView(deviceEventView(e)) }), (v) => ({ commandUpdates: commandUpdateView(v) }));
      } catch (e) {
        live.close();
        throw e;
      }
    },
  },

  telemetry: {
    subscribe: async (_: unknown, args: Args, raw: unknown) => {
      const ctx = viewer(raw);
      const deviceId = String(args['deviceId']);
      const metric = String(args['metric']);
      const live = ctx.services.live.subscribe(ctx.caller.tenantId, (e) => e.event.type === 'TelemetryReported' && e.event.aggregateId === deviceId);
      try {
        // Samples stored after the point first (from Cassandra), then live ones newer than the last of them.
        const replay = args['after']
          ? await ctx.services.telemetry.samplesAfter({ tenantId: ctx.caller.tenantId, deviceId, metric, after: parseResumeTime(String(args['after'])), limit: MAX_REPLAY })
          : [];
        let newest = replay.at(-1)?.ts ?? -Infinity;
        const view = (s: { ts: number; value: number; unit: string | null }) => ({ telemetry: { deviceId, metric, ts: new Date(s.ts).toISOString(), value: s.value, unit: s.unit } });
        return stream(replay.map(view), live, (e) =>
          (e.event.payload as { samples: { metric: string; ts: number; value: number; unit: string | null }[] }).samples
            .filter((s) => s.metric === metric && s.ts > newest)
            .map((s) => {
              newest = Math.max(newest, s.ts);
              return view(s);
            }),
        );
      } catch (e) {
        live.close();
        throw e;
      }
    },
  },
};
