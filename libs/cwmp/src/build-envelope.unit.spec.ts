import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildEnvelope } from './build-envelope.js';
import { createFault } from './faults.js';
import { parseEnvelope } from './parse-envelope.js';
import type { CwmpEnvelope, CwmpMessage } from './messages.js';

const envelope = (message: CwmpMessage, id: string | null = '42'): CwmpEnvelope => ({ namespace: 'urn:dslforum-org:cwmp-1-2', id, holdRequests: false, message });

describe('buildEnvelope', () => {
  it('writes the SOAP 1.1 envelope with fixed prefixes, the cwmp namespace and the ID header', () => {
    const xml = buildEnvelope(envelope({ type: 'InformResponse', maxEnvelopes: 1 }, 'abc'));
    assert.ok(
      xml.startsWith(
        '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/" ' +
          'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">' +
          '<soap-env:Header><cwmp:ID soap-env:mustUnderstand="1">abc</cwmp:ID></soap-env:Header>',
      ),
      xml,
    );
    assert.ok(xml.includes('<soap-env:Body><cwmp:InformResponse><MaxEnvelopes>1</MaxEnvelopes></cwmp:InformResponse></soap-env:Body></soap-env:Envelope>'), xml);
  });

  it('leaves the header out without an ID, and adds HoldRequests when asked', () => {
    assert.ok(!buildEnvelope(envelope({ type: 'GetRPCMethods' }, null)).includes('Header'));
    const held = buildEnvelope({ ...envelope({ type: 'GetRPCMethods' }), holdRequests: true });
    assert.ok(held.includes('<cwmp:HoldRequests soap-env:mustUnderstand="1">true</cwmp:HoldRequests>'), held);
  });

  it('states the real count in arrayType and xsi:type on every value', () => {
    const gpv = buildEnvelope(envelope({ type: 'GetParameterValues', names: ['Device.DeviceInfo.', 'Device.WiFi.'] }));
    assert.ok(gpv.includes('<ParameterNames soap-enc:arrayType="xsd:string[2]"><string>Device.DeviceInfo.</string><string>Device.WiFi.</string></ParameterNames>'), gpv);
    const spv = buildEnvelope(
      envelope({
        type: 'SetParameterValues',
        parameters: [
          { name: 'Device.A', value: '1', type: 'boolean' },
          { name: 'Device.B', value: 'x', type: 'string' },
          { name: 'Device.C', value: 'AAE=', type: 'base64' },
        ],
        parameterKey: 'k1',
      }),
    );
    assert.ok(spv.includes('<ParameterList soap-enc:arrayType="cwmp:ParameterValueStruct[3]">'), spv);
    assert.ok(spv.includes('<ParameterValueStruct><Name>Device.A</Name><Value xsi:type="xsd:boolean">1</Value></ParameterValueStruct>'), spv);
    assert.ok(spv.includes('<Value xsi:type="xsd:string">x</Value>'), spv);
    assert.ok(spv.includes('<Value xsi:type="xsd:base64">AAE=</Value>'), spv);
    assert.ok(spv.includes('<ParameterKey>k1</ParameterKey></cwmp:SetParameterValues>'), spv);
    const empty = buildEnvelope(envelope({ type: 'GetParameterValuesResponse', parameters: [] }));
    assert.ok(empty.includes('<ParameterList soap-enc:arrayType="cwmp:ParameterValueStruct[0]"></ParameterList>'), empty);
  });

  it('writes Inform events as EventStruct items', () => {
    const xml = buildEnvelope(
      envelope({
        type: 'Inform',
        deviceId: { manufacturer: 'M', oui: 'O', productClass: 'P', serialNumber: 'S' },
        events: [{ eventCode: '1 BOOT', commandKey: '' }],
        maxEnvelopes: 1,
        currentTime: '2024-01-01T00:00:00Z',
        retryCount: 0,
        parameters: [],
      }),
    );
    assert.ok(xml.includes('<DeviceId><Manufacturer>M</Manufacturer><OUI>O</OUI><ProductClass>P</ProductClass><SerialNumber>S</SerialNumber></DeviceId>'), xml);
    assert.ok(xml.includes('<Event soap-enc:arrayType="cwmp:EventStruct[1]"><EventStruct><EventCode>1 BOOT</EventCode><CommandKey></CommandKey></EventStruct></Event>'), xml);
  });

  it('writes a CWMP fault as a SOAP Fault with detail/cwmp:Fault', () => {
    const xml = buildEnvelope(envelope(createFault(9003, undefined, [{ parameterName: 'Device.X', faultCode: 9007, faultString: 'Invalid parameter value' }])));
    assert.ok(
      xml.includes(
        '<soap-env:Body><soap-env:Fault><faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail><cwmp:Fault><FaultCode>9003</FaultCode>' +
          '<FaultString>Invalid arguments</FaultString><SetParameterValuesFault><ParameterName>Device.X</ParameterName><FaultCode>9007</FaultCode>' +
          '<FaultString>Invalid parameter value</FaultString></SetParameterValuesFault></cwmp:Fault></detail></soap-env:Fault></soap-env:Body>',
      ),
      xml,
    );
  });

  it('escapes markup in text and replaces characters XML cannot carry', () => {
    const xml = buildEnvelope(envelope({ type: 'Reboot', commandKey: `<a href="x">&'\r` }, '"<id>"'));
    assert.ok(xml.includes('<CommandKey>&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#13;</CommandKey>'), xml);
    assert.ok(xml.includes('>&quot;&lt;id&gt;&quot;</cwmp:ID>'), xml);
    const control = buildEnvelope(envelope({ type: 'Reboot', commandKey: 'a\u0000b\u001Fc\uD800d\uFFFF' }));
    const parsed = parseEnvelope(control);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.message, { type: 'Reboot', commandKey: 'a\uFFFDb\uFFFDc\uFFFDd\uFFFD' });
  });
});

describe('createFault', () => {
  it('picks Client or Server from TR-069 tables 91 and 92 and the standard text', () => {
    assert.deepEqual(createFault(9005), {
      type: 'Fault',
      soapFaultCode: 'Client',
      soapFaultString: 'CWMP fault',
      cwmpFault: { faultCode: 9005, faultString: 'Invalid parameter name', setParameterValuesFaults: [] },
    });
    assert.equal(createFault(9000).soapFaultCode, 'Server');
    assert.equal(createFault(8003).soapFaultCode, 'Client');
    assert.equal(createFault(8005).cwmpFault.faultString, 'Retry request');
    assert.equal(createFault(9002, 'disk full').cwmpFault.faultString, 'disk full');
  });
});
