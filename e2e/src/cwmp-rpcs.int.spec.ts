import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createSimulatedCpe, type SimulatedCpe } from '@fleetlog/device-sim';
import { topics, type AnyEvent, type EventProducer } from '@fleetlog/events';
import { sampleCommandRequested, testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { startAcs } from './support/processes.js';

const tenant = uniqueTenant();
const credentials = { username: `cpe-${tenant}`, password: randomUUID() };

describe('CWMP ACS with the CPE simulator', () => {
  const bus = testBus();
  let producer: EventProducer;
  let consumer: ReturnType<typeof bus.consumer>;
  let acs: Awaited<ReturnType<typeof startAcs>>;
  let cpe: SimulatedCpe;
  const seen: AnyEvent[] = [];
  const events = (type: string) => seen.filter((e) => e.type === type);

  before(async () => {
    acs = await startAcs({
      FLEETLOG_CWMP_DEFAULT_TENANT: tenant,
      FLEETLOG_CWMP_USERNAME: credentials.username,
      FLEETLOG_CWMP_PASSWORD: credentials.password,
    });
    producer = bus.producer();
    await producer.connect();
    consumer = bus.consumer({
      producer,
      groupId: `e2e-rpcs-${randomUUID()}`,
      topics: [topics.deviceEvents.name, topics.commandEvents.name],
      fromBeginning: true,
      handle: async (b) => void seen.push(...b.events.map((e) => e.event).filter((e) => e.tenantId === tenant)),
    });
    await consumer.start();
    cpe = await createSimulatedCpe({
      acsUrl: acs.url,
      serialNumber: 'E2E0001',
      ...credentials,
      periodicInformEnable: false,
      // Upload is not implemented by this CPE: the ACS must fail that command with 9000, not the session.
      faults: { unsupportedMethods: ['Upload'] },
    });
  });
  after(async () => {
    await cpe.stop();
    await acs.stop();
    await consumer.stop();
    await producer.disconnect();
  });

  const request = async (kind: string, args: unknown): Promise<string> => {
    const e = sampleCommandRequested({ tenantId: tenant, deviceId: `${cpe.oui}-${cpe.productClass}-${cpe.serialNumber}`, kind, args, deadlineMs: 300_000 });
    await producer.publish([e]);
    return e.aggregateId;
  };

  it('wakes an idle CPE with a connection request, and round-trips every ACS RPC, faults included', { timeout: 180_000 }, async () => {
    // The CPE boots once so the ACS learns its connection request URL; then it stays idle.
    await cpe.boot();
    const device = `${cpe.oui}-${cpe.productClass}-${cpe.serialNumber}`;
    await waitFor('registration', () => events('DeviceRegistered').some((e) => 'aggregateId' in e && e.aggregateId === device));
    const sessionsBefore = cpe.sessions.length;

    const ids = {
      gpv: await request('cwmp.GetParameterValues', { names: ['Device.DeviceInfo.'] }),
      spv: await request('cwmp.SetParameterValues', { values: [{ path: 'Device.WiFi.SSID.1.SSID', value: 'fleetlog-e2e', valueType: 'string' }] }),
      gpn: await request('cwmp.GetParameterNames', { path: 'Device.WiFi.', nextLevel: true }),
      gpa: await request('cwmp.GetParameterAttributes', { names: ['Device.WiFi.SSID.1.SSID'] }),
      spa: await request('cwmp.SetParameterAttributes', { attributes: [{ name: 'Device.WiFi.SSID.1.SSID', notificationChange: true, notification: 2, accessListChange: false, accessList: [] }] }),
      add: await request('cwmp.AddObject', { objectName: 'Device.WiFi.SSID.' }),
      del: await request('cwmp.DeleteObject', { objectName: 'Device.WiFi.SSID.2.' }),
      badName: await request('cwmp.GetParameterValues', { names: ['Device.NoSuchThing.'] }),
      upload: await request('cwmp.Upload', { fileType: '1 Vendor Configuration File', url: 'http://127.0.0.1:1/upload' }),
      download: await request('cwmp.Download', { fileType: '1 Firmware Upgrade Image', url: 'http://127.0.0.1:1/fw.bin', fileSize: 1024 }),
      schedule: await request('cwmp.ScheduleInform', { delaySeconds: 1 }),
      reboot: await request('cwmp.Reboot', {}),
    };

    const outcome = (id: string) => seen.find((e) => 'aggregateId' in e && e.aggregateId === id && ['CommandSucceeded', 'CommandFailed'].includes(e.type));
    await waitFor('every command completed', () => Object.values(ids).every(outcome), 150_000);

    // The connection request, not a periodic Inform, opened the session that delivered them.
    const woken = cpe.sessions.slice(sessionsBefore).find((s) => s.eventCodes.includes('6 CONNECTION REQUEST'));
    assert.ok(woken, `sessions after the boot: ${JSON.stringify(cpe.sessions.slice(sessionsBefore).map((s) => s.eventCodes))}`);

    for (const key of ['gpv', 'spv', 'gpn', 'gpa', 'spa', 'add', 'del', 'download', 'schedule', 'reboot'] as const) {
      assert.equal(outcome(ids[key])?.type, 'CommandSucceeded', key);
    }
    const failed = (id: string) => outcome(id) as Extract<AnyEvent, { type: 'CommandFailed' }>;
    assert.equal(failed(ids.badName).payload.faultCode, 9005);
    assert.equal(failed(ids.upload).payload.faultCode, 9000);

    const received = new Set(cpe.received.map((m) => m.type));
    for (const rpc of ['GetParameterValues', 'SetParameterValues', 'GetParameterNames', 'GetParameterAttributes', 'SetParameterAttributes', 'AddObject', 'DeleteObject', 'Reboot', 'Download', 'Upload', 'ScheduleInform']) {
      assert.ok(received.has(rpc as never), `CPE never received ${rpc}`);
    }
    assert.equal(cpe.model.get('Device.WiFi.SSID.1.SSID'), 'fleetlog-e2e');
    // The Download completed through a TransferComplete in a later session (a device event, on
    // another topic than the command's outcome: it may arrive a little later).
    await waitFor('the TransferComplete on the device topic', () => events('DeviceTransferCompleted').length >= 1);
    assert.ok(events('CommandAccepted').some((e) => 'aggregateId' in e && e.aggregateId === ids.download));
  });

  it('fails a FactoryReset the CPE refuses, and the session goes on to the next command', { timeout: 60_000 }, async () => {
    cpe.setFaults({ methods: { FactoryReset: { faultCode: 9001, faultString: 'Request denied' } } });
    const reset = await request('cwmp.FactoryReset', {});
    const gpv = await request('cwmp.GetParameterValues', { names: ['Device.DeviceInfo.SoftwareVersion'] });
    await waitFor('both done', () => [reset, gpv].every((id) => seen.some((e) => 'aggregateId' in e && e.aggregateId === id && ['CommandSucceeded', 'CommandFailed'].includes(e.type))), 50_000);
    const r = seen.find((e) => 'aggregateId' in e && e.aggregateId === reset && e.type === 'CommandFailed') as Extract<AnyEvent, { type: 'CommandFailed' }> | undefined;
    assert.equal(r?.payload.faultCode, 9001);
    assert.ok(seen.some((e) => 'aggregateId' in e && e.aggregateId === gpv && e.type === 'CommandSucceeded'));
  });

  it('records a value-change Inform: the CPE reports the parameter it was told to watch', { timeout: 60_000 }, async () => {
    // The SetParameterAttributes above put active notification (2) on this parameter.
    const since = cpe.sessions.length;
    cpe.changeValue('Device.WiFi.SSID.1.SSID', 'changed-on-the-device');
    await cpe.waitForSession((s) => s.eventCodes.includes('4 VALUE CHANGE'), { since, timeoutMs: 30_000 });
    await waitFor('the value change on the topic', () =>
      seen.some(
        (e) =>
          e.type === 'DeviceParametersReported' &&
          e.payload.origin === 'inform' &&
          e.payload.parameters.some((p) => p.path === 'Device.WiFi.SSID.1.SSID' && p.value === 'changed-on-the-device'),
      ),
    );
    assert.ok(events('DeviceInformed').some((e) => e.type === 'DeviceInformed' && e.payload.events.some((x) => x.eventCode === '4 VALUE CHANGE')));
  });
});
