import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testModel } from '../testing/fixtures.js';
import { answerOf, ask } from '../testing/requests.js';

const get = (paramPaths: string[], maxDepth = 0) => answerOf(ask(testModel(), { type: 'Get', paramPaths, maxDepth }), 'GetResp').reqPathResults;

describe('Get', () => {
  it('reads a parameter: its object as resolved_path, the name relative to it', () => {
    const [result] = get(['Device.DeviceInfo.SerialNumber']);
    assert.deepEqual(result, {
      requestedPath: 'Device.DeviceInfo.SerialNumber',
      errCode: 0,
      errMsg: '',
      resolvedPathResults: [{ resolvedPath: 'Device.DeviceInfo.', resultParams: { SerialNumber: 'usp-test-1' } }],
    });
  });

  it('reads a partial path as one result per object below it', () => {
    const [result] = get(['Device.WiFi.']);
    assert.deepEqual(
      result?.resolvedPathResults.map((r) => r.resolvedPath),
      ['Device.WiFi.', 'Device.WiFi.SSID.1.', 'Device.WiFi.SSID.2.'],
    );
    assert.deepEqual(result?.resolvedPathResults[0]?.resultParams, { SSIDNumberOfEntries: '2' });
    assert.deepEqual(Object.keys(result?.resolvedPathResults[1]?.resultParams ?? {}), ['Alias', 'Enable', 'Status', 'Name', 'SSID', 'BSSID', 'MACAddress']);
  });

  it('limits the depth with max_depth (1: only the resolved objects)', () => {
    assert.deepEqual(
      get(['Device.IP.Interface.1.'], 1)[0]?.resolvedPathResults.map((r) => r.resolvedPath),
      ['Device.IP.Interface.1.'],
    );
    assert.deepEqual(
      get(['Device.IP.Interface.1.'], 2)[0]?.resolvedPathResults.map((r) => r.resolvedPath),
      ['Device.IP.Interface.1.', 'Device.IP.Interface.1.IPv4Address.1.', 'Device.IP.Interface.1.Stats.'],
    );
    assert.equal(get(['Device.'])[0]?.resolvedPathResults.some((r) => r.resolvedPath === 'Device.IP.Interface.2.IPv4Address.1.'), true);
  });

  it('resolves wildcards, search expressions and table paths to each matching instance', () => {
    const [wildcard, search, tablePath] = get(['Device.WiFi.SSID.*.SSID', 'Device.IP.Interface.[Name=="lan"].Status', 'Device.LocalAgent.Subscription.']);
    assert.deepEqual(
      wildcard?.resolvedPathResults.map((r) => [r.resolvedPath, Object.keys(r.resultParams)]),
      [
        ['Device.WiFi.SSID.1.', ['SSID']],
        ['Device.WiFi.SSID.2.', ['SSID']],
      ],
    );
    assert.deepEqual(search?.resolvedPathResults, [{ resolvedPath: 'Device.IP.Interface.2.', resultParams: { Status: 'Up' } }]);
    assert.deepEqual(
      tablePath?.resolvedPathResults.map((r) => r.resultParams['ID']),
      ['boot-sub', 'operation-complete-sub'],
    );
  });

  it('answers each path on its own: 7026 outside the supported model, an empty result for no instance', () => {
    const [unknown, good, none, command, syntax] = get(['Device.Nothing.', 'Device.DeviceInfo.ModelName', 'Device.WiFi.SSID.5.', 'Device.Reboot()', 'Device..']);
    assert.deepEqual([unknown?.errCode, unknown?.resolvedPathResults], [7026, []]);
    assert.equal(good?.errCode, 0);
    assert.deepEqual([none?.errCode, none?.resolvedPathResults], [0, []]);
    assert.equal(command?.errCode, 7026);
    assert.equal(syntax?.errCode, 7008);
  });
});

describe('GetInstances', () => {
  it('lists a table’s instances with their unique keys', () => {
    const [result] = answerOf(ask(testModel(), { type: 'GetInstances', objPaths: ['Device.WiFi.SSID.'], firstLevelOnly: true }), 'GetInstancesResp').reqPathResults;
    assert.equal(result?.errCode, 0);
    assert.deepEqual(
      result?.currInsts.map((i) => i.instantiatedObjPath),
      ['Device.WiFi.SSID.1.', 'Device.WiFi.SSID.2.'],
    );
    assert.deepEqual(Object.keys(result?.currInsts[0]?.uniqueKeys ?? {}), ['Alias', 'Name', 'BSSID']);
    assert.equal(result?.currInsts[0]?.uniqueKeys['Name'], 'wl0');
  });

  it('includes nested tables unless first_level_only, and every table below a plain object', () => {
    const model = testModel();
    const [deep, shallow, below] = answerOf(
      ask(model, { type: 'GetInstances', objPaths: ['Device.IP.Interface.', 'Device.IP.Interface.*.'], firstLevelOnly: false }),
      'GetInstancesResp',
    ).reqPathResults.concat(answerOf(ask(model, { type: 'GetInstances', objPaths: ['Device.LocalAgent.'], firstLevelOnly: true }), 'GetInstancesResp').reqPathResults);
    const expected = ['Device.IP.Interface.1.', 'Device.IP.Interface.1.IPv4Address.1.', 'Device.IP.Interface.2.', 'Device.IP.Interface.2.IPv4Address.1.'];
    assert.deepEqual(deep?.currInsts.map((i) => i.instantiatedObjPath), expected);
    assert.deepEqual(shallow?.currInsts.map((i) => i.instantiatedObjPath), expected);
    assert.deepEqual(
      below?.currInsts.map((i) => i.instantiatedObjPath),
      ['Device.LocalAgent.Controller.1.', 'Device.LocalAgent.Subscription.1.', 'Device.LocalAgent.Subscription.2.'],
    );
  });

  it('refuses parameters (7018) and unknown paths (7026)', () => {
    const results = answerOf(ask(testModel(), { type: 'GetInstances', objPaths: ['Device.WiFi.SSID.1.SSID', 'Device.Nope.'], firstLevelOnly: false }), 'GetInstancesResp').reqPathResults;
    assert.deepEqual(
      results.map((r) => r.errCode),
      [7018, 7026],
    );
  });
});

describe('GetSupportedDM and GetSupportedProtocol', () => {
  const everything = { returnCommands: true, returnEvents: true, returnParams: true, returnUniqueKeySets: true };

  it('describes objects, parameters with access and type, commands with arguments and events', () => {
    const [result] = answerOf(ask(testModel(), { type: 'GetSupportedDM', objPaths: ['Device.'], firstLevelOnly: false, ...everything }), 'GetSupportedDMResp').reqObjResults;
    assert.equal(result?.errCode, 0);
    assert.equal(result?.dataModelInstUri, 'urn:broadband-forum-org:tr-181-2-16-0-usp');
    const byPath = new Map(result?.supportedObjs.map((o) => [o.supportedObjPath, o]));
    const root = byPath.get('Device.');
    assert.deepEqual(
      root?.supportedCommands.map((c) => [c.commandName, c.commandType]),
      [
        ['Reboot()', 'CMD_SYNC'],
        ['FactoryReset()', 'CMD_SYNC'],
      ],
    );
    assert.deepEqual(root?.supportedEvents, [{ eventName: 'Boot!', argNames: ['Cause', 'CommandKey', 'FirmwareUpdated', 'ParameterMap'] }]);
    const ssid = byPath.get('Device.WiFi.SSID.{i}.');
    assert.deepEqual([ssid?.access, ssid?.isMultiInstance], ['OBJ_ADD_DELETE', true]);
    assert.deepEqual(ssid?.supportedParams.find((p) => p.paramName === 'SSID'), { paramName: 'SSID', access: 'PARAM_READ_WRITE', valueType: 'PARAM_STRING', valueChange: 'VALUE_CHANGE_ALLOWED' });
    assert.deepEqual(ssid?.supportedParams.find((p) => p.paramName === 'Enable')?.valueType, 'PARAM_BOOLEAN');
    assert.deepEqual(ssid?.uniqueKeySets, [{ keyNames: ['Alias'] }, { keyNames: ['Name'] }, { keyNames: ['BSSID'] }]);
    const ping = byPath.get('Device.IP.Diagnostics.')?.supportedCommands[0];
    assert.equal(ping?.commandName, 'IPPing()');
    assert.equal(ping?.commandType, 'CMD_ASYNC');
    assert.ok(ping?.inputArgNames.includes('Host'));
    assert.ok(ping?.outputArgNames.includes('AverageResponseTime'));
    assert.equal(byPath.get('Device.DeviceInfo.')?.supportedParams.find((p) => p.paramName === 'UpTime')?.valueChange, 'VALUE_CHANGE_WILL_IGNORE');
    assert.ok(byPath.has('Device.IP.Interface.{i}.IPv4Address.{i}.'));
    assert.equal(byPath.get('Device.LocalAgent.Request.{i}.')?.access, 'OBJ_READ_ONLY');
  });

  it('gives the object and its bare children with first_level_only, and only what is asked for', () => {
    const [result] = answerOf(
      ask(testModel(), { type: 'GetSupportedDM', objPaths: ['Device.LocalAgent.'], firstLevelOnly: true, returnCommands: false, returnEvents: false, returnParams: true, returnUniqueKeySets: false }),
      'GetSupportedDMResp',
    ).reqObjResults;
    assert.deepEqual(
      result?.supportedObjs.map((o) => o.supportedObjPath),
      ['Device.LocalAgent.', 'Device.LocalAgent.Controller.{i}.', 'Device.LocalAgent.Subscription.{i}.', 'Device.LocalAgent.Request.{i}.'],
    );
    assert.ok((result?.supportedObjs[0]?.supportedParams.length ?? 0) > 0);
    assert.deepEqual(result?.supportedObjs[2]?.supportedParams, []);
  });

  it('answers 7026 for objects it does not support', () => {
    const [result] = answerOf(ask(testModel(), { type: 'GetSupportedDM', objPaths: ['Device.Bluetooth.'], firstLevelOnly: false, ...everything }), 'GetSupportedDMResp').reqObjResults;
    assert.equal(result?.errCode, 7026);
  });

  it('speaks USP 1.3 and 1.4', () => {
    const answer = answerOf(ask(testModel(), { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' }), 'GetSupportedProtocolResp');
    assert.equal(answer.agentSupportedProtocolVersions, '1.3,1.4');
  });
});
