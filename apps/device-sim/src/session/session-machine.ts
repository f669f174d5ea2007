import { assertNever } from '@fleetlog/domain';
import { createFault } from '@fleetlog/cwmp';
import type { CpeMessage, CwmpEnvelope, CwmpMessage, CwmpNamespace, Inform, TransferComplete } from '@fleetlog/cwmp';
import { isAcsRpc } from '../rpc/fault-injection.js';
import type { AcsRpc } from '../rpc/fault-injection.js';
import type { DeferredEffect, RpcOutcome } from '../rpc/handle-rpc.js';

/** What the CPE POSTs next: an envelope, or the empty body that hands the session to the ACS. */
export type Outgoing = { kind: 'envelope'; envelope: CwmpEnvelope<CpeMessage> } | { kind: 'empty' };
/** What an ACS answer holds: an envelope, or nothing (204 or an empty 200), which ends the session. */
export type Incoming = { kind: 'envelope'; envelope: CwmpEnvelope } | { kind: 'empty' };

/**
 * One CWMP session seen from the CPE (TR-069 3.7.1): Inform, then the CPE's own requests
 * (TransferComplete), then an empty POST, then one ACS RPC per answer until an empty answer.
 */
export type SessionState =
  | { status: 'awaiting-inform-response'; requests: TransferComplete[] }
  | { status: 'awaiting-request-response'; request: TransferComplete; remaining: TransferComplete[] }
  | { status: 'awaiting-rpc'; rpcs: number }
  | { status: 'ended' }
  | { status: 'failed'; reason: string };

export interface SessionSettings {
  namespace: CwmpNamespace;
  /** A session that keeps sending RPCs past this is a broken ACS: the CPE gives up. */
  maxRpcs: number;
  /** cwmp:ID for the CPE's own requests, which the ACS echoes in its response. */
  newId: () => string;
}

/** What happened on one step, for the caller to act on. */
export interface Step {
  state: SessionState;
  send?: Outgoing;
  /** The Inform reached the ACS: its events count as delivered. */
  informDelivered?: true;
  /** The ACS acknowledged this TransferComplete. */
  transferDelivered?: TransferComplete;
  /** An RPC answered on this step, with what it asks for after the session. */
  answered?: { rpc: AcsRpc; response: CpeMessage; effect?: DeferredEffect };
}

export type AnswerRpc = (rpc: AcsRpc) => RpcOutcome;

const envelope = (message: CpeMessage, namespace: CwmpNamespace, id: string | null): Outgoing => ({
  kind: 'envelope',
  envelope: { namespace, id, holdRequests: false, message },
});

const fail = (reason: string): Step => ({ state: { status: 'failed', reason } });

export const startSession = (inform: Inform, requests: readonly TransferComplete[], settings: SessionSettings): Step => ({
  state: { status: 'awaiting-inform-response', requests: [...requests] },
  send: envelope(inform, settings.namespace, settings.newId()),
});

/** After the InformResponse or a request's response: the next request, or the empty POST. */
const nextRequestOrEmpty = (requests: TransferComplete[], settings: SessionSettings, hold: boolean): Step => {
  const [request, ...remaining] = requests;
  // HoldRequests: the ACS wants no requests in the next POST (TR-069 3.7.2.1).
  if (request === undefined || hold) return { state: { status: 'awaiting-rpc', rpcs: 0 }, send: { kind: 'empty' } };
  return { state: { status: 'awaiting-request-response', request, remaining }, send: envelope(request, settings.namespace, settings.newId()) };
};

const describe = (message: CwmpMessage): string =>
  message.type === 'Fault' ? `Fault ${message.cwmpFault.faultCode} ${message.cwmpFault.faultString}` : message.type;

/** The next step of a session on an ACS answer. Pure, apart from `answer`, which applies the RPC. */
export const receive = (state: SessionState, incoming: Incoming, settings: SessionSettings, answer: AnswerRpc): Step => {
  switch (state.status) {
    case 'awaiting-inform-response': {
      if (incoming.kind === 'empty') return fail('the ACS ended the session without an InformResponse');
      const { message, holdRequests } = incoming.envelope;
      if (message.type !== 'InformResponse') return fail(`the ACS answered the Inform with ${describe(message)}`);
      return { ...nextRequestOrEmpty(state.requests, settings, holdRequests), informDelivered: true };
    }

    case 'awaiting-request-response': {
      // The ACS may end the session here; what was not acknowledged goes in a later session.
      if (incoming.kind === 'empty') return { state: { status: 'ended' } };
      const { message, holdRequests } = incoming.envelope;
      if (message.type === 'TransferCompleteResponse')
        return { ...nextRequestOrEmpty(state.remaining, settings, holdRequests), transferDelivered: state.request };
      // A fault (8005 retry request, say) keeps the transfer pending; the session goes on without more requests.
      if (message.type === 'Fault') return nextRequestOrEmpty([], settings, true);
      return fail(`the ACS answered TransferComplete with ${describe(message)}`);
    }

    case 'awaiting-rpc': {
      if (incoming.kind === 'empty') return { state: { status: 'ended' } };
      const { message, id } = incoming.envelope;
      if (state.rpcs >= settings.maxRpcs) return fail(`the ACS sent more than ${settings.maxRpcs} RPCs in one session`);
      const next: SessionState = { status: 'awaiting-rpc', rpcs: state.rpcs + 1 };
      if (!isAcsRpc(message)) {
        // Not a request this CPE can serve: say so and let the ACS carry on (be liberal in what you accept).
        return { state: next, send: envelope(createFault(9000, `${message.type} is not an RPC this CPE serves`), settings.namespace, id) };
      }
      const { response, effect } = answer(message);
      return {
        state: next,
        send: envelope(response, settings.namespace, id),
        answered: effect === undefined ? { rpc: message, response } : { rpc: message, response, effect },
      };
    }

    case 'ended':
    case 'failed':
      return { state };

    default:
      return assertNever(state);
  }
};
