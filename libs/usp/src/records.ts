// The USP Record (TR-369, usp-record.proto) as plain typed values, named like messages.ts.

export type PayloadSecurity = 'PLAINTEXT' | 'TLS12';
export type MqttVersion = 'V3_1_1' | 'V5';
export type PayloadSarState = 'NONE' | 'BEGIN' | 'INPROCESS' | 'COMPLETE';

export interface SessionContextRecord {
  type: 'sessionContext';
  /** uint64 values as decimal strings. */
  sessionId: string;
  sequenceId: string;
  expectedId: string;
  retransmitId: string;
  payloadSarState: PayloadSarState;
  payloadrecSarState: PayloadSarState;
  payload: Uint8Array[];
}

export type UspRecordType =
  /** One whole USP Msg, encoded. */
  | { type: 'noSessionContext'; payload: Uint8Array }
  | SessionContextRecord
  | { type: 'websocketConnect' }
  | { type: 'mqttConnect'; version: MqttVersion; subscribedTopic: string }
  | { type: 'stompConnect'; version: 'V1_2'; subscribedDestination: string }
  | { type: 'disconnect'; reason: string; reasonCode: number }
  | { type: 'udsConnect' };

export interface UspRecord {
  /** USP protocol version of the Record, e.g. "1.3". */
  version: string;
  toId: string;
  fromId: string;
  payloadSecurity: PayloadSecurity;
  macSignature: Uint8Array;
  senderCert: Uint8Array;
  recordType: UspRecordType;
}

/** What decodeRecord accepts: plaintext, without a session context. */
export interface DecodedUspRecord extends UspRecord {
  payloadSecurity: 'PLAINTEXT';
  recordType: Exclude<UspRecordType, SessionContextRecord>;
}

/** The Record version Fleetlog writes; agents speaking 1.3 or 1.4 accept it. */
export const DEFAULT_USP_VERSION = '1.3';
