import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { syntheticDeviceLog, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { startProjector, type RunningProjector } from './projector.js';
import { rebuildReadModels, type RebuildProgress } from './rebuild.js';
import { allReadModels } from './read-models/models.js';
import { dropSchema } from './read-models/schemas.js';
import { caughtUp, checksums, isolation, type Isolation } from './testing/isolated.js';

describe('rebuilding read models beside the live ones', () => {
  let iso: Isolation;
  let live: RunningProjector | undefined;
  before(async () => {
    iso = await isolation();
  });
  after(async () => {
    await live?.stop();
    await iso?.cleanup();
  });

  it('rebuilds from offset 0 while the live projector runs and events keep coming, then swaps in tables equal to a from-scratch projection', async () => {
    const tenant = uniqueTenant();
    const log = syntheticDeviceLog({ tenantId: tenant, devices: 200, count: 8000, seed: 7 });
    await iso.publish(log.slice(0, 6000));
    live = await startProjector(iso.config(), iso.logger, { presence: false });
    await waitFor('the live projector to catch up', () => caughtUp(iso), 120_000);

    // A projection bug lost rows: the rebuild must bring them back.
    await iso.pool.query(`DELETE FROM "${iso.schema}".devices WHERE device_id LIKE '%1'`);
    await iso.pool.query(`DELETE FROM "${iso.schema}".parameter_history`);

    const progress: RebuildProgress[] = [];
    const rebuilding = rebuildReadModels(iso.config(), iso.logger, { models: allReadModels, swap: true, progressEveryMs: 200, onProgress: (p) => progress.push(p) });
    for (const chunk of [log.slice(6000, 7000), log.slice(7000)]) await iso.publish(chunk);
    const result = await rebuilding;
    assert.ok(result.retiredSchema, 'swapped');
    assert.ok(progress.some((p) => p.phase === 'projecting') && progress.at(-1)!.phase === 'done', 'progress was reported while it ran');
    assert.ok(progress.every((p, i) => i === 0 || p.applied >= progress[i - 1]!.applied), 'progress only moves forward');

    // The live projector carries on over the swapped-in tables.
    await waitFor('the live projector to catch up after the swap', () => caughtUp(iso), 120_000);
    const afterSwap = await checksums(iso, iso.schema);

    // A from-scratch projection of the same log, not swapped, for comparison.
    const scratch = await rebuildReadModels(iso.config(), iso.logger, { models: allReadModels, swap: false });
    try {
      assert.deepEqual(afterSwap, await checksums(iso, scratch.shadowSchema));
    } finally {
      await dropSchema(iso.pool, scratch.shadowSchema);
      await dropSchema(iso.pool, result.retiredSchema!);
    }
    const { rows } = await iso.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${iso.schema}".device_timeline`);
    assert.equal(Number(rows[0]!.n), log.filter((e) => !e.type.startsWith('Tenant')).length, 'every device and command event once in the timeline');
  });
});
