import type { UspCodecError } from './errors.js';
import type { UspMsg } from './messages.js';
import { encodeMsg } from './msg-codec.js';
import { DEFAULT_USP_VERSION } from './records.js';
import type { MqttVersion, UspRecord, UspRecordType } from './records.js';

export interface RecordAddress {
  toId: string;
  fromId: string;
  /** Defaults to DEFAULT_USP_VERSION. */
  version?: string;
}

const record = ({ toId, fromId, version = DEFAULT_USP_VERSION }: RecordAddress, recordType: UspRecordType): UspRecord => ({
  version,
  toId,
  fromId,
  payloadSecurity: 'PLAINTEXT',
  macSignature: new Uint8Array(),
  senderCert: new Uint8Array(),
  recordType,
});

/** The everyday Record: one encoded Msg, plaintext, no session context. */
export const noSessionRecord = (options: RecordAddress & { msg: UspMsg }): UspRecord =>
  record(options, { type: 'noSessionContext', payload: encodeMsg(options.msg) });

/** What an agent sends on connecting over MQTT; no reply is expected. */
export const mqttConnectRecord = (options: RecordAddress & { mqttVersion: MqttVersion; subscribedTopic: string }): UspRecord =>
  record(options, { type: 'mqttConnect', version: options.mqttVersion, subscribedTopic: options.subscribedTopic });

/** Tells the peer why we stop talking to it; reasonCode is a USP error code (e.g. 7106). */
export const disconnectRecord = (options: RecordAddress & { reason: string; reasonCode: number }): UspRecord =>
  record(options, { type: 'disconnect', reason: options.reason, reasonCode: options.reasonCode });

/**
 * The polite answer to a Record decodeRecord refused after reading its header (session context,
 * encrypted payload, invalid record): a DisconnectRecord back to its sender with the error's
 * USP code. undefined when the sender is unknown (undecodable or oversized bytes).
 */
export const disconnectFor = (error: UspCodecError, from: { fromId: string; version?: string }): UspRecord | undefined => {
  const sender = error.recordHeader;
  if (sender === undefined || sender.fromId === '') return undefined;
  return disconnectRecord({ ...from, toId: sender.fromId, reason: error.message, reasonCode: error.uspErrorCode });
};
