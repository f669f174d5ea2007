import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPostgresPool } from '@fleetlog/platform';
import { createEventBus, type Logger } from '@fleetlog/events';
import type { Config } from './config.js';
import { offsetKey, readOffsets, type OffsetMap } from './offsets.js';
import { sourceTopics, startProjector } from './projector.js';
import { tablesOf, type ReadModel } from './read-models/models.js';
import { createShadowTables, dropSchema, swapInShadowTables } from './read-models/schemas.js';

export interface RebuildProgress {
  phase: 'projecting' | 'swapping' | 'done';
  applied: bigint;
  target: bigint;
  eventsPerSecond: number;
}

export interface RebuildResult {
  shadowSchema: string;
  /** Where the replaced tables went (kept for inspection; drop when satisfied). */
  retiredSchema: string | null;
  events: bigint;
  seconds: number;
}

const sum = (m: OffsetMap, keys?: Iterable<string>) => [...(keys ?? m.keys())].reduce((a, k) => a + (m.get(k) ?? 0n), 0n);

/**
 * Rebuilds read models from offset 0 into fresh tables beside the live ones, then swaps them in:
 * once it has caught up with the live projector it holds the live offsets (which pauses the live
 * projector at a batch boundary), finishes exactly at them, and moves the tables in one
 * transaction. The live projector then carries on from the same offsets over the new tables.
 */
export const rebuildReadModels = async (
  config: Config,
  logger: Logger,
  opts: { models: readonly ReadModel[]; swap: boolean; onProgress?: (p: RebuildProgress) => void; progressEveryMs?: number; now?: () => number },
): Promise<RebuildResult> => {
  const now = opts.now ?? Date.now;
  const stamp = `${new Date(now()).toISOString().replace(/\D/g, '').slice(0, 14)}_${randomBytes(2).toString('hex')}`;
  const live = config.FLEETLOG_PROJECTOR_NAME;
  const name = `${live}-rebuild-${stamp}`;
  const shadow = `rebuild_${stamp}`;
  const retired = `retired_${stamp}`;
  const tables = tablesOf(opts.models);
  const pool = createPostgresPool({ connectionString: config.FLEETLOG_POSTGRES_URL, max: 2, onConnectionLost: (e) => logger.warn({ err: e.message }, 'Postgres connection lost') });
  const started = now();
  const caps = new Map<string, bigint>();
  let projector: Awaited<ReturnType<typeof startProjector>> | undefined;

  try {
    await createShadowTables(pool, shadow, tables, config.FLEETLOG_PROJECTOR_SCHEMA);
    const bus = createEventBus({ brokers: config.FLEETLOG_KAFKA_BROKERS.split(','), clientId: name, registryUrl: config.FLEETLOG_SCHEMA_REGISTRY_URL }, logger);
    const ends: OffsetMap = new Map();
    for (const topic of sourceTopics(config.FLEETLOG_TOPIC_PREFIX)) for (const [p, end] of await bus.endOffsets(topic)) ends.set(offsetKey(topic, p), end);
    projector = await startProjector({ ...config, FLEETLOG_PROJECTOR_NAME: name, FLEETLOG_PROJECTOR_SCHEMA: shadow }, logger, { models: new Set(opts.models), caps, presence: false });

    const report = async (phase: RebuildProgress['phase']) => {
      const applied = sum(await readOffsets(pool, name));
      const seconds = Math.max(0.001, (now() - started) / 1000);
      const target = sum(ends) > applied ? sum(ends) : applied;
      opts.onProgress?.({ phase, applied, target, eventsPerSecond: Number(applied) / seconds });
      return applied;
    };

    // Phase 1: catch up with the live projector, never passing it (the swapped tables must sit
    // exactly at its offsets), or with the log's end when there is no live projection yet.
    const hasLive = (await readOffsets(pool, live)).size > 0;
    const capAtLive = async () => {
      const theirs = await readOffsets(pool, live);
      for (const k of new Set([...ends.keys(), ...theirs.keys()])) caps.set(k, theirs.get(k) ?? 0n);
      return theirs;
    };
    for (;;) {
      await report('projecting');
      const mine = await readOffsets(pool, name);
      const goal = hasLive ? await capAtLive() : ends;
      if ([...goal].every(([k, o]) => (mine.get(k) ?? 0n) >= o)) break;
      await sleep(opts.progressEveryMs ?? 1000);
    }
    if (!opts.swap) {
      await projector.stop();
      projector = undefined;
      const applied = await report('done');
      return { shadowSchema: shadow, retiredSchema: null, events: applied, seconds: (now() - started) / 1000 };
    }

    // Phase 2: hold the live offsets (the live projector waits at its next batch), finish exactly
    // at them, swap the tables, all in one transaction.
    for (;;) {
      const client = await pool.connect();
      let swapped = false;
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ topic: string; partition: number; next_offset: string }>(
          'SELECT topic, partition, next_offset FROM projection_offsets WHERE projector = $1 ORDER BY topic, partition FOR UPDATE',
          [live],
        );
        const held: OffsetMap = hasLive ? new Map(rows.map((r) => [offsetKey(r.topic, r.partition), BigInt(r.next_offset)])) : new Map(ends);
        for (const [k, o] of held) caps.set(k, o);
        await report('swapping');
        const until = now() + 60_000;
        let done = false;
        while (!done && now() < until) {
          const mine = await readOffsets(pool, name);
          done = [...held].every(([k, o]) => o === 0n || mine.get(k) === o);
          if (!done) await sleep(100);
        }
        if (!done) {
          logger.warn({ rebuild: name }, 'the rebuild did not reach the held offsets within a minute; trying again');
          await client.query('ROLLBACK');
          continue;
        }
        await projector?.stop();
        projector = undefined;
        await swapInShadowTables(client, { live: config.FLEETLOG_PROJECTOR_SCHEMA, shadow, retired, tables });
        if (!hasLive) {
          // No live projection yet: it starts where the rebuild ended.
          for (const [k, o] of held) {
            const [topic, partition] = [k.slice(0, k.lastIndexOf('/')), Number(k.slice(k.lastIndexOf('/') + 1))];
            await client.query(
              'INSERT INTO projection_offsets (projector, topic, partition, next_offset) VALUES ($1, $2, $3, $4) ON CONFLICT (projector, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset',
              [live, topic, partition, String(o)],
            );
          }
        }
        await client.query('COMMIT');
        swapped = true;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
      if (swapped) break;
    }
    const applied = await report('done');
    await pool.query('DELETE FROM projection_offsets WHERE projector = $1', [name]);
    await dropSchema(pool, shadow);
    logger.info({ models: opts.models, retired }, 'rebuilt read models swapped in');
    return { shadowSchema: shadow, retiredSchema: retired, events: applied, seconds: (now() - started) / 1000 };
  } finally {
    await projector?.stop().catch(() => undefined);
    await pool.end();
  }
};
