import type {
  CwmpMessage,
  CwmpMessageType,
  Fault,
  FaultStruct,
  ParameterValueStruct,
  SetParameterValuesFault,
} from './messages.js';
import { UNKNOWN_TIME, XSI_NS } from './namespaces.js';
import { checkArraySize, parseInteger, readBool, readInt, readItems, readString, readStrings, requiredChild } from './read-fields.js';
import type { ReadContext } from './read-fields.js';
import { xsdTypeFromAttribute } from './xsd-types.js';
import { findAttribute, findChild } from './xml-tree.js';
import type { XmlElement } from './xml-tree.js';

type MessageOf<T extends CwmpMessageType> = Extract<CwmpMessage, { type: T }>;
type Reader<T extends CwmpMessageType> = (element: XmlElement, context: ReadContext) => MessageOf<T>;

const readParameterValues = (parent: XmlElement, local: string, context: ReadContext): ParameterValueStruct[] =>
  readItems(parent, local, context).map((item) => {
    const value = findChild(item, 'Value');
    return {
      name: readString(item, 'Name'),
      value: value?.text ?? '',
      type: xsdTypeFromAttribute(value === undefined ? undefined : findAttribute(value, 'type', XSI_NS)?.value),
    };
  });

const readFaultStruct = (parent: XmlElement): FaultStruct => {
  const fault = findChild(parent, 'FaultStruct');
  return fault === undefined ? { faultCode: 0, faultString: '' } : { faultCode: readInt(fault, 'FaultCode'), faultString: readString(fault, 'FaultString') };
};

// Every message type except the SOAP Fault, keyed by the body element's local name (which is its type).
// The mapped type makes forgetting a message a compile error.
export const MESSAGE_READERS: { readonly [T in Exclude<CwmpMessageType, 'Fault'>]: Reader<T> } = {
  Inform: (el, context) => {
    const deviceId = requiredChild(el, 'DeviceId');
    return {
      type: 'Inform',
      deviceId: {
        manufacturer: readString(deviceId, 'Manufacturer'),
        oui: readString(deviceId, 'OUI'),
        productClass: readString(deviceId, 'ProductClass'),
        serialNumber: readString(deviceId, 'SerialNumber'),
      },
      events: readItems(el, 'Event', context).map((event) => ({ eventCode: readString(event, 'EventCode'), commandKey: readString(event, 'CommandKey') })),
      maxEnvelopes: readInt(el, 'MaxEnvelopes', 1),
      currentTime: readString(el, 'CurrentTime', UNKNOWN_TIME),
      retryCount: readInt(el, 'RetryCount'),
      parameters: readParameterValues(el, 'ParameterList', context),
    };
  },
  InformResponse: (el) => ({ type: 'InformResponse', maxEnvelopes: readInt(el, 'MaxEnvelopes', 1) }),
  TransferComplete: (el) => ({
    type: 'TransferComplete',
    commandKey: readString(el, 'CommandKey'),
    fault: readFaultStruct(el),
    startTime: readString(el, 'StartTime', UNKNOWN_TIME),
    completeTime: readString(el, 'CompleteTime', UNKNOWN_TIME),
  }),
  TransferCompleteResponse: () => ({ type: 'TransferCompleteResponse' }),
  AutonomousTransferComplete: (el) => ({
    type: 'AutonomousTransferComplete',
    announceURL: readString(el, 'AnnounceURL'),
    transferURL: readString(el, 'TransferURL'),
    isDownload: readBool(el, 'IsDownload'),
    fileType: readString(el, 'FileType'),
    fileSize: readInt(el, 'FileSize'),
    targetFileName: readString(el, 'TargetFileName'),
    fault: readFaultStruct(el),
    startTime: readString(el, 'StartTime', UNKNOWN_TIME),
    completeTime: readString(el, 'CompleteTime', UNKNOWN_TIME),
  }),
  AutonomousTransferCompleteResponse: () => ({ type: 'AutonomousTransferCompleteResponse' }),
  GetRPCMethods: () => ({ type: 'GetRPCMethods' }),
  GetRPCMethodsResponse: (el, context) => ({ type: 'GetRPCMethodsResponse', methods: readStrings(el, 'MethodList', context) }),
  GetParameterValues: (el, context) => ({ type: 'GetParameterValues', names: readStrings(el, 'ParameterNames', context) }),
  GetParameterValuesResponse: (el, context) => ({ type: 'GetParameterValuesResponse', parameters: readParameterValues(el, 'ParameterList', context) }),
  SetParameterValues: (el, context) => ({
    type: 'SetParameterValues',
    parameters: readParameterValues(el, 'ParameterList', context),
    parameterKey: readString(el, 'ParameterKey'),
  }),
  SetParameterValuesResponse: (el) => ({ type: 'SetParameterValuesResponse', status: readInt(el, 'Status') }),
  GetParameterNames: (el) => ({ type: 'GetParameterNames', parameterPath: readString(el, 'ParameterPath'), nextLevel: readBool(el, 'NextLevel') }),
  GetParameterNamesResponse: (el, context) => ({
    type: 'GetParameterNamesResponse',
    parameters: readItems(el, 'ParameterList', context).map((item) => ({ name: readString(item, 'Name'), writable: readBool(item, 'Writable') })),
  }),
  GetParameterAttributes: (el, context) => ({ type: 'GetParameterAttributes', names: readStrings(el, 'ParameterNames', context) }),
  GetParameterAttributesResponse: (el, context) => ({
    type: 'GetParameterAttributesResponse',
    parameters: readItems(el, 'ParameterList', context).map((item) => ({
      name: readString(item, 'Name'),
      notification: readInt(item, 'Notification'),
      accessList: readStrings(item, 'AccessList', context),
    })),
  }),
  SetParameterAttributes: (el, context) => ({
    type: 'SetParameterAttributes',
    parameters: readItems(el, 'ParameterList', context).map((item) => ({
      name: readString(item, 'Name'),
      notificationChange: readBool(item, 'NotificationChange'),
      notification: readInt(item, 'Notification'),
      accessListChange: readBool(item, 'AccessListChange'),
      accessList: readStrings(item, 'AccessList', context),
    })),
  }),
  SetParameterAttributesResponse: () => ({ type: 'SetParameterAttributesResponse' }),
  AddObject: (el) => ({ type: 'AddObject', objectName: readString(el, 'ObjectName'), parameterKey: readString(el, 'ParameterKey') }),
  AddObjectResponse: (el) => ({ type: 'AddObjectResponse', instanceNumber: readInt(el, 'InstanceNumber'), status: readInt(el, 'Status') }),
  DeleteObject: (el) => ({ type: 'DeleteObject', objectName: readString(el, 'ObjectName'), parameterKey: readString(el, 'ParameterKey') }),
  DeleteObjectResponse: (el) => ({ type: 'DeleteObjectResponse', status: readInt(el, 'Status') }),
  Reboot: (el) => ({ type: 'Reboot', commandKey: readString(el, 'CommandKey') }),
  RebootResponse: () => ({ type: 'RebootResponse' }),
  FactoryReset: () => ({ type: 'FactoryReset' }),
  FactoryResetResponse: () => ({ type: 'FactoryResetResponse' }),
  Download: (el) => ({
    type: 'Download',
    commandKey: readString(el, 'CommandKey'),
    fileType: readString(el, 'FileType'),
    url: readString(el, 'URL'),
    username: readString(el, 'Username'),
    password: readString(el, 'Password'),
    fileSize: readInt(el, 'FileSize'),
    targetFileName: readString(el, 'TargetFileName'),
    delaySeconds: readInt(el, 'DelaySeconds'),
    successURL: readString(el, 'SuccessURL'),
    failureURL: readString(el, 'FailureURL'),
  }),
  DownloadResponse: (el) => ({
    type: 'DownloadResponse',
    status: readInt(el, 'Status'),
    startTime: readString(el, 'StartTime', UNKNOWN_TIME),
    completeTime: readString(el, 'CompleteTime', UNKNOWN_TIME),
  }),
  Upload: (el) => ({
    type: 'Upload',
    commandKey: readString(el, 'CommandKey'),
    fileType: readString(el, 'FileType'),
    url: readString(el, 'URL'),
    username: readString(el, 'Username'),
    password: readString(el, 'Password'),
    delaySeconds: readInt(el, 'DelaySeconds'),
  }),
  UploadResponse: (el) => ({
    type: 'UploadResponse',
    status: readInt(el, 'Status'),
    startTime: readString(el, 'StartTime', UNKNOWN_TIME),
    completeTime: readString(el, 'CompleteTime', UNKNOWN_TIME),
  }),
  ScheduleInform: (el) => ({ type: 'ScheduleInform', delaySeconds: readInt(el, 'DelaySeconds'), commandKey: readString(el, 'CommandKey') }),
  ScheduleInformResponse: () => ({ type: 'ScheduleInformResponse' }),
};

export const readerFor = (local: string): ((element: XmlElement, context: ReadContext) => CwmpMessage) | undefined =>
  Object.hasOwn(MESSAGE_READERS, local) ? (MESSAGE_READERS[local as keyof typeof MESSAGE_READERS] as (element: XmlElement, context: ReadContext) => CwmpMessage) : undefined;

/** Finds the cwmp:Fault inside a SOAP Fault's detail (or, from broken CPEs, the SOAP Fault itself). */
export function findCwmpFault(soapFault: XmlElement): XmlElement | undefined {
  const detail = findChild(soapFault, 'detail');
  const inDetail = detail === undefined ? undefined : findChild(detail, 'Fault');
  if (inDetail !== undefined) return inDetail;
  // Exact case here: the SOAP Fault's own <faultcode> must not pass for a CWMP <FaultCode>.
  return soapFault.children.some((child) => child.local === 'FaultCode') ? soapFault : undefined;
}

// A SOAP Fault without a CWMP detail still means the RPC failed; report it as an internal error with
// whatever the CPE said, so it reaches the operator as a failed command rather than a success.
const FALLBACK_FAULT_CODE = 9002;

export function readFault(soapFault: XmlElement, context: ReadContext): Fault {
  const rawCode = readString(soapFault, 'faultcode').trim();
  const soapFaultCode = rawCode.slice(rawCode.indexOf(':') + 1).toLowerCase().startsWith('server') ? 'Server' : 'Client';
  const soapFaultString = readString(soapFault, 'faultstring');
  const cwmpFault = findCwmpFault(soapFault);
  if (cwmpFault === undefined) {
    return { type: 'Fault', soapFaultCode, soapFaultString, cwmpFault: { faultCode: FALLBACK_FAULT_CODE, faultString: soapFaultString, setParameterValuesFaults: [] } };
  }
  const faultCode = parseInteger(requiredChild(cwmpFault, 'FaultCode').text, 'Fault/FaultCode');
  const spvFaults = cwmpFault.children.filter((child) => child.local === 'SetParameterValuesFault');
  checkArraySize(spvFaults, 'Fault/SetParameterValuesFault', context);
  const setParameterValuesFaults: SetParameterValuesFault[] = spvFaults.map((item) => ({
    parameterName: readString(item, 'ParameterName'),
    faultCode: readInt(item, 'FaultCode'),
    faultString: readString(item, 'FaultString'),
  }));
  return { type: 'Fault', soapFaultCode, soapFaultString, cwmpFault: { faultCode, faultString: readString(cwmpFault, 'FaultString'), setParameterValuesFaults } };
}
