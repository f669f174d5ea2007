import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '@fleetlog/domain';
import type { UplinkMessage } from '../../messages.js';
import { codeOf, jsonOf, messagesOfType, payloadOf, samplesByMetric, valueOf } from '../../testing/uplink.js';
import { createShellyAdapter, SHELLY_IDENTIFY_ID } from './adapter.js';

// Samples follow shelly-api-docs.shelly.cloud/gen2 (cited per test). Device ids are the docs' own.

const adapter = createShellyAdapter();
const pro4pm = { deviceId: 'shelly:shellypro4pm-f008d1d8b8b8', clientId: 'shellypro4pm-f008d1d8b8b8' };

const parse = (topic: string, body: JsonValue | string, receivedAt: Date): UplinkMessage[] =>
  valueOf(adapter.parseUplink(topic, payloadOf(body), receivedAt)).messages as UplinkMessage[];
const uplinkCode = (topic: string, body: JsonValue | string) => codeOf(adapter.parseUplink(topic, payloadOf(body), new Date('2026-03-01T10:00:00Z')));

describe('shelly adapter: notifications on <id>/events/rpc', () => {
  it('reads NotifyStatus Example 1 (General/Notifications): a switch turned on by its button', () => {
    const frame = { src: 'shellypro4pm-f008d1d8b8b8', dst: 'user_1', method: 'NotifyStatus', params: { ts: 1631186545.04, 'switch:0': { id: 0, output: true, source: 'button' } } };
    const messages = parse('shellypro4pm-f008d1d8b8b8/events/rpc', frame, new Date(1631186545500));
    assert.deepEqual(messages, [
      {
        type: 'parameters',
        ...pro4pm,
        at: 1631186545040,
        origin: 'state',
        parameters: [
          { path: 'switch_0.output', value: 'true', valueType: 'boolean' },
          { path: 'switch_0.source', value: 'button', valueType: 'string' },
        ],
      },
    ]);
  });

  it('reads NotifyStatus Example 2 (General/Notifications): lost cloud connection', () => {
    const frame = { src: 'shellypro4pm-f008d1d8b8b8', dst: 'user_1', method: 'NotifyStatus', params: { ts: 1624348482.25, cloud: { connected: false } } };
    const [message] = parse('shellypro4pm-f008d1d8b8b8/events/rpc', frame, new Date(1624348483000));
    assert.deepEqual(message, { type: 'parameters', ...pro4pm, at: 1624348482250, origin: 'state', parameters: [{ path: 'cloud.connected', value: 'false', valueType: 'boolean' }] });
  });

  it('turns a metered switch status (ComponentsAndServices/Switch, status example) into telemetry with units', () => {
    const status = {
      id: 0,
      source: 'timer',
      output: false,
      timer_started_at: 1626942399.36,
      timer_duration: 60,
      apower: 8.9,
      voltage: 237.5,
      current: 0.068,
      pf: 0.55,
      freq: 50,
      aenergy: { total: 14.093, by_minute: [0, 0, 0], minute_ts: 1626942420 },
      temperature: { tC: 40.6, tF: 105.1 },
      errors: ['overtemp'],
    };
    const messages = parse('shellypro4pm-f008d1d8b8b8/events/rpc', { src: 'shellypro4pm-f008d1d8b8b8', dst: 'user_1', method: 'NotifyStatus', params: { ts: 1626942420.1, 'switch:0': status } }, new Date(1626942421000));
    const [telemetry] = messagesOfType(messages, 'telemetry');
    assert.deepEqual(samplesByMetric(telemetry?.samples ?? []), {
      'switch.0.power': [8.9, 'W'],
      'switch.0.voltage': [237.5, 'V'],
      'switch.0.current': [0.068, 'A'],
      'switch.0.power_factor': [0.55, null],
      'switch.0.frequency': [50, 'Hz'],
      'switch.0.energy': [14.093, 'Wh'],
      'switch.0.temperature': [40.6, '°C'],
    });
    assert.ok(telemetry?.samples.every((sample) => sample.ts === 1626942420100));
    const [parameters] = messagesOfType(messages, 'parameters');
    assert.deepEqual(parameters?.parameters, [
      { path: 'switch_0.source', value: 'timer', valueType: 'string' },
      { path: 'switch_0.output', value: 'false', valueType: 'boolean' },
      { path: 'switch_0.timer_started_at', value: '1626942399.36', valueType: 'decimal' },
      { path: 'switch_0.timer_duration', value: '60', valueType: 'long' },
      { path: 'switch_0.errors', value: '["overtemp"]', valueType: 'string' },
    ]);
  });

  it('reads NotifyFullStatus of an H&T (sensor components, devicepower, sys, wifi) into telemetry and state', () => {
    const params = {
      ts: 1751638859.91,
      cloud: { connected: false },
      'devicepower:0': { id: 0, battery: { V: 6.13, percent: 100 }, external: { present: false } },
      'humidity:0': { id: 0, rh: 50.8 },
      'temperature:0': { id: 0, tC: 23.4, tF: 74.1 },
      sys: { mac: '543204539B34', restart_required: false, uptime: 2, ram_size: 255892, ram_free: 166676, fs_size: 1048576, fs_free: 757760, cfg_rev: 15, unixtime: 1751638859 },
      wifi: { sta_ip: '192.168.1.20', status: 'got ip', ssid: 'home', rssi: -47 },
    };
    const messages = parse('shellyhtg3-543204539b34/events/rpc', { src: 'shellyhtg3-543204539b34', dst: 'shellyhtg3-543204539b34/events', method: 'NotifyFullStatus', params }, new Date(1751638860000));
    const [telemetry] = messagesOfType(messages, 'telemetry');
    assert.deepEqual(samplesByMetric(telemetry?.samples ?? []), {
      'devicepower.0.battery.voltage': [6.13, 'V'],
      'devicepower.0.battery.percent': [100, '%'],
      'humidity.0': [50.8, '%'],
      'temperature.0': [23.4, '°C'],
      'sys.uptime': [2, 's'],
      'sys.ram_free': [166676, 'B'],
      'sys.fs_free': [757760, 'B'],
      'wifi.rssi': [-47, 'dBm'],
    });
    const paths = messagesOfType(messages, 'parameters')[0]?.parameters.map((p) => `${p.path}=${p.value}`);
    assert.deepEqual(paths, [
      'cloud.connected=false',
      'devicepower_0.external.present=false',
      'sys.mac=543204539B34',
      'sys.restart_required=false',
      'sys.ram_size=255892',
      'sys.fs_size=1048576',
      'sys.cfg_rev=15',
      'sys.unixtime=1751638859',
      'wifi.sta_ip=192.168.1.20',
      'wifi.status=got ip',
      'wifi.ssid=home',
    ]);
  });

  it('reads NotifyEvent (General/Notifications, NotifyEvent): one event per entry', () => {
    const frame = {
      src: 'shellypro4pm-f008d1d8b8b8',
      dst: 'user_1',
      method: 'NotifyEvent',
      params: { ts: 1631266595.43, events: [{ component: 'input:0', id: 0, event: 'single_push', ts: 1631266595.43 }] },
    };
    assert.deepEqual(parse('shellypro4pm-f008d1d8b8b8/events/rpc', frame, new Date(1631266596000)), [
      { type: 'event', ...pro4pm, at: 1631266595430, name: 'input:0.single_push', details: frame.params.events[0], correlationKey: null },
    ]);
    assert.equal(uplinkCode('shellypro4pm-f008d1d8b8b8/events/rpc', { method: 'NotifyEvent', params: { ts: 1 } }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('shellypro4pm-f008d1d8b8b8/events/rpc', { method: 'NotifyEvent', params: { events: [{ component: 'input:0' }] } }), 'MQTT_PAYLOAD_INVALID');
  });

  it('keeps notifications it has no mapping for as events, and refuses frames without method and params', () => {
    const [message] = parse('shellypro4pm-f008d1d8b8b8/events/rpc', { src: 'x', method: 'NotifyCustom', params: { ts: 1631266595, note: 'hi' } }, new Date(1631266596000));
    assert.equal(message?.type, 'event');
    assert.equal(message?.type === 'event' ? message.name : '', 'NotifyCustom');
    assert.equal(uplinkCode('shellypro4pm-f008d1d8b8b8/events/rpc', { src: 'x', method: 'NotifyStatus' }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('shellypro4pm-f008d1d8b8b8/events/rpc', { src: 'x', params: {} }), 'MQTT_PAYLOAD_INVALID');
  });
});

describe('shelly adapter: online, status and responses', () => {
  const receivedAt = new Date('2026-03-01T10:00:00Z');

  it('reads <id>/online true/false, the last will (ComponentsAndServices/Mqtt)', () => {
    assert.deepEqual(parse('shellypro4pm-f008d1d8b8b8/online', 'true', receivedAt), [
      { type: 'presence', ...pro4pm, at: receivedAt.getTime(), state: 'online', expectedIntervalSeconds: null },
    ]);
    assert.deepEqual(parse('shellypro4pm-f008d1d8b8b8/online', 'false', receivedAt), [
      { type: 'presence', ...pro4pm, at: receivedAt.getTime(), state: 'offline', reason: 'last-will' },
    ]);
    assert.equal(uplinkCode('shellypro4pm-f008d1d8b8b8/online', 'yes'), 'MQTT_PAYLOAD_INVALID');
  });

  it('reads <id>/status/<component> (status_ntf) like a NotifyStatus entry', () => {
    const messages = parse('shellypro4pm-f008d1d8b8b8/status/switch:1', { id: 1, output: true, apower: 120.4 }, receivedAt);
    assert.deepEqual(messagesOfType(messages, 'telemetry')[0]?.samples, [{ metric: 'switch.1.power', ts: receivedAt.getTime(), value: 120.4, unit: 'W' }]);
    assert.deepEqual(messagesOfType(messages, 'parameters')[0]?.parameters, [{ path: 'switch_1.output', value: 'true', valueType: 'boolean' }]);
  });

  it('reads a response frame (General/RPCProtocol, Response Frame example) as a command result', () => {
    const frame = { id: 'cmd-2', src: 'shellypro4pm-f008d1d8b8b8', dst: 'shellypro4pm-f008d1d8b8b8/fleetlog', result: { was_on: false } };
    assert.deepEqual(parse('shellypro4pm-f008d1d8b8b8/fleetlog/rpc', frame, receivedAt), [
      { type: 'commandResult', ...pro4pm, at: receivedAt.getTime(), correlationKey: 'cmd-2', outcome: { status: 'success', output: { was_on: false } } },
    ]);
  });

  it('reads error frames: -103 invalid argument, 404 no handler (General/RPCProtocol, Error Frame)', () => {
    const [invalidArgument] = parse(
      'shellypro4pm-f008d1d8b8b8/fleetlog/rpc',
      { id: 'cmd-3', src: 'shellypro4pm-f008d1d8b8b8', dst: 'x', error: { code: -103, message: "Argument 'id' is missing" } },
      receivedAt,
    );
    assert.deepEqual(invalidArgument, {
      type: 'commandResult',
      ...pro4pm,
      at: receivedAt.getTime(),
      correlationKey: 'cmd-3',
      outcome: { status: 'failure', code: 'SHELLY_RPC_ERROR', message: "Argument 'id' is missing", faultCode: -103, output: null },
    });
    const [noHandler] = parse('shellypro4pm-f008d1d8b8b8/fleetlog/rpc', { id: 'cmd-4', src: 's', dst: 'd', error: { code: 404, message: 'No handler for Foo.Bar' } }, receivedAt);
    assert.equal(noHandler?.type === 'commandResult' && noHandler.outcome.status === 'failure' ? noHandler.outcome.faultCode : undefined, 404);
    assert.equal(uplinkCode('shellypro4pm-f008d1d8b8b8/fleetlog/rpc', { id: 'cmd-5', src: 's' }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('shellypro4pm-f008d1d8b8b8/fleetlog/rpc', { result: {} }), 'MQTT_PAYLOAD_INVALID');
  });

  it('turns the Shelly.GetDeviceInfo answer to identify() into an identity (Shelly.GetDeviceInfo example)', () => {
    const info = { name: null, id: 'shellyplus1pm-441793d69718', mac: '441793D69718', slot: 0, model: 'SNSW-001P16EU', gen: 2, fw_id: '20240430-105751/1.3.1-gd8534ee', ver: '1.3.1', app: 'Plus1PM', auth_en: false, auth_domain: null };
    const messages = parse('shellyplus1pm-441793d69718/fleetlog/rpc', { id: SHELLY_IDENTIFY_ID, src: 'shellyplus1pm-441793d69718', dst: 'x', result: info }, receivedAt);
    assert.deepEqual(messagesOfType(messages, 'identity')[0]?.identity, {
      manufacturer: 'Shelly',
      productClass: 'SNSW-001P16EU',
      serialNumber: '441793D69718',
      softwareVersion: '1.3.1',
      hardwareVersion: null,
    });
    const parameters = messagesOfType(messages, 'parameters').flatMap((message) => message.parameters.map((p) => p.path));
    assert.ok(parameters.includes('DeviceInfo.SoftwareVersion') && parameters.includes('device_info.app') && parameters.includes('device_info.fw_id'));
    assert.equal(messagesOfType(messages, 'commandResult').length, 0);
  });

  it('knows only its documented topics and refuses bad device ids', () => {
    for (const topic of ['shellypro4pm-f008d1d8b8b8/rpc', 'shellypro4pm-f008d1d8b8b8/events', 'shellypro4pm-f008d1d8b8b8/events/rpc/x', 'shellypro4pm-f008d1d8b8b8/status/', 'a/b/fleetlog/rpc']) {
      assert.equal(uplinkCode(topic, {}), 'MQTT_TOPIC_UNKNOWN', topic);
    }
    assert.equal(uplinkCode('/online', 'true'), 'MQTT_DEVICE_ID_INVALID');
  });
});

describe('shelly adapter: downlinks', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('sends a request frame (General/RPCProtocol, Request Frame) on <id>/rpc whose answer comes back on <id>/fleetlog/rpc', () => {
    const encoded = valueOf(adapter.encodeDownlink('shelly:shellyplus1pm-441793d69718', { method: 'Switch.Set', params: { id: 0, on: true } }, 'cmd-11', now));
    assert.equal(encoded.topic, 'shellyplus1pm-441793d69718/rpc');
    assert.equal(encoded.correlationKey, 'cmd-11');
    assert.equal(encoded.qos, 1);
    assert.deepEqual(jsonOf(encoded), { id: 'cmd-11', src: 'shellyplus1pm-441793d69718/fleetlog', method: 'Switch.Set', params: { id: 0, on: true } });
    assert.deepEqual(jsonOf(valueOf(adapter.encodeDownlink('shelly:shellyplus1pm-441793d69718', { method: 'Shelly.Reboot' }, 'cmd-12', now))), {
      id: 'cmd-12',
      src: 'shellyplus1pm-441793d69718/fleetlog',
      method: 'Shelly.Reboot',
    });
  });

  it('refuses payloads that are not {method, params?}', () => {
    for (const payload of [{}, { method: '' }, { method: 'Switch.Set', params: 'on' }, ['Switch.Set'], null] as JsonValue[]) {
      assert.equal(codeOf(adapter.encodeDownlink('shelly:shellyplus1pm-441793d69718', payload, 'k', now)), 'MQTT_DOWNLINK_INVALID', JSON.stringify(payload));
    }
  });

  it('identify() asks Shelly.GetDeviceInfo under a key no command can have', () => {
    const [request] = valueOf(adapter.identify('shelly:shellyplus1pm-441793d69718', now));
    assert.equal(request?.topic, 'shellyplus1pm-441793d69718/rpc');
    assert.deepEqual(request && jsonOf(request), { id: SHELLY_IDENTIFY_ID, src: 'shellyplus1pm-441793d69718/fleetlog', method: 'Shelly.GetDeviceInfo' });
    assert.equal(adapter.encodeDownlink('shelly:x', { method: 'Shelly.GetDeviceInfo' }, SHELLY_IDENTIFY_ID, now).ok, false);
  });
});
