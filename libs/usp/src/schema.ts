import protobuf from 'protobufjs';
import type { INamespace } from 'protobufjs';
import { uspDescriptor } from './generated/usp-descriptor.js';

// The compiled USP schema: a constant built once from the generated descriptor, like a regex.
const root = protobuf.Root.fromJSON(uspDescriptor as INamespace).resolveAll();

export const RecordType = root.lookupType('usp_record.Record');
export const MsgType = root.lookupType('usp.Msg');
export const HeaderMsgTypeEnum = root.lookupEnum('usp.Header.MsgType');
export const BodyOneof = root.lookupType('usp.Body').oneofs['msgBody'] as protobuf.OneOf;
export const ErrorType = root.lookupType('usp.Error');

/** The Request or Response member (e.g. `getSupportedDm`) that carries a body type, by message name. */
export const bodyMembers = new Map<string, { container: 'request' | 'response'; member: protobuf.Field; type: protobuf.Type }>();
for (const container of ['request', 'response'] as const) {
  const containerType = root.lookupType(container === 'request' ? 'usp.Request' : 'usp.Response');
  for (const member of containerType.fieldsArray) {
    if (member.resolvedType instanceof protobuf.Type) bodyMembers.set(member.resolvedType.name, { container, member, type: member.resolvedType });
  }
}
