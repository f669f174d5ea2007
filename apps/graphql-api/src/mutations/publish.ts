import { isEventsError, type AnyEvent } from '@fleetlog/events';
import { ApiError } from '../errors.js';
import type { RequestContext } from '../graphql/context.js';

/** Appends events durably (acks=all); a Kafka outage is EVENTS_UNAVAILABLE, retriable by the client. */
export const publishEvents = async (ctx: RequestContext, events: AnyEvent[]): Promise<void> => {
  if (events.length === 0) return;
  try {
    await ctx.services.publish(events);
  } catch (e) {
    if (isEventsError(e)) throw new ApiError('EVENTS_UNAVAILABLE', 'the event log is unavailable; nothing was recorded, retry later', { retriable: e.retriable });
    throw e;
  }
};
