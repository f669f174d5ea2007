import { setTimeout as sleep } from 'node:timers/promises';
import { isEventsError, type AnyEvent, type IngressRejected, type Logger } from '@fleetlog/events';

/** Events to record together with what may happen only once they are durable. */
export interface Entry {
  events: AnyEvent[];
  /** MQTT messages this entry accounts for (backpressure counts them). */
  messages: number;
  /** Runs once the events are on Kafka: acknowledgements, replies and downlinks, folding command events. */
  done: () => void;
  /** A reject that stands in for the events when they cannot be encoded at all (a value no schema takes). */
  poisoned?: (error: Error) => IngressRejected;
}

export interface Pipeline {
  push: (entry: Entry) => void;
  /** MQTT messages whose events are not durable yet. */
  buffered: () => number;
  /** False while Kafka refuses the events (they are kept and tried again). */
  healthy: () => boolean;
  /** Resolves once everything pushed so far is durable. */
  drained: () => Promise<void>;
}

// Only an event that does not fit its schema is the entry's fault; anything else is Kafka or the registry.
const isPoison = (e: unknown) => isEventsError(e) && (e.code === 'EVENTS_INVALID_EVENT' || e.code === 'EVENTS_UNKNOWN_EVENT_TYPE');

/**
 * The hot path to Kafka: entries are gathered while a produce request is in flight and sent together in
 * arrival order (so events of one device stay in order), one request at a time. When Kafka is down the
 * same batch is tried again with backoff and nothing is dropped; the caller stops reading from the broker
 * once `buffered()` passes its bound.
 */
export const createPipeline = (deps: {
  publish: (events: AnyEvent[]) => Promise<unknown>;
  maxBatchEvents: number;
  logger: Logger;
  /** After each batch is durable (or given up as poison): how many events went out, for metrics and backpressure. */
  onFlushed: (events: AnyEvent[]) => void;
  retryDelayMs?: { initial: number; max: number };
}): Pipeline => {
  const queue: Entry[] = [];
  const retry = deps.retryDelayMs ?? { initial: 200, max: 5000 };
  let buffered = 0;
  let running = false;
  let scheduled = false;
  let healthy = true;
  let idle: (() => void)[] = [];

  const complete = (entries: Entry[], events: AnyEvent[]) => {
    queue.splice(0, entries.length);
    for (const entry of entries) {
      buffered -= entry.messages;
      entry.done();
    }
    deps.onFlushed(events);
  };

  /** Publishes the entries one by one, so a poisoned one becomes its reject and the others go through. */
  const isolate = async (entries: Entry[]) => {
    for (const entry of entries) {
      try {
        await deps.publish(entry.events);
        complete([entry], entry.events);
      } catch (e) {
        if (!isPoison(e)) throw e;
        if (!entry.poisoned) {
          // Events the ingress decided on its own (a sweep, a dispatch): no input to keep, so only the log has them.
          deps.logger.error({ err: (e as Error).message, events: entry.events.map((event) => event.type) }, 'events that no schema takes were not recorded');
          complete([entry], []);
          continue;
        }
        const rejected = entry.poisoned(e as Error);
        deps.logger.error({ code: rejected.reasonCode, err: (e as Error).message }, 'events of an MQTT message do not fit their schema; the message is kept as a reject');
        await deps.publish([rejected]);
        complete([entry], [rejected]);
      }
    }
  };

  const run = async () => {
    if (running) return;
    running = true;
    let attempt = 0;
    while (queue.length > 0) {
      let count = 0;
      let taken = 0;
      while (taken < queue.length && (taken === 0 || count + queue[taken]!.events.length <= deps.maxBatchEvents)) count += queue[taken++]!.events.length;
      const batch = queue.slice(0, taken);
      const events = taken === 1 ? batch[0]!.events : batch.flatMap((entry) => entry.events);
      try {
        if (events.length > 0) await deps.publish(events);
        complete(batch, events);
      } catch (e) {
        try {
          if (!isPoison(e)) throw e;
          await isolate(batch);
        } catch (failure) {
          // Kafka or the registry is unavailable (or refuses for another reason): keep everything, try again.
          if (healthy) deps.logger.warn({ err: (failure as Error).message, buffered }, 'cannot record MQTT events yet; holding them and trying again');
          healthy = false;
          await sleep(Math.min(retry.max, retry.initial * 2 ** attempt++));
          continue;
        }
      }
      if (!healthy) deps.logger.info({ buffered }, 'recording MQTT events again');
      healthy = true;
      attempt = 0;
    }
    running = false;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };

  return {
    push: (entry) => {
      queue.push(entry);
      buffered += entry.messages;
      if (running || scheduled) return;
      // After the messages of the same socket read (handled in process.nextTick turns), so they share a request.
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        void run();
      });
    },
    buffered: () => buffered,
    healthy: () => healthy,
    drained: () => (queue.length === 0 && !running && !scheduled ? Promise.resolve() : new Promise((resolve) => idle.push(resolve))),
  };
};
