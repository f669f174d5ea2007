import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Operate } from '@fleetlog/usp';
import { testModel } from '../testing/fixtures.js';
import { answerOf, ask } from '../testing/requests.js';

const operate = (command: string, inputArgs: Record<string, string> = {}, sendResp = true): Operate => ({ type: 'Operate', command, commandKey: 'ck-1', sendResp, inputArgs });

describe('Operate', () => {
  it('answers Reboot() with empty output arguments and asks the agent to reboot with the command key', () => {
    const outcome = ask(testModel(), operate('Device.Reboot()'));
    assert.deepEqual(answerOf(outcome, 'OperateResp').operationResults, [{ executedCommand: 'Device.Reboot()', operationResp: { type: 'reqOutputArgs', outputArgs: {} } }]);
    assert.deepEqual(outcome.effects, [{ type: 'reboot', cause: 'RemoteReboot', commandKey: 'ck-1' }]);
    assert.deepEqual(ask(testModel(), operate('Device.FactoryReset()')).effects, [{ type: 'reboot', cause: 'RemoteFactoryReset', commandKey: 'ck-1' }]);
  });

  it('starts IPPing() as a Request instance and describes its result for the OperationComplete', () => {
    const model = testModel();
    const outcome = ask(model, operate('Device.IP.Diagnostics.IPPing()', { Host: 'example.com', NumberOfRepetitions: '4' }));
    assert.deepEqual(answerOf(outcome, 'OperateResp').operationResults, [
      { executedCommand: 'Device.IP.Diagnostics.IPPing()', operationResp: { type: 'reqObjPath', reqObjPath: 'Device.LocalAgent.Request.1.' } },
    ]);
    assert.equal(model.get('Device.LocalAgent.Request.1.Command'), 'Device.IP.Diagnostics.IPPing()');
    assert.equal(model.get('Device.LocalAgent.Request.1.Originator'), 'proto::fleetlog-controller');
    assert.equal(model.get('Device.LocalAgent.Request.1.Status'), 'Active');
    const [effect] = outcome.effects;
    assert.equal(effect?.type, 'operationStarted');
    if (effect?.type !== 'operationStarted') return;
    assert.deepEqual([effect.requestPath, effect.objPath, effect.commandName, effect.commandKey], ['Device.LocalAgent.Request.1.', 'Device.IP.Diagnostics.', 'IPPing()', 'ck-1']);
    assert.equal(effect.result.type, 'output');
    const output = effect.result.type === 'output' ? effect.result.outputArgs : {};
    assert.deepEqual([output['Status'], output['SuccessCount'], output['FailureCount']], ['Complete', '4', '0']);
    assert.equal(output['IPAddressUsed'], model.get('Device.IP.Interface.1.IPv4Address.1.IPAddress'));
    const [min = 0, average = 0, max = 0] = ['MinimumResponseTimeDetailed', 'AverageResponseTimeDetailed', 'MaximumResponseTimeDetailed'].map((name) => Number(output[name]));
    assert.ok(5_000 <= min && min <= average && average <= max && max <= 35_000, JSON.stringify(output));
  });

  it('reports a ping to a host that does not resolve as the operation’s outcome', () => {
    const [effect] = ask(testModel(), operate('Device.IP.Diagnostics.IPPing()', { Host: 'nowhere.invalid' })).effects;
    assert.equal(effect?.type === 'operationStarted' && effect.result.type === 'output' && effect.result.outputArgs['Status'], 'Error_CannotResolveHostName');
  });

  it('fails commands with bad arguments at once (7027), without a Request instance', () => {
    const model = testModel();
    const results = [
      ...answerOf(ask(model, operate('Device.IP.Diagnostics.IPPing()')), 'OperateResp').operationResults,
      ...answerOf(ask(model, operate('Device.IP.Diagnostics.IPPing()', { Host: 'a', Colour: 'red' })), 'OperateResp').operationResults,
      ...answerOf(ask(model, operate('Device.Reboot()', { Delay: '5' })), 'OperateResp').operationResults,
    ];
    assert.deepEqual(
      results.map((r) => r.operationResp.type === 'cmdFailure' && r.operationResp.errCode),
      [7027, 7027, 7027],
    );
    assert.equal(model.get('Device.LocalAgent.RequestNumberOfEntries'), '0');
  });

  it('runs a command on every object a search path matches', () => {
    const results = answerOf(ask(testModel(), operate('Device.IP.Interface.*.Reset()')), 'OperateResp').operationResults;
    assert.deepEqual(
      results.map((r) => r.executedCommand),
      ['Device.IP.Interface.1.Reset()', 'Device.IP.Interface.2.Reset()'],
    );
  });

  it('answers an Error for a command path that names no command', () => {
    const codes = ['Device.Explode()', 'Device.DeviceInfo.', 'Device.IP.Interface.5.Reset()', 'Device..'].map((command) => answerOf(ask(testModel(), operate(command)), 'Error').errCode);
    assert.deepEqual(codes, [7026, 7026, 7016, 7008]);
  });

  it('sends no answer when send_resp is false, but still carries the command out', () => {
    const outcome = ask(testModel(), operate('Device.Reboot()', {}, false));
    assert.equal(outcome.response, undefined);
    assert.equal(outcome.effects[0]?.type, 'reboot');
  });

  it('fails every command with an injected failure: sync in the answer, async in the OperationComplete', () => {
    const injected = { commandFailure: { errCode: 7022, errMsg: 'broken' } };
    const sync = answerOf(ask(testModel(), operate('Device.Reboot()'), injected), 'OperateResp').operationResults[0];
    assert.deepEqual(sync?.operationResp, { type: 'cmdFailure', errCode: 7022, errMsg: 'broken' });
    const async = ask(testModel(), operate('Device.IP.Diagnostics.IPPing()', { Host: 'example.com' }), injected);
    assert.equal(answerOf(async, 'OperateResp').operationResults[0]?.operationResp.type, 'reqObjPath');
    const [effect] = async.effects;
    assert.deepEqual(effect?.type === 'operationStarted' && effect.result, { type: 'failure', errCode: 7022, errMsg: 'broken' });
  });
});

describe('requests an agent does not take', () => {
  it('answers Notify, Register and Deregister with 7001 and answers no response', () => {
    const model = testModel();
    const notify = ask(model, { type: 'Notify', subscriptionId: 's', sendResp: true, notification: { type: 'objDeletion', objPath: 'Device.X.1.' } });
    assert.equal(answerOf(notify, 'Error').errCode, 7001);
    assert.equal(answerOf(ask(model, { type: 'Deregister', paths: [] }), 'Error').errCode, 7001);
    const response = ask(model, { type: 'GetResp', reqPathResults: [] });
    assert.equal(response.response, undefined);
  });
});
