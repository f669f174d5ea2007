import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AcsMessage, CwmpEnvelope, Inform, TransferComplete } from '@fleetlog/cwmp';
import { handleRpc } from '../rpc/handle-rpc.js';
import { testModel } from '../testing/fixtures.js';
import { buildInform } from './inform.js';
import { event } from './events.js';
import { receive, startSession } from './session-machine.js';
import type { AnswerRpc, Incoming, SessionSettings, SessionState, Step } from './session-machine.js';

const settings = (): SessionSettings => {
  let n = 0;
  return { namespace: 'urn:dslforum-org:cwmp-1-0', maxRpcs: 5, newId: () => `id-${++n}` };
};
const model = testModel();
const inform: Inform = buildInform({ model, events: [event('1 BOOT')], valueChanges: [], retryCount: 0, now: 0 });
const answer: AnswerRpc = (rpc) => handleRpc(rpc, { model, faults: {} });
const from = (message: AcsMessage, id: string | null = 'acs-1', holdRequests = false): Incoming => ({
  kind: 'envelope',
  envelope: { namespace: 'urn:dslforum-org:cwmp-1-0', id, holdRequests, message } satisfies CwmpEnvelope,
});
const empty: Incoming = { kind: 'empty' };
const transfer: TransferComplete = {
  type: 'TransferComplete',
  commandKey: 'd1',
  fault: { faultCode: 0, faultString: '' },
  startTime: '2024-01-01T00:00:00Z',
  completeTime: '2024-01-01T00:00:05Z',
};

/** Feeds answers one after another, as the HTTP layer would. */
const run = (start: Step, answers: Incoming[], s: SessionSettings): Step[] => {
  const steps = [start];
  let state: SessionState = start.state;
  for (const incoming of answers) {
    const step = receive(state, incoming, s, answer);
    steps.push(step);
    state = step.state;
  }
  return steps;
};

describe('session machine', () => {
  it('sends the Inform, then an empty POST, answers each RPC with its cwmp:ID, and ends on an empty answer', () => {
    const s = settings();
    const steps = run(startSession(inform, [], s), [from({ type: 'InformResponse', maxEnvelopes: 1 }), from({ type: 'GetParameterValues', names: ['Device.DeviceInfo.SerialNumber'] }, 'rpc-9'), empty], s);
    assert.equal(steps[0]?.send?.kind === 'envelope' && steps[0].send.envelope.message.type, 'Inform');
    assert.equal(steps[0]?.send?.kind === 'envelope' && steps[0].send.envelope.id, 'id-1');
    assert.equal(steps[1]?.informDelivered, true);
    assert.deepEqual(steps[1]?.send, { kind: 'empty' });
    const answered = steps[2]?.send;
    assert.ok(answered?.kind === 'envelope');
    assert.equal(answered.envelope.id, 'rpc-9');
    assert.equal(answered.envelope.message.type, 'GetParameterValuesResponse');
    assert.equal(steps[2]?.answered?.rpc.type, 'GetParameterValues');
    assert.deepEqual(steps[3]?.state, { status: 'ended' });
    assert.equal(steps[3]?.send, undefined);
  });

  it('sends pending TransferCompletes before the empty POST and reports each acknowledged one', () => {
    const s = settings();
    const steps = run(startSession(inform, [transfer], s), [from({ type: 'InformResponse', maxEnvelopes: 1 }), from({ type: 'TransferCompleteResponse' }), empty], s);
    assert.equal(steps[1]?.send?.kind === 'envelope' && steps[1].send.envelope.message.type, 'TransferComplete');
    assert.equal(steps[2]?.transferDelivered, transfer);
    assert.deepEqual(steps[2]?.send, { kind: 'empty' });
    assert.deepEqual(steps[3]?.state, { status: 'ended' });
  });

  it('holds its requests when the ACS sets HoldRequests, and keeps a transfer the ACS faulted', () => {
    const s = settings();
    const held = run(startSession(inform, [transfer], s), [from({ type: 'InformResponse', maxEnvelopes: 1 }, 'x', true)], s);
    assert.deepEqual(held[1]?.send, { kind: 'empty' });
    const faulted = run(
      startSession(inform, [transfer], s),
      [from({ type: 'InformResponse', maxEnvelopes: 1 }), from({ type: 'Fault', soapFaultCode: 'Server', soapFaultString: 'CWMP fault', cwmpFault: { faultCode: 8005, faultString: 'Retry request', setParameterValuesFaults: [] } })],
      s,
    );
    assert.equal(faulted[2]?.transferDelivered, undefined);
    assert.deepEqual(faulted[2]?.send, { kind: 'empty' });
  });

  it('fails when the ACS does not answer the Inform with InformResponse', () => {
    const s = settings();
    assert.equal(run(startSession(inform, [], s), [empty], s)[1]?.state.status, 'failed');
    assert.equal(run(startSession(inform, [], s), [from({ type: 'GetRPCMethods' })], s)[1]?.state.status, 'failed');
  });

  it('answers what is not an ACS RPC with fault 9000 and goes on', () => {
    const s = settings();
    const steps = run(startSession(inform, [], s), [from({ type: 'InformResponse', maxEnvelopes: 1 }), from({ type: 'TransferCompleteResponse' }), empty], s);
    const sent = steps[2]?.send;
    assert.ok(sent?.kind === 'envelope' && sent.envelope.message.type === 'Fault');
    assert.equal(sent.envelope.message.cwmpFault.faultCode, 9000);
    assert.deepEqual(steps[3]?.state, { status: 'ended' });
  });

  it('gives up on an ACS that never ends the session', () => {
    const s = settings();
    const rpc = from({ type: 'GetRPCMethods' });
    const steps = run(startSession(inform, [], s), [from({ type: 'InformResponse', maxEnvelopes: 1 }), ...Array.from({ length: 6 }, () => rpc)], s);
    assert.equal(steps.at(-1)?.state.status, 'failed');
  });

  it('reports deferred effects with the answered RPC', () => {
    const s = settings();
    const steps = run(startSession(inform, [], s), [from({ type: 'InformResponse', maxEnvelopes: 1 }), from({ type: 'Reboot', commandKey: 'rk' })], s);
    assert.deepEqual(steps[2]?.answered?.effect, { type: 'reboot', commandKey: 'rk' });
  });
});
