// fast-check arbitraries for every CWMP message, shared by the codec's property tests.
import fc from 'fast-check';
import { CWMP_NAMESPACES } from '../messages.js';
import type { CwmpEnvelope, CwmpMessage, CwmpMessageType, FaultStruct, ParameterValueStruct, XsdType } from '../messages.js';

// XML 1.0 cannot carry these at all (the builder replaces them), so round-trip strings leave them out.
// eslint-disable-next-line no-control-regex -- these are exactly the characters we strip
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const markup = fc.constantFrom('<', '>', '&', '"', "'", '\r', '\n', '\r\n', '\t', ' ', ']]>', '<![CDATA[', '&#60;', '&amp;', '&lt;b&gt;', '<!--', '<!DOCTYPE x>', '</a>', '\u00e9', '\u4e2d', '\u{1F600}', '\u200b', '\uFEFF');

/** Strings full of markup characters, references, whitespace and unicode, all of them representable in XML. */
export const xmlString: fc.Arbitrary<string> = fc
  .string({ unit: fc.oneof({ arbitrary: markup, weight: 2 }, { arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }), weight: 2 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 1 }), weight: 1 }), maxLength: 24 })
  .map((s) => s.replace(NOT_XML, ''));

const text = xmlString;
// Plain objects only: the parser returns ordinary objects, and deepEqual compares prototypes.
const record = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  // Without requiredKeys every key is required; the cast states what the generic signature cannot.
  fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;
const unsigned = fc.integer({ min: 0, max: 0xffffffff });
const signed = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const list = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(arb, { maxLength: 5 });

export const xsdType: fc.Arbitrary<XsdType> = fc.constantFrom('string', 'int', 'unsignedInt', 'long', 'unsignedLong', 'boolean', 'dateTime', 'base64', 'hexBinary', 'decimal');

const parameterValue: fc.Arbitrary<ParameterValueStruct> = record({ name: text, value: text, type: xsdType });
const faultStruct: fc.Arbitrary<FaultStruct> = record({ faultCode: unsigned, faultString: text });

const messageArbitraries: { [T in CwmpMessageType]: fc.Arbitrary<Extract<CwmpMessage, { type: T }>> } = {
  Inform: record({
    type: fc.constant('Inform'),
    deviceId: record({ manufacturer: text, oui: text, productClass: text, serialNumber: text }),
    events: list(record({ eventCode: text, commandKey: text })),
    maxEnvelopes: unsigned,
    currentTime: text,
    retryCount: unsigned,
    parameters: list(parameterValue),
  }),
  InformResponse: record({ type: fc.constant('InformResponse'), maxEnvelopes: unsigned }),
  TransferComplete: record({ type: fc.constant('TransferComplete'), commandKey: text, fault: faultStruct, startTime: text, completeTime: text }),
  TransferCompleteResponse: record({ type: fc.constant('TransferCompleteResponse') }),
  AutonomousTransferComplete: record({
    type: fc.constant('AutonomousTransferComplete'),
    announceURL: text,
    transferURL: text,
    isDownload: fc.boolean(),
    fileType: text,
    fileSize: unsigned,
    targetFileName: text,
    fault: faultStruct,
    startTime: text,
    completeTime: text,
  }),
  AutonomousTransferCompleteResponse: record({ type: fc.constant('AutonomousTransferCompleteResponse') }),
  GetRPCMethods: record({ type: fc.constant('GetRPCMethods') }),
  GetRPCMethodsResponse: record({ type: fc.constant('GetRPCMethodsResponse'), methods: list(text) }),
  GetParameterValues: record({ type: fc.constant('GetParameterValues'), names: list(text) }),
  GetParameterValuesResponse: record({ type: fc.constant('GetParameterValuesResponse'), parameters: list(parameterValue) }),
  SetParameterValues: record({ type: fc.constant('SetParameterValues'), parameters: list(parameterValue), parameterKey: text }),
  SetParameterValuesResponse: record({ type: fc.constant('SetParameterValuesResponse'), status: signed }),
  GetParameterNames: record({ type: fc.constant('GetParameterNames'), parameterPath: text, nextLevel: fc.boolean() }),
  GetParameterNamesResponse: record({ type: fc.constant('GetParameterNamesResponse'), parameters: list(record({ name: text, writable: fc.boolean() })) }),
  GetParameterAttributes: record({ type: fc.constant('GetParameterAttributes'), names: list(text) }),
  GetParameterAttributesResponse: record({
    type: fc.constant('GetParameterAttributesResponse'),
    parameters: list(record({ name: text, notification: signed, accessList: list(text) })),
  }),
  SetParameterAttributes: record({
    type: fc.constant('SetParameterAttributes'),
    parameters: list(record({ name: text, notificationChange: fc.boolean(), notification: signed, accessListChange: fc.boolean(), accessList: list(text) })),
  }),
  SetParameterAttributesResponse: record({ type: fc.constant('SetParameterAttributesResponse') }),
  AddObject: record({ type: fc.constant('AddObject'), objectName: text, parameterKey: text }),
  AddObjectResponse: record({ type: fc.constant('AddObjectResponse'), instanceNumber: unsigned, status: signed }),
  DeleteObject: record({ type: fc.constant('DeleteObject'), objectName: text, parameterKey: text }),
  DeleteObjectResponse: record({ type: fc.constant('DeleteObjectResponse'), status: signed }),
  Reboot: record({ type: fc.constant('Reboot'), commandKey: text }),
  RebootResponse: record({ type: fc.constant('RebootResponse') }),
  FactoryReset: record({ type: fc.constant('FactoryReset') }),
  FactoryResetResponse: record({ type: fc.constant('FactoryResetResponse') }),
  Download: record({
    type: fc.constant('Download'),
    commandKey: text,
    fileType: text,
    url: text,
    username: text,
    password: text,
    fileSize: unsigned,
    targetFileName: text,
    delaySeconds: unsigned,
    successURL: text,
    failureURL: text,
  }),
  DownloadResponse: record({ type: fc.constant('DownloadResponse'), status: signed, startTime: text, completeTime: text }),
  Upload: record({ type: fc.constant('Upload'), commandKey: text, fileType: text, url: text, username: text, password: text, delaySeconds: unsigned }),
  UploadResponse: record({ type: fc.constant('UploadResponse'), status: signed, startTime: text, completeTime: text }),
  ScheduleInform: record({ type: fc.constant('ScheduleInform'), delaySeconds: unsigned, commandKey: text }),
  ScheduleInformResponse: record({ type: fc.constant('ScheduleInformResponse') }),
  Fault: record({
    type: fc.constant('Fault'),
    soapFaultCode: fc.constantFrom('Client', 'Server'),
    soapFaultString: text,
    cwmpFault: record({
      faultCode: unsigned,
      faultString: text,
      setParameterValuesFaults: list(record({ parameterName: text, faultCode: unsigned, faultString: text })),
    }),
  }),
};

export const MESSAGE_TYPES = Object.keys(messageArbitraries) as CwmpMessageType[];

export const messageOf = <T extends CwmpMessageType>(type: T): fc.Arbitrary<Extract<CwmpMessage, { type: T }>> => messageArbitraries[type];

export const envelopeWith = <M extends CwmpMessage>(message: fc.Arbitrary<M>): fc.Arbitrary<CwmpEnvelope<M>> =>
  record({ namespace: fc.constantFrom(...CWMP_NAMESPACES), id: fc.option(text, { nil: null }), holdRequests: fc.boolean(), message });

/** Any envelope of any message type. */
export const anyEnvelope: fc.Arbitrary<CwmpEnvelope> = envelopeWith(fc.oneof(...MESSAGE_TYPES.map((type) => messageOf(type) as fc.Arbitrary<CwmpMessage>)));
