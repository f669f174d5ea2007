import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { UspSet } from '@fleetlog/usp';
import { testModel } from '../testing/fixtures.js';
import { answerOf, ask, setting } from '../testing/requests.js';

const setRequest = (allowPartial: boolean, ...updateObjs: UspSet['updateObjs']): UspSet => ({ type: 'Set', allowPartial, updateObjs });

describe('Set', () => {
  it('updates every object a search path matches and reports the new values and changes', () => {
    const model = testModel();
    const outcome = ask(model, setRequest(false, { objPath: 'Device.WiFi.SSID.*.', paramSettings: [setting('SSID', 'fleet'), setting('Enable', '1')] }));
    const [result] = answerOf(outcome, 'SetResp').updatedObjResults;
    assert.deepEqual(result, {
      requestedPath: 'Device.WiFi.SSID.*.',
      operStatus: {
        type: 'operSuccess',
        updatedInstResults: [
          { affectedPath: 'Device.WiFi.SSID.1.', paramErrs: [], updatedParams: { SSID: 'fleet', Enable: 'true' } },
          { affectedPath: 'Device.WiFi.SSID.2.', paramErrs: [], updatedParams: { SSID: 'fleet', Enable: 'true' } },
        ],
      },
    });
    assert.equal(model.get('Device.WiFi.SSID.2.SSID'), 'fleet');
    // Enable was already true: only the SSIDs changed.
    assert.deepEqual(outcome.effects, [
      { type: 'valueChanged', path: 'Device.WiFi.SSID.1.SSID', value: 'fleet' },
      { type: 'valueChanged', path: 'Device.WiFi.SSID.2.SSID', value: 'fleet' },
    ]);
  });

  it('sets parameters of single-instance sub-objects by relative name', () => {
    const model = testModel();
    answerOf(ask(model, setRequest(false, { objPath: 'Device.', paramSettings: [setting('Time.NTPServer1', 'ntp.example')] })), 'SetResp');
    assert.equal(model.get('Device.Time.NTPServer1'), 'ntp.example');
  });

  it('reports a parameter that is not required beside the ones that were set', () => {
    const model = testModel();
    const [result] = answerOf(
      ask(model, setRequest(false, { objPath: 'Device.DeviceInfo.', paramSettings: [setting('ProvisioningCode', 'pc-1'), setting('SerialNumber', 'x', false)] })),
      'SetResp',
    ).updatedObjResults;
    assert.deepEqual(result?.operStatus, {
      type: 'operSuccess',
      updatedInstResults: [
        {
          affectedPath: 'Device.DeviceInfo.',
          paramErrs: [{ param: 'SerialNumber', errCode: 7013, errMsg: 'Device.DeviceInfo.SerialNumber is read-only' }],
          updatedParams: { ProvisioningCode: 'pc-1' },
        },
      ],
    });
    assert.equal(model.get('Device.DeviceInfo.ProvisioningCode'), 'pc-1');
  });

  it('with allow_partial, fails only the objects whose required parameters fail (7021), with their errors', () => {
    const model = testModel();
    const results = answerOf(
      ask(
        model,
        setRequest(
          true,
          { objPath: 'Device.WiFi.SSID.1.', paramSettings: [setting('SSID', 'ok-one')] },
          { objPath: 'Device.WiFi.SSID.2.', paramSettings: [setting('SSID', 'not-set'), setting('Enable', 'maybe'), setting('Status', 'Up'), setting('Colour', 'red')] },
          { objPath: 'Device.WiFi.SSID.9.', paramSettings: [setting('SSID', 'x')] },
          { objPath: 'Device.Nope.', paramSettings: [setting('X', 'x')] },
        ),
      ),
      'SetResp',
    ).updatedObjResults;
    assert.equal(results[0]?.operStatus.type, 'operSuccess');
    const failed = results[1]?.operStatus;
    assert.equal(failed?.type, 'operFailure');
    assert.equal(failed?.errCode, 7021);
    assert.deepEqual(
      failed?.type === 'operFailure' ? failed.updatedInstFailures.map((f) => [f.affectedPath, f.paramErrs.map((e) => [e.param, e.errCode])]) : [],
      [
        [
          'Device.WiFi.SSID.2.',
          [
            ['Enable', 7011],
            ['Status', 7013],
            ['Colour', 7010],
          ],
        ],
      ],
    );
    assert.deepEqual(
      results.slice(2).map((r) => (r.operStatus.type === 'operFailure' ? r.operStatus.errCode : 0)),
      [7016, 7026],
    );
    assert.equal(model.get('Device.WiFi.SSID.1.SSID'), 'ok-one');
    assert.notEqual(model.get('Device.WiFi.SSID.2.SSID'), 'not-set');
  });

  it('without allow_partial, answers any failure with an Error listing every failed parameter and changes nothing', () => {
    const model = testModel();
    const outcome = ask(
      model,
      setRequest(false, { objPath: 'Device.WiFi.SSID.1.', paramSettings: [setting('SSID', 'first')] }, { objPath: 'Device.WiFi.SSID.2.', paramSettings: [setting('SSID', 'x'.repeat(40))] }),
    );
    const error = answerOf(outcome, 'Error');
    assert.equal(error.errCode, 7012);
    assert.deepEqual(
      error.paramErrs.map((e) => [e.paramPath, e.errCode]),
      [['Device.WiFi.SSID.2.SSID', 7012]],
    );
    assert.notEqual(model.get('Device.WiFi.SSID.1.SSID'), 'first');
    assert.deepEqual(outcome.effects, []);
  });

  it('refuses a unique key another instance has (7025)', () => {
    const [result] = answerOf(ask(testModel(), setRequest(true, { objPath: 'Device.WiFi.SSID.2.', paramSettings: [setting('Alias', 'cpe-1')] })), 'SetResp').updatedObjResults;
    assert.equal(result?.operStatus.type === 'operFailure' ? result.operStatus.updatedInstFailures[0]?.paramErrs[0]?.errCode : 0, 7025);
  });
});
