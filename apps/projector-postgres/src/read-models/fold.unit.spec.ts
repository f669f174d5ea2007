import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyEvent } from '@fleetlog/events';
import { foldEvents } from './fold.js';
import { allReadModels } from './models.js';

const reported = (deviceId: string, parameters: [string, string][]): AnyEvent =>
  ({
    eventId: `e-${deviceId}`,
    type: 'DeviceParametersReported',
    tenantId: 'acme',
    aggregateId: deviceId,
    occurredAt: 1_790_000_000_000,
    recordedAt: 1_790_000_000_000,
    correlationId: 'c',
    causationId: null,
    source: { app: 'test', instance: '1' },
    payload: { origin: 'notify', parameters: parameters.map(([path, value]) => ({ path, value, valueType: 'string', writable: null })) },
  }) as AnyEvent;

describe('device rows from reported parameters', () => {
  it("take the device's own description from DeviceInfo, whatever the protocol's root, and ignore deeper or empty values", () => {
    const changes = foldEvents(
      [
        reported('proto::usp-1', [
          ['Device.DeviceInfo.Manufacturer', 'Example'],
          ['Device.DeviceInfo.ProductClass', 'GW-1'],
          ['Device.DeviceInfo.SoftwareVersion', '2.1'],
          ['Device.DeviceInfo.SerialNumber', ''],
          ['Device.DeviceInfo.ProcessStatus.CPUUsage', '7'],
        ]),
        reported('shelly:plug-1', [['DeviceInfo.SoftwareVersion', '1.4.4'], ['DeviceInfo.HardwareVersion', 'gen2']]),
        reported('00D09E-IGD-1', [['InternetGatewayDevice.DeviceInfo.ManufacturerOUI', '00D09E']]),
      ].map((event, i) => ({ event, topic: 'fleetlog.device.events', partition: 0, offset: String(i) })),
      new Set(allReadModels),
    );
    const device = (id: string) => {
      const d = [...changes.devices.values()].find((x) => x.deviceId === id);
      assert.ok(d, id);
      return { manufacturer: d.manufacturer, productClass: d.productClass, serialNumber: d.serialNumber, softwareVersion: d.softwareVersion, hardwareVersion: d.hardwareVersion, oui: d.oui };
    };
    assert.deepEqual(device('proto::usp-1'), { manufacturer: 'Example', productClass: 'GW-1', serialNumber: undefined, softwareVersion: '2.1', hardwareVersion: undefined, oui: undefined });
    assert.deepEqual(device('shelly:plug-1'), { manufacturer: undefined, productClass: undefined, serialNumber: undefined, softwareVersion: '1.4.4', hardwareVersion: 'gen2', oui: undefined });
    assert.equal(device('00D09E-IGD-1').oui, '00D09E');
  });
});
