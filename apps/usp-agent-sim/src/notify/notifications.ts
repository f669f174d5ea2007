import { assertNever } from '@fleetlog/domain';
import type { Notification, Notify, UspMsg } from '@fleetlog/usp';
import type { DataModel } from '../data-model/data-model.js';
import { BOOT_PARAMETERS } from '../data-model/tr181.js';
import type { AgentEffect, RebootCause } from '../requests/effects.js';
import { subscriptionsFor } from './subscriptions.js';
import type { ActiveSubscription, NotifType } from './subscriptions.js';

/** Something that happened on the agent that subscriptions may want to hear of. */
export type Occurrence =
  | Extract<AgentEffect, { type: 'valueChanged' | 'objectCreated' | 'objectDeleted' }>
  | (Omit<Extract<AgentEffect, { type: 'operationStarted' }>, 'type' | 'requestPath'> & { type: 'operationCompleted' })
  | { type: 'booted'; cause: RebootCause; commandKey: string; firmwareUpdated: boolean };

/** The subscriptions an occurrence concerns (by type and covered path) and what to tell them. */
const subscribersAndNotification = (model: DataModel, occurrence: Occurrence): [NotifType, string, Notification] => {
  switch (occurrence.type) {
    case 'valueChanged':
      return ['ValueChange', occurrence.path, { type: 'valueChange', paramPath: occurrence.path, paramValue: occurrence.value }];
    case 'objectCreated':
      return ['ObjectCreation', occurrence.path, { type: 'objCreation', objPath: occurrence.path, uniqueKeys: occurrence.uniqueKeys }];
    case 'objectDeleted':
      return ['ObjectDeletion', occurrence.path, { type: 'objDeletion', objPath: occurrence.path }];
    case 'operationCompleted': {
      const { objPath, commandName, commandKey, result } = occurrence;
      const operationResp =
        result.type === 'output' ? { type: 'reqOutputArgs' as const, outputArgs: result.outputArgs } : { type: 'cmdFailure' as const, errCode: result.errCode, errMsg: result.errMsg };
      return ['OperationComplete', `${objPath}${commandName}`, { type: 'operComplete', objPath, commandName, commandKey, operationResp }];
    }
    case 'booted': {
      const parameterMap = Object.fromEntries(BOOT_PARAMETERS.map((path) => [path, model.get(path) ?? '']));
      const params = { Cause: occurrence.cause, CommandKey: occurrence.commandKey, FirmwareUpdated: String(occurrence.firmwareUpdated), ParameterMap: JSON.stringify(parameterMap) };
      return ['Event', 'Device.Boot!', { type: 'event', objPath: 'Device.', eventName: 'Boot!', params }];
    }
    default:
      return assertNever(occurrence);
  }
};

/** One Notify per subscription that covers the occurrence; msgIds come from the caller. */
export const notificationsOf = (model: DataModel, occurrence: Occurrence, nextMsgId: () => string): UspMsg<Notify>[] => {
  const [notifType, path, notification] = subscribersAndNotification(model, occurrence);
  return subscriptionsFor(model, notifType, path).map(({ id, sendResp }: ActiveSubscription) => ({
    msgId: nextMsgId(),
    body: { type: 'Notify', subscriptionId: id, sendResp, notification },
  }));
};
