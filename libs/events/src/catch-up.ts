import type { PartitionBatch } from './consumer.js';

/**
 * Tracks how far a consumer has read against end offsets taken at start: `caughtUp` tells when
 * every partition has reached them (state folded from the topic is then complete).
 */
export const createCatchUp = (ends: Map<number, bigint>) => {
  const reached = new Map<number, bigint>();
  return {
    /** Feed it the consumer's `progress` reports. */
    observe: (batch: Pick<PartitionBatch, 'partition' | 'nextOffset'>) => reached.set(batch.partition, BigInt(batch.nextOffset)),
    caughtUp: () => [...ends].every(([p, end]) => end === 0n || (reached.get(p) ?? 0n) >= end),
  };
};
