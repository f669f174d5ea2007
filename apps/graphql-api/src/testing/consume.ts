import { randomUUID } from 'node:crypto';
import type { AnyEvent, EventBus } from '@fleetlog/events';
import { waitFor } from '@fleetlog/events/testing';

/** Reads a topic from the given offsets until `count` matching events arrived. */
export const createConsumerForTest = async (bus: EventBus, topic: string, from: Map<number, bigint>, accept: (e: AnyEvent & { tenantId?: string }) => boolean, count: number): Promise<AnyEvent[]> => {
  const producer = bus.producer();
  const seen: AnyEvent[] = [];
  const consumer = bus.consumer({
    producer,
    groupId: `graphql-api-test-${randomUUID()}`,
    topics: [topic],
    startOffsets: async (assigned) => assigned.flatMap((a) => a.partitions.map((p) => ({ topic: a.topic, partition: p, offset: String(from.get(p) ?? 0n) }))),
    handle: async (batch) => {
      for (const { event } of batch.events) if (accept(event as AnyEvent & { tenantId?: string })) seen.push(event);
    },
  });
  await consumer.start();
  try {
    await waitFor(`${count} events on ${topic}`, () => seen.length >= count);
    return seen;
  } finally {
    await consumer.stop();
  }
};
