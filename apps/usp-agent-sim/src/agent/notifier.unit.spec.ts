import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Notify, UspMsg } from '@fleetlog/usp';
import { createNotifier } from './notifier.js';
import { createTimers } from './timers.js';

const notify = (msgId: string, sendResp: boolean): UspMsg<Notify> => ({
  msgId,
  body: { type: 'Notify', subscriptionId: 'boot-sub', sendResp, notification: { type: 'objDeletion', objPath: 'Device.X.1.' } },
});

// Lets the notifier's promise callbacks run between timer ticks.
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('notifier', () => {
  it('sends a Notify with send_resp again, same msg_id, until its NotifyResp comes', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const sent: string[] = [];
    let retries = 0;
    const notifier = createNotifier({ send: async (msg) => (sent.push(msg.msgId), true), timers: createTimers(), retryMs: 1_000, onRetry: () => (retries += 1) });
    notifier.notify(notify('m-1', true));
    notifier.notify(notify('m-2', false));
    t.mock.timers.tick(1_000);
    t.mock.timers.tick(1_000);
    await settle();
    assert.deepEqual(sent, ['m-1', 'm-2', 'm-1', 'm-1']);
    assert.equal(retries, 2);
    // A NotifyResp for another subscription settles nothing (R-NOT.9).
    assert.equal(notifier.acknowledge({ msgId: 'm-1', body: { type: 'NotifyResp', subscriptionId: 'other' } }), false);
    assert.equal(notifier.acknowledge({ msgId: 'm-1', body: { type: 'NotifyResp', subscriptionId: 'boot-sub' } }), true);
    t.mock.timers.tick(5_000);
    await settle();
    assert.equal(sent.length, 4);
    assert.deepEqual(notifier.pending(), []);
  });

  it('counts no retry while offline and forgets everything on clear()', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let retries = 0;
    const notifier = createNotifier({ send: async () => false, timers: createTimers(), retryMs: 10, onRetry: () => (retries += 1) });
    notifier.notify(notify('m-1', true));
    t.mock.timers.tick(30);
    await settle();
    assert.equal(retries, 0);
    assert.equal(notifier.pending().length, 1);
    notifier.clear();
    assert.deepEqual(notifier.pending(), []);
  });
});
