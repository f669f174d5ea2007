// fast-check arbitraries for every USP Msg body and Record type, shared by the codec's property tests.
import fc from 'fast-check';
import { USP_BODY_TYPE_NAMES } from '../messages.js';
import type { CmdFailure, OperFailure, OutputArgsResp, ParameterError, StringMap, UspBody, UspBodyType, UspErrorFields, UspMsg } from '../messages.js';
import type { UspRecord, UspRecordType } from '../records.js';

// Any Unicode text (protobuf strings are UTF-8, so no lone surrogates).
export const text: fc.Arbitrary<string> = fc.string({ unit: 'binary', maxLength: 12 });
// Plain objects only: the decoder returns ordinary objects, and deepEqual compares prototypes.
const record = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  // Without requiredKeys every key is required; the cast states what the generic signature cannot.
  fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;
const list = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(arb, { maxLength: 4 });
const fixed32 = fc.integer({ min: 0, max: 0xffffffff });
// protobufjs, like any JS object map, cannot hold a "__proto__" key; TR-181 names never are.
const stringMap: fc.Arbitrary<StringMap> = fc.dictionary(text.filter((key) => key !== '__proto__'), text, { maxKeys: 4, noNullPrototype: true });
const bytes = fc.uint8Array({ maxLength: 16 });
const uint64Text = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String);

const errorFields = { errCode: fixed32, errMsg: text };
const operFailure: fc.Arbitrary<OperFailure> = record({ type: fc.constant('operFailure'), ...errorFields });
const parameterError: fc.Arbitrary<ParameterError> = record({ param: text, ...errorFields });
const outputArgs: fc.Arbitrary<OutputArgsResp> = record({ type: fc.constant('reqOutputArgs'), outputArgs: stringMap });
const cmdFailure: fc.Arbitrary<CmdFailure> = record({ type: fc.constant('cmdFailure'), ...errorFields });
const paramSetting = record({ param: text, value: text, required: fc.boolean() });
const withErrors = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T & UspErrorFields> =>
  record<T & UspErrorFields>({ ...model, ...errorFields } as { [K in keyof (T & UspErrorFields)]: fc.Arbitrary<(T & UspErrorFields)[K]> });

const bodyArbitraries: { [T in UspBodyType]: fc.Arbitrary<Extract<UspBody, { type: T }>> } = {
  Get: record({ type: fc.constant('Get'), paramPaths: list(text), maxDepth: fixed32 }),
  GetSupportedDM: record({
    type: fc.constant('GetSupportedDM'),
    objPaths: list(text),
    firstLevelOnly: fc.boolean(),
    returnCommands: fc.boolean(),
    returnEvents: fc.boolean(),
    returnParams: fc.boolean(),
    returnUniqueKeySets: fc.boolean(),
  }),
  GetInstances: record({ type: fc.constant('GetInstances'), objPaths: list(text), firstLevelOnly: fc.boolean() }),
  Set: record({ type: fc.constant('Set'), allowPartial: fc.boolean(), updateObjs: list(record({ objPath: text, paramSettings: list(paramSetting) })) }),
  Add: record({ type: fc.constant('Add'), allowPartial: fc.boolean(), createObjs: list(record({ objPath: text, paramSettings: list(paramSetting) })) }),
  Delete: record({ type: fc.constant('Delete'), allowPartial: fc.boolean(), objPaths: list(text) }),
  Operate: record({ type: fc.constant('Operate'), command: text, commandKey: text, sendResp: fc.boolean(), inputArgs: stringMap }),
  Notify: record({
    type: fc.constant('Notify'),
    subscriptionId: text,
    sendResp: fc.boolean(),
    notification: fc.oneof(
      record({ type: fc.constant('event' as const), objPath: text, eventName: text, params: stringMap }),
      record({ type: fc.constant('valueChange' as const), paramPath: text, paramValue: text }),
      record({ type: fc.constant('objCreation' as const), objPath: text, uniqueKeys: stringMap }),
      record({ type: fc.constant('objDeletion' as const), objPath: text }),
      record({
        type: fc.constant('operComplete' as const),
        objPath: text,
        commandName: text,
        commandKey: text,
        operationResp: fc.oneof(outputArgs, cmdFailure),
      }),
      record({ type: fc.constant('onBoardReq' as const), oui: text, productClass: text, serialNumber: text, agentSupportedProtocolVersions: text }),
    ),
  }),
  GetSupportedProtocol: record({ type: fc.constant('GetSupportedProtocol'), controllerSupportedProtocolVersions: text }),
  Register: record({ type: fc.constant('Register'), allowPartial: fc.boolean(), regPaths: list(record({ path: text })) }),
  Deregister: record({ type: fc.constant('Deregister'), paths: list(text) }),
  GetResp: record({
    type: fc.constant('GetResp'),
    reqPathResults: list(withErrors({ requestedPath: text, resolvedPathResults: list(record({ resolvedPath: text, resultParams: stringMap })) })),
  }),
  GetSupportedDMResp: record({
    type: fc.constant('GetSupportedDMResp'),
    reqObjResults: list(
      withErrors({
        reqObjPath: text,
        dataModelInstUri: text,
        supportedObjs: list(
          record({
            supportedObjPath: text,
            access: fc.constantFrom('OBJ_READ_ONLY', 'OBJ_ADD_DELETE', 'OBJ_ADD_ONLY', 'OBJ_DELETE_ONLY'),
            isMultiInstance: fc.boolean(),
            supportedCommands: list(
              record({ commandName: text, inputArgNames: list(text), outputArgNames: list(text), commandType: fc.constantFrom('CMD_UNKNOWN', 'CMD_SYNC', 'CMD_ASYNC') }),
            ),
            supportedEvents: list(record({ eventName: text, argNames: list(text) })),
            supportedParams: list(
              record({
                paramName: text,
                access: fc.constantFrom('PARAM_READ_ONLY', 'PARAM_READ_WRITE', 'PARAM_WRITE_ONLY'),
                valueType: fc.constantFrom(
                  'PARAM_UNKNOWN',
                  'PARAM_BASE_64',
                  'PARAM_BOOLEAN',
                  'PARAM_DATE_TIME',
                  'PARAM_DECIMAL',
                  'PARAM_HEX_BINARY',
                  'PARAM_INT',
                  'PARAM_LONG',
                  'PARAM_STRING',
                  'PARAM_UNSIGNED_INT',
                  'PARAM_UNSIGNED_LONG',
                ),
                valueChange: fc.constantFrom('VALUE_CHANGE_UNKNOWN', 'VALUE_CHANGE_ALLOWED', 'VALUE_CHANGE_WILL_IGNORE'),
              }),
            ),
            divergentPaths: list(text),
            uniqueKeySets: list(record({ keyNames: list(text) })),
          }),
        ),
      }),
    ),
  }),
  GetInstancesResp: record({
    type: fc.constant('GetInstancesResp'),
    reqPathResults: list(withErrors({ requestedPath: text, currInsts: list(record({ instantiatedObjPath: text, uniqueKeys: stringMap })) })),
  }),
  SetResp: record({
    type: fc.constant('SetResp'),
    updatedObjResults: list(
      record({
        requestedPath: text,
        operStatus: fc.oneof(
          record({ type: fc.constant('operFailure' as const), ...errorFields, updatedInstFailures: list(record({ affectedPath: text, paramErrs: list(parameterError) })) }),
          record({
            type: fc.constant('operSuccess' as const),
            updatedInstResults: list(record({ affectedPath: text, paramErrs: list(parameterError), updatedParams: stringMap })),
          }),
        ),
      }),
    ),
  }),
  AddResp: record({
    type: fc.constant('AddResp'),
    createdObjResults: list(
      record({
        requestedPath: text,
        operStatus: fc.oneof(
          operFailure,
          record({ type: fc.constant('operSuccess' as const), instantiatedPath: text, paramErrs: list(parameterError), uniqueKeys: stringMap }),
        ),
      }),
    ),
  }),
  DeleteResp: record({
    type: fc.constant('DeleteResp'),
    deletedObjResults: list(
      record({
        requestedPath: text,
        operStatus: fc.oneof(
          operFailure,
          record({ type: fc.constant('operSuccess' as const), affectedPaths: list(text), unaffectedPathErrs: list(withErrors({ unaffectedPath: text })) }),
        ),
      }),
    ),
  }),
  OperateResp: record({
    type: fc.constant('OperateResp'),
    operationResults: list(
      record({
        executedCommand: text,
        operationResp: fc.oneof(record({ type: fc.constant('reqObjPath' as const), reqObjPath: text }), outputArgs, cmdFailure),
      }),
    ),
  }),
  NotifyResp: record({ type: fc.constant('NotifyResp'), subscriptionId: text }),
  GetSupportedProtocolResp: record({ type: fc.constant('GetSupportedProtocolResp'), agentSupportedProtocolVersions: text }),
  RegisterResp: record({
    type: fc.constant('RegisterResp'),
    registeredPathResults: list(
      record({ requestedPath: text, operStatus: fc.oneof(operFailure, record({ type: fc.constant('operSuccess' as const), registeredPath: text })) }),
    ),
  }),
  DeregisterResp: record({
    type: fc.constant('DeregisterResp'),
    deregisteredPathResults: list(
      record({ requestedPath: text, operStatus: fc.oneof(operFailure, record({ type: fc.constant('operSuccess' as const), deregisteredPath: list(text) })) }),
    ),
  }),
  Error: record({ type: fc.constant('Error'), ...errorFields, paramErrs: list(withErrors({ paramPath: text })) }),
};

export const bodyOf = <T extends UspBodyType>(type: T): fc.Arbitrary<Extract<UspBody, { type: T }>> => bodyArbitraries[type];

const msgId = text.filter((id) => id !== '');

export const msgWith = <B extends UspBody>(body: fc.Arbitrary<B>): fc.Arbitrary<UspMsg<B>> => record({ msgId, body });

/** Any Msg of any body type. */
export const anyMsg: fc.Arbitrary<UspMsg> = msgWith(fc.oneof(...USP_BODY_TYPE_NAMES.map((type) => bodyOf(type) as fc.Arbitrary<UspBody>)));

const recordTypeArbitraries: { [T in UspRecordType['type']]: fc.Arbitrary<Extract<UspRecordType, { type: T }>> } = {
  noSessionContext: record({ type: fc.constant('noSessionContext'), payload: bytes }),
  sessionContext: record({
    type: fc.constant('sessionContext'),
    sessionId: uint64Text,
    sequenceId: uint64Text,
    expectedId: uint64Text,
    retransmitId: uint64Text,
    payloadSarState: fc.constantFrom('NONE', 'BEGIN', 'INPROCESS', 'COMPLETE'),
    payloadrecSarState: fc.constantFrom('NONE', 'BEGIN', 'INPROCESS', 'COMPLETE'),
    payload: list(bytes),
  }),
  websocketConnect: record({ type: fc.constant('websocketConnect') }),
  mqttConnect: record({ type: fc.constant('mqttConnect'), version: fc.constantFrom('V3_1_1', 'V5'), subscribedTopic: text }),
  stompConnect: record({ type: fc.constant('stompConnect'), version: fc.constant('V1_2'), subscribedDestination: text }),
  disconnect: record({ type: fc.constant('disconnect'), reason: text, reasonCode: fixed32 }),
  udsConnect: record({ type: fc.constant('udsConnect') }),
};

export const RECORD_TYPES = Object.keys(recordTypeArbitraries) as UspRecordType['type'][];

const endpointId = text.filter((id) => id !== '');

/** A plaintext Record of the given type, as decodeRecord accepts it (except sessionContext, which it refuses). */
export const recordWith = <T extends UspRecordType['type']>(type: T): fc.Arbitrary<UspRecord> =>
  record({
    version: text,
    toId: endpointId,
    fromId: endpointId,
    payloadSecurity: fc.constant('PLAINTEXT' as const),
    macSignature: bytes,
    senderCert: bytes,
    recordType: recordTypeArbitraries[type] as fc.Arbitrary<UspRecordType>,
  });
