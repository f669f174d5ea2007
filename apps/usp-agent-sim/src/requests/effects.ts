import type { StringMap } from '@fleetlog/usp';
import type { UspFailure } from '../usp-errors.js';

export type RebootCause = 'LocalReboot' | 'RemoteReboot' | 'LocalFactoryReset' | 'RemoteFactoryReset';

/**
 * What a request sets in motion beyond its answer. Handlers are pure: they change the data model
 * and describe the rest; the agent carries it out once the answer is on its way.
 */
export type AgentEffect =
  /** A parameter took a new value: ValueChange subscriptions may want to hear of it. */
  | { type: 'valueChanged'; path: string; value: string }
  | { type: 'objectCreated'; path: string; uniqueKeys: StringMap }
  | { type: 'objectDeleted'; path: string }
  /** Device.Reboot() or Device.FactoryReset(): go away, come back, send Boot!. */
  | { type: 'reboot'; cause: RebootCause; commandKey: string }
  /** An asynchronous command whose result is already known; it is told in an OperationComplete Notify. */
  | {
      type: 'operationStarted';
      /** The Device.LocalAgent.Request.{i}. instance to remove when it completes. */
      requestPath: string;
      objPath: string;
      commandName: string;
      commandKey: string;
      result: { type: 'output'; outputArgs: StringMap } | ({ type: 'failure' } & UspFailure);
    };
