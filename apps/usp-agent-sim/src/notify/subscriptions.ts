import type { DataModel } from '../data-model/data-model.js';
import { parsePath } from '../data-model/path.js';

export type NotifType = 'ValueChange' | 'ObjectCreation' | 'ObjectDeletion' | 'OperationComplete' | 'Event';

/** A Device.LocalAgent.Subscription.{i}. that wants to hear of something. */
export interface ActiveSubscription {
  /** Its ID: the Notify's subscription_id. */
  id: string;
  /** NotifRetry: the Notify asks for a NotifyResp and is retried until it comes. */
  sendResp: boolean;
}

// Whether one ReferenceList entry covers a path: the same parameter, command or event, or an
// object (or table) above it. Plain paths compare as text, so deleted objects are still covered.
const covers = (model: DataModel, reference: string, path: string): boolean => {
  const parsed = parsePath(reference);
  if (!parsed.ok) return false;
  if (!parsed.value.isSearch) return reference === path || (reference.endsWith('.') && path.startsWith(reference));
  const resolved = model.resolve(reference);
  if (!resolved.ok) return false;
  const target = resolved.value;
  if (target.target === 'table') return target.tables.some((table) => path.startsWith(table.path));
  if (target.target === 'object') return target.objects.some((object) => path.startsWith(object.path));
  return target.objects.some((object) => `${object.path}${target.name}` === path);
};

/** The enabled subscriptions of a notification type whose ReferenceList covers the path. */
export const subscriptionsFor = (model: DataModel, notifType: NotifType, path: string): ActiveSubscription[] => {
  const resolved = model.resolve('Device.LocalAgent.Subscription.');
  if (!resolved.ok || resolved.value.target !== 'table') return [];
  return resolved.value.tables
    .flatMap((table) => model.instances(table))
    .map((instance) => model.values(instance))
    .filter((s) => s['Enable'] === 'true' && s['NotifType'] === notifType)
    .filter((s) => (s['ReferenceList'] ?? '').split(',').some((reference) => covers(model, reference.trim(), path)))
    .map((s) => ({ id: s['ID'] ?? '', sendResp: s['NotifRetry'] === 'true' }));
};

/** The endpoint ids of the enabled Device.LocalAgent.Controller.{i}. instances: who the agent listens to. */
export const knownControllers = (model: DataModel): string[] => {
  const resolved = model.resolve('Device.LocalAgent.Controller.[Enable==true].EndpointID');
  if (!resolved.ok || resolved.value.target !== 'param') return [];
  const { name, spec } = resolved.value;
  return resolved.value.objects.map((object) => model.read({ object, name, spec }));
};
