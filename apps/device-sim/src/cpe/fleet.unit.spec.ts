import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fleetSerial } from './fleet.js';

describe('fleet serials', () => {
  it('are a prefix and at least six digits', () => {
    assert.equal(fleetSerial('SIM', 1), 'SIM000001');
    assert.equal(fleetSerial('X', 1234567), 'X1234567');
  });
});
