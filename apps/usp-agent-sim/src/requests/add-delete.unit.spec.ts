import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Add } from '@fleetlog/usp';
import { testModel } from '../testing/fixtures.js';
import { answerOf, ask, setting } from '../testing/requests.js';

const addRequest = (allowPartial: boolean, ...createObjs: Add['createObjs']): Add => ({ type: 'Add', allowPartial, createObjs });

describe('Add', () => {
  it('creates an instance with the given values and returns its path and unique keys', () => {
    const model = testModel();
    const outcome = ask(model, addRequest(false, { objPath: 'Device.WiFi.SSID.', paramSettings: [setting('SSID', 'guest'), setting('Alias', 'guest-net')] }));
    const [result] = answerOf(outcome, 'AddResp').createdObjResults;
    assert.equal(result?.operStatus.type, 'operSuccess');
    if (result?.operStatus.type !== 'operSuccess') return;
    assert.equal(result.operStatus.instantiatedPath, 'Device.WiFi.SSID.3.');
    assert.deepEqual(result.operStatus.paramErrs, []);
    assert.equal(result.operStatus.uniqueKeys['Alias'], 'guest-net');
    assert.equal(result.operStatus.uniqueKeys['Name'], 'ssid3');
    assert.equal(model.get('Device.WiFi.SSID.3.SSID'), 'guest');
    assert.deepEqual(outcome.effects, [{ type: 'objectCreated', path: 'Device.WiFi.SSID.3.', uniqueKeys: result.operStatus.uniqueKeys }]);
  });

  it('assigns the unique keys a subscription needs when the controller leaves them out (R-ADD.5)', () => {
    const [result] = answerOf(
      ask(testModel(), addRequest(false, { objPath: 'Device.LocalAgent.Subscription.', paramSettings: [setting('NotifType', 'ValueChange'), setting('ReferenceList', 'Device.WiFi.')] })),
      'AddResp',
    ).createdObjResults;
    assert.deepEqual(result?.operStatus.type === 'operSuccess' ? result.operStatus.uniqueKeys : {}, { Alias: 'cpe-3', Recipient: 'Device.LocalAgent.Controller.1', ID: 'sub-3' });
  });

  it('fails objects that cannot be created, keeping the others with allow_partial', () => {
    const model = testModel();
    const results = answerOf(
      ask(
        model,
        addRequest(
          true,
          { objPath: 'Device.DeviceInfo.', paramSettings: [] },
          { objPath: 'Device.LocalAgent.Request.', paramSettings: [] },
          { objPath: 'Device.WiFi.SSID.', paramSettings: [setting('Status', 'Up')] },
          { objPath: 'Device.IP.Interface.7.IPv4Address.', paramSettings: [] },
          { objPath: 'Device.IP.Interface.*.IPv4Address.', paramSettings: [] },
          { objPath: 'Device.IP.Interface.1.IPv4Address.', paramSettings: [setting('IPAddress', '10.0.0.1'), setting('Bogus', 'x', false)] },
        ),
      ),
      'AddResp',
    ).createdObjResults;
    assert.deepEqual(
      results.map((r) => (r.operStatus.type === 'operFailure' ? r.operStatus.errCode : r.operStatus.instantiatedPath)),
      [7018, 7019, 7021, 7016, 7008, 'Device.IP.Interface.1.IPv4Address.2.'],
    );
    const last = results[5]?.operStatus;
    assert.deepEqual(last?.type === 'operSuccess' ? last.paramErrs.map((e) => [e.param, e.errCode]) : [], [['Bogus', 7010]]);
    // The SSID whose required Status failed was not left behind.
    assert.equal(model.get('Device.WiFi.SSIDNumberOfEntries'), '2');
  });

  it('without allow_partial, creates nothing when one object fails', () => {
    const model = testModel();
    const error = answerOf(
      ask(model, addRequest(false, { objPath: 'Device.WiFi.SSID.', paramSettings: [] }, { objPath: 'Device.WiFi.SSID.', paramSettings: [setting('Alias', 'cpe-1')] })),
      'Error',
    );
    assert.equal(error.errCode, 7021);
    assert.deepEqual(
      error.paramErrs.map((e) => e.paramPath),
      ['Device.WiFi.SSID.'],
    );
    assert.equal(model.get('Device.WiFi.SSIDNumberOfEntries'), '2');
  });
});

describe('Delete', () => {
  it('deletes instances, their nested instances with them', () => {
    const model = testModel();
    const outcome = ask(model, { type: 'Delete', allowPartial: false, objPaths: ['Device.IP.Interface.[Name=="lan"].', 'Device.WiFi.SSID.2.'] });
    const results = answerOf(outcome, 'DeleteResp').deletedObjResults;
    assert.deepEqual(
      results.map((r) => (r.operStatus.type === 'operSuccess' ? r.operStatus.affectedPaths : r.operStatus.errCode)),
      [['Device.IP.Interface.2.', 'Device.IP.Interface.2.IPv4Address.1.'], ['Device.WiFi.SSID.2.']],
    );
    assert.equal(model.get('Device.IP.InterfaceNumberOfEntries'), '1');
    assert.deepEqual(
      outcome.effects.map((e) => e.type === 'objectDeleted' && e.path),
      ['Device.IP.Interface.2.', 'Device.IP.Interface.2.IPv4Address.1.', 'Device.WiFi.SSID.2.'],
    );
  });

  it('treats a valid path that matches nothing as a success with nothing affected (R-DEL.2a)', () => {
    const [result] = answerOf(ask(testModel(), { type: 'Delete', allowPartial: false, objPaths: ['Device.WiFi.SSID.42.'] }), 'DeleteResp').deletedObjResults;
    assert.deepEqual(result?.operStatus, { type: 'operSuccess', affectedPaths: [], unaffectedPathErrs: [] });
  });

  it('reports instances it may not delete (7024) and paths that are not instances (7018, 7026)', () => {
    const results = answerOf(
      ask(testModel(), { type: 'Delete', allowPartial: true, objPaths: ['Device.LocalAgent.Controller.1.', 'Device.DeviceInfo.', 'Device.Nope.1.'] }),
      'DeleteResp',
    ).deletedObjResults;
    const [controller, deviceInfo, unknown] = results.map((r) => r.operStatus);
    assert.deepEqual(controller?.type === 'operSuccess' ? controller.unaffectedPathErrs.map((e) => [e.unaffectedPath, e.errCode]) : [], [['Device.LocalAgent.Controller.1.', 7024]]);
    assert.equal(deviceInfo?.type === 'operFailure' && deviceInfo.errCode, 7018);
    assert.equal(unknown?.type === 'operFailure' && unknown.errCode, 7026);
  });

  it('without allow_partial, deletes nothing when one instance cannot go', () => {
    const model = testModel();
    const error = answerOf(ask(model, { type: 'Delete', allowPartial: false, objPaths: ['Device.WiFi.SSID.1.', 'Device.LocalAgent.Controller.1.'] }), 'Error');
    assert.equal(error.errCode, 7024);
    assert.equal(model.get('Device.WiFi.SSIDNumberOfEntries'), '2');
  });
});
