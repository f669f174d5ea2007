import { buildEnvelope, parseEnvelope } from '@fleetlog/cwmp';
import type { CpeMessage, CwmpMessage, Inform, TransferComplete } from '@fleetlog/cwmp';
import { SimError, messageOf } from '../errors.js';
import type { SimErrorCode } from '../errors.js';
import { openAcsSession } from '../http/acs-client.js';
import type { AcsAgents, AcsClientOptions } from '../http/acs-client.js';
import type { AcsRpc } from '../rpc/fault-injection.js';
import type { DeferredEffect } from '../rpc/handle-rpc.js';
import { receive, startSession } from '../session/session-machine.js';
import type { AnswerRpc, Incoming, SessionSettings, Step } from '../session/session-machine.js';

export interface SessionInput {
  url: URL;
  agents: AcsAgents;
  client: AcsClientOptions;
  settings: SessionSettings;
  inform: Inform;
  /** TransferCompletes still to report. */
  requests: readonly TransferComplete[];
  answer: AnswerRpc;
  /** Called the moment the ACS acknowledges them, so state is right even if the session fails later. */
  onInformDelivered: () => void;
  onTransferDelivered: (transfer: TransferComplete) => void;
  onReceived: (message: CwmpMessage) => void;
}

export interface SessionError {
  code: SimErrorCode;
  message: string;
  retriable: boolean;
  retryAfterMs?: number;
}

export interface SessionResult {
  outcome: 'completed' | 'failed';
  error?: SessionError;
  informDelivered: boolean;
  received: CwmpMessage[];
  sent: CpeMessage[];
  rpcs: Array<{ request: AcsRpc; response: CpeMessage }>;
  effects: DeferredEffect[];
  /** The ACS's session cookies as they were at the end. */
  cookies: Record<string, string>;
}

const toIncoming = (body: Buffer): Incoming => {
  // Some ACSs end a session with "200 OK" and a blank line instead of 204.
  if (body.toString('utf8').trim() === '') return { kind: 'empty' };
  const parsed = parseEnvelope(body);
  if (!parsed.ok) throw new SimError('SIM_PROTOCOL', `the ACS sent an unreadable envelope: ${parsed.error.code} ${parsed.error.message}`, true, { cause: parsed.error });
  return { kind: 'envelope', envelope: parsed.value };
};

const toSessionError = (error: unknown): SessionError =>
  error instanceof SimError
    ? { code: error.code, message: error.message, retriable: error.retriable, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) }
    : { code: 'SIM_PROTOCOL', message: messageOf(error), retriable: true };

/** Runs one CWMP session over HTTP, from the Inform to the ACS's empty answer. Never throws: failures are in the result. */
export const runSession = async (input: SessionInput): Promise<SessionResult> => {
  const http = openAcsSession(input.url, input.agents, input.client);
  const result: SessionResult = { outcome: 'completed', informDelivered: false, received: [], sent: [], rpcs: [], effects: [], cookies: {} };
  let step: Step = startSession(input.inform, input.requests, input.settings);
  try {
    while (step.send !== undefined) {
      const outgoing = step.send;
      if (outgoing.kind === 'envelope') result.sent.push(outgoing.envelope.message);
      const answer = await http.post(outgoing.kind === 'envelope' ? buildEnvelope(outgoing.envelope) : null);
      const incoming = toIncoming(answer.body);
      if (incoming.kind === 'envelope') {
        result.received.push(incoming.envelope.message);
        input.onReceived(incoming.envelope.message);
      }
      step = receive(step.state, incoming, input.settings, input.answer);
      if (step.informDelivered) {
        result.informDelivered = true;
        input.onInformDelivered();
      }
      if (step.transferDelivered) input.onTransferDelivered(step.transferDelivered);
      if (step.answered) {
        result.rpcs.push({ request: step.answered.rpc, response: step.answered.response });
        if (step.answered.effect) result.effects.push(step.answered.effect);
      }
    }
    if (step.state.status === 'failed') {
      result.outcome = 'failed';
      result.error = { code: 'SIM_PROTOCOL', message: step.state.reason, retriable: true };
    }
  } catch (error) {
    result.outcome = 'failed';
    result.error = toSessionError(error);
  }
  result.cookies = http.cookies.entries();
  return result;
};
