import { randomBytes } from 'node:crypto';
import type { AnyEvent, EventBus, EventConsumer, EventProducer, IngressRejected, Logger } from '@fleetlog/events';
import { ApiError } from '../errors.js';
import { isAfter, type EventPosition, type ResumePoint } from './event-cursor.js';

/** Every event with the common envelope (all but ingress rejects). */
export type FleetEvent = Exclude<AnyEvent, IngressRejected>;

/** An event as it arrived on Kafka, with its place in the log. */
export interface LiveEvent {
  event: FleetEvent;
  position: EventPosition;
}

export interface LiveSubscription extends AsyncIterableIterator<LiveEvent> {
  /** Ends the subscription; the iterator then returns. */
  close: () => void;
}

export interface LiveHub {
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Events of one tenant that pass `accept`, from now on. */
  subscribe: (tenantId: string, accept: (e: LiveEvent) => boolean) => LiveSubscription;
  /** Events of one tenant still in memory that come after `from`, oldest first. */
  recent: (tenantId: string, from: ResumePoint, accept: (e: LiveEvent) => boolean) => LiveEvent[];
}

export interface LiveHubOptions {
  bus: Pick<EventBus, 'consumer' | 'endOffsets'>;
  producer: EventProducer;
  logger: Logger;
  instance: string;
  topics: string[];
  /** Recent events kept in memory, over all tenants. */
  bufferSize: number;
  /** Events a slow subscriber may have waiting before it is ended (it can resume with its cursor). */
  maxQueued?: number;
}

interface Subscriber {
  accept: (e: LiveEvent) => boolean;
  push: (e: LiveEvent) => void;
  end: () => void;
}

/**
 * One Kafka consumer per API instance and topic set, fanned out in memory to the subscriptions of
 * each tenant. Its group is private to the instance and starts at the end of the log: history comes
 * from the read models and from the recent events this hub keeps.
 */
export const createLiveHub = (opts: LiveHubOptions): LiveHub => {
  const maxQueued = opts.maxQueued ?? 10_000;
  const byTenant = new Map<string, Set<Subscriber>>();
  const ring: LiveEvent[] = [];
  let consumer: EventConsumer | undefined;
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyResolve = r));

  const dispatch = (e: LiveEvent) => {
    ring.push(e);
    if (ring.length > opts.bufferSize) ring.splice(0, ring.length - opts.bufferSize);
    for (const s of byTenant.get(e.event.tenantId) ?? []) {
      if (s.accept(e)) s.push(e);
    }
  };

  return {
    start: async () => {
      consumer = opts.bus.consumer({
        producer: opts.producer,
        groupId: `graphql-api-live-${opts.instance}-${randomBytes(4).toString('hex')}`,
        topics: opts.topics,
        // Start every partition at its end, as of the moment it is assigned.
        startOffsets: async (assigned) => {
          const out: { topic: string; partition: number; offset: string }[] = [];
          for (const { topic, partitions } of assigned) {
            const ends = await opts.bus.endOffsets(topic);
            for (const p of partitions) out.push({ topic, partition: p, offset: String(ends.get(p) ?? 0n) });
          }
          readyResolve();
          return out;
        },
        handle: async (batch) => {
          for (const c of batch.events) {
            const event = c.event as LiveEvent['event'];
            if (typeof event.tenantId !== 'string') continue;
            dispatch({ event, position: { recordedAt: event.recordedAt, topic: c.topic, partition: c.partition, offset: c.offset } });
          }
        },
      });
      await consumer.start();
      await ready;
      opts.logger.info({ topics: opts.topics }, 'live events consumer ready');
    },
    stop: async () => {
      for (const set of byTenant.values()) for (const s of set) s.end();
      await consumer?.stop();
    },
    subscribe: (tenantId, accept) => {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | undefined;
      let closed = false;
      let overflow = false;
      const set = byTenant.get(tenantId) ?? new Set<Subscriber>();
      byTenant.set(tenantId, set);
      const sub: Subscriber = {
        accept,
        push: (e) => {
          if (queue.length >= maxQueued) overflow = true;
          else queue.push(e);
          wake?.();
        },
        end: () => {
          closed = true;
          wake?.();
        },
      };
      set.add(sub);
      const close = () => {
        closed = true;
        set.delete(sub);
        if (set.size === 0) byTenant.delete(tenantId);
        wake?.();
      };
      const it: LiveSubscription = {
        close,
        [Symbol.asyncIterator]() {
          return it;
        },
        next: async () => {
          for (;;) {
            if (overflow) {
              close();
              throw new ApiError('SUBSCRIBER_TOO_SLOW', 'the subscriber fell too far behind; resume with the cursor of the last event received');
            }
            const e = queue.shift();
            if (e) return { value: e, done: false };
            if (closed) return { value: undefined, done: true };
            await new Promise<void>((r) => (wake = r));
            wake = undefined;
          }
        },
        return: async () => {
          close();
          return { value: undefined, done: true };
        },
      };
      return it;
    },
    recent: (tenantId, from, accept) => ring.filter((e) => e.event.tenantId === tenantId && isAfter(e.position, from) && accept(e)),
  };
};
