import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandEvent } from '@fleetlog/events';
import { commandKeyOf } from './rpc.js';
import { createCommandQueue } from '@fleetlog/platform';

const source = { app: 'test', instance: '1' };
let n = 0;
const ev = (type: CommandEvent['type'], commandId: string, payload: Record<string, unknown>, at = 1000 + n): CommandEvent =>
  ({ eventId: `e${n++}`, type, tenantId: 'acme', aggregateId: commandId, occurredAt: at, recordedAt: at, correlationId: `corr-${commandId}`, causationId: null, source, payload: { deviceId: 'dev-1', ...payload } }) as CommandEvent;
const requested = (id: string, kind = 'cwmp.Reboot', protocol = 'CWMP', at?: number) =>
  ev('CommandRequested', id, { protocol, kind, arguments: '{}', deadline: 10_000_000, requestedBy: 'user:u', batchId: null }, at);

describe('CWMP command queue, folded from command events', () => {
  it('delivers requested commands of a device in request order, and only CWMP ones', () => {
    const q = createCommandQueue('CWMP');
    q.apply(requested('b', 'cwmp.Reboot', 'CWMP', 2000));
    q.apply(requested('a', 'cwmp.FactoryReset', 'CWMP', 1000));
    q.apply(requested('u', 'usp.Get', 'USP', 500));
    assert.deepEqual(q.deliverable('acme', 'dev-1').map((c) => c.commandId), ['a', 'b']);
    assert.deepEqual(q.deliverable('other', 'dev-1'), []);
  });

  it('keeps a dispatched command deliverable until it is answered, so a dropped session delivers it again', () => {
    const q = createCommandQueue('CWMP');
    q.apply(requested('a'));
    q.apply(ev('CommandDispatched', 'a', { attempt: 1, channel: 'cwmp-session' }));
    assert.equal(q.deliverable('acme', 'dev-1')[0]?.state.status, 'dispatched');
    q.apply(ev('CommandSucceeded', 'a', { result: '{}' }));
    assert.deepEqual(q.deliverable('acme', 'dev-1'), []);
  });

  it('parks an accepted transfer until its TransferComplete, found by the CommandKey it was sent with', () => {
    const q = createCommandQueue('CWMP');
    q.apply(requested('dl', 'cwmp.Download'));
    q.apply(ev('CommandDispatched', 'dl', { attempt: 1, channel: 'cwmp-session' }));
    q.apply(ev('CommandAccepted', 'dl', { detail: '{"status":1}' }));
    assert.deepEqual(q.deliverable('acme', 'dev-1'), []);
    const keyOf = (c: { commandId: string }) => commandKeyOf(c.commandId);
    assert.equal(q.awaitingCompletion('acme', 'dev-1', commandKeyOf('dl'), keyOf)?.commandId, 'dl');
    assert.equal(q.awaitingCompletion('acme', 'dev-1', 'other-key', keyOf), undefined);
  });

  it('applies each event once, so its own events coming back from Kafka change nothing', () => {
    const q = createCommandQueue('CWMP');
    const r = requested('a');
    const d = ev('CommandDispatched', 'a', { attempt: 1, channel: 'cwmp-session' });
    for (const e of [r, d, r, d]) q.apply(e);
    const [cmd] = q.deliverable('acme', 'dev-1');
    assert.equal(cmd?.state.status, 'dispatched');
    assert.equal(cmd?.lastEventId, d.eventId);
  });
});
