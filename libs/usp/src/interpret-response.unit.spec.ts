import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorMsg } from './build-messages.js';
import { interpretResponse } from './interpret-response.js';
import type { UspError, UspMsg, UspResponseBody } from './messages.js';
import { isResponseMsg } from './messages.js';

const reply = (body: UspResponseBody | UspError): UspMsg<UspResponseBody | UspError> => ({ msgId: 'cmd-1', body });
const ok = { errCode: 0, errMsg: '' };
const nothing = { parameters: [], objects: [], pending: [] };

describe('interpretResponse', () => {
  it('GetResp: resolved parameters by absolute path; a failed requested path makes it partial', () => {
    const outcome = interpretResponse(
      reply({
        type: 'GetResp',
        reqPathResults: [
          {
            requestedPath: 'Device.IP.Interface.*.Status',
            ...ok,
            resolvedPathResults: [
              { resolvedPath: 'Device.IP.Interface.1.', resultParams: { Status: 'Up' } },
              { resolvedPath: 'Device.IP.Interface.2.', resultParams: { Status: 'Down' } },
            ],
          },
          { requestedPath: 'Device.Nope.', errCode: 7026, errMsg: 'Invalid path', resolvedPathResults: [] },
        ],
      }),
    );
    assert.deepEqual(outcome, {
      msgId: 'cmd-1',
      responseType: 'GetResp',
      status: 'partial',
      parameters: [
        { path: 'Device.IP.Interface.1.Status', value: 'Up' },
        { path: 'Device.IP.Interface.2.Status', value: 'Down' },
      ],
      objects: [],
      pending: [],
      failures: [{ path: 'Device.Nope.', errCode: 7026, errMsg: 'Invalid path' }],
    });
  });

  it('GetResp where every path failed is a failure with the first USP error code', () => {
    const outcome = interpretResponse(reply({ type: 'GetResp', reqPathResults: [{ requestedPath: 'Device.Nope.', errCode: 7026, errMsg: 'Invalid path', resolvedPathResults: [] }] }));
    assert.deepEqual(outcome, {
      msgId: 'cmd-1',
      responseType: 'GetResp',
      status: 'failed',
      errCode: 7026,
      errMsg: 'Invalid path',
      failures: [{ path: 'Device.Nope.', errCode: 7026, errMsg: 'Invalid path' }],
    });
  });

  it('SetResp: updated parameters and instances; non-required parameter errors are partial', () => {
    const outcome = interpretResponse(
      reply({
        type: 'SetResp',
        updatedObjResults: [
          {
            requestedPath: 'Device.WiFi.SSID.1.',
            operStatus: {
              type: 'operSuccess',
              updatedInstResults: [{ affectedPath: 'Device.WiFi.SSID.1.', paramErrs: [{ param: 'Alias', errCode: 7012, errMsg: 'Invalid value' }], updatedParams: { SSID: 'home' } }],
            },
          },
        ],
      }),
    );
    assert.deepEqual(outcome, {
      msgId: 'cmd-1',
      responseType: 'SetResp',
      status: 'partial',
      parameters: [{ path: 'Device.WiFi.SSID.1.SSID', value: 'home' }],
      objects: ['Device.WiFi.SSID.1.'],
      pending: [],
      failures: [{ path: 'Device.WiFi.SSID.1.Alias', errCode: 7012, errMsg: 'Invalid value' }],
    });
  });

  it('SetResp oper_failure reports the object and its failed parameters', () => {
    const outcome = interpretResponse(
      reply({
        type: 'SetResp',
        updatedObjResults: [
          {
            requestedPath: 'Device.WiFi.SSID.1.',
            operStatus: {
              type: 'operFailure',
              errCode: 7021,
              errMsg: 'Required parameter failed',
              updatedInstFailures: [{ affectedPath: 'Device.WiFi.SSID.1.', paramErrs: [{ param: 'SSID', errCode: 7012, errMsg: 'too long' }] }],
            },
          },
        ],
      }),
    );
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.errCode, 7021);
    assert.deepEqual(outcome.failures, [
      { path: 'Device.WiFi.SSID.1.', errCode: 7021, errMsg: 'Required parameter failed' },
      { path: 'Device.WiFi.SSID.1.SSID', errCode: 7012, errMsg: 'too long' },
    ]);
  });

  it('AddResp: the instantiated path and its unique keys', () => {
    const outcome = interpretResponse(
      reply({
        type: 'AddResp',
        createdObjResults: [
          { requestedPath: 'Device.NAT.PortMapping.', operStatus: { type: 'operSuccess', instantiatedPath: 'Device.NAT.PortMapping.4.', paramErrs: [], uniqueKeys: { Alias: 'cpe-4' } } },
        ],
      }),
    );
    assert.deepEqual(outcome, {
      msgId: 'cmd-1',
      responseType: 'AddResp',
      status: 'succeeded',
      parameters: [{ path: 'Device.NAT.PortMapping.4.Alias', value: 'cpe-4' }],
      objects: ['Device.NAT.PortMapping.4.'],
      pending: [],
    });
  });

  it('DeleteResp: affected paths; unaffected paths are failures', () => {
    const outcome = interpretResponse(
      reply({
        type: 'DeleteResp',
        deletedObjResults: [
          {
            requestedPath: 'Device.NAT.PortMapping.*.',
            operStatus: {
              type: 'operSuccess',
              affectedPaths: ['Device.NAT.PortMapping.3.'],
              unaffectedPathErrs: [{ unaffectedPath: 'Device.NAT.PortMapping.4.', errCode: 7024, errMsg: 'Delete failure' }],
            },
          },
        ],
      }),
    );
    assert.equal(outcome.status, 'partial');
    if (outcome.status !== 'partial') return;
    assert.deepEqual(outcome.objects, ['Device.NAT.PortMapping.3.']);
    assert.deepEqual(outcome.failures, [{ path: 'Device.NAT.PortMapping.4.', errCode: 7024, errMsg: 'Delete failure' }]);
  });

  it('OperateResp: output arguments under the command path, async requests pending, command failures', () => {
    const outcome = interpretResponse(
      reply({
        type: 'OperateResp',
        operationResults: [
          { executedCommand: 'Device.IP.Diagnostics.IPPing()', operationResp: { type: 'reqOutputArgs', outputArgs: { AverageResponseTime: '12' } } },
          { executedCommand: 'Device.Reboot()', operationResp: { type: 'reqObjPath', reqObjPath: 'Device.LocalAgent.Request.7.' } },
          { executedCommand: 'Device.SelfTest()', operationResp: { type: 'cmdFailure', errCode: 7022, errMsg: 'Command failure' } },
        ],
      }),
    );
    assert.deepEqual(outcome, {
      msgId: 'cmd-1',
      responseType: 'OperateResp',
      status: 'partial',
      parameters: [{ path: 'Device.IP.Diagnostics.IPPing().AverageResponseTime', value: '12' }],
      objects: [],
      pending: [{ command: 'Device.Reboot()', requestObjPath: 'Device.LocalAgent.Request.7.' }],
      failures: [{ path: 'Device.SelfTest()', errCode: 7022, errMsg: 'Command failure' }],
    });
  });

  it('GetInstancesResp and GetSupportedDMResp name the objects found', () => {
    const instances = interpretResponse(
      reply({
        type: 'GetInstancesResp',
        reqPathResults: [{ requestedPath: 'Device.IP.Interface.', ...ok, currInsts: [{ instantiatedObjPath: 'Device.IP.Interface.1.', uniqueKeys: { Name: 'eth0' } }] }],
      }),
    );
    assert.deepEqual(instances, {
      msgId: 'cmd-1',
      responseType: 'GetInstancesResp',
      status: 'succeeded',
      parameters: [{ path: 'Device.IP.Interface.1.Name', value: 'eth0' }],
      objects: ['Device.IP.Interface.1.'],
      pending: [],
    });
    const supported = interpretResponse(
      reply({
        type: 'GetSupportedDMResp',
        reqObjResults: [
          {
            reqObjPath: 'Device.IP.',
            ...ok,
            dataModelInstUri: 'urn:broadband-forum-org:tr-181-2-16-0-usp',
            supportedObjs: [
              {
                supportedObjPath: 'Device.IP.Interface.{i}.',
                access: 'OBJ_ADD_DELETE',
                isMultiInstance: true,
                supportedCommands: [],
                supportedEvents: [],
                supportedParams: [],
                divergentPaths: [],
                uniqueKeySets: [],
              },
            ],
          },
        ],
      }),
    );
    assert.deepEqual(supported, { msgId: 'cmd-1', responseType: 'GetSupportedDMResp', status: 'succeeded', ...nothing, objects: ['Device.IP.Interface.{i}.'] });
  });

  it('RegisterResp, DeregisterResp, NotifyResp and GetSupportedProtocolResp', () => {
    const registered = interpretResponse(
      reply({
        type: 'RegisterResp',
        registeredPathResults: [
          { requestedPath: 'Device.X_A.', operStatus: { type: 'operSuccess', registeredPath: 'Device.X_A.' } },
          { requestedPath: 'Device.X_B.', operStatus: { type: 'operFailure', errCode: 7031, errMsg: 'Path already registered' } },
        ],
      }),
    );
    assert.equal(registered.status, 'partial');
    if (registered.status === 'partial') assert.deepEqual(registered.objects, ['Device.X_A.']);
    const deregistered = interpretResponse(
      reply({ type: 'DeregisterResp', deregisteredPathResults: [{ requestedPath: 'Device.X_A.', operStatus: { type: 'operSuccess', deregisteredPath: ['Device.X_A.'] } }] }),
    );
    assert.deepEqual(deregistered, { msgId: 'cmd-1', responseType: 'DeregisterResp', status: 'succeeded', ...nothing, objects: ['Device.X_A.'] });
    assert.deepEqual(interpretResponse(reply({ type: 'NotifyResp', subscriptionId: 's' })), { msgId: 'cmd-1', responseType: 'NotifyResp', status: 'succeeded', ...nothing });
    assert.equal(interpretResponse(reply({ type: 'GetSupportedProtocolResp', agentSupportedProtocolVersions: '1.3' })).status, 'succeeded');
  });

  it('Error: failed with the USP error code and message, param_errs as path failures', () => {
    const error = errorMsg('cmd-1', 7004, 'Invalid arguments', [
      { paramPath: 'Device.WiFi.SSID.1.SSID', errCode: 7012, errMsg: 'Invalid value' },
      { paramPath: 'Device.WiFi.SSID.1.Nope', errCode: 7010, errMsg: 'Unsupported parameter' },
    ]);
    assert.ok(isResponseMsg(error));
    assert.deepEqual(interpretResponse(error), {
      msgId: 'cmd-1',
      responseType: 'Error',
      status: 'failed',
      errCode: 7004,
      errMsg: 'Invalid arguments',
      failures: [
        { path: 'Device.WiFi.SSID.1.SSID', errCode: 7012, errMsg: 'Invalid value' },
        { path: 'Device.WiFi.SSID.1.Nope', errCode: 7010, errMsg: 'Unsupported parameter' },
      ],
    });
  });

  it('isResponseMsg tells responses and Errors from requests', () => {
    assert.equal(isResponseMsg({ msgId: 'm', body: { type: 'Get', paramPaths: [], maxDepth: 0 } }), false);
    assert.equal(isResponseMsg({ msgId: 'm', body: { type: 'NotifyResp', subscriptionId: 's' } }), true);
  });
});
