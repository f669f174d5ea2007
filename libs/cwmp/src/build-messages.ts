import type { CwmpMessage, Download, Fault, FaultStruct, ParameterValueStruct, Upload } from './messages.js';
import { xsiTypeOf } from './xsd-types.js';
import { escapeXmlText } from './xml-text.js';

// Argument elements are unqualified, as in the TR-069 schema; only the message element carries cwmp:.

const text = (name: string, value: string): string => `<${name}>${escapeXmlText(value)}</${name}>`;

// Numbers are integers on the wire; BigInt keeps large values out of exponent notation.
const formatInteger = (value: number): string => (Number.isFinite(value) ? BigInt(Math.trunc(value)).toString() : '0');

const int = (name: string, value: number): string => `<${name}>${formatInteger(value)}</${name}>`;

/** Download and Upload open with the same five arguments, in this order. */
const transferHead = (m: Download | Upload): string =>
  text('CommandKey', m.commandKey) + text('FileType', m.fileType) + text('URL', m.url) + text('Username', m.username) + text('Password', m.password);

const bool = (name: string, value: boolean): string => `<${name}>${value ? 'true' : 'false'}</${name}>`;

/** A SOAP-encoded array: soap-enc:arrayType always states the real count. */
const array = (name: string, itemType: string, items: readonly string[]): string =>
  `<${name} soap-enc:arrayType="${itemType}[${items.length}]">${items.join('')}</${name}>`;

const strings = (name: string, values: readonly string[]): string => array(name, 'xsd:string', values.map((value) => text('string', value)));

const parameterValues = (parameters: readonly ParameterValueStruct[]): string =>
  array(
    'ParameterList',
    'cwmp:ParameterValueStruct',
    parameters.map((p) => `<ParameterValueStruct>${text('Name', p.name)}<Value xsi:type="${xsiTypeOf(p.type)}">${escapeXmlText(p.value)}</Value></ParameterValueStruct>`),
  );

const faultStruct = (fault: FaultStruct): string => `<FaultStruct>${int('FaultCode', fault.faultCode)}${text('FaultString', fault.faultString)}</FaultStruct>`;

const soapFault = (fault: Fault): string => {
  const { cwmpFault } = fault;
  const spvFaults = cwmpFault.setParameterValuesFaults
    .map((f) => `<SetParameterValuesFault>${text('ParameterName', f.parameterName)}${int('FaultCode', f.faultCode)}${text('FaultString', f.faultString)}</SetParameterValuesFault>`)
    .join('');
  return (
    `<soap-env:Fault>${text('faultcode', fault.soapFaultCode)}${text('faultstring', fault.soapFaultString)}` +
    `<detail><cwmp:Fault>${int('FaultCode', cwmpFault.faultCode)}${text('FaultString', cwmpFault.faultString)}${spvFaults}</cwmp:Fault></detail>` +
    `</soap-env:Fault>`
  );
};

/** The arguments of a message, in the order TR-069 lists them. */
const argumentsOf = (message: Exclude<CwmpMessage, Fault>): string => {
  switch (message.type) {
    case 'Inform':
      return (
        `<DeviceId>${text('Manufacturer', message.deviceId.manufacturer)}${text('OUI', message.deviceId.oui)}` +
        `${text('ProductClass', message.deviceId.productClass)}${text('SerialNumber', message.deviceId.serialNumber)}</DeviceId>` +
        array(
          'Event',
          'cwmp:EventStruct',
          message.events.map((e) => `<EventStruct>${text('EventCode', e.eventCode)}${text('CommandKey', e.commandKey)}</EventStruct>`),
        ) +
        int('MaxEnvelopes', message.maxEnvelopes) +
        text('CurrentTime', message.currentTime) +
        int('RetryCount', message.retryCount) +
        parameterValues(message.parameters)
      );
    case 'InformResponse':
      return int('MaxEnvelopes', message.maxEnvelopes);
    case 'TransferComplete':
      return text('CommandKey', message.commandKey) + faultStruct(message.fault) + text('StartTime', message.startTime) + text('CompleteTime', message.completeTime);
    case 'AutonomousTransferComplete':
      return (
        text('AnnounceURL', message.announceURL) +
        text('TransferURL', message.transferURL) +
        bool('IsDownload', message.isDownload) +
        text('FileType', message.fileType) +
        int('FileSize', message.fileSize) +
        text('TargetFileName', message.targetFileName) +
        faultStruct(message.fault) +
        text('StartTime', message.startTime) +
        text('CompleteTime', message.completeTime)
      );
    case 'GetRPCMethodsResponse':
      return strings('MethodList', message.methods);
    case 'GetParameterValues':
    case 'GetParameterAttributes':
      return strings('ParameterNames', message.names);
    case 'GetParameterValuesResponse':
      return parameterValues(message.parameters);
    case 'SetParameterValues':
      return parameterValues(message.parameters) + text('ParameterKey', message.parameterKey);
    case 'SetParameterValuesResponse':
    case 'DeleteObjectResponse':
      return int('Status', message.status);
    case 'GetParameterNames':
      return text('ParameterPath', message.parameterPath) + bool('NextLevel', message.nextLevel);
    case 'GetParameterNamesResponse':
      return array(
        'ParameterList',
        'cwmp:ParameterInfoStruct',
        message.parameters.map((p) => `<ParameterInfoStruct>${text('Name', p.name)}${bool('Writable', p.writable)}</ParameterInfoStruct>`),
      );
    case 'GetParameterAttributesResponse':
      return array(
        'ParameterList',
        'cwmp:ParameterAttributeStruct',
        message.parameters.map(
          (p) => `<ParameterAttributeStruct>${text('Name', p.name)}${int('Notification', p.notification)}${strings('AccessList', p.accessList)}</ParameterAttributeStruct>`,
        ),
      );
    case 'SetParameterAttributes':
      return array(
        'ParameterList',
        'cwmp:SetParameterAttributesStruct',
        message.parameters.map(
          (p) =>
            `<SetParameterAttributesStruct>${text('Name', p.name)}${bool('NotificationChange', p.notificationChange)}${int('Notification', p.notification)}` +
            `${bool('AccessListChange', p.accessListChange)}${strings('AccessList', p.accessList)}</SetParameterAttributesStruct>`,
        ),
      );
    case 'AddObject':
    case 'DeleteObject':
      return text('ObjectName', message.objectName) + text('ParameterKey', message.parameterKey);
    case 'AddObjectResponse':
      return int('InstanceNumber', message.instanceNumber) + int('Status', message.status);
    case 'Reboot':
      return text('CommandKey', message.commandKey);
    case 'Download':
      return (
        transferHead(message) +
        int('FileSize', message.fileSize) +
        text('TargetFileName', message.targetFileName) +
        int('DelaySeconds', message.delaySeconds) +
        text('SuccessURL', message.successURL) +
        text('FailureURL', message.failureURL)
      );
    case 'DownloadResponse':
    case 'UploadResponse':
      return int('Status', message.status) + text('StartTime', message.startTime) + text('CompleteTime', message.completeTime);
    case 'Upload':
      return transferHead(message) + int('DelaySeconds', message.delaySeconds);
    case 'ScheduleInform':
      return int('DelaySeconds', message.delaySeconds) + text('CommandKey', message.commandKey);
    case 'TransferCompleteResponse':
    case 'AutonomousTransferCompleteResponse':
    case 'GetRPCMethods':
    case 'SetParameterAttributesResponse':
    case 'RebootResponse':
    case 'FactoryReset':
    case 'FactoryResetResponse':
    case 'ScheduleInformResponse':
      return '';
    default: {
      const unhandled: never = message;
      throw new Error(`Unhandled CWMP message ${JSON.stringify(unhandled)}`);
    }
  }
};

/** The Body content for one message: a cwmp:<Type> element, or a SOAP Fault. */
export function buildMessage(message: CwmpMessage): string {
  if (message.type === 'Fault') return soapFault(message);
  return `<cwmp:${message.type}>${argumentsOf(message)}</cwmp:${message.type}>`;
}
