import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CpeMessage, Download, Fault } from '@fleetlog/cwmp';
import { testModel } from '../testing/fixtures.js';
import { handleRpc } from './handle-rpc.js';
import type { FaultInjection } from './fault-injection.js';

const asFault = (message: CpeMessage): Fault => {
  assert.equal(message.type, 'Fault', `expected a Fault, got ${JSON.stringify(message)}`);
  return message as Fault;
};

const download: Download = {
  type: 'Download',
  commandKey: 'fw-1',
  fileType: '1 Firmware Upgrade Image',
  url: 'http://files.example/fw-2.0.0.bin',
  username: '',
  password: '',
  fileSize: 1024,
  targetFileName: 'fw-2.0.0.bin',
  delaySeconds: 0,
  successURL: '',
  failureURL: '',
};

describe('handleRpc', () => {
  it('answers GetParameterValues from the data model', () => {
    const { response, effect } = handleRpc({ type: 'GetParameterValues', names: ['Device.DeviceInfo.SoftwareVersion'] }, { model: testModel(), faults: {} });
    assert.deepEqual(response, {
      type: 'GetParameterValuesResponse',
      parameters: [{ name: 'Device.DeviceInfo.SoftwareVersion', value: '1.0.0', type: 'string' }],
    });
    assert.equal(effect, undefined);
  });

  it('turns a data-model fault into a SOAP Fault with the CWMP code and the Client/Server type', () => {
    const fault = asFault(handleRpc({ type: 'GetParameterValues', names: ['Device.Nope'] }, { model: testModel(), faults: {} }).response);
    assert.equal(fault.cwmpFault.faultCode, 9005);
    assert.equal(fault.soapFaultCode, 'Client');
  });

  it('answers SetParameterValues with status 0 and reports the changed names, or 9003 with every parameter in error', () => {
    const model = testModel();
    const ok = handleRpc(
      { type: 'SetParameterValues', parameters: [{ name: 'Device.ManagementServer.PeriodicInformInterval', value: '60', type: 'unsignedInt' }], parameterKey: 'k1' },
      { model, faults: {} },
    );
    assert.deepEqual(ok.response, { type: 'SetParameterValuesResponse', status: 0 });
    assert.deepEqual(ok.effect, { type: 'parameters-changed', names: ['Device.ManagementServer.PeriodicInformInterval'] });
    const bad = asFault(
      handleRpc(
        {
          type: 'SetParameterValues',
          parameters: [
            { name: 'Device.DeviceInfo.SerialNumber', value: 'x', type: 'string' },
            { name: 'Device.WiFi.SSID.1.Enable', value: 'x', type: 'boolean' },
          ],
          parameterKey: 'k2',
        },
        { model, faults: {} },
      ).response,
    );
    assert.equal(bad.cwmpFault.faultCode, 9003);
    assert.deepEqual(bad.cwmpFault.setParameterValuesFaults.map((f) => f.faultCode), [9008, 9007]);
    assert.equal(model.get('Device.ManagementServer.ParameterKey'), 'k1');
  });

  it('answers GetParameterNames, attributes, AddObject and DeleteObject', () => {
    const model = testModel();
    const names = handleRpc({ type: 'GetParameterNames', parameterPath: 'Device.WiFi.', nextLevel: true }, { model, faults: {} }).response;
    assert.deepEqual(names, {
      type: 'GetParameterNamesResponse',
      parameters: [
        { name: 'Device.WiFi.SSIDNumberOfEntries', writable: false },
        { name: 'Device.WiFi.SSID.', writable: true },
      ],
    });
    const set = handleRpc(
      { type: 'SetParameterAttributes', parameters: [{ name: 'Device.WiFi.SSID.1.SSID', notificationChange: true, notification: 1, accessListChange: false, accessList: [] }] },
      { model, faults: {} },
    );
    assert.deepEqual(set.response, { type: 'SetParameterAttributesResponse' });
    const attributes = handleRpc({ type: 'GetParameterAttributes', names: ['Device.WiFi.SSID.1.SSID'] }, { model, faults: {} }).response;
    assert.deepEqual(attributes, { type: 'GetParameterAttributesResponse', parameters: [{ name: 'Device.WiFi.SSID.1.SSID', notification: 1, accessList: [] }] });
    const added = handleRpc({ type: 'AddObject', objectName: 'Device.WiFi.SSID.', parameterKey: 'a' }, { model, faults: {} });
    assert.deepEqual(added.response, { type: 'AddObjectResponse', instanceNumber: 3, status: 0 });
    const deleted = handleRpc({ type: 'DeleteObject', objectName: 'Device.WiFi.SSID.3.', parameterKey: 'd' }, { model, faults: {} });
    assert.deepEqual(deleted.response, { type: 'DeleteObjectResponse', status: 0 });
    assert.equal(model.get('Device.ManagementServer.ParameterKey'), 'd');
  });

  it('defers Reboot and FactoryReset until after the session', () => {
    const context = { model: testModel(), faults: {} };
    assert.deepEqual(handleRpc({ type: 'Reboot', commandKey: 'r1' }, context), { response: { type: 'RebootResponse' }, effect: { type: 'reboot', commandKey: 'r1' } });
    assert.deepEqual(handleRpc({ type: 'FactoryReset' }, context), { response: { type: 'FactoryResetResponse' }, effect: { type: 'factory-reset' } });
  });

  it('accepts a Download with status 1 and unknown times, to be completed by TransferComplete', () => {
    const { response, effect } = handleRpc(download, { model: testModel(), faults: {} });
    assert.deepEqual(response, { type: 'DownloadResponse', status: 1, startTime: '0001-01-01T00:00:00Z', completeTime: '0001-01-01T00:00:00Z' });
    assert.deepEqual(effect, {
      type: 'transfer',
      direction: 'download',
      commandKey: 'fw-1',
      fileType: '1 Firmware Upgrade Image',
      url: 'http://files.example/fw-2.0.0.bin',
      targetFileName: 'fw-2.0.0.bin',
      delaySeconds: 0,
    });
  });

  it('refuses transfers it cannot make: unknown scheme 9013, bad file type or URL 9003', () => {
    const context = { model: testModel(), faults: {} };
    assert.equal(asFault(handleRpc({ ...download, url: 'gopher://x/fw' }, context).response).cwmpFault.faultCode, 9013);
    assert.equal(asFault(handleRpc({ ...download, fileType: 'firmware' }, context).response).cwmpFault.faultCode, 9003);
    assert.equal(asFault(handleRpc({ ...download, url: 'fw.bin' }, context).response).cwmpFault.faultCode, 9003);
    const upload = handleRpc({ type: 'Upload', commandKey: 'u', fileType: '2 Vendor Log File', url: 'http://files.example/up', username: '', password: '', delaySeconds: 5 }, context);
    assert.equal(upload.response.type, 'UploadResponse');
    assert.equal(upload.effect?.type, 'transfer');
  });

  it('schedules an Inform, and refuses a zero delay with 9003', () => {
    const context = { model: testModel(), faults: {} };
    assert.deepEqual(handleRpc({ type: 'ScheduleInform', delaySeconds: 30, commandKey: 's' }, context).effect, { type: 'schedule-inform', commandKey: 's', delaySeconds: 30 });
    assert.equal(asFault(handleRpc({ type: 'ScheduleInform', delaySeconds: 0, commandKey: 's' }, context).response).cwmpFault.faultCode, 9003);
  });
});

describe('handleRpc with injected faults', () => {
  it('answers unsupported methods with 9000 and leaves them out of GetRPCMethods', () => {
    const faults: FaultInjection = { unsupportedMethods: ['Upload', 'FactoryReset'] };
    const context = { model: testModel(), faults };
    assert.equal(asFault(handleRpc({ type: 'FactoryReset' }, context).response).cwmpFault.faultCode, 9000);
    const methods = handleRpc({ type: 'GetRPCMethods' }, context).response;
    assert.equal(methods.type, 'GetRPCMethodsResponse');
    if (methods.type !== 'GetRPCMethodsResponse') return;
    assert.ok(methods.methods.includes('Download'));
    assert.ok(!methods.methods.includes('Upload') && !methods.methods.includes('FactoryReset'));
  });

  it('fails every call of a method with its injected fault, with the given text', () => {
    const context = { model: testModel(), faults: { methods: { Reboot: { faultCode: 9002, faultString: 'flash busy' } } } };
    const fault = asFault(handleRpc({ type: 'Reboot', commandKey: '' }, context).response);
    assert.deepEqual([fault.cwmpFault.faultCode, fault.cwmpFault.faultString, fault.soapFaultCode], [9002, 'flash busy', 'Server']);
  });

  it('fails requests that touch an injected path, from above or below', () => {
    const model = testModel();
    const faults: FaultInjection = { paths: { 'Device.WiFi.SSID.1.SSID': { faultCode: 9002 } } };
    const context = { model, faults };
    assert.equal(asFault(handleRpc({ type: 'GetParameterValues', names: ['Device.WiFi.'] }, context).response).cwmpFault.faultCode, 9002);
    assert.equal(handleRpc({ type: 'GetParameterValues', names: ['Device.WiFi.SSID.2.'] }, context).response.type, 'GetParameterValuesResponse');
    const perParameter = { paths: { 'Device.WiFi.SSID.1.': { faultCode: 9007 } } };
    const set = asFault(
      handleRpc({ type: 'SetParameterValues', parameters: [{ name: 'Device.WiFi.SSID.1.SSID', value: 'x', type: 'string' }], parameterKey: '' }, { model, faults: perParameter })
        .response,
    );
    assert.equal(set.cwmpFault.faultCode, 9003);
    assert.deepEqual(set.cwmpFault.setParameterValuesFaults.map((f) => [f.parameterName, f.faultCode]), [['Device.WiFi.SSID.1.SSID', 9007]]);
    assert.equal(model.get('Device.WiFi.SSID.1.SSID'), 'Fleetlog-0001');
  });
});
