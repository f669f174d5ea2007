// The CWMP (TR-069 Amendment 6) messages Fleetlog reads and writes, as plain typed values.
// The codec turns SOAP envelopes into these and back; the ACS and the CPE simulator speak them.

/** `urn:dslforum-org:cwmp-1-0` … `cwmp-1-4`: answer in the namespace the CPE used. */
export const CWMP_NAMESPACES = [
  'urn:dslforum-org:cwmp-1-0',
  'urn:dslforum-org:cwmp-1-1',
  'urn:dslforum-org:cwmp-1-2',
  'urn:dslforum-org:cwmp-1-3',
  'urn:dslforum-org:cwmp-1-4',
] as const;
export type CwmpNamespace = (typeof CWMP_NAMESPACES)[number];

/** xsd types a parameter value may carry (xsi:type without prefix). */
export type XsdType = 'string' | 'int' | 'unsignedInt' | 'long' | 'unsignedLong' | 'boolean' | 'dateTime' | 'base64' | 'hexBinary' | 'decimal';

export interface ParameterValueStruct {
  name: string;
  value: string;
  /** From xsi:type; 'string' when the CPE sent none. */
  type: XsdType;
}

export interface DeviceIdStruct {
  manufacturer: string;
  oui: string;
  productClass: string;
  serialNumber: string;
}

export interface EventStruct {
  /** e.g. '0 BOOTSTRAP', '1 BOOT', '2 PERIODIC', '4 VALUE CHANGE', '6 CONNECTION REQUEST', '7 TRANSFER COMPLETE', 'M Reboot'. */
  eventCode: string;
  commandKey: string;
}

export interface FaultStruct {
  /** 0 means no fault. */
  faultCode: number;
  faultString: string;
}

export interface ParameterInfoStruct {
  name: string;
  writable: boolean;
}

export interface ParameterAttributeStruct {
  name: string;
  /** 0 off, 1 passive, 2 active. */
  notification: number;
  accessList: string[];
}

export interface SetParameterAttributesStruct {
  name: string;
  notificationChange: boolean;
  notification: number;
  accessListChange: boolean;
  accessList: string[];
}

export interface SetParameterValuesFault {
  parameterName: string;
  faultCode: number;
  faultString: string;
}

// ---- CPE -> ACS requests and their ACS responses ----

export interface Inform {
  type: 'Inform';
  deviceId: DeviceIdStruct;
  events: EventStruct[];
  maxEnvelopes: number;
  /** As sent (xsd:dateTime text); '0001-01-01T00:00:00Z' is the "unknown time" value. */
  currentTime: string;
  retryCount: number;
  parameters: ParameterValueStruct[];
}
export interface InformResponse {
  type: 'InformResponse';
  maxEnvelopes: number;
}
export interface TransferComplete {
  type: 'TransferComplete';
  commandKey: string;
  fault: FaultStruct;
  startTime: string;
  completeTime: string;
}
export interface TransferCompleteResponse {
  type: 'TransferCompleteResponse';
}
export interface AutonomousTransferComplete {
  type: 'AutonomousTransferComplete';
  announceURL: string;
  transferURL: string;
  isDownload: boolean;
  fileType: string;
  fileSize: number;
  targetFileName: string;
  fault: FaultStruct;
  startTime: string;
  completeTime: string;
}
export interface AutonomousTransferCompleteResponse {
  type: 'AutonomousTransferCompleteResponse';
}
/** Either side may send GetRPCMethods. */
export interface GetRPCMethods {
  type: 'GetRPCMethods';
}
export interface GetRPCMethodsResponse {
  type: 'GetRPCMethodsResponse';
  methods: string[];
}

// ---- ACS -> CPE requests and the CPE's responses ----

export interface GetParameterValues {
  type: 'GetParameterValues';
  names: string[];
}
export interface GetParameterValuesResponse {
  type: 'GetParameterValuesResponse';
  parameters: ParameterValueStruct[];
}
export interface SetParameterValues {
  type: 'SetParameterValues';
  parameters: ParameterValueStruct[];
  parameterKey: string;
}
export interface SetParameterValuesResponse {
  type: 'SetParameterValuesResponse';
  /** 0 applied, 1 applied and committed later (e.g. after reboot). */
  status: number;
}
export interface GetParameterNames {
  type: 'GetParameterNames';
  parameterPath: string;
  nextLevel: boolean;
}
export interface GetParameterNamesResponse {
  type: 'GetParameterNamesResponse';
  parameters: ParameterInfoStruct[];
}
export interface GetParameterAttributes {
  type: 'GetParameterAttributes';
  names: string[];
}
export interface GetParameterAttributesResponse {
  type: 'GetParameterAttributesResponse';
  parameters: ParameterAttributeStruct[];
}
export interface SetParameterAttributes {
  type: 'SetParameterAttributes';
  parameters: SetParameterAttributesStruct[];
}
export interface SetParameterAttributesResponse {
  type: 'SetParameterAttributesResponse';
}
export interface AddObject {
  type: 'AddObject';
  objectName: string;
  parameterKey: string;
}
export interface AddObjectResponse {
  type: 'AddObjectResponse';
  instanceNumber: number;
  status: number;
}
export interface DeleteObject {
  type: 'DeleteObject';
  objectName: string;
  parameterKey: string;
}
export interface DeleteObjectResponse {
  type: 'DeleteObjectResponse';
  status: number;
}
export interface Reboot {
  type: 'Reboot';
  commandKey: string;
}
export interface RebootResponse {
  type: 'RebootResponse';
}
export interface FactoryReset {
  type: 'FactoryReset';
}
export interface FactoryResetResponse {
  type: 'FactoryResetResponse';
}
export interface Download {
  type: 'Download';
  commandKey: string;
  fileType: string;
  url: string;
  username: string;
  password: string;
  fileSize: number;
  targetFileName: string;
  delaySeconds: number;
  successURL: string;
  failureURL: string;
}
export interface DownloadResponse {
  type: 'DownloadResponse';
  /** 0 done (times set), 1 will complete later with TransferComplete. */
  status: number;
  startTime: string;
  completeTime: string;
}
export interface Upload {
  type: 'Upload';
  commandKey: string;
  fileType: string;
  url: string;
  username: string;
  password: string;
  delaySeconds: number;
}
export interface UploadResponse {
  type: 'UploadResponse';
  status: number;
  startTime: string;
  completeTime: string;
}
export interface ScheduleInform {
  type: 'ScheduleInform';
  delaySeconds: number;
  commandKey: string;
}
export interface ScheduleInformResponse {
  type: 'ScheduleInformResponse';
}

/** A SOAP Fault; CWMP faults carry detail/cwmp:Fault with a 8000–8999 (ACS) or 9000–9019 (CPE) code. */
export interface Fault {
  type: 'Fault';
  /** SOAP faultcode without prefix: 'Client' or 'Server'. */
  soapFaultCode: 'Client' | 'Server';
  soapFaultString: string;
  cwmpFault: FaultStruct & { setParameterValuesFaults: SetParameterValuesFault[] };
}

/** What a CPE sends to the ACS (besides an empty POST). */
export type CpeMessage =
  | Inform
  | TransferComplete
  | AutonomousTransferComplete
  | GetRPCMethods
  | GetRPCMethodsResponse
  | GetParameterValuesResponse
  | SetParameterValuesResponse
  | GetParameterNamesResponse
  | GetParameterAttributesResponse
  | SetParameterAttributesResponse
  | AddObjectResponse
  | DeleteObjectResponse
  | RebootResponse
  | FactoryResetResponse
  | DownloadResponse
  | UploadResponse
  | ScheduleInformResponse
  | Fault;

/** What the ACS sends to a CPE. */
export type AcsMessage =
  | InformResponse
  | TransferCompleteResponse
  | AutonomousTransferCompleteResponse
  | GetRPCMethods
  | GetRPCMethodsResponse
  | GetParameterValues
  | SetParameterValues
  | GetParameterNames
  | GetParameterAttributes
  | SetParameterAttributes
  | AddObject
  | DeleteObject
  | Reboot
  | FactoryReset
  | Download
  | Upload
  | ScheduleInform
  | Fault;

export type CwmpMessage = CpeMessage | AcsMessage;
export type CwmpMessageType = CwmpMessage['type'];

/** The ACS RPCs Fleetlog issues as commands, each with the response type that completes it. */
export const ACS_RPC_RESPONSES = {
  GetParameterValues: 'GetParameterValuesResponse',
  SetParameterValues: 'SetParameterValuesResponse',
  GetParameterNames: 'GetParameterNamesResponse',
  GetParameterAttributes: 'GetParameterAttributesResponse',
  SetParameterAttributes: 'SetParameterAttributesResponse',
  AddObject: 'AddObjectResponse',
  DeleteObject: 'DeleteObjectResponse',
  Reboot: 'RebootResponse',
  FactoryReset: 'FactoryResetResponse',
  Download: 'DownloadResponse',
  Upload: 'UploadResponse',
  ScheduleInform: 'ScheduleInformResponse',
  GetRPCMethods: 'GetRPCMethodsResponse',
} as const;

/** One SOAP envelope: its cwmp:ID header (echoed in the answer), the namespace used, one body message. */
export interface CwmpEnvelope<M extends CwmpMessage = CwmpMessage> {
  namespace: CwmpNamespace;
  /** cwmp:ID header; null when absent. */
  id: string | null;
  /** cwmp:HoldRequests header (ACS -> CPE only). */
  holdRequests: boolean;
  message: M;
}

/** CPE fault codes (TR-069 Table 91). */
export const CPE_FAULTS: Record<number, string> = {
  9000: 'Method not supported',
  9001: 'Request denied',
  9002: 'Internal error',
  9003: 'Invalid arguments',
  9004: 'Resources exceeded',
  9005: 'Invalid parameter name',
  9006: 'Invalid parameter type',
  9007: 'Invalid parameter value',
  9008: 'Attempt to set a non-writable parameter',
  9009: 'Notification request rejected',
  9010: 'File transfer failure',
  9011: 'Upload failure',
  9012: 'File transfer server authentication failure',
  9013: 'Unsupported protocol for file transfer',
  9014: 'File transfer failure: unable to join multicast group',
  9015: 'File transfer failure: unable to contact file server',
  9016: 'File transfer failure: unable to access file',
  9017: 'File transfer failure: unable to complete download',
  9018: 'File transfer failure: file corrupted',
  9019: 'File transfer failure: file authentication failure',
};

/** ACS fault codes (TR-069 Table 92) the ACS answers CPE requests with. */
export const ACS_FAULTS: Record<number, string> = {
  8000: 'Method not supported',
  8001: 'Request denied',
  8002: 'Internal error',
  8003: 'Invalid arguments',
  8004: 'Resources exceeded',
  8005: 'Retry request',
};
