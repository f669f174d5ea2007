import type { EventStruct } from '@fleetlog/cwmp';

/** TR-069 Table 7 event codes the simulator raises. */
export const EventCodes = {
  bootstrap: '0 BOOTSTRAP',
  boot: '1 BOOT',
  periodic: '2 PERIODIC',
  scheduled: '3 SCHEDULED',
  valueChange: '4 VALUE CHANGE',
  connectionRequest: '6 CONNECTION REQUEST',
  transferComplete: '7 TRANSFER COMPLETE',
  mReboot: 'M Reboot',
  mScheduleInform: 'M ScheduleInform',
  mDownload: 'M Download',
  mUpload: 'M Upload',
} as const;

export const event = (eventCode: string, commandKey = ''): EventStruct => ({ eventCode, commandKey });

/** A transfer the CPE has finished and still has to report with TransferComplete. */
export interface CompletedTransfer {
  direction: 'download' | 'upload';
  commandKey: string;
  startTime: string;
  completeTime: string;
  faultCode: number;
  faultString: string;
}

/**
 * "M ..." events may appear once per command key (two Reboot commands are two events); every
 * other code at most once per Inform (TR-069 3.7.1.5).
 */
const isMultiple = (eventCode: string) => eventCode.startsWith('M ');

const sameEvent = (a: EventStruct, b: EventStruct) => a.eventCode === b.eventCode && (!isMultiple(a.eventCode) || a.commandKey === b.commandKey);

/** Adds events to those not yet delivered, without duplicates. */
export const mergeEvents = (pending: readonly EventStruct[], added: readonly EventStruct[]): EventStruct[] => {
  const merged = [...pending];
  for (const candidate of added) if (!merged.some((existing) => sameEvent(existing, candidate))) merged.push(candidate);
  return merged;
};

/** The events of a boot: a first boot (or one after FactoryReset) is also a BOOTSTRAP (TR-069 Table 7). */
export const bootEvents = (bootstrap: boolean, rebootCommandKey?: string): EventStruct[] => [
  ...(bootstrap ? [event(EventCodes.bootstrap)] : []),
  event(EventCodes.boot),
  ...(rebootCommandKey === undefined ? [] : [event(EventCodes.mReboot, rebootCommandKey)]),
];

/**
 * What an Inform announces: the pending events, plus '7 TRANSFER COMPLETE' and the 'M Download'
 * / 'M Upload' of every transfer whose TransferComplete the ACS has not acknowledged yet, since
 * TR-069 wants them repeated until it has.
 */
export const informEvents = (pending: readonly EventStruct[], transfers: readonly CompletedTransfer[]): EventStruct[] =>
  mergeEvents(
    pending,
    transfers.flatMap((t) => [event(EventCodes.transferComplete), event(t.direction === 'download' ? EventCodes.mDownload : EventCodes.mUpload, t.commandKey)]),
  );

/**
 * The events kept after an Inform that did not reach the ACS. TR-069 Table 7 has every code
 * retried except CONNECTION REQUEST, which is discarded: the ACS will ask again if it still cares.
 */
export const eventsAfterFailedDelivery = (pending: readonly EventStruct[]): EventStruct[] =>
  pending.filter((e) => e.eventCode !== EventCodes.connectionRequest);

/** The events still pending once `delivered` reached the ACS; events raised during the session stay. */
export const withoutDelivered = (pending: readonly EventStruct[], delivered: readonly EventStruct[]): EventStruct[] =>
  pending.filter((e) => !delivered.some((d) => sameEvent(d, e) && d.commandKey === e.commandKey));
