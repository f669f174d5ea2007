import { describe, it } from 'node:test';
import { deciderSpec } from '../testing/decider-spec.js';
import type { TagDevice, UntagDevice } from './commands.js';
import { deviceDecider } from './decider.js';
import { T0, cwmpRegistered } from './fixtures.js';

const { given } = deciderSpec(deviceDecider);

const tag = (name: string): TagDevice => ({ type: 'TagDevice', data: { tag: name, now: T0 } });
const untag = (name: string): UntagDevice => ({ type: 'UntagDevice', data: { tag: name, now: T0 } });
const tagged = (name: string) => ({ type: 'DeviceTagged', data: { tag: name }, occurredAt: T0 }) as const;
const untagged = (name: string) => ({ type: 'DeviceUntagged', data: { tag: name }, occurredAt: T0 }) as const;

describe('TagDevice', () => {
  it('tags a device', () => {
    given([cwmpRegistered]).when(tag('pilot')).then([tagged('pilot')]);
  });

  it('is idempotent: an already-tagged device records nothing', () => {
    given([cwmpRegistered, tagged('pilot')]).when(tag('pilot')).thenNothing();
  });

  it('tags again after the tag was removed', () => {
    given([cwmpRegistered, tagged('pilot'), untagged('pilot')]).when(tag('pilot')).then([tagged('pilot')]);
  });

  it('fails with INVALID_TAG for a malformed tag', () => {
    given([cwmpRegistered]).when(tag(' padded ')).thenFails('INVALID_TAG');
  });

  it('fails with DEVICE_NOT_REGISTERED for an unknown device', () => {
    given([]).when(tag('pilot')).thenFails('DEVICE_NOT_REGISTERED');
  });

  it('fails with INVALID_TIMESTAMP when now is not epoch millis', () => {
    given([cwmpRegistered]).when({ type: 'TagDevice', data: { tag: 'pilot', now: -3 } }).thenFails('INVALID_TIMESTAMP');
  });
});

describe('UntagDevice', () => {
  it('removes a tag', () => {
    given([cwmpRegistered, tagged('pilot')]).when(untag('pilot')).then([untagged('pilot')]);
  });

  it('is idempotent: removing an absent tag records nothing', () => {
    given([cwmpRegistered, tagged('other')]).when(untag('pilot')).thenNothing();
  });

  it('fails with INVALID_TAG for a malformed tag', () => {
    given([cwmpRegistered]).when(untag('')).thenFails('INVALID_TAG');
  });

  it('fails with DEVICE_NOT_REGISTERED for an unknown device', () => {
    given([]).when(untag('pilot')).thenFails('DEVICE_NOT_REGISTERED');
  });
});
