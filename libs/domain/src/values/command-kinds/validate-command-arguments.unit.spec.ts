import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commandKinds, commandKindsOf } from './catalog.js';
import { parseCommandArguments, validateCommandArguments } from './validate-command-arguments.js';

describe('validateCommandArguments', () => {
  it('returns protocol, kind and the typed arguments when they are valid', () => {
    assert.deepEqual(validateCommandArguments('CWMP', 'cwmp.Reboot', { commandKey: 'reboot-1' }), {
      ok: true,
      value: { protocol: 'CWMP', kind: 'cwmp.Reboot', arguments: { commandKey: 'reboot-1' } },
    });
  });

  it('fails with UNKNOWN_PROTOCOL for a protocol it does not know', () => {
    const result = validateCommandArguments('SNMP', 'cwmp.Reboot', {});
    assert.ok(!result.ok && result.error.code === 'UNKNOWN_PROTOCOL');
  });

  it('fails with UNKNOWN_COMMAND_KIND for a kind outside the catalog', () => {
    for (const kind of ['cwmp.Rebooot', 'Reboot', '', 'toString', 42]) {
      const result = validateCommandArguments('CWMP', kind, {});
      assert.ok(!result.ok && result.error.code === 'UNKNOWN_COMMAND_KIND', String(kind));
    }
  });

  it('fails with COMMAND_KIND_PROTOCOL_MISMATCH when the kind belongs to another protocol', () => {
    const result = validateCommandArguments('USP', 'cwmp.Reboot', {});
    assert.ok(!result.ok && result.error.code === 'COMMAND_KIND_PROTOCOL_MISMATCH');
  });

  it('fails with INVALID_COMMAND_ARGUMENTS listing every problem', () => {
    const result = validateCommandArguments('CWMP', 'cwmp.Download', { url: 'gopher://x', delaySeconds: -1, colour: 'red' });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'INVALID_COMMAND_ARGUMENTS');
    assert.ok('problems' in result.error);
    assert.deepEqual(result.error.problems, [
      'arguments.colour: is not a known argument',
      'arguments.fileType: is required',
      'arguments.url: must use one of http: https: ftp: ftps: sftp: tftp:',
      'arguments.delaySeconds: must be an integer from 0 to 4294967295, got -1',
    ]);
  });

  it('requires the arguments to be an object', () => {
    for (const args of [undefined, null, [], 'x']) {
      const result = validateCommandArguments('CWMP', 'cwmp.FactoryReset', args);
      assert.ok(!result.ok && result.error.code === 'INVALID_COMMAND_ARGUMENTS', String(args));
    }
  });

  it('reads arguments back from CommandRequested JSON text', () => {
    assert.deepEqual(parseCommandArguments('MQTT', 'mqtt.Downlink', '{"payload":{"relay":"on"}}'), {
      ok: true,
      value: { protocol: 'MQTT', kind: 'mqtt.Downlink', arguments: { payload: { relay: 'on' } } },
    });
    const broken = parseCommandArguments('MQTT', 'mqtt.Downlink', '{payload');
    assert.ok(!broken.ok && broken.error.code === 'INVALID_COMMAND_ARGUMENTS');
  });

  it('has a catalog where every kind is prefixed by its protocol', () => {
    assert.equal(commandKinds.length, 21);
    assert.deepEqual(commandKindsOf('MQTT'), ['mqtt.Downlink']);
    for (const kind of commandKindsOf('CWMP')) assert.ok(kind.startsWith('cwmp.'));
    for (const kind of commandKindsOf('USP')) assert.ok(kind.startsWith('usp.'));
  });
});
