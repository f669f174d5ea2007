import { describe, it } from 'node:test';
import { deciderSpec } from '../testing/decider-spec.js';
import type { MarkOffline, RecordContact } from './commands.js';
import { deviceDecider } from './decider.js';
import { T0, cwmpRegistered, minutes, wentOnline } from './fixtures.js';

const { given } = deciderSpec(deviceDecider);

const contact = (now: number, extra: Partial<RecordContact['data']> = {}): RecordContact => ({
  type: 'RecordContact',
  data: { via: 'cwmp-session', expectedIntervalSeconds: 300, now, ...extra },
});

const markOffline = (now: number, extra: Partial<MarkOffline['data']> = {}): MarkOffline => ({
  type: 'MarkOffline',
  data: { reason: 'missed-contact-window', now, ...extra },
});

const wentOffline = (at: number, lastContactAt: number | null) =>
  ({ type: 'DeviceWentOffline', data: { lastContactAt, reason: 'missed-contact-window' }, occurredAt: at }) as const;

describe('RecordContact', () => {
  it('brings a never-seen device online', () => {
    given([cwmpRegistered]).when(contact(T0)).then([wentOnline(T0)]);
  });

  it('brings an offline device back online', () => {
    given([cwmpRegistered, wentOnline(T0), wentOffline(T0 + minutes(20), T0)])
      .when(contact(T0 + minutes(30), { expectedIntervalSeconds: null }))
      .then([{ type: 'DeviceWentOnline', data: { via: 'cwmp-session', expectedIntervalSeconds: null }, occurredAt: T0 + minutes(30) }]);
  });

  it('records nothing while the device is already online', () => {
    given([cwmpRegistered, wentOnline(T0)]).when(contact(T0 + minutes(5))).thenNothing();
  });

  it('fails with DEVICE_NOT_REGISTERED for an unknown device', () => {
    given([]).when(contact(T0)).thenFails('DEVICE_NOT_REGISTERED');
  });

  it('fails with INVALID_CHANNEL when the channel is not the device protocol\'s', () => {
    given([cwmpRegistered]).when(contact(T0, { via: 'usp-mqtt' })).thenFails('INVALID_CHANNEL');
  });

  it('fails with INVALID_FIELD for an interval that is not a positive Avro int', () => {
    for (const expectedIntervalSeconds of [0, -5, 1.5, 2 ** 31]) {
      given([cwmpRegistered]).when(contact(T0, { expectedIntervalSeconds })).thenFails('INVALID_FIELD');
    }
  });

  it('fails with INVALID_TIMESTAMP when now is not epoch millis', () => {
    given([cwmpRegistered]).when(contact(Number.NaN)).thenFails('INVALID_TIMESTAMP');
  });
});

describe('MarkOffline', () => {
  it('takes an online device offline with its last recorded contact', () => {
    given([cwmpRegistered, wentOnline(T0)]).when(markOffline(T0 + minutes(15))).then([wentOffline(T0 + minutes(15), T0)]);
  });

  it('uses a later last contact seen by the caller (contacts while online record no events)', () => {
    given([cwmpRegistered, wentOnline(T0)])
      .when(markOffline(T0 + minutes(15), { lastContactAt: T0 + minutes(5) }))
      .then([wentOffline(T0 + minutes(15), T0 + minutes(5))]);
  });

  it('keeps the recorded contact when the caller\'s is older', () => {
    given([cwmpRegistered, wentOnline(T0 + minutes(5))])
      .when(markOffline(T0 + minutes(15), { lastContactAt: T0 }))
      .then([wentOffline(T0 + minutes(15), T0 + minutes(5))]);
  });

  it('records nothing for a device that is already offline', () => {
    given([cwmpRegistered, wentOnline(T0), wentOffline(T0 + minutes(15), T0)]).when(markOffline(T0 + minutes(20))).thenNothing();
  });

  it('records nothing for a device that was never online', () => {
    given([cwmpRegistered]).when(markOffline(T0)).thenNothing();
  });

  it('fails with DEVICE_NOT_REGISTERED for an unknown device', () => {
    given([]).when(markOffline(T0)).thenFails('DEVICE_NOT_REGISTERED');
  });

  it('fails with INVALID_FIELD for an unknown reason', () => {
    given([cwmpRegistered, wentOnline(T0)]).when(markOffline(T0, { reason: 'bored' })).thenFails('INVALID_FIELD');
  });

  it('fails with INVALID_TIMESTAMP for a malformed now or last contact', () => {
    given([cwmpRegistered, wentOnline(T0)]).when(markOffline(-1)).thenFails('INVALID_TIMESTAMP');
    given([cwmpRegistered, wentOnline(T0)]).when(markOffline(T0, { lastContactAt: 2.5 })).thenFails('INVALID_TIMESTAMP');
  });
});
