import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sendConnectionRequest, startScriptedAcs } from '../testing/scripted-acs.js';
import { createFleet } from './fleet.js';

describe('fleet', () => {
  it('boots CPEs with distinct serials and listeners, each reachable by connection request', async () => {
    const acs = await startScriptedAcs();
    const fleet = await createFleet({
      count: 3,
      acsUrl: acs.url,
      staggerMs: 5,
      perCpe: (index) => ({ connectionRequest: { password: `pw-${index}` } }),
    });
    try {
      const first = await fleet.start();
      assert.deepEqual(
        first.map((s) => s.outcome),
        ['completed', 'completed', 'completed'],
      );
      assert.deepEqual(
        fleet.cpes.map((c) => c.serialNumber),
        ['SIM000001', 'SIM000002', 'SIM000003'],
      );
      assert.deepEqual(acs.sessions.map((s) => s.serialNumber).sort(), ['SIM000001', 'SIM000002', 'SIM000003']);
      assert.equal(new Set(fleet.cpes.map((c) => c.connectionRequestUrl)).size, 3);
      const second = fleet.bySerial('SIM000002');
      assert.ok(second);
      assert.equal(await sendConnectionRequest(second.connectionRequestUrl, 'fleetlog', 'pw-1'), 200);
      await second.waitForSession((s) => s.eventCodes.includes('6 CONNECTION REQUEST'));
    } finally {
      await fleet.stop();
      await acs.close();
    }
  });

  it('stops during the stagger without booting the rest', async () => {
    const acs = await startScriptedAcs();
    const fleet = await createFleet({ count: 3, acsUrl: acs.url, staggerMs: 60_000, serialPrefix: 'STG' });
    const started = fleet.start();
    await fleet.cpes[0]?.waitForSession();
    await fleet.stop();
    const first = await started;
    assert.equal(first.length, 1);
    assert.equal(fleet.cpes[2]?.sessions.length, 0);
    await acs.close();
  });
});
