import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deciderSpec } from '../testing/decider-spec.js';
import { deviceDecider } from './decider.js';
import { T0, cwmpIdentity, cwmpRegistered, registerCwmp } from './fixtures.js';

const { given } = deciderSpec(deviceDecider);

describe('RegisterDevice', () => {
  it('registers a CWMP device with its normalised identity', () => {
    given([]).when(registerCwmp()).then([{ type: 'DeviceRegistered', data: { protocol: 'CWMP', identity: cwmpIdentity }, occurredAt: T0 }]);
  });

  it('registers a USP agent by endpoint id, keeping its DeviceInfo', () => {
    given([])
      .when({
        type: 'RegisterDevice',
        data: { tenantId: 'acme', deviceId: 'os::00D09E-0042', protocol: 'USP', identity: { endpointId: 'os::00D09E-0042', serialNumber: '0042' }, now: T0 },
      })
      .then([
        {
          type: 'DeviceRegistered',
          data: {
            protocol: 'USP',
            identity: { manufacturer: null, oui: null, productClass: null, serialNumber: '0042', endpointId: 'os::00D09E-0042', vendor: null, clientId: null },
          },
          occurredAt: T0,
        },
      ]);
  });

  it('registers an MQTT device by vendor and client id', () => {
    given([])
      .when({
        type: 'RegisterDevice',
        data: { tenantId: 'acme', deviceId: 'shelly:plug%2F1', protocol: 'MQTT', identity: { vendor: 'shelly', clientId: 'plug/1' }, now: T0 },
      })
      .then([
        {
          type: 'DeviceRegistered',
          data: {
            protocol: 'MQTT',
            identity: { manufacturer: null, oui: null, productClass: null, serialNumber: null, endpointId: null, vendor: 'shelly', clientId: 'plug/1' },
          },
          occurredAt: T0,
        },
      ]);
  });

  it('fails with DEVICE_ALREADY_REGISTERED the second time', () => {
    given([cwmpRegistered]).when(registerCwmp()).thenFails('DEVICE_ALREADY_REGISTERED');
  });

  it('fails with DEVICE_ID_MISMATCH when the id is not the one the identity gives', () => {
    const error = given([]).when(registerCwmp({ deviceId: '00D09E-IGD-SN-0001' })).thenFails('DEVICE_ID_MISMATCH');
    assert.match(error.message, /00D09E-IGD-SN%2D0001/);
  });

  it('fails with INVALID_TENANT_ID for a malformed tenant', () => {
    given([]).when(registerCwmp({ tenantId: 'ACME Corp' })).thenFails('INVALID_TENANT_ID');
  });

  it('fails with UNKNOWN_PROTOCOL for a protocol it does not speak', () => {
    given([]).when(registerCwmp({ protocol: 'SNMP' })).thenFails('UNKNOWN_PROTOCOL');
  });

  it('fails with INVALID_DEVICE_IDENTITY when the identity is incomplete or mixes protocols', () => {
    given([]).when(registerCwmp({ identity: { oui: '00D09E' } })).thenFails('INVALID_DEVICE_IDENTITY');
    given([]).when(registerCwmp({ identity: { oui: '00D09E', serialNumber: 'X', clientId: 'c' } })).thenFails('INVALID_DEVICE_IDENTITY');
    given([]).when(registerCwmp({ identity: { oui: '00D09E', serialNumber: 'X', colour: 'red' } as never })).thenFails('INVALID_DEVICE_IDENTITY');
  });

  it('fails with INVALID_ENDPOINT_ID for a USP agent with a malformed endpoint id', () => {
    given([])
      .when({ type: 'RegisterDevice', data: { tenantId: 'acme', deviceId: 'x', protocol: 'USP', identity: { endpointId: 'oui:XYZ:1' }, now: T0 } })
      .thenFails('INVALID_ENDPOINT_ID');
  });

  it('fails with INVALID_TIMESTAMP when now is not epoch millis', () => {
    given([]).when(registerCwmp({ now: -1 })).thenFails('INVALID_TIMESTAMP');
  });
});
