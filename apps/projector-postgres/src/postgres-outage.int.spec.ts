import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { syntheticDeviceLog, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { rebuildReadModels } from './rebuild.js';
import { dropSchema } from './read-models/schemas.js';
import { caughtUp, checksums, isolation, spawnProjector, type Isolation } from './testing/isolated.js';

/** Stops or starts the machine's Postgres cluster (the local stack runs the Debian one). */
const cluster = (action: 'stop' | 'start') => {
  for (const version of readdirSync('/etc/postgresql')) {
    const r = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pg_ctlcluster ${version} main ${action} failed: ${r.stderr}`);
  }
};

describe('Postgres stopped for a minute under load', () => {
  let iso: Isolation;
  before(async () => {
    iso = await isolation();
  });
  after(async () => {
    // Whatever happened above, the database is left running (starting a running cluster fails harmlessly).
    try {
      cluster('start');
    } catch {
      // already running
    }
    await iso?.cleanup();
  });

  it('the projector waits, catches up afterwards and loses nothing', async (t) => {
    const tenant = uniqueTenant();
    const log = syntheticDeviceLog({ tenantId: tenant, devices: 2000, count: 40_000, seed: 5 });
    const projector = spawnProjector(iso);
    let exited = false;
    projector.once('exit', () => (exited = true));
    try {
      let published = 0;
      let stopPublishing = false;
      // Load the whole time: 1,000 events every 300 ms.
      const load = (async () => {
        while (!stopPublishing && published < log.length) {
          await iso.publish(log.slice(published, published + 1000));
          published += 1000;
          await sleep(300);
        }
      })();
      await waitFor('the projector to apply the first events', async () => (await iso.pool.query('SELECT 1 FROM projection_offsets WHERE projector = $1 AND next_offset > 0', [`test-${iso.id}`])).rowCount! > 0, 60_000);
      cluster('stop');
      const stoppedAt = published;
      await sleep(60_000);
      t.diagnostic(`published ${published - stoppedAt} events while Postgres was down`);
      cluster('start');
      assert.ok(published > stoppedAt, 'events kept arriving during the outage');
      assert.equal(exited, false, 'the projector did not exit during the outage');
      await sleep(5000);
      stopPublishing = true;
      await load;
      await waitFor('the projector to catch up after the outage', () => caughtUp(iso).catch(() => false), 180_000);
      assert.equal(exited, false);

      const replayed = log.slice(0, published);
      const { rows } = await iso.pool.query<{ n: string }>(`SELECT sum(event_count) AS n FROM "${iso.schema}".devices`);
      assert.equal(Number(rows[0]!.n), replayed.filter((e) => e.type.startsWith('Device')).length, 'every device event applied once');
      const scratch = await rebuildReadModels(iso.config(), iso.logger, { models: ['tenants', 'devices', 'parameters', 'commands', 'sessions', 'timeline'], swap: false });
      try {
        assert.deepEqual(await checksums(iso, iso.schema), await checksums(iso, scratch.shadowSchema));
      } finally {
        await dropSchema(iso.pool, scratch.shadowSchema);
      }
    } finally {
      projector.kill('SIGTERM');
      if (!exited) await once(projector, 'exit');
    }
  });
});
