import type pg from 'pg';

/**
 * Projector offsets live in Postgres, next to the rows they produced. Each batch's transaction
 * locks its partition's row first, so two consumers of one partition (a zombie after a rebalance)
 * take turns, and the second sees what the first applied.
 */
export const lockOffset = async (client: pg.ClientBase, projector: string, topic: string, partition: number): Promise<bigint> => {
  // The row must exist before it can be locked; a concurrent insert makes this one wait, then do nothing.
  await client.query('INSERT INTO projection_offsets (projector, topic, partition, next_offset) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING', [projector, topic, partition]);
  const { rows } = await client.query<{ next_offset: string }>('SELECT next_offset FROM projection_offsets WHERE projector = $1 AND topic = $2 AND partition = $3 FOR UPDATE', [projector, topic, partition]);
  return BigInt(rows[0]!.next_offset);
};

export const storeOffset = async (client: pg.ClientBase, projector: string, topic: string, partition: number, next: bigint): Promise<void> => {
  await client.query('UPDATE projection_offsets SET next_offset = $4, updated_at = now() WHERE projector = $1 AND topic = $2 AND partition = $3', [projector, topic, partition, String(next)]);
};

export type OffsetMap = Map<string, bigint>;
export const offsetKey = (topic: string, partition: number) => `${topic}/${partition}`;

/** Every stored offset of a projector, by `topic/partition`. */
export const readOffsets = async (db: pg.Pool | pg.ClientBase, projector: string): Promise<OffsetMap> => {
  const { rows } = await db.query<{ topic: string; partition: number; next_offset: string }>('SELECT topic, partition, next_offset FROM projection_offsets WHERE projector = $1', [projector]);
  return new Map(rows.map((r) => [offsetKey(r.topic, r.partition), BigInt(r.next_offset)]));
};

/**
 * Stored offsets past the end of their partition belong to a log that is gone (the topic was
 * recreated, or the cluster replaced): they are set back to 0, so the new log is projected from
 * its start instead of waiting forever for offsets that will never come. Returns the reset ones.
 */
export const resetOffsetsPastEnd = async (db: pg.Pool, projector: string, topic: string, ends: Map<number, bigint>): Promise<{ partition: number; stored: bigint; end: bigint }[]> => {
  const stored = await readOffsets(db, projector);
  const reset: { partition: number; stored: bigint; end: bigint }[] = [];
  for (const [partition, end] of ends) {
    const offset = stored.get(offsetKey(topic, partition));
    if (offset === undefined || offset <= end) continue;
    await db.query('UPDATE projection_offsets SET next_offset = 0, updated_at = now() WHERE projector = $1 AND topic = $2 AND partition = $3 AND next_offset > $4', [projector, topic, partition, String(end)]);
    reset.push({ partition, stored: offset, end });
  }
  return reset;
};
