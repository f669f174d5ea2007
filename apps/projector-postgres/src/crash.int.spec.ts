import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom, syntheticDeviceLog, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { rebuildReadModels } from './rebuild.js';
import { dropSchema } from './read-models/schemas.js';
import { caughtUp, checksums, isolation, spawnProjector, type Isolation } from './testing/isolated.js';

describe('the Postgres projector killed again and again during a replay', () => {
  let iso: Isolation;
  before(async () => {
    iso = await isolation({ partitions: 6 });
  });
  after(async () => {
    await iso?.cleanup();
  });

  it('ends, after at least 10 SIGKILLs, with read models equal to a from-scratch rebuild: nothing lost, nothing applied twice', async (t) => {
    const tenant = uniqueTenant();
    const random = seededRandom(20261123);
    const log = syntheticDeviceLog({ tenantId: tenant, devices: 5000, count: 160_000, seed: 3 });
    let published = 0;
    const publishMore = async (n: number) => {
      for (const end = Math.min(log.length, published + n); published < end; published += 5000) await iso.publish(log.slice(published, Math.min(end, published + 5000)));
    };
    await publishMore(100_000);

    const applied = async () => BigInt((await iso.pool.query<{ n: string | null }>('SELECT sum(next_offset) AS n FROM projection_offsets WHERE projector = $1', [`test-${iso.id}`])).rows[0]!.n ?? 0);
    let kills = 0;
    while (kills < 10) {
      if (await caughtUp(iso)) await publishMore(20_000); // the replay ran out before ten kills: give it more
      const before = await applied();
      const child = spawnProjector(iso);
      const exited = once(child, 'exit');
      // Once it is applying batches, a random moment: mid-transaction, between batches, mid-commit.
      await waitFor('the projector to apply something', async () => (await applied()) > before, 120_000);
      await sleep(Math.floor(random() * 1500));
      child.kill('SIGKILL');
      await exited;
      kills += 1;
      t.diagnostic(`kill ${kills}: ${await applied()} of ${published} records applied`);
    }
    assert.ok(published >= 100_000);

    const last = spawnProjector(iso);
    try {
      await waitFor('the projector to finish the replay', () => caughtUp(iso), 300_000);
    } finally {
      last.kill('SIGTERM');
      await once(last, 'exit');
    }

    const replayed = log.slice(0, published);
    const deviceRecords = replayed.filter((e) => e.type.startsWith('Device')).length;
    const { rows } = await iso.pool.query<{ n: string }>(`SELECT sum(event_count) AS n FROM "${iso.schema}".devices`);
    assert.equal(Number(rows[0]!.n), deviceRecords, 'every device event applied exactly once');
    const { rows: timeline } = await iso.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${iso.schema}".device_timeline`);
    assert.equal(Number(timeline[0]!.n), replayed.filter((e) => !e.type.startsWith('Tenant')).length, 'every device and command event in the timeline');

    const scratch = await rebuildReadModels(iso.config(), iso.logger, { models: ['tenants', 'devices', 'parameters', 'commands', 'sessions', 'timeline'], swap: false });
    try {
      assert.deepEqual(await checksums(iso, iso.schema), await checksums(iso, scratch.shadowSchema));
    } finally {
      await dropSchema(iso.pool, scratch.shadowSchema);
    }
  });
});
