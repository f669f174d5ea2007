import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { relativeNameProblem, uspPathProblem } from './usp-path.js';

describe('USP path', () => {
  it('accepts object, parameter, wildcard, search and reference-following paths', () => {
    for (const path of [
      'Device.DeviceInfo.',
      'Device.DeviceInfo.SoftwareVersion',
      'Device.IP.Interface.*.Status',
      'Device.IP.Interface.[Name=="eth0"].IPv4Address.[Status=="Enabled"].IPAddress',
      'Device.IP.Interface.[IPv4Address.1.IPAddress=="192.168.1.1"].',
      'Device.NAT.PortMapping.*.Interface+.Name',
      'Device.WiFi.SSID.1.LowerLayers#1+.Name',
      'Device.IP.Interface.{i}.',
    ]) {
      assert.equal(uspPathProblem(path), undefined, path);
    }
  });

  it('rejects unbalanced brackets or quotes, empty segments and white space', () => {
    for (const path of ['Device.IP.Interface.[Name=="eth0".', 'Device.IP.Interface.Name=="eth0"].', 'Device..IP', 'Device.IP Interface.', '', '*.IP.', 'Device.[].']) {
      assert.notEqual(uspPathProblem(path), undefined, path);
    }
  });

  it('allows white space only inside quoted search values', () => {
    assert.equal(uspPathProblem('Device.IP.Interface.[Alias=="my lan"].'), undefined);
  });

  it('checks the kind: objects end in ".", commands in "()"', () => {
    assert.equal(uspPathProblem('Device.IP.Interface.', 'object'), undefined);
    assert.notEqual(uspPathProblem('Device.IP.Interface', 'object'), undefined);
    assert.equal(uspPathProblem('Device.Reboot()', 'command'), undefined);
    assert.equal(uspPathProblem('Device.IP.Interface.1.Reset()', 'command'), undefined);
    assert.notEqual(uspPathProblem('Device.Reboot', 'command'), undefined);
    assert.notEqual(uspPathProblem('Device.IP.Interface.1.()', 'command'), undefined);
  });

  it('checks names relative to an object', () => {
    assert.equal(relativeNameProblem('Enable'), undefined);
    assert.equal(relativeNameProblem('Stats.BytesSent'), undefined);
    assert.notEqual(relativeNameProblem('Stats.'), undefined);
    assert.notEqual(relativeNameProblem('has space'), undefined);
    assert.notEqual(relativeNameProblem('1'), undefined);
  });
});
