import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandKeyOf, outcomeOf, rpcFor } from './rpc.js';

describe('commands as CWMP RPCs', () => {
  it('derives a CommandKey of at most 32 characters, stable per command', () => {
    const key = commandKeyOf('0b6f4a6e-6d55-4a47-9b7e-1f1a5c8f9a10');
    assert.equal(key.length, 32);
    assert.equal(key, commandKeyOf('0b6f4a6e-6d55-4a47-9b7e-1f1a5c8f9a10'));
  });

  it('builds each RPC with the TR-069 arguments, keeping an operator-given CommandKey', () => {
    assert.deepEqual(rpcFor('cwmp.SetParameterValues', { values: [{ path: 'Device.X', value: '1', valueType: 'unsignedInt' }] }, 'c'), {
      type: 'SetParameterValues',
      parameters: [{ name: 'Device.X', value: '1', type: 'unsignedInt' }],
      parameterKey: '',
    });
    assert.deepEqual(rpcFor('cwmp.Reboot', { commandKey: 'mine' }, 'c'), { type: 'Reboot', commandKey: 'mine' });
    assert.deepEqual(rpcFor('cwmp.Reboot', {}, 'c'), { type: 'Reboot', commandKey: commandKeyOf('c') });
    assert.equal(rpcFor('cwmp.GetParameterNames', { path: 'Device.', nextLevel: true }, 'c').type, 'GetParameterNames');
    assert.throws(() => rpcFor('usp.Get', {}, 'c'));
  });

  it('turns a CPE fault into a failed command with its code and text', () => {
    const o = outcomeOf(
      { type: 'SetParameterValues', parameters: [], parameterKey: '' },
      { type: 'Fault', soapFaultCode: 'Client', soapFaultString: 'CWMP fault', cwmpFault: { faultCode: 9003, faultString: 'Invalid arguments', setParameterValuesFaults: [{ parameterName: 'Device.X', faultCode: 9007, faultString: 'Invalid value' }] } },
    );
    assert.deepEqual(o, { kind: 'failed', code: 'CWMP_FAULT', message: '9003 Invalid arguments; Device.X: 9007 Invalid value', faultCode: 9003 });
  });

  it('reports the values a GetParameterValues returned, and waits for TransferComplete after Download status 1', () => {
    const gpv = outcomeOf({ type: 'GetParameterValues', names: ['Device.'] }, { type: 'GetParameterValuesResponse', parameters: [{ name: 'Device.A', value: 'x', type: 'string' }] });
    assert.ok(gpv.kind === 'succeeded' && gpv.reported.length === 1 && gpv.reportOrigin === 'get');
    const dl = outcomeOf(rpcFor('cwmp.Download', { fileType: '1 Firmware Upgrade Image', url: 'http://x/fw' }, 'c'), { type: 'DownloadResponse', status: 1, startTime: '', completeTime: '' });
    assert.equal(dl.kind, 'awaiting-transfer');
    assert.equal(outcomeOf({ type: 'Reboot', commandKey: 'k' }, { type: 'GetParameterValuesResponse', parameters: [] }).kind, 'unexpected');
  });
});
