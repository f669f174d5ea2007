import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '@fleetlog/domain';
import type { ParsedUplink } from '../../messages.js';
import { codeOf, jsonOf, messagesOfType, payloadOf, samplesByMetric, valueOf } from '../../testing/uplink.js';
import { createDjiAdapter } from './adapter.js';

// Samples follow the DJI Cloud API reference (developer.dji.com/doc/cloud-api-tutorial/en/, cited per test).

const adapter = createDjiAdapter();
const receivedAt = new Date('2026-03-01T10:00:00Z');
const t = receivedAt.getTime();
const dock = { deviceId: 'dji:7CTDM4100B0C9L', clientId: '7CTDM4100B0C9L' };

const parse = (topic: string, body: JsonValue, at: Date = receivedAt): ParsedUplink => valueOf(adapter.parseUplink(topic, payloadOf(body), at));
const uplinkCode = (topic: string, body: JsonValue) => codeOf(adapter.parseUplink(topic, payloadOf(body), receivedAt));

describe('dji adapter: sys/product/<gateway>/status update_topo', () => {
  // api-reference/dock-to-cloud/mqtt/dock/device.html, "Device Topology Update", example "Gateway device + sub device online".
  const online = {
    tid: 'tid001',
    bid: 'bid001',
    method: 'update_topo',
    timestamp: 1234567890123,
    data: {
      type: 98,
      sub_type: 0,
      device_secret: 'secret',
      nonce: 'nonce',
      thing_version: '1.0.0',
      sub_devices: [{ sn: 'drone001', type: 116, sub_type: 0, index: 'A', device_secret: 'secret', nonce: 'nonce', thing_version: '1.0.0' }],
    },
  };

  it('registers the gateway and its aircraft, marks both online, lists the topology and answers status_reply', () => {
    const { messages, replies } = parse('sys/product/7CTDM4100B0C9L/status', online);
    const drone = { deviceId: 'dji:drone001', clientId: 'drone001' };
    assert.deepEqual(messagesOfType(messages, 'identity'), [
      { type: 'identity', ...dock, at: 1234567890123, identity: { manufacturer: 'DJI', productClass: '98-0', serialNumber: '7CTDM4100B0C9L', softwareVersion: null, hardwareVersion: null } },
      { type: 'identity', ...drone, at: 1234567890123, identity: { manufacturer: 'DJI', productClass: '116-0', serialNumber: 'drone001', softwareVersion: null, hardwareVersion: null } },
    ]);
    assert.deepEqual(messagesOfType(messages, 'presence'), [
      { type: 'presence', ...dock, at: 1234567890123, state: 'online', expectedIntervalSeconds: 2 },
      { type: 'presence', ...drone, at: 1234567890123, state: 'online', expectedIntervalSeconds: 2 },
    ]);
    assert.deepEqual(messagesOfType(messages, 'topology'), [{ type: 'topology', ...dock, at: 1234567890123, subDevices: ['dji:drone001'] }]);
    const droneParameters = messagesOfType(messages, 'parameters').filter((m) => m.clientId === 'drone001').flatMap((m) => m.parameters.map((p) => `${p.path}=${p.value}`));
    assert.ok(droneParameters.includes('gateway=7CTDM4100B0C9L') && droneParameters.includes('index=A') && droneParameters.includes('product.thing_version=1.0.0'));
    // The device secret and nonce are credentials: they appear in no message.
    assert.doesNotMatch(JSON.stringify(messages), /secret|nonce/);
    assert.equal(replies.length, 1);
    assert.equal(replies[0]?.topic, 'sys/product/7CTDM4100B0C9L/status_reply');
    assert.deepEqual(replies[0] && jsonOf(replies[0]), { tid: 'tid001', bid: 'bid001', method: 'update_topo', timestamp: t, data: { result: 0 } });
  });

  it('reads "Sub device offline" (same page): an empty topology, so the ingress can mark the aircraft offline', () => {
    const { messages } = parse('sys/product/7CTDM4100B0C9L/status', { ...online, data: { ...online.data, sub_devices: [] } });
    assert.deepEqual(messagesOfType(messages, 'topology'), [{ type: 'topology', ...dock, at: 1234567890123, subDevices: [] }]);
    assert.equal(messagesOfType(messages, 'identity').length, 1);
  });

  it('refuses other methods and malformed sub-devices', () => {
    assert.equal(uplinkCode('sys/product/7CTDM4100B0C9L/status', { ...online, method: 'reboot' }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('sys/product/7CTDM4100B0C9L/status', { ...online, data: { sub_devices: [{ type: 1 }] } }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('sys/product/7CTDM4100B0C9L/status', { ...online, data: { sub_devices: {} } }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('sys/product/7CTDM4100B0C9L/status', { method: 'update_topo', data: {} }), 'MQTT_PAYLOAD_INVALID');
  });
});

describe('dji adapter: thing/product/<sn>/osd and state', () => {
  it('turns dock osd properties (dock/properties.html) into named metrics with units', () => {
    const data = {
      latitude: 22.579,
      longitude: 113.937,
      height: 38.2,
      mode_code: 0,
      cover_state: 0,
      drone_in_dock: 1,
      drone_charge_state: { state: 1, capacity_percent: 78 },
      network_state: { type: 2, quality: 5, rate: 532.1 },
      rainfall: 0,
      wind_speed: 3.4,
      environment_temperature: 21.6,
      temperature: 24.1,
      humidity: 55,
      storage: { total: 82045336, used: 1200345 },
      position_state: { is_fixed: 2, quality: 5, gps_number: 20, rtk_number: 25 },
      sub_device: { device_sn: '1581F5BKD225D00BH2R5', product_type: '0-91-0', device_online_status: 1, device_paired: 1 },
    };
    const { messages } = parse('thing/product/7CTDM4100B0C9L/osd', { tid: 'a', bid: 'b', timestamp: t - 500, gateway: '7CTDM4100B0C9L', data });
    const [telemetry] = messagesOfType(messages, 'telemetry');
    assert.equal(telemetry?.at, t - 500);
    assert.deepEqual(samplesByMetric(telemetry?.samples ?? []), {
      'position.latitude': [22.579, '°'],
      'position.longitude': [113.937, '°'],
      'position.height': [38.2, 'm'],
      mode_code: [0, null],
      cover_state: [0, null],
      drone_in_dock: [1, null],
      'drone_charge_state.state': [1, null],
      'drone.charge': [78, '%'],
      'network_state.type': [2, null],
      'network.quality': [5, null],
      'network.rate': [532.1, 'KB/s'],
      rainfall: [0, null],
      'wind.speed': [3.4, 'm/s'],
      'environment.temperature': [21.6, '°C'],
      temperature: [24.1, '°C'],
      humidity: [55, '%'],
      'storage.total': [82045336, 'KB'],
      'storage.used': [1200345, 'KB'],
      'position_state.is_fixed': [2, null],
      'position_state.quality': [5, null],
      'position.gps_satellites': [20, null],
      'position.rtk_satellites': [25, null],
      'sub_device.device_online_status': [1, null],
      'sub_device.device_paired': [1, null],
    });
    // Text goes to parameters, never to telemetry.
    assert.deepEqual(messagesOfType(messages, 'parameters')[0]?.parameters, [
      { path: 'sub_device.device_sn', value: '1581F5BKD225D00BH2R5', valueType: 'string' },
      { path: 'sub_device.product_type', value: '0-91-0', valueType: 'string' },
    ]);
  });

  it('turns aircraft osd (aircraft/properties.html) into position, attitude, speed and per-pack battery metrics', () => {
    const data = {
      latitude: 22.58,
      longitude: 113.94,
      height: 120.5,
      elevation: 82.3,
      attitude_head: -92.1,
      horizontal_speed: 8.2,
      vertical_speed: -0.4,
      wind_speed: 2.1,
      home_distance: 310,
      battery: {
        capacity_percent: 64,
        remain_flight_time: 1180,
        return_home_power: 20,
        landing_power: 10,
        batteries: [{ index: 0, sn: '3H4QAB', capacity_percent: 64, voltage: 16420, temperature: 31.5, loop_times: 42 }],
      },
    };
    const { messages } = parse('thing/product/1581F5BKD225D00BH2R5/osd', { tid: 'a', bid: 'b', timestamp: t, gateway: '7CTDM4100B0C9L', data });
    const [telemetry] = messagesOfType(messages, 'telemetry');
    assert.equal(telemetry?.clientId, '1581F5BKD225D00BH2R5');
    assert.deepEqual(samplesByMetric(telemetry?.samples ?? []), {
      'position.latitude': [22.58, '°'],
      'position.longitude': [113.94, '°'],
      'position.height': [120.5, 'm'],
      'position.elevation': [82.3, 'm'],
      'attitude.heading': [-92.1, '°'],
      'speed.horizontal': [8.2, 'm/s'],
      'speed.vertical': [-0.4, 'm/s'],
      'wind.speed': [2.1, 'm/s'],
      home_distance: [310, 'm'],
      'battery.capacity': [64, '%'],
      'battery.remaining_flight_time': [1180, 's'],
      'battery.return_home_power': [20, '%'],
      'battery.landing_power': [10, '%'],
      'battery.0.capacity': [64, '%'],
      'battery.0.voltage': [16420, 'mV'],
      'battery.0.temperature': [31.5, '°C'],
      'battery.0.cycles': [42, null],
    });
  });

  it('reads state (pushMode 1) as parameters, numbers included', () => {
    const { messages } = parse('thing/product/7CTDM4100B0C9L/state', { tid: 'a', bid: 'b', timestamp: t, gateway: '7CTDM4100B0C9L', data: { firmware_version: '10.01.1612', compatible_status: 0 } });
    assert.deepEqual(messages, [
      {
        type: 'parameters',
        ...dock,
        at: t,
        origin: 'state',
        parameters: [
          { path: 'firmware_version', value: '10.01.1612', valueType: 'string' },
          { path: 'compatible_status', value: '0', valueType: 'long' },
        ],
      },
    ]);
  });

  it('needs the tid/bid/timestamp/data envelope of every message (pilot-to-cloud/mqtt/topic-definition.html)', () => {
    assert.equal(uplinkCode('thing/product/7CTDM4100B0C9L/osd', { data: {} }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('thing/product/7CTDM4100B0C9L/osd', { tid: 'a', bid: 'b', data: [] }), 'MQTT_PAYLOAD_INVALID');
    assert.equal(uplinkCode('thing/product/7CTDM4100B0C9L/osd', { tid: 1, bid: 'b', data: {} }), 'MQTT_PAYLOAD_INVALID');
  });
});

describe('dji adapter: events, services_reply, property/set_reply', () => {
  it('reads an event (pilot-to-cloud drc, cloud_control_auth_notify example), keeping the bid as correlation key', () => {
    const sample = { bid: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxx', data: { output: { status: 'ok' }, result: 0 }, method: 'cloud_control_auth_notify', need_reply: 0, tid: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxx', timestamp: 1704038400000 };
    const { messages, replies } = parse('thing/product/7CTDM4100B0C9L/events', sample);
    assert.deepEqual(messages, [
      { type: 'event', ...dock, at: 1704038400000, name: 'cloud_control_auth_notify', details: sample.data, correlationKey: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxx' },
    ]);
    assert.deepEqual(replies, []);
  });

  it('answers events with need_reply 1 on events_reply with the same tid and bid (topic-definition.html, events_reply)', () => {
    const event = { tid: 't-1', bid: 'b-1', method: 'hms', need_reply: 1, timestamp: t - 100, gateway: '7CTDM4100B0C9L', data: { list: [{ level: 1, code: '0x16100083' }] } };
    const { replies } = parse('thing/product/7CTDM4100B0C9L/events', event);
    assert.equal(replies[0]?.topic, 'thing/product/7CTDM4100B0C9L/events_reply');
    assert.deepEqual(replies[0] && jsonOf(replies[0]), { tid: 't-1', bid: 'b-1', method: 'hms', timestamp: t, data: { result: 0 } });
    assert.equal(uplinkCode('thing/product/7CTDM4100B0C9L/events', { ...event, method: undefined } as unknown as JsonValue), 'MQTT_PAYLOAD_INVALID');
  });

  it('reads services_reply (topic-definition.html, services_reply struct): result 0 succeeds, others fail with the DJI code', () => {
    const ok = parse('thing/product/7CTDM4100B0C9L/services_reply', { tid: 'cmd-21', bid: 'cmd-21', method: 'cover_open', timestamp: t, data: { result: 0, output: { status: 'in_progress' } } });
    assert.deepEqual(ok.messages, [{ type: 'commandResult', ...dock, at: t, correlationKey: 'cmd-21', outcome: { status: 'success', output: { status: 'in_progress' } } }]);
    const failed = parse('thing/product/7CTDM4100B0C9L/services_reply', { tid: 'cmd-22', bid: 'cmd-22', method: 'cover_open', timestamp: t, data: { result: 321000 } });
    assert.deepEqual(failed.messages, [
      {
        type: 'commandResult',
        ...dock,
        at: t,
        correlationKey: 'cmd-22',
        outcome: { status: 'failure', code: 'DJI_SERVICE_ERROR', message: 'cover_open failed with DJI error 321000', faultCode: 321000, output: {} },
      },
    ]);
    assert.equal(uplinkCode('thing/product/7CTDM4100B0C9L/services_reply', { tid: 'x', bid: 'x', data: { output: {} } }), 'MQTT_PAYLOAD_INVALID');
  });

  it('reads property/set_reply: success only when every property was set', () => {
    const ok = parse('thing/product/7CTDM4100B0C9L/property/set_reply', { tid: 'cmd-31', bid: 'cmd-31', timestamp: t, data: { silent_mode: { result: 0 } } });
    assert.equal(ok.messages[0]?.type === 'commandResult' ? ok.messages[0].outcome.status : undefined, 'success');
    const failed = parse('thing/product/7CTDM4100B0C9L/property/set_reply', { tid: 'cmd-32', bid: 'cmd-32', timestamp: t, data: { silent_mode: { result: 0 }, rth_altitude: { result: 1 } } });
    const outcome = failed.messages[0]?.type === 'commandResult' ? failed.messages[0].outcome : undefined;
    assert.equal(outcome?.status === 'failure' ? `${outcome.faultCode} ${outcome.message}` : undefined, '1 setting rth_altitude failed');
  });

  it('does not take the requests topic (dock3/config.html "Get configuration"): it needs answers only a DJI cloud app has', () => {
    const sample = { bid: '42a19f36-5117-4520-bd13-fd61d818d52e', data: { config_scope: 'product', config_type: 'json' }, gateway: 'sn', tid: '6a7bfe89-c386-4043-b600-b518e10096cc', timestamp: 1667803298000, method: 'config' };
    assert.equal(uplinkCode('thing/product/7CTDM4100B0C9L/requests', sample), 'MQTT_TOPIC_UNKNOWN');
    for (const topic of ['thing/product/7CTDM4100B0C9L', 'thing/product/7CTDM4100B0C9L/services', 'sys/product/7CTDM4100B0C9L/status_reply', 'thing/device/x/osd', 'thing/product/x/property/set']) {
      assert.equal(uplinkCode(topic, sample), 'MQTT_TOPIC_UNKNOWN', topic);
    }
  });
});

describe('dji adapter: downlinks', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('sends services {tid, bid, timestamp, method, data} on thing/product/<gateway>/services, the key as tid and bid', () => {
    const encoded = valueOf(adapter.encodeDownlink('dji:7CTDM4100B0C9L', { method: 'cover_open' }, 'cmd-41', now));
    assert.equal(encoded.topic, 'thing/product/7CTDM4100B0C9L/services');
    assert.equal(encoded.correlationKey, 'cmd-41');
    assert.deepEqual(jsonOf(encoded), { tid: 'cmd-41', bid: 'cmd-41', timestamp: now.getTime(), method: 'cover_open', data: {} });
  });

  it('sends {"properties": {...}} as property/set', () => {
    const encoded = valueOf(adapter.encodeDownlink('dji:7CTDM4100B0C9L', { properties: { silent_mode: 1 } }, 'cmd-42', now));
    assert.equal(encoded.topic, 'thing/product/7CTDM4100B0C9L/property/set');
    assert.deepEqual(jsonOf(encoded), { tid: 'cmd-42', bid: 'cmd-42', timestamp: now.getTime(), data: { silent_mode: 1 } });
  });

  it('refuses anything else', () => {
    for (const payload of [{}, { method: 'x', data: 1 }, { properties: 1 }, 'cover_open'] as JsonValue[]) {
      assert.equal(codeOf(adapter.encodeDownlink('dji:7CTDM4100B0C9L', payload, 'k', now)), 'MQTT_DOWNLINK_INVALID', JSON.stringify(payload));
    }
  });
});

