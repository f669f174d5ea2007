import assert from 'node:assert/strict';
import type { ParamSetting, UspBody } from '@fleetlog/usp';
import type { DataModel } from '../data-model/data-model.js';
import { handleRequest } from '../requests/handle-request.js';
import type { RequestContext, RequestOutcome } from '../requests/handle-request.js';
import { seededRandom } from '../agent/random.js';
import { TEST_CONTROLLER_ID } from './fixtures.js';

/** Hands one request to the agent's handlers, as its controller would send it. */
export const ask = (model: DataModel, body: UspBody, context: Partial<RequestContext> = {}): RequestOutcome =>
  handleRequest({ msgId: 'req-1', body }, { model, controllerId: TEST_CONTROLLER_ID, random: seededRandom(7), ...context });

/** The answer's body, which must be of this type. */
export const answerOf = <T extends UspBody['type']>(outcome: RequestOutcome, type: T): Extract<UspBody, { type: T }> => {
  const body = outcome.response?.body;
  assert.equal(body?.type, type, JSON.stringify(outcome.response));
  assert.equal(outcome.response?.msgId, 'req-1');
  return body as Extract<UspBody, { type: T }>;
};

/** A Set or Add parameter setting, required unless told otherwise. */
export const setting = (param: string, value: string, required = true): ParamSetting => ({ param, value, required });

/** Settings from a plain object, all required. */
export const settings = (values: Record<string, string>): ParamSetting[] => Object.entries(values).map(([param, value]) => setting(param, value));
