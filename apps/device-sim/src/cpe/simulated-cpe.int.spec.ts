import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CpeMessage, CwmpMessage, Inform } from '@fleetlog/cwmp';
import { sendConnectionRequest, startScriptedAcs } from '../testing/scripted-acs.js';
import type { ScriptedAcs } from '../testing/scripted-acs.js';
import { createSimulatedCpe } from './simulated-cpe.js';
import type { SimulatedCpe } from './simulated-cpe.js';
import type { SimulatedCpeOptions } from './options.js';

const fast = { retryMinMs: 10, retryMaxMs: 50, requestTimeoutMs: 5_000 };
const codes = (inform: Inform) => inform.events.map((e) => e.eventCode);
const param = (inform: Inform, suffix: string) => inform.parameters.find((p) => p.name.endsWith(suffix))?.value;
const ofType = <T extends CwmpMessage['type']>(messages: readonly (CwmpMessage | CpeMessage)[], type: T) =>
  messages.filter((m): m is Extract<CwmpMessage, { type: T }> => m.type === type);

describe('simulated CPE against a scripted ACS with Digest authentication', () => {
  let acs: ScriptedAcs;
  let cpe: SimulatedCpe;

  before(async () => {
    acs = await startScriptedAcs({ auth: { scheme: 'digest', username: 'cpe-user', password: 'cpe-pass' } });
    cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'SIMINT0001', username: 'cpe-user', password: 'cpe-pass', timings: fast });
  });
  after(async () => {
    await cpe.stop();
    await acs.close();
  });

  it('boots with 0 BOOTSTRAP and 1 BOOT and the forced inform parameters', async () => {
    const session = await cpe.boot();
    assert.equal(session.outcome, 'completed', JSON.stringify(session.error));
    assert.deepEqual(session.eventCodes, ['0 BOOTSTRAP', '1 BOOT']);
    const seen = acs.sessions.at(-1);
    assert.ok(seen);
    assert.equal(seen.serialNumber, 'SIMINT0001');
    assert.deepEqual(codes(seen.inform), ['0 BOOTSTRAP', '1 BOOT']);
    assert.deepEqual(seen.inform.deviceId, { manufacturer: 'Fleetlog', oui: 'F1EE70', productClass: 'FleetlogSimGW', serialNumber: 'SIMINT0001' });
    assert.equal(param(seen.inform, 'ManagementServer.ConnectionRequestURL'), cpe.connectionRequestUrl);
    assert.equal(param(seen.inform, 'ManagementServer.ParameterKey'), '');
    assert.equal(param(seen.inform, 'DeviceInfo.SoftwareVersion'), '1.0.0');
    assert.ok(acs.unauthorized >= 1, 'the ACS challenged at least once');
    assert.equal(seen.ended, true);
    assert.deepEqual(session.cookies, { 'acs-session': seen.id, 'acs-node': 'n1' });
  });

  it('answers a scripted list of RPCs in one session, keeping the session cookie', async () => {
    acs.queue(
      'SIMINT0001',
      { type: 'GetParameterValues', names: ['Device.DeviceInfo.SerialNumber', 'Device.WiFi.SSID.1.'] },
      { type: 'SetParameterValues', parameters: [{ name: 'Device.WiFi.SSID.1.SSID', value: 'fleet', type: 'string' }], parameterKey: 'pk-1' },
      { type: 'SetParameterValues', parameters: [{ name: 'Device.DeviceInfo.SerialNumber', value: 'x', type: 'string' }], parameterKey: 'pk-2' },
      { type: 'GetParameterNames', parameterPath: 'Device.WiFi.SSID.', nextLevel: true },
      { type: 'AddObject', objectName: 'Device.WiFi.SSID.', parameterKey: 'pk-3' },
      { type: 'GetRPCMethods' },
    );
    const session = await cpe.inform(['6 CONNECTION REQUEST']);
    assert.equal(session.outcome, 'completed', JSON.stringify(session.error));
    const seen = acs.sessions.at(-1);
    assert.ok(seen);
    assert.equal(seen.cookieKept, true);
    assert.deepEqual(
      seen.messages.map((m) => m.type),
      ['GetParameterValuesResponse', 'SetParameterValuesResponse', 'Fault', 'GetParameterNamesResponse', 'AddObjectResponse', 'GetRPCMethodsResponse'],
    );
    const [values] = ofType(seen.messages, 'GetParameterValuesResponse');
    assert.equal(values?.parameters[0]?.value, 'SIMINT0001');
    assert.equal(values?.parameters.find((p) => p.name === 'Device.WiFi.SSID.1.Enable')?.type, 'boolean');
    const [fault] = ofType(seen.messages, 'Fault');
    assert.equal(fault?.cwmpFault.faultCode, 9003);
    assert.deepEqual(fault?.cwmpFault.setParameterValuesFaults.map((f) => f.faultCode), [9008]);
    assert.deepEqual(ofType(seen.messages, 'AddObjectResponse')[0], { type: 'AddObjectResponse', instanceNumber: 3, status: 0 });
    assert.equal(cpe.model.get('Device.WiFi.SSID.1.SSID'), 'fleet');
    assert.equal(cpe.model.get('Device.ManagementServer.ParameterKey'), 'pk-3');
    assert.deepEqual(
      session.rpcs.map((r) => r.request.type),
      ['GetParameterValues', 'SetParameterValues', 'SetParameterValues', 'GetParameterNames', 'AddObject', 'GetRPCMethods'],
    );
    assert.ok(cpe.received.some((m) => m.type === 'AddObject'));
  });

  it('answers unsupported methods and injected path faults with CPE faults the ACS can see', async () => {
    cpe.setFaults({ unsupportedMethods: ['Upload'], paths: { 'Device.Hosts.': { faultCode: 9002, faultString: 'hosts table busy' } } });
    acs.queue(
      'SIMINT0001',
      { type: 'Upload', commandKey: 'u', fileType: '2 Vendor Log File', url: 'http://127.0.0.1/up', username: '', password: '', delaySeconds: 0 },
      { type: 'GetParameterValues', names: ['Device.Hosts.HostNumberOfEntries'] },
    );
    await cpe.inform();
    cpe.setFaults({});
    const faults = ofType(acs.sessions.at(-1)?.messages ?? [], 'Fault').map((f) => [f.cwmpFault.faultCode, f.cwmpFault.faultString]);
    assert.deepEqual(faults, [
      [9000, 'Method not supported: Upload'],
      [9002, 'hosts table busy'],
    ]);
  });

  it('opens a session with 4 VALUE CHANGE for a parameter under active notification', async () => {
    acs.queue('SIMINT0001', {
      type: 'SetParameterAttributes',
      parameters: [{ name: 'Device.IP.Interface.1.IPv4Address.1.IPAddress', notificationChange: true, notification: 2, accessListChange: false, accessList: [] }],
    });
    await cpe.inform();
    const since = cpe.sessions.length;
    cpe.changeValue('Device.IP.Interface.1.IPv4Address.1.IPAddress', '100.64.7.7');
    const session = await cpe.waitForSession((s) => s.eventCodes.includes('4 VALUE CHANGE'), { since });
    assert.equal(session.outcome, 'completed');
    const inform = session.sent[0];
    assert.ok(inform?.type === 'Inform');
    assert.equal(param(inform, 'IPv4Address.1.IPAddress'), '100.64.7.7');
  });

  it('reports a change under passive notification in the next session only', async () => {
    cpe.model.setParameterAttributes([{ name: 'Device.WiFi.SSID.2.SSID', notificationChange: true, notification: 1, accessListChange: false, accessList: [] }]);
    const before = cpe.sessions.length;
    cpe.changeValue('Device.WiFi.SSID.2.SSID', 'quiet');
    assert.equal(cpe.sessions.length, before);
    const session = await cpe.inform();
    assert.deepEqual(session.eventCodes, ['4 VALUE CHANGE', '2 PERIODIC']);
    assert.ok(session.sent[0]?.type === 'Inform' && param(session.sent[0], 'SSID.2.SSID') === 'quiet');
    assert.throws(() => cpe.changeValue('Device.Nope', 'x'), /Invalid parameter name/);
  });
});

describe('connection requests', () => {
  let acs: ScriptedAcs;
  let cpe: SimulatedCpe;

  before(async () => {
    acs = await startScriptedAcs();
    cpe = await createSimulatedCpe({
      acsUrl: acs.url,
      serialNumber: 'SIMCR0001',
      connectionRequest: { username: 'acs', password: 'wake-up' },
      timings: fast,
    });
    await cpe.boot();
  });
  after(async () => {
    await cpe.stop();
    await acs.close();
  });

  it('refuses wrong credentials with 401 and opens no session', async () => {
    const before = cpe.sessions.length;
    assert.equal(await sendConnectionRequest(cpe.connectionRequestUrl, 'acs', 'guess'), 401);
    assert.equal(await sendConnectionRequest(cpe.connectionRequestUrl, 'someone', 'wake-up'), 401);
    assert.equal(cpe.sessions.length, before);
    assert.deepEqual(cpe.pendingEvents, []);
  });

  it('accepts the right Digest credentials with 200 and opens a 6 CONNECTION REQUEST session', async () => {
    const since = cpe.sessions.length;
    acs.queue('SIMCR0001', { type: 'GetParameterValues', names: ['Device.DeviceInfo.UpTime'] });
    assert.equal(await sendConnectionRequest(cpe.connectionRequestUrl, 'acs', 'wake-up'), 200);
    const session = await cpe.waitForSession((s) => s.eventCodes.includes('6 CONNECTION REQUEST'), { since });
    assert.equal(session.outcome, 'completed');
    assert.deepEqual(session.rpcs.map((r) => r.response.type), ['GetParameterValuesResponse']);
  });

  it('runs another session right after when a request arrives during one', async () => {
    const since = cpe.sessions.length;
    const running = cpe.inform(['2 PERIODIC']);
    assert.equal(await sendConnectionRequest(cpe.connectionRequestUrl, 'acs', 'wake-up'), 200);
    await running;
    const session = await cpe.waitForSession((s) => s.eventCodes.includes('6 CONNECTION REQUEST'), { since });
    assert.equal(session.outcome, 'completed');
  });

  it('follows credentials the ACS sets with SetParameterValues', async () => {
    acs.queue('SIMCR0001', {
      type: 'SetParameterValues',
      parameters: [{ name: 'Device.ManagementServer.ConnectionRequestPassword', value: 'rotated', type: 'string' }],
      parameterKey: 'rotate-1',
    });
    await cpe.inform();
    assert.equal(await sendConnectionRequest(cpe.connectionRequestUrl, 'acs', 'wake-up'), 401);
    const since = cpe.sessions.length;
    assert.equal(await sendConnectionRequest(cpe.connectionRequestUrl, 'acs', 'rotated'), 200);
    await cpe.waitForSession((s) => s.eventCodes.includes('6 CONNECTION REQUEST'), { since });
  });
});

describe('deferred effects', () => {
  let acs: ScriptedAcs;
  const cpes: SimulatedCpe[] = [];
  const start = async (serialNumber: string, extra: Partial<SimulatedCpeOptions> = {}) => {
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber, timings: fast, ...extra });
    cpes.push(cpe);
    await cpe.boot();
    return cpe;
  };

  before(async () => {
    acs = await startScriptedAcs({ gzipResponses: true });
  });
  after(async () => {
    await Promise.all(cpes.map((c) => c.stop()));
    await acs.close();
  });

  it('reboots after the session and comes back with 1 BOOT and M Reboot carrying the command key', async () => {
    const cpe = await start('SIMRB0001');
    const since = cpe.sessions.length;
    acs.queue('SIMRB0001', { type: 'Reboot', commandKey: 'reboot-42' });
    const session = await cpe.inform();
    assert.deepEqual(session.rpcs.map((r) => r.response.type), ['RebootResponse']);
    const boot = await cpe.waitForSession((s) => s.eventCodes.includes('1 BOOT'), { since: since + 1 });
    assert.deepEqual(
      boot.events.map((e) => [e.eventCode, e.commandKey]),
      [
        ['1 BOOT', ''],
        ['M Reboot', 'reboot-42'],
      ],
    );
    assert.equal(boot.outcome, 'completed');
  });

  it('answers Download with status 1 and reports TransferComplete later with 7 TRANSFER COMPLETE and M Download', async () => {
    const cpe = await start('SIMDL0001');
    acs.queue('SIMDL0001', {
      type: 'Download',
      commandKey: 'cfg-7',
      fileType: '3 Vendor Configuration File',
      url: 'http://127.0.0.1:1/config.xml',
      username: '',
      password: '',
      fileSize: 100,
      targetFileName: '',
      delaySeconds: 0,
      successURL: '',
      failureURL: '',
    });
    const session = await cpe.inform();
    assert.deepEqual(session.rpcs[0]?.response, { type: 'DownloadResponse', status: 1, startTime: '0001-01-01T00:00:00Z', completeTime: '0001-01-01T00:00:00Z' });
    const report = await cpe.waitForSession((s) => s.eventCodes.includes('7 TRANSFER COMPLETE'));
    assert.deepEqual(
      report.events.map((e) => [e.eventCode, e.commandKey]),
      [
        ['7 TRANSFER COMPLETE', ''],
        ['M Download', 'cfg-7'],
      ],
    );
    const [complete] = ofType(report.sent, 'TransferComplete');
    assert.equal(complete?.commandKey, 'cfg-7');
    assert.equal(complete?.fault.faultCode, 0);
    assert.notEqual(complete?.completeTime, '0001-01-01T00:00:00Z');
    assert.deepEqual(
      acs.sessions.at(-1)?.messages.map((m) => m.type),
      ['TransferComplete'],
    );
  });

  it('boots the new image after a firmware download and reports its version', async () => {
    const cpe = await start('SIMFW0001');
    acs.queue('SIMFW0001', {
      type: 'Download',
      commandKey: 'fw-2',
      fileType: '1 Firmware Upgrade Image',
      url: 'http://127.0.0.1:1/images/gw-2.1.0.bin',
      username: '',
      password: '',
      fileSize: 100,
      targetFileName: '',
      delaySeconds: 0,
      successURL: '',
      failureURL: '',
    });
    await cpe.inform();
    const report = await cpe.waitForSession((s) => s.eventCodes.includes('7 TRANSFER COMPLETE'));
    assert.deepEqual(report.eventCodes, ['1 BOOT', '7 TRANSFER COMPLETE', 'M Download']);
    assert.ok(report.sent[0]?.type === 'Inform' && param(report.sent[0], 'SoftwareVersion') === '2.1.0');
  });

  it('reports a failed transfer with the injected fault', async () => {
    const cpe = await start('SIMDL0002', { faults: { transfer: { faultCode: 9016 } } });
    acs.queue('SIMDL0002', { type: 'Upload', commandKey: 'log-1', fileType: '2 Vendor Log File', url: 'http://127.0.0.1:1/up', username: '', password: '', delaySeconds: 0 });
    await cpe.inform();
    const report = await cpe.waitForSession((s) => s.eventCodes.includes('M Upload'));
    const [complete] = ofType(report.sent, 'TransferComplete');
    assert.equal(complete?.fault.faultCode, 9016);
  });

  it('informs with 3 SCHEDULED and M ScheduleInform after the delay', async () => {
    const cpe = await start('SIMSI0001');
    acs.queue('SIMSI0001', { type: 'ScheduleInform', delaySeconds: 1, commandKey: 'later-1' });
    await cpe.inform();
    const scheduled = await cpe.waitForSession((s) => s.eventCodes.includes('3 SCHEDULED'));
    assert.deepEqual(
      scheduled.events.map((e) => [e.eventCode, e.commandKey]),
      [
        ['3 SCHEDULED', ''],
        ['M ScheduleInform', 'later-1'],
      ],
    );
  });

  it('goes back to factory settings on FactoryReset and bootstraps again', async () => {
    const cpe = await start('SIMFR0001');
    acs.queue(
      'SIMFR0001',
      { type: 'SetParameterValues', parameters: [{ name: 'Device.WiFi.SSID.1.SSID', value: 'custom', type: 'string' }], parameterKey: 'k' },
      { type: 'FactoryReset' },
    );
    const since = cpe.sessions.length;
    const session = await cpe.inform();
    assert.deepEqual(session.rpcs.map((r) => r.response.type), ['SetParameterValuesResponse', 'FactoryResetResponse']);
    const boot = await cpe.waitForSession((s) => s.eventCodes.includes('0 BOOTSTRAP'), { since: since + 1 });
    assert.deepEqual(boot.eventCodes, ['0 BOOTSTRAP', '1 BOOT']);
    assert.equal(cpe.model.get('Device.WiFi.SSID.1.SSID'), 'Fleetlog-0001');
    assert.equal(cpe.model.get('Device.ManagementServer.ConnectionRequestURL'), cpe.connectionRequestUrl);
  });
});

describe('HTTP behaviour', () => {
  it('gzips request bodies when asked, and the ACS reads them', async () => {
    const acs = await startScriptedAcs();
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'SIMGZ0001', gzip: true, timings: fast });
    try {
      acs.queue('SIMGZ0001', { type: 'GetParameterValues', names: ['Device.DeviceInfo.ProductClass'] });
      const session = await cpe.boot();
      assert.equal(session.outcome, 'completed');
      const seen = acs.sessions.at(-1);
      assert.deepEqual(seen?.encodings, ['gzip', 'gzip']);
      assert.equal(ofType(seen?.messages ?? [], 'GetParameterValuesResponse')[0]?.parameters[0]?.value, 'FleetlogSimGW');
    } finally {
      await cpe.stop();
      await acs.close();
    }
  });

  it('runs a whole session over one keep-alive connection, and takes an empty 200 as the end', async () => {
    const acs = await startScriptedAcs();
    acs.endWithEmpty200 = true;
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'SIMKA0001', timings: fast, dataModel: 'tr098' });
    try {
      acs.queue(
        'SIMKA0001',
        { type: 'GetParameterNames', parameterPath: 'InternetGatewayDevice.', nextLevel: true },
        { type: 'GetParameterValues', names: ['InternetGatewayDevice.DeviceInfo.UpTime'] },
        { type: 'GetParameterAttributes', names: ['InternetGatewayDevice.DeviceInfo.SoftwareVersion'] },
      );
      const session = await cpe.boot();
      assert.equal(session.outcome, 'completed', JSON.stringify(session.error));
      assert.equal(session.rpcs.length, 3);
      assert.equal(acs.connections, 1);
      assert.ok(acs.sessions[0]?.inform.parameters.some((p) => p.name === 'InternetGatewayDevice.DeviceSummary'));
    } finally {
      await cpe.stop();
      await acs.close();
    }
  });

  it('answers Basic challenges', async () => {
    const acs = await startScriptedAcs({ auth: { scheme: 'basic', username: 'b', password: 'p' } });
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'SIMBA0001', username: 'b', password: 'p', timings: fast });
    try {
      assert.equal((await cpe.boot()).outcome, 'completed');
    } finally {
      await cpe.stop();
      await acs.close();
    }
  });

  it('retries after 503 with Retry-After, counting the retry in the Inform', async () => {
    const acs = await startScriptedAcs();
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'SIMBZ0001', timings: fast });
    try {
      acs.refuseNext(1, 503, '0');
      const first = await cpe.boot();
      assert.equal(first.outcome, 'failed');
      assert.equal(first.error?.code, 'SIM_ACS_BUSY');
      assert.equal(first.error?.retryAfterMs, 0);
      const retry = await cpe.waitForSession((s) => s.outcome === 'completed');
      assert.equal(retry.retryCount, 1);
      assert.deepEqual(retry.eventCodes, ['0 BOOTSTRAP', '1 BOOT']);
      assert.equal(acs.sessions.at(-1)?.inform.retryCount, 1);
    } finally {
      await cpe.stop();
      await acs.close();
    }
  });

  it('reports rejected credentials without retrying', async () => {
    const acs = await startScriptedAcs({ auth: { scheme: 'digest', username: 'u', password: 'right' } });
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'SIMAF0001', username: 'u', password: 'wrong', timings: fast });
    try {
      const session = await cpe.boot();
      assert.equal(session.outcome, 'failed');
      assert.equal(session.error?.code, 'SIM_AUTH_FAILED');
      assert.equal(session.error?.retriable, false);
      assert.deepEqual(cpe.pendingEvents.map((e) => e.eventCode), ['0 BOOTSTRAP', '1 BOOT']);
    } finally {
      await cpe.stop();
      await acs.close();
    }
  });

  it('keeps retrying while the ACS is down and bootstraps once it is up', async () => {
    // Take a free port, then free it: nothing listens there until the ACS starts.
    const probe = await startScriptedAcs();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const cpe = await createSimulatedCpe({ acsUrl: `http://127.0.0.1:${port}/acs`, serialNumber: 'SIMDN0001', timings: fast });
    let acs: ScriptedAcs | undefined;
    try {
      const first = await cpe.boot();
      assert.equal(first.error?.code, 'SIM_ACS_UNREACHABLE');
      acs = await startScriptedAcs({ port });
      const up = await cpe.waitForSession((s) => s.outcome === 'completed');
      assert.deepEqual(up.eventCodes, ['0 BOOTSTRAP', '1 BOOT']);
      assert.ok(up.retryCount >= 1);
    } finally {
      await cpe.stop();
      await acs?.close();
    }
  });

  it('stops cleanly: the listener closes and waits end', async () => {
    const acs = await startScriptedAcs();
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'SIMST0001', timings: fast });
    await cpe.boot();
    const waiting = cpe.waitForSession((s) => s.eventCodes.includes('6 CONNECTION REQUEST'), { since: 99 });
    await cpe.stop();
    await assert.rejects(waiting, { code: 'SIM_STOPPED' });
    await assert.rejects(fetch(cpe.connectionRequestUrl));
    await acs.close();
  });
});
