import { assertNever } from '@fleetlog/domain';
import { errorMsg } from '@fleetlog/usp';
import type { UspBody, UspMsg } from '@fleetlog/usp';
import type { DataModel } from '../data-model/data-model.js';
import { UspErrorCode } from '../usp-errors.js';
import type { UspFailure } from '../usp-errors.js';
import { handleAdd } from './add.js';
import type { Handled } from './all-or-nothing.js';
import { handleDelete } from './delete.js';
import type { AgentEffect } from './effects.js';
import { handleGet } from './get.js';
import { handleGetInstances } from './get-instances.js';
import { handleGetSupportedDM } from './get-supported-dm.js';
import { handleOperate } from './operate.js';
import { handleSet } from './set.js';

/** The USP versions this agent speaks (GetSupportedProtocol). */
export const AGENT_SUPPORTED_PROTOCOL_VERSIONS = '1.3,1.4';

export interface RequestContext {
  model: DataModel;
  /** The controller that sent the request. */
  controllerId: string;
  /** [0, 1): simulated measurements. */
  random: () => number;
  /** Fault injection: commands of an Operate fail with this. */
  commandFailure?: UspFailure;
}

export interface RequestOutcome {
  /** undefined when nothing is to be sent back (responses, an Operate with send_resp false). */
  response: UspMsg | undefined;
  effects: AgentEffect[];
}

const answered = (msgId: string, { body, effects }: Handled<UspBody>): RequestOutcome => ({ response: { msgId, body }, effects });

/**
 * What the agent answers to a Msg from its controller, and what the request sets in motion.
 * Pure apart from the data model it changes.
 */
export const handleRequest = (msg: UspMsg, ctx: RequestContext): RequestOutcome => {
  const { msgId, body } = msg;
  const { model } = ctx;
  switch (body.type) {
    case 'Get':
      return answered(msgId, { body: handleGet(model, body), effects: [] });
    case 'GetInstances':
      return answered(msgId, { body: handleGetInstances(model, body), effects: [] });
    case 'GetSupportedDM':
      return answered(msgId, { body: handleGetSupportedDM(model, body), effects: [] });
    case 'GetSupportedProtocol':
      return answered(msgId, { body: { type: 'GetSupportedProtocolResp', agentSupportedProtocolVersions: AGENT_SUPPORTED_PROTOCOL_VERSIONS }, effects: [] });
    case 'Set':
      return answered(msgId, handleSet(model, body));
    case 'Add':
      return answered(msgId, handleAdd(model, body));
    case 'Delete':
      return answered(msgId, handleDelete(model, body));
    case 'Operate': {
      const handled = handleOperate(body, { model, controllerId: ctx.controllerId, random: ctx.random, injectedFailure: ctx.commandFailure });
      // R-OPR.4: send_resp false asks for no answer at all, not even an Error.
      return body.sendResp ? answered(msgId, handled) : { response: undefined, effects: handled.effects };
    }
    // Requests an agent does not take: Notify goes the other way, (De)Register is for USP brokers.
    case 'Notify':
    case 'Register':
    case 'Deregister':
      return { response: errorMsg(msgId, UspErrorCode.messageNotSupported, `an agent does not accept ${body.type}`), effects: [] };
    // Responses and Errors answer nothing; NotifyResp is the agent's business, not a handler's.
    case 'GetResp':
    case 'GetSupportedDMResp':
    case 'GetInstancesResp':
    case 'SetResp':
    case 'AddResp':
    case 'DeleteResp':
    case 'OperateResp':
    case 'NotifyResp':
    case 'GetSupportedProtocolResp':
    case 'RegisterResp':
    case 'DeregisterResp':
    case 'Error':
      return { response: undefined, effects: [] };
    default:
      return assertNever(body);
  }
};
