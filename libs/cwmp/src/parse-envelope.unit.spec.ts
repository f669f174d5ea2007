import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnvelope } from './parse-envelope.js';
import type { CwmpEnvelope, CwmpMessage } from './messages.js';
import type { CwmpCodecErrorCode } from './errors.js';

// Envelopes shaped like what CPEs in the field send: different prefixes, namespaces and sloppiness.

const parsed = (body: string | Buffer): CwmpEnvelope => {
  const result = parseEnvelope(body);
  if (!result.ok) assert.fail(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};

const message = <T extends CwmpMessage['type']>(body: string | Buffer, type: T): Extract<CwmpMessage, { type: T }> => {
  const { message: m } = parsed(body);
  assert.equal(m.type, type);
  return m as Extract<CwmpMessage, { type: T }>;
};

const failsWith = (body: string | Buffer, code: CwmpCodecErrorCode): void => {
  const result = parseEnvelope(body);
  assert.equal(result.ok, false, 'expected an error');
  if (!result.ok) assert.equal(result.error.code, code, result.error.message);
};

const TR098_BOOT_INFORM = `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
  <SOAP-ENV:Header>
    <cwmp:ID SOAP-ENV:mustUnderstand="1">1804289383</cwmp:ID>
  </SOAP-ENV:Header>
  <SOAP-ENV:Body SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">
    <cwmp:Inform>
      <DeviceId>
        <Manufacturer>ZyXEL</Manufacturer>
        <OUI>001349</OUI>
        <ProductClass>VMG1312-B10A</ProductClass>
        <SerialNumber>S090Y12345678</SerialNumber>
      </DeviceId>
      <Event SOAP-ENC:arrayType="cwmp:EventStruct[2]">
        <EventStruct>
          <EventCode>1 BOOT</EventCode>
          <CommandKey></CommandKey>
        </EventStruct>
        <EventStruct>
          <EventCode>M Reboot</EventCode>
          <CommandKey>reboot-42</CommandKey>
        </EventStruct>
      </Event>
      <MaxEnvelopes>1</MaxEnvelopes>
      <CurrentTime>2024-03-01T10:15:00+01:00</CurrentTime>
      <RetryCount>0</RetryCount>
      <ParameterList SOAP-ENC:arrayType="cwmp:ParameterValueStruct[3]">
        <ParameterValueStruct>
          <Name>InternetGatewayDevice.DeviceInfo.SoftwareVersion</Name>
          <Value xsi:type="xsd:string">V5.13(AAJZ.7)C0</Value>
        </ParameterValueStruct>
        <ParameterValueStruct>
          <Name>InternetGatewayDevice.ManagementServer.ConnectionRequestURL</Name>
          <Value xsi:type="xsd:string">http://10.0.0.2:7547/abc?x=1&amp;y=2</Value>
        </ParameterValueStruct>
        <ParameterValueStruct>
          <Name>InternetGatewayDevice.ManagementServer.PeriodicInformInterval</Name>
          <Value xsi:type="xsd:unsignedInt">3600</Value>
        </ParameterValueStruct>
      </ParameterList>
    </cwmp:Inform>
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>
`;

const TR181_BOOTSTRAP_INFORM = `\uFEFF
  <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns1="urn:dslforum-org:cwmp-1-2"><soapenv:Header><ns1:ID soapenv:mustUnderstand="true">boot-0001</ns1:ID></soapenv:Header><soapenv:Body><ns1:Inform><DeviceId><Manufacturer>Acme &amp; Sons</Manufacturer><OUI>A0B1C2</OUI><ProductClass>Router X</ProductClass><SerialNumber>ACME-00042</SerialNumber></DeviceId><Event soapenc:arrayType="ns1:EventStruct[2]"><EventStruct><EventCode>0 BOOTSTRAP</EventCode><CommandKey/></EventStruct><EventStruct><EventCode>2 PERIODIC</EventCode><CommandKey/></EventStruct></Event><MaxEnvelopes>1</MaxEnvelopes><CurrentTime>0001-01-01T00:00:00Z</CurrentTime><RetryCount>2</RetryCount><ParameterList soapenc:arrayType="ns1:ParameterValueStruct[2]"><ParameterValueStruct><Name>Device.RootDataModelVersion</Name><Value xsi:type="xs:string">2.15</Value></ParameterValueStruct><ParameterValueStruct><Name>Device.DeviceInfo.UpTime</Name><Value xsi:type="xs:unsignedInt">42</Value></ParameterValueStruct></ParameterList></ns1:Inform></soapenv:Body></soapenv:Envelope>
`;

describe('parseEnvelope on vendor-shaped CPE messages', () => {
  it('reads a TR-098 BOOT + M Reboot Inform with SOAP-ENV/cwmp prefixes in cwmp-1-0', () => {
    const envelope = parsed(TR098_BOOT_INFORM);
    assert.deepEqual(envelope, {
      namespace: 'urn:dslforum-org:cwmp-1-0',
      id: '1804289383',
      holdRequests: false,
      message: {
        type: 'Inform',
        deviceId: { manufacturer: 'ZyXEL', oui: '001349', productClass: 'VMG1312-B10A', serialNumber: 'S090Y12345678' },
        events: [
          { eventCode: '1 BOOT', commandKey: '' },
          { eventCode: 'M Reboot', commandKey: 'reboot-42' },
        ],
        maxEnvelopes: 1,
        currentTime: '2024-03-01T10:15:00+01:00',
        retryCount: 0,
        parameters: [
          { name: 'InternetGatewayDevice.DeviceInfo.SoftwareVersion', value: 'V5.13(AAJZ.7)C0', type: 'string' },
          { name: 'InternetGatewayDevice.ManagementServer.ConnectionRequestURL', value: 'http://10.0.0.2:7547/abc?x=1&y=2', type: 'string' },
          { name: 'InternetGatewayDevice.ManagementServer.PeriodicInformInterval', value: '3600', type: 'unsignedInt' },
        ],
      },
    });
  });

  it('reads a TR-181 BOOTSTRAP + PERIODIC Inform in cwmp-1-2 with soapenv/ns1/xs prefixes, BOM and whitespace around it', () => {
    const envelope = parsed(TR181_BOOTSTRAP_INFORM);
    assert.equal(envelope.namespace, 'urn:dslforum-org:cwmp-1-2');
    assert.equal(envelope.id, 'boot-0001');
    const inform = envelope.message;
    assert.equal(inform.type, 'Inform');
    if (inform.type !== 'Inform') return;
    assert.deepEqual(inform.deviceId, { manufacturer: 'Acme & Sons', oui: 'A0B1C2', productClass: 'Router X', serialNumber: 'ACME-00042' });
    assert.deepEqual(inform.events, [
      { eventCode: '0 BOOTSTRAP', commandKey: '' },
      { eventCode: '2 PERIODIC', commandKey: '' },
    ]);
    assert.equal(inform.retryCount, 2);
    assert.equal(inform.currentTime, '0001-01-01T00:00:00Z');
    assert.deepEqual(inform.parameters, [
      { name: 'Device.RootDataModelVersion', value: '2.15', type: 'string' },
      { name: 'Device.DeviceInfo.UpTime', value: '42', type: 'unsignedInt' },
    ]);
  });

  it('reads the same Inform from UTF-8 bytes', () => {
    assert.deepEqual(parsed(Buffer.from(TR181_BOOTSTRAP_INFORM, 'utf8')), parsed(TR181_BOOTSTRAP_INFORM));
  });

  it('ignores an arrayType count that does not match the items, whatever the items are called', () => {
    const inform = message(
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:e="http://schemas.xmlsoap.org/soap/encoding/" xmlns:c="urn:dslforum-org:cwmp-1-1">
        <s:Body><c:Inform><DeviceId><Manufacturer>M</Manufacturer><OUI>O</OUI><ProductClass>P</ProductClass><SerialNumber>S</SerialNumber></DeviceId>
        <Event e:arrayType="c:EventStruct[7]"><EventStruct><EventCode>4 VALUE CHANGE</EventCode><CommandKey/></EventStruct></Event>
        <MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2024-01-01T00:00:00Z</CurrentTime><RetryCount>0</RetryCount>
        <ParameterList e:arrayType="c:ParameterValueStruct[10]"><item><Name>Device.A</Name><Value>1</Value></item><ParameterValueStruct><Name>Device.B</Name><Value>2</Value></ParameterValueStruct></ParameterList>
        </c:Inform></s:Body></s:Envelope>`,
      'Inform',
    );
    assert.deepEqual(inform.events, [{ eventCode: '4 VALUE CHANGE', commandKey: '' }]);
    assert.deepEqual(
      inform.parameters.map((p) => p.name),
      ['Device.A', 'Device.B'],
    );
  });

  it('reads values without xsi:type as strings, with no ID header and an undeclared cwmp prefix', () => {
    const envelope = parsed(
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><cwmp:Inform>
        <DeviceId><Manufacturer>Cheap</Manufacturer><OUI>000000</OUI><ProductClass>CPE</ProductClass><SerialNumber>1</SerialNumber></DeviceId>
        <Event><EventStruct><EventCode>6 CONNECTION REQUEST</EventCode><CommandKey></CommandKey></EventStruct></Event>
        <MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2024-01-01T00:00:00</CurrentTime><RetryCount>0</RetryCount>
        <ParameterList><ParameterValueStruct><Name>Device.DeviceInfo.HardwareVersion</Name><Value>rev 2</Value></ParameterValueStruct></ParameterList>
      </cwmp:Inform></soap:Body></soap:Envelope>`,
    );
    assert.equal(envelope.id, null);
    assert.equal(envelope.namespace, 'urn:dslforum-org:cwmp-1-0');
    assert.equal(envelope.message.type, 'Inform');
    if (envelope.message.type === 'Inform') assert.deepEqual(envelope.message.parameters, [{ name: 'Device.DeviceInfo.HardwareVersion', value: 'rev 2', type: 'string' }]);
  });

  it('reads a GetParameterValuesResponse with any xsd prefix, unknown types as string, and CDATA verbatim', () => {
    const response = message(
      `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
        <SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand="1">gpv-7</cwmp:ID></SOAP-ENV:Header>
        <SOAP-ENV:Body><cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType="cwmp:ParameterValueStruct[4]">
          <ParameterValueStruct><Name>Device.WiFi.SSID.1.Enable</Name><Value xsi:type="xsd:boolean">1</Value></ParameterValueStruct>
          <ParameterValueStruct><Name>Device.WiFi.SSID.1.SSID</Name><Value xsi:type="xs:string">Caf\u00e9 &lt;5G&gt; &#x1F600;</Value></ParameterValueStruct>
          <ParameterValueStruct><Name>Device.X_VENDOR.Level</Name><Value xsi:type="xsd:unsignedByte">7</Value></ParameterValueStruct>
          <ParameterValueStruct><Name>Device.X_VENDOR.Blob</Name><Value xsi:type="xsd:base64Binary"><![CDATA[a&amp;b<c>]]></Value></ParameterValueStruct>
        </ParameterList></cwmp:GetParameterValuesResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
      'GetParameterValuesResponse',
    );
    assert.deepEqual(response.parameters, [
      { name: 'Device.WiFi.SSID.1.Enable', value: '1', type: 'boolean' },
      { name: 'Device.WiFi.SSID.1.SSID', value: 'Caf\u00e9 <5G> \u{1F600}', type: 'string' },
      { name: 'Device.X_VENDOR.Level', value: '7', type: 'string' },
      { name: 'Device.X_VENDOR.Blob', value: 'a&amp;b<c>', type: 'base64' },
    ]);
  });

  it('reads a SetParameterValuesResponse', () => {
    const response = message(
      `<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-3"><soap-env:Header><cwmp:ID soap-env:mustUnderstand="1">spv-1</cwmp:ID></soap-env:Header><soap-env:Body><cwmp:SetParameterValuesResponse><Status>1</Status></cwmp:SetParameterValuesResponse></soap-env:Body></soap-env:Envelope>`,
      'SetParameterValuesResponse',
    );
    assert.equal(response.status, 1);
  });

  it('reads a 9003 Fault with SetParameterValuesFault items and a prefixed faultcode', () => {
    const envelope = parsed(
      `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
        <SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand="1">spv-2</cwmp:ID></SOAP-ENV:Header>
        <SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>CWMP fault</faultstring>
          <detail><cwmp:Fault><FaultCode>9003</FaultCode><FaultString>Invalid arguments</FaultString>
            <SetParameterValuesFault><ParameterName>Device.Foo.Bar</ParameterName><FaultCode>9005</FaultCode><FaultString>Invalid parameter name</FaultString></SetParameterValuesFault>
            <SetParameterValuesFault><ParameterName>Device.ManagementServer.PeriodicInformInterval</ParameterName><FaultCode>9007</FaultCode><FaultString>Invalid parameter value</FaultString></SetParameterValuesFault>
          </cwmp:Fault></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
    );
    assert.equal(envelope.id, 'spv-2');
    assert.deepEqual(envelope.message, {
      type: 'Fault',
      soapFaultCode: 'Client',
      soapFaultString: 'CWMP fault',
      cwmpFault: {
        faultCode: 9003,
        faultString: 'Invalid arguments',
        setParameterValuesFaults: [
          { parameterName: 'Device.Foo.Bar', faultCode: 9005, faultString: 'Invalid parameter name' },
          { parameterName: 'Device.ManagementServer.PeriodicInformInterval', faultCode: 9007, faultString: 'Invalid parameter value' },
        ],
      },
    });
  });

  it('reads a plain 9005 Fault as a failure with its code', () => {
    const fault = message(
      `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><e:Fault><faultcode>Server</faultcode><faultstring>CWMP fault</faultstring><detail><c:Fault xmlns:c="urn:dslforum-org:cwmp-1-4"><FaultCode>9005</FaultCode><FaultString>Invalid parameter name</FaultString></c:Fault></detail></e:Fault></e:Body></e:Envelope>`,
      'Fault',
    );
    assert.equal(fault.soapFaultCode, 'Server');
    assert.equal(fault.cwmpFault.faultCode, 9005);
    assert.deepEqual(fault.cwmpFault.setParameterValuesFaults, []);
    assert.equal(parsed(`<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><e:Fault><detail><c:Fault xmlns:c="urn:dslforum-org:cwmp-1-4"><FaultCode>9005</FaultCode></c:Fault></detail></e:Fault></e:Body></e:Envelope>`).namespace, 'urn:dslforum-org:cwmp-1-4');
  });

  it('reads a SOAP Fault without CWMP detail as an internal-error failure', () => {
    const fault = message(
      `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><e:Fault><faultcode>e:Server</faultcode><faultstring>out of memory</faultstring></e:Fault></e:Body></e:Envelope>`,
      'Fault',
    );
    assert.deepEqual(fault.cwmpFault, { faultCode: 9002, faultString: 'out of memory', setParameterValuesFaults: [] });
  });

  it('reads a TransferComplete with fault 0', () => {
    const transfer = message(
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><soap:Header><cwmp:ID soap:mustUnderstand="1">tc-1</cwmp:ID></soap:Header><soap:Body><cwmp:TransferComplete>
        <CommandKey>fw-2024-03</CommandKey><FaultStruct><FaultCode>0</FaultCode><FaultString/></FaultStruct>
        <StartTime>2024-03-01T10:00:00Z</StartTime><CompleteTime>2024-03-01T10:04:12Z</CompleteTime>
      </cwmp:TransferComplete></soap:Body></soap:Envelope>`,
      'TransferComplete',
    );
    assert.deepEqual(transfer, {
      type: 'TransferComplete',
      commandKey: 'fw-2024-03',
      fault: { faultCode: 0, faultString: '' },
      startTime: '2024-03-01T10:00:00Z',
      completeTime: '2024-03-01T10:04:12Z',
    });
  });

  it('reads empty elements as empty values and defaults', () => {
    const spv = message(
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Header/><soap:Body><cwmp:SetParameterValues>
        <ParameterList><ParameterValueStruct><Name>Device.X</Name><Value xsi:type="xsd:string"/></ParameterValueStruct><ParameterValueStruct><Name/><Value/></ParameterValueStruct></ParameterList>
        <ParameterKey/></cwmp:SetParameterValues></soap:Body></soap:Envelope>`,
      'SetParameterValues',
    );
    assert.deepEqual(spv, {
      type: 'SetParameterValues',
      parameters: [
        { name: 'Device.X', value: '', type: 'string' },
        { name: '', value: '', type: 'string' },
      ],
      parameterKey: '',
    });
    const reboot = message(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><soap:Body><cwmp:Reboot/></soap:Body></soap:Envelope>`, 'Reboot');
    assert.deepEqual(reboot, { type: 'Reboot', commandKey: '' });
  });

  it('reads ACS requests for the simulator: HoldRequests, a default cwmp namespace, booleans as 0/1', () => {
    const envelope = parsed(
      `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Header><ID xmlns="urn:dslforum-org:cwmp-1-4">x</ID><HoldRequests xmlns="urn:dslforum-org:cwmp-1-4">1</HoldRequests></Header>
       <Body><GetParameterNames xmlns="urn:dslforum-org:cwmp-1-4"><ParameterPath xmlns="">Device.</ParameterPath><NextLevel xmlns="">0</NextLevel></GetParameterNames></Body></Envelope>`,
    );
    assert.deepEqual(envelope, {
      namespace: 'urn:dslforum-org:cwmp-1-4',
      id: 'x',
      holdRequests: true,
      message: { type: 'GetParameterNames', parameterPath: 'Device.', nextLevel: false },
    });
  });

  it('reads an ISO-8859-1 body when the declaration says so', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:dslforum-org:cwmp-1-0"><s:Body><c:Reboot><CommandKey>caf\u00e9</CommandKey></c:Reboot></s:Body></s:Envelope>`;
    assert.deepEqual(message(Buffer.from(xml, 'latin1'), 'Reboot'), { type: 'Reboot', commandKey: 'caf\u00e9' });
  });
});

describe('parseEnvelope rejections', () => {
  const soap = (body: string): string => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:c="urn:dslforum-org:cwmp-1-0"><s:Body>${body}</s:Body></s:Envelope>`;

  it('rejects documents that are not SOAP 1.1 envelopes', () => {
    failsWith('', 'CWMP_NOT_SOAP');
    failsWith('   \n', 'CWMP_NOT_SOAP');
    failsWith('<html><body>hi</body></html>', 'CWMP_NOT_SOAP');
    failsWith('<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>', 'CWMP_NOT_SOAP');
    failsWith('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header/></s:Envelope>', 'CWMP_NOT_SOAP');
  });

  it('rejects an empty Body and unknown messages', () => {
    failsWith(soap(''), 'CWMP_NO_BODY_MESSAGE');
    failsWith(soap('  text only  '), 'CWMP_NO_BODY_MESSAGE');
    failsWith(soap('<c:Frobnicate/>'), 'CWMP_UNKNOWN_MESSAGE');
    // Names of Object.prototype members must not find a reader.
    failsWith(soap('<c:constructor/>'), 'CWMP_UNKNOWN_MESSAGE');
    failsWith(soap('<c:toString/>'), 'CWMP_UNKNOWN_MESSAGE');
    failsWith(soap('<c:__proto__/>'), 'CWMP_UNKNOWN_MESSAGE');
  });

  it('rejects present but unreadable fields and an Inform without DeviceId', () => {
    failsWith(soap('<c:SetParameterValuesResponse><Status>zero</Status></c:SetParameterValuesResponse>'), 'CWMP_INVALID_MESSAGE');
    failsWith(soap('<c:GetParameterNames><NextLevel>maybe</NextLevel></c:GetParameterNames>'), 'CWMP_INVALID_MESSAGE');
    failsWith(soap('<c:Inform><MaxEnvelopes>1</MaxEnvelopes></c:Inform>'), 'CWMP_INVALID_MESSAGE');
    failsWith(soap('<s:Fault><detail><c:Fault><FaultString>no code</FaultString></c:Fault></detail></s:Fault>'), 'CWMP_INVALID_MESSAGE');
  });

  it('rejects arrays beyond maxArrayItems', () => {
    const names = '<string>Device.</string>'.repeat(11);
    const result = parseEnvelope(soap(`<c:GetParameterValues><ParameterNames>${names}</ParameterNames></c:GetParameterValues>`), { maxArrayItems: 10 });
    assert.equal(result.ok ? 'ok' : result.error.code, 'CWMP_BODY_TOO_LARGE');
    assert.equal(parseEnvelope(soap(`<c:GetParameterValues><ParameterNames>${names}</ParameterNames></c:GetParameterValues>`), { maxArrayItems: 11 }).ok, true);
  });
});
