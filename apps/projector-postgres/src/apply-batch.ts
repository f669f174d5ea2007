import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { ConsumedEvent, Logger, PartitionBatch } from '@fleetlog/events';
import { lockOffset, offsetKey, storeOffset } from './offsets.js';
import { foldEvents, ProjectionError } from './read-models/fold.js';
import type { ReadModel } from './read-models/models.js';
import { writeChanges } from './read-models/write.js';

/** Errors that say nothing about the events: the database is down, restarting or overloaded. */
export const isTransient = (e: unknown): boolean => {
  if (e instanceof ProjectionError) return false;
  if ((e as { retriable?: unknown })?.retriable === true) return true;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return /connect|terminated|timeout|ECONN/i.test(String((e as Error)?.message ?? e));
  return /^(08|53|57P|58)/.test(code) || code === '40001' || code === '40P01' || /^E(CONN|PIPE|TIMEDOUT|HOSTUNREACH|NOTFOUND|AI_AGAIN)/.test(code);
};

export interface Poison {
  event: ConsumedEvent;
  code: string;
  reason: string;
}

export interface BatchApplierDeps {
  pool: pg.Pool;
  projector: string;
  /** Schema the read-model tables live in; `public` for the live ones. */
  schema: string;
  models: ReadonlySet<ReadModel>;
  /** Stop applying at these offsets (a rebuild about to be swapped in). */
  caps?: ReadonlyMap<string, bigint>;
  /** Durably sets an event aside with its reason; resolves once it is on the DLQ. */
  deadLetter: (poison: Poison) => Promise<void>;
  /** Reads a partition again from an offset (the stored one, when the fetch skipped past it). */
  seek: (topic: string, partition: number, offset: string) => void;
  applied?: (topic: string, count: number) => void;
  logger: Logger;
  retry?: { initialMs: number; maxMs: number };
}

export type BatchOutcome =
  | { kind: 'applied'; events: number; poison: number; next: bigint; capped: boolean }
  | { kind: 'skipped'; next: bigint; capped: boolean }
  | { kind: 'gap'; stored: bigint }
  | { kind: 'stopped' };

/**
 * Applies one partition batch exactly once in effect: in one transaction it locks the partition's
 * stored offset, drops what was already applied, writes the rest with a few multi-row statements
 * and stores the new offset. An event that cannot be applied is dead-lettered (before the commit)
 * and the others still go in; a database outage is waited out.
 */
export const createBatchApplier = (deps: BatchApplierDeps) => {
  const { pool, projector, schema, models, logger } = deps;
  const retry = deps.retry ?? { initialMs: 250, maxMs: 5000 };
  const gaps = new Map<string, { stored: bigint; seen: number }>();

  const applyEvents = async (client: pg.ClientBase, events: ConsumedEvent[]) => writeChanges(client, foldEvents(events, models));

  /** Applies the events, isolating any that fail on their own; returns the ones set aside. */
  const applyIsolating = async (client: pg.ClientBase, events: ConsumedEvent[]): Promise<Poison[]> => {
    await client.query('SAVEPOINT batch');
    try {
      await applyEvents(client, events);
      return [];
    } catch (e) {
      if (isTransient(e)) throw e;
      await client.query('ROLLBACK TO SAVEPOINT batch');
    }
    const poison: Poison[] = [];
    for (const event of events) {
      await client.query('SAVEPOINT one');
      try {
        await applyEvents(client, [event]);
      } catch (e) {
        if (isTransient(e)) throw e;
        await client.query('ROLLBACK TO SAVEPOINT one');
        const code = e instanceof ProjectionError ? e.code : `PROJECTION_SQL_${(e as { code?: string }).code ?? 'ERROR'}`;
        poison.push({ event, code, reason: (e as Error).message });
      }
    }
    return poison;
  };

  const once = async (batch: PartitionBatch): Promise<BatchOutcome> => {
    const { topic, partition } = batch;
    const cap = deps.caps?.get(offsetKey(topic, partition));
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      if (schema !== 'public') await client.query(`SET LOCAL search_path TO ${client.escapeIdentifier(schema)}, public`);
      const stored = await lockOffset(client, projector, topic, partition);
      const from = BigInt(batch.fromOffset);
      let next = BigInt(batch.nextOffset);
      if (cap !== undefined && next > cap) next = cap;
      const capped = next < BigInt(batch.nextOffset);
      if (next <= stored) {
        await client.query('ROLLBACK');
        return { kind: 'skipped', next: stored, capped };
      }
      if (from > stored && !acceptGap(topic, partition, stored, from)) {
        await client.query('ROLLBACK');
        return { kind: 'gap', stored };
      }
      const fresh = batch.events.filter((e) => {
        const o = BigInt(e.offset);
        return o >= stored && o < next;
      });
      const poison = fresh.length > 0 ? await applyIsolating(client, fresh) : [];
      for (const p of poison) await deps.deadLetter(p);
      await storeOffset(client, projector, topic, partition, next);
      await client.query('COMMIT');
      deps.applied?.(topic, fresh.length - poison.length);
      return { kind: 'applied', events: fresh.length - poison.length, poison: poison.length, next, capped };
    } catch (e) {
      broken = isTransient(e);
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw e;
    } finally {
      client.release(broken);
    }
  };

  /**
   * The fetch started past the stored offset. Seek back to it; if the same gap comes back again
   * and again, the records are gone from the log (retention) and the gap is accepted, loudly.
   */
  const acceptGap = (topic: string, partition: number, stored: bigint, from: bigint): boolean => {
    const k = offsetKey(topic, partition);
    const seen = gaps.get(k);
    const count = seen && seen.stored === stored ? seen.seen + 1 : 1;
    gaps.set(k, { stored, seen: count });
    if (count <= 3) return false;
    gaps.delete(k);
    logger.error({ topic, partition, stored: String(stored), from: String(from), code: 'PROJECTION_LOG_GAP' }, 'records between the stored offset and the log start are gone; projecting from the log start');
    return true;
  };

  return async (batch: PartitionBatch): Promise<BatchOutcome> => {
    let wait = retry.initialMs;
    for (;;) {
      if (!batch.isRunning()) return { kind: 'stopped' };
      try {
        const outcome = await once(batch);
        if (outcome.kind === 'gap') deps.seek(batch.topic, batch.partition, String(outcome.stored));
        else gaps.delete(offsetKey(batch.topic, batch.partition));
        if ((outcome.kind === 'applied' || outcome.kind === 'skipped') && outcome.capped) {
          // Records past the cap are read again once it moves; until then, idle a little.
          deps.seek(batch.topic, batch.partition, String(outcome.next));
          await sleep(100);
        }
        return outcome;
      } catch (e) {
        if (!isTransient(e)) throw e;
        logger.warn({ err: (e as Error).message, code: (e as { code?: string }).code, topic: batch.topic, partition: batch.partition, retryInMs: wait }, 'Postgres unavailable; waiting');
        await sleep(wait);
        wait = Math.min(retry.maxMs, wait * 2);
        await batch.heartbeat().catch(() => undefined);
      }
    }
  };
};
