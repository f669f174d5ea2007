import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskJsonText, maskSecrets } from './secrets.js';

describe('maskSecrets', () => {
  it('masks fields named like secrets and the values of parameters whose path names one', () => {
    const args = {
      commandKey: 'ck',
      parameterKey: 'pk',
      password: 'hunter2',
      values: [
        { path: 'Device.WiFi.AccessPoint.1.Security.KeyPassphrase', value: 'wifi-secret', valueType: 'string' },
        { path: 'Device.WiFi.SSID.1.SSID', value: 'home', valueType: 'string' },
        { path: 'Device.ManagementServer.Password', value: 'acs-secret', valueType: 'string' },
      ],
    };
    assert.deepEqual(maskSecrets(args), {
      commandKey: 'ck',
      parameterKey: 'pk',
      password: '***',
      values: [
        { path: 'Device.WiFi.AccessPoint.1.Security.KeyPassphrase', value: '***', valueType: 'string' },
        { path: 'Device.WiFi.SSID.1.SSID', value: 'home', valueType: 'string' },
        { path: 'Device.ManagementServer.Password', value: '***', valueType: 'string' },
      ],
    });
  });

  it('hides text that is not JSON instead of passing it through', () => {
    assert.deepEqual(maskJsonText('{"token":"t","n":1}'), { token: '***', n: 1 });
    assert.deepEqual(maskJsonText('password=x'), { unparsable: true });
  });
});
