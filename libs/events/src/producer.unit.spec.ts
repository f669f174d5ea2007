import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Partitioners, type PartitionerArgs } from 'kafkajs';
import { rememberingPartitioner } from './producer.js';

const argsOf = (key: string | null, partitions: number, partition?: number): PartitionerArgs => ({
  topic: 't',
  partitionMetadata: Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], offlineReplicas: [], partitionErrorCode: 0 })),
  message: { key, value: 'v', ...(partition === undefined ? {} : { partition }) },
});

describe('rememberingPartitioner', () => {
  it('puts every key where the Java client murmur2 partitioner does, for each partition count, asked once or again', () => {
    const remembering = rememberingPartitioner();
    const java = Partitioners.DefaultPartitioner();
    for (const partitions of [1, 3, 12, 24]) {
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 500; i++) {
          const key = `tenant-${i % 7}/mqtt:generic:device-${i}`;
          assert.equal(remembering(argsOf(key, partitions)), java(argsOf(key, partitions)), `${key} over ${partitions}`);
        }
      }
    }
  });

  it('keeps a partition the message names, and spreads keyless messages', () => {
    const remembering = rememberingPartitioner();
    assert.equal(remembering(argsOf('k', 12, 5)), 5);
    const spread = new Set(Array.from({ length: 24 }, () => remembering(argsOf(null, 12))));
    assert.equal(spread.size, 12);
  });
});
