import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootEvents, event, eventsAfterFailedDelivery, informEvents, mergeEvents, withoutDelivered } from './events.js';
import type { CompletedTransfer } from './events.js';

const codes = (events: { eventCode: string; commandKey: string }[]) => events.map((e) => (e.commandKey ? `${e.eventCode}:${e.commandKey}` : e.eventCode));

describe('event codes', () => {
  it('boots with BOOTSTRAP the first time and after a factory reset, and carries M Reboot after a Reboot', () => {
    assert.deepEqual(codes(bootEvents(true)), ['0 BOOTSTRAP', '1 BOOT']);
    assert.deepEqual(codes(bootEvents(false)), ['1 BOOT']);
    assert.deepEqual(codes(bootEvents(false, 'r-7')), ['1 BOOT', 'M Reboot:r-7']);
  });

  it('keeps single events once and M events once per command key', () => {
    const merged = mergeEvents(
      [event('2 PERIODIC'), event('M Reboot', 'a')],
      [event('2 PERIODIC'), event('M Reboot', 'a'), event('M Reboot', 'b'), event('6 CONNECTION REQUEST'), event('6 CONNECTION REQUEST')],
    );
    assert.deepEqual(codes(merged), ['2 PERIODIC', 'M Reboot:a', 'M Reboot:b', '6 CONNECTION REQUEST']);
  });

  it('announces unacknowledged transfers with 7 TRANSFER COMPLETE and their M event', () => {
    const transfer = (direction: 'download' | 'upload', commandKey: string): CompletedTransfer => ({
      direction,
      commandKey,
      startTime: '2024-01-01T00:00:00Z',
      completeTime: '2024-01-01T00:00:01Z',
      faultCode: 0,
      faultString: '',
    });
    assert.deepEqual(codes(informEvents([event('1 BOOT')], [transfer('download', 'd1'), transfer('upload', 'u1')])), [
      '1 BOOT',
      '7 TRANSFER COMPLETE',
      'M Download:d1',
      'M Upload:u1',
    ]);
  });

  it('retries every event after a failed delivery except CONNECTION REQUEST', () => {
    assert.deepEqual(codes(eventsAfterFailedDelivery([event('1 BOOT'), event('6 CONNECTION REQUEST'), event('M Reboot', 'k')])), ['1 BOOT', 'M Reboot:k']);
  });

  it('keeps events raised during a session when the delivered ones are cleared', () => {
    const sent = [event('2 PERIODIC'), event('M ScheduleInform', 's')];
    const pending = [...sent, event('4 VALUE CHANGE'), event('M ScheduleInform', 't')];
    assert.deepEqual(codes(withoutDelivered(pending, sent)), ['4 VALUE CHANGE', 'M ScheduleInform:t']);
  });
});
