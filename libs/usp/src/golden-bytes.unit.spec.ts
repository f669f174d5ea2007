import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import type { UspMsg } from './messages.js';
import { decodeMsg, encodeMsg } from './msg-codec.js';
import { decodeRecord, encodeRecord } from './record-codec.js';
import type { UspRecord } from './records.js';

// Bytes written by hand with the field numbers and enum values of TR-369 (usp-msg-1-3/1-4 and
// usp-record-1-3/1-4 .proto), independently of our .proto files: a wrong number there fails here.
// Each case is checked both ways: the bytes decode to the value, and the value encodes to the bytes
// (proto3 canonical form: ascending field numbers, default values left out).

type Part = (writer: protobuf.Writer) => void;

const bytesOf = (...parts: Part[]): Uint8Array => {
  const writer = protobuf.Writer.create();
  for (const part of parts) part(writer);
  return new Uint8Array(writer.finish());
};
const VARINT = 0;
const I32 = 5;
const LEN = 2;
const str = (field: number, value: string): Part => (w) => void w.uint32((field << 3) | LEN).string(value);
const raw = (field: number, value: Uint8Array): Part => (w) => void w.uint32((field << 3) | LEN).bytes(value);
const flag = (field: number): Part => (w) => void w.uint32((field << 3) | VARINT).bool(true);
const num = (field: number, value: number): Part => (w) => void w.uint32((field << 3) | VARINT).uint32(value);
const u64 = (field: number, value: string): Part => (w) => void w.uint32((field << 3) | VARINT).uint64(value);
const fixed = (field: number, value: number): Part => (w) => void w.uint32((field << 3) | I32).fixed32(value);
const sub = (field: number, ...parts: Part[]): Part => raw(field, bytesOf(...parts));
const entry = (field: number, key: string, value: string): Part => sub(field, str(1, key), str(2, value));

const msgBytes = (msgId: string, msgType: number, body: Part): Uint8Array =>
  bytesOf(sub(1, str(1, msgId), ...(msgType === 0 ? [] : [num(2, msgType)])), sub(2, body));
const request = (field: number, ...parts: Part[]): Part => sub(1, sub(field, ...parts));
const response = (field: number, ...parts: Part[]): Part => sub(2, sub(field, ...parts));

const assertGolden = (bytes: Uint8Array, msg: UspMsg): void => {
  const decoded = decodeMsg(bytes);
  if (!decoded.ok) throw decoded.error;
  assert.deepEqual(decoded.value, msg);
  assert.deepEqual(encodeMsg(msg), bytes);
};

const err = (errCode: number, errMsg: string) => ({ errCode, errMsg });

describe('golden bytes: requests', () => {
  it('Get: request 1, GET = 1, param_paths 1, max_depth 2 (fixed32)', () => {
    assertGolden(msgBytes('g1', 1, request(1, str(1, 'Device.DeviceInfo.'), str(1, 'Device.Time.'), fixed(2, 3))), {
      msgId: 'g1',
      body: { type: 'Get', paramPaths: ['Device.DeviceInfo.', 'Device.Time.'], maxDepth: 3 },
    });
  });

  it('GetSupportedDM: request 2, GET_SUPPORTED_DM = 12, one flag at a time', () => {
    const flags = ['firstLevelOnly', 'returnCommands', 'returnEvents', 'returnParams', 'returnUniqueKeySets'] as const;
    flags.forEach((name, index) => {
      const off = { firstLevelOnly: false, returnCommands: false, returnEvents: false, returnParams: false, returnUniqueKeySets: false };
      assertGolden(msgBytes('d', 12, request(2, str(1, 'Device.'), flag(index + 2))), {
        msgId: 'd',
        body: { type: 'GetSupportedDM', objPaths: ['Device.'], ...off, [name]: true },
      });
    });
  });

  it('GetInstances: request 3, GET_INSTANCES = 14, obj_paths 1, first_level_only 2', () => {
    assertGolden(msgBytes('i', 14, request(3, str(1, 'Device.IP.Interface.'), flag(2))), {
      msgId: 'i',
      body: { type: 'GetInstances', objPaths: ['Device.IP.Interface.'], firstLevelOnly: true },
    });
  });

  it('Set: request 4, SET = 4, allow_partial 1, update_objs 2 {obj_path 1, param_settings 2 {param 1, value 2, required 3}}', () => {
    assertGolden(msgBytes('s', 4, request(4, flag(1), sub(2, str(1, 'Device.WiFi.SSID.1.'), sub(2, str(1, 'SSID'), str(2, 'home'), flag(3))))), {
      msgId: 's',
      body: { type: 'Set', allowPartial: true, updateObjs: [{ objPath: 'Device.WiFi.SSID.1.', paramSettings: [{ param: 'SSID', value: 'home', required: true }] }] },
    });
  });

  it('Add: request 5, ADD = 8, allow_partial 1, create_objs 2 {obj_path 1, param_settings 2 {param 1, value 2, required 3}}', () => {
    assertGolden(msgBytes('a', 8, request(5, sub(2, str(1, 'Device.NAT.PortMapping.'), sub(2, str(1, 'Enable'), str(2, 'true'))))), {
      msgId: 'a',
      body: { type: 'Add', allowPartial: false, createObjs: [{ objPath: 'Device.NAT.PortMapping.', paramSettings: [{ param: 'Enable', value: 'true', required: false }] }] },
    });
  });

  it('Delete: request 6, DELETE = 10, allow_partial 1, obj_paths 2', () => {
    assertGolden(msgBytes('x', 10, request(6, flag(1), str(2, 'Device.NAT.PortMapping.3.'))), {
      msgId: 'x',
      body: { type: 'Delete', allowPartial: true, objPaths: ['Device.NAT.PortMapping.3.'] },
    });
  });

  it('Operate: request 7, OPERATE = 6, command 1, command_key 2, send_resp 3, input_args 4', () => {
    assertGolden(msgBytes('o', 6, request(7, str(1, 'Device.IP.Diagnostics.IPPing()'), str(2, 'k1'), flag(3), entry(4, 'Host', '8.8.8.8'))), {
      msgId: 'o',
      body: { type: 'Operate', command: 'Device.IP.Diagnostics.IPPing()', commandKey: 'k1', sendResp: true, inputArgs: { Host: '8.8.8.8' } },
    });
  });

  it('Notify: request 8, NOTIFY = 3, subscription_id 1, send_resp 2, and each notification 3-8', () => {
    const notify = (notification: Part) => msgBytes('n', 3, request(8, str(1, 'sub-1'), flag(2), notification));
    const body = { type: 'Notify', subscriptionId: 'sub-1', sendResp: true } as const;
    assertGolden(notify(sub(3, str(1, 'Device.'), str(2, 'Boot!'), entry(3, 'Cause', 'LocalReboot'))), {
      msgId: 'n',
      body: { ...body, notification: { type: 'event', objPath: 'Device.', eventName: 'Boot!', params: { Cause: 'LocalReboot' } } },
    });
    assertGolden(notify(sub(4, str(1, 'Device.DeviceInfo.UpTime'), str(2, '42'))), {
      msgId: 'n',
      body: { ...body, notification: { type: 'valueChange', paramPath: 'Device.DeviceInfo.UpTime', paramValue: '42' } },
    });
    assertGolden(notify(sub(5, str(1, 'Device.NAT.PortMapping.4.'), entry(2, 'Alias', 'cpe-4'))), {
      msgId: 'n',
      body: { ...body, notification: { type: 'objCreation', objPath: 'Device.NAT.PortMapping.4.', uniqueKeys: { Alias: 'cpe-4' } } },
    });
    assertGolden(notify(sub(6, str(1, 'Device.NAT.PortMapping.4.'))), {
      msgId: 'n',
      body: { ...body, notification: { type: 'objDeletion', objPath: 'Device.NAT.PortMapping.4.' } },
    });
    const complete = { type: 'operComplete', objPath: 'Device.IP.Diagnostics.', commandName: 'IPPing()', commandKey: 'k1' } as const;
    assertGolden(notify(sub(7, str(1, 'Device.IP.Diagnostics.'), str(2, 'IPPing()'), str(3, 'k1'), sub(4, entry(1, 'AverageResponseTime', '12')))), {
      msgId: 'n',
      body: { ...body, notification: { ...complete, operationResp: { type: 'reqOutputArgs', outputArgs: { AverageResponseTime: '12' } } } },
    });
    assertGolden(notify(sub(7, str(1, 'Device.IP.Diagnostics.'), str(2, 'IPPing()'), str(3, 'k1'), sub(5, fixed(1, 7022), str(2, 'no route')))), {
      msgId: 'n',
      body: { ...body, notification: { ...complete, operationResp: { type: 'cmdFailure', ...err(7022, 'no route') } } },
    });
    assertGolden(notify(sub(8, str(1, '00D09E'), str(2, 'Gateway'), str(3, 'SN1'), str(4, '1.3,1.4'))), {
      msgId: 'n',
      body: { ...body, notification: { type: 'onBoardReq', oui: '00D09E', productClass: 'Gateway', serialNumber: 'SN1', agentSupportedProtocolVersions: '1.3,1.4' } },
    });
  });

  it('GetSupportedProtocol: request 9, GET_SUPPORTED_PROTO = 17; Register: request 10, REGISTER = 19; Deregister: request 11, DEREGISTER = 21', () => {
    assertGolden(msgBytes('p', 17, request(9, str(1, '1.3'))), { msgId: 'p', body: { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' } });
    assertGolden(msgBytes('r', 19, request(10, flag(1), sub(2, str(1, 'Device.X_Vendor.')))), {
      msgId: 'r',
      body: { type: 'Register', allowPartial: true, regPaths: [{ path: 'Device.X_Vendor.' }] },
    });
    assertGolden(msgBytes('u', 21, request(11, str(1, 'Device.X_Vendor.'))), { msgId: 'u', body: { type: 'Deregister', paths: ['Device.X_Vendor.'] } });
  });
});

describe('golden bytes: responses and Error', () => {
  it('GetResp: response 1, GET_RESP = 2, req_path_results 1 {requested_path 1, err_code 2, err_msg 3, resolved_path_results 4 {resolved_path 1, result_params 2}}', () => {
    assertGolden(msgBytes('g1', 2, response(1, sub(1, str(1, 'Device.DeviceInfo.'), sub(4, str(1, 'Device.DeviceInfo.'), entry(2, 'SoftwareVersion', '2.1'))), sub(1, str(1, 'Device.Nope.'), fixed(2, 7026), str(3, 'Invalid path')))), {
      msgId: 'g1',
      body: {
        type: 'GetResp',
        reqPathResults: [
          { requestedPath: 'Device.DeviceInfo.', ...err(0, ''), resolvedPathResults: [{ resolvedPath: 'Device.DeviceInfo.', resultParams: { SoftwareVersion: '2.1' } }] },
          { requestedPath: 'Device.Nope.', ...err(7026, 'Invalid path'), resolvedPathResults: [] },
        ],
      },
    });
  });

  it('GetSupportedDMResp: response 2, GET_SUPPORTED_DM_RESP = 13, every field of SupportedObjectResult 1-8', () => {
    const supportedObj = sub(
      5,
      str(1, 'Device.IP.Interface.{i}.'),
      num(2, 1),
      flag(3),
      sub(4, str(1, 'Reset()'), str(2, 'In'), str(3, 'Out'), num(4, 2)),
      sub(5, str(1, 'Changed!'), str(2, 'Arg')),
      sub(6, str(1, 'Enable'), num(2, 1), num(3, 2), num(4, 1)),
      str(7, 'Device.IP.Interface.{i}.X_Vendor.'),
      sub(8, str(1, 'Alias'), str(1, 'Name')),
    );
    assertGolden(msgBytes('d', 13, response(2, sub(1, str(1, 'Device.IP.'), fixed(2, 7016), str(3, 'partly'), str(4, 'urn:broadband-forum-org:tr-181-2-16-0-usp'), supportedObj))), {
      msgId: 'd',
      body: {
        type: 'GetSupportedDMResp',
        reqObjResults: [
          {
            reqObjPath: 'Device.IP.',
            ...err(7016, 'partly'),
            dataModelInstUri: 'urn:broadband-forum-org:tr-181-2-16-0-usp',
            supportedObjs: [
              {
                supportedObjPath: 'Device.IP.Interface.{i}.',
                access: 'OBJ_ADD_DELETE',
                isMultiInstance: true,
                supportedCommands: [{ commandName: 'Reset()', inputArgNames: ['In'], outputArgNames: ['Out'], commandType: 'CMD_ASYNC' }],
                supportedEvents: [{ eventName: 'Changed!', argNames: ['Arg'] }],
                supportedParams: [{ paramName: 'Enable', access: 'PARAM_READ_WRITE', valueType: 'PARAM_BOOLEAN', valueChange: 'VALUE_CHANGE_ALLOWED' }],
                divergentPaths: ['Device.IP.Interface.{i}.X_Vendor.'],
                uniqueKeySets: [{ keyNames: ['Alias', 'Name'] }],
              },
            ],
          },
        ],
      },
    });
  });

  it('GetSupportedDMResp enums: every value of ObjAccessType, ParamAccessType, ParamValueType, ValueChangeType, CmdType', () => {
    const decodeObject = (...parts: Part[]) => {
      const result = decodeMsg(msgBytes('e', 13, response(2, sub(1, sub(5, ...parts)))));
      if (!result.ok) throw result.error;
      assert.equal(result.value.body.type, 'GetSupportedDMResp');
      if (result.value.body.type !== 'GetSupportedDMResp') throw new Error('unreachable');
      const object = result.value.body.reqObjResults[0]?.supportedObjs[0];
      assert.ok(object);
      return object;
    };
    ['OBJ_READ_ONLY', 'OBJ_ADD_DELETE', 'OBJ_ADD_ONLY', 'OBJ_DELETE_ONLY'].forEach((name, value) => assert.equal(decodeObject(num(2, value)).access, name));
    ['PARAM_READ_ONLY', 'PARAM_READ_WRITE', 'PARAM_WRITE_ONLY'].forEach((name, value) => assert.equal(decodeObject(sub(6, num(2, value))).supportedParams[0]?.access, name));
    const valueTypes = ['PARAM_UNKNOWN', 'PARAM_BASE_64', 'PARAM_BOOLEAN', 'PARAM_DATE_TIME', 'PARAM_DECIMAL', 'PARAM_HEX_BINARY', 'PARAM_INT', 'PARAM_LONG', 'PARAM_STRING', 'PARAM_UNSIGNED_INT', 'PARAM_UNSIGNED_LONG'];
    valueTypes.forEach((name, value) => assert.equal(decodeObject(sub(6, num(3, value))).supportedParams[0]?.valueType, name));
    ['VALUE_CHANGE_UNKNOWN', 'VALUE_CHANGE_ALLOWED', 'VALUE_CHANGE_WILL_IGNORE'].forEach((name, value) => assert.equal(decodeObject(sub(6, num(4, value))).supportedParams[0]?.valueChange, name));
    ['CMD_UNKNOWN', 'CMD_SYNC', 'CMD_ASYNC'].forEach((name, value) => assert.equal(decodeObject(sub(4, num(4, value))).supportedCommands[0]?.commandType, name));
  });

  it('GetInstancesResp: response 3, GET_INSTANCES_RESP = 15, curr_insts 4 {instantiated_obj_path 1, unique_keys 2}', () => {
    assertGolden(msgBytes('i', 15, response(3, sub(1, str(1, 'Device.IP.Interface.'), sub(4, str(1, 'Device.IP.Interface.1.'), entry(2, 'Name', 'eth0'))))), {
      msgId: 'i',
      body: {
        type: 'GetInstancesResp',
        reqPathResults: [{ requestedPath: 'Device.IP.Interface.', ...err(0, ''), currInsts: [{ instantiatedObjPath: 'Device.IP.Interface.1.', uniqueKeys: { Name: 'eth0' } }] }],
      },
    });
  });

  it('SetResp: response 4, SET_RESP = 5, oper_failure 1 {updated_inst_failures 3} and oper_success 2 {updated_inst_results 1 {affected_path 1, param_errs 2, updated_params 3}}', () => {
    const paramErr = sub(2, str(1, 'SSID'), fixed(2, 7012), str(3, 'Invalid value'));
    assertGolden(
      msgBytes(
        's',
        5,
        response(
          4,
          sub(1, str(1, 'Device.WiFi.SSID.1.'), sub(2, sub(1, fixed(1, 7020), str(2, 'not updated'), sub(3, str(1, 'Device.WiFi.SSID.1.'), paramErr)))),
          sub(1, str(1, 'Device.WiFi.SSID.2.'), sub(2, sub(2, sub(1, str(1, 'Device.WiFi.SSID.2.'), paramErr, entry(3, 'Enable', 'true'))))),
        ),
      ),
      {
        msgId: 's',
        body: {
          type: 'SetResp',
          updatedObjResults: [
            {
              requestedPath: 'Device.WiFi.SSID.1.',
              operStatus: { type: 'operFailure', ...err(7020, 'not updated'), updatedInstFailures: [{ affectedPath: 'Device.WiFi.SSID.1.', paramErrs: [{ param: 'SSID', ...err(7012, 'Invalid value') }] }] },
            },
            {
              requestedPath: 'Device.WiFi.SSID.2.',
              operStatus: {
                type: 'operSuccess',
                updatedInstResults: [{ affectedPath: 'Device.WiFi.SSID.2.', paramErrs: [{ param: 'SSID', ...err(7012, 'Invalid value') }], updatedParams: { Enable: 'true' } }],
              },
            },
          ],
        },
      },
    );
  });

  it('AddResp: response 5, ADD_RESP = 9, oper_success 2 {instantiated_path 1, param_errs 2, unique_keys 3}', () => {
    assertGolden(
      msgBytes(
        'a',
        9,
        response(
          5,
          sub(1, str(1, 'Device.NAT.PortMapping.'), sub(2, sub(2, str(1, 'Device.NAT.PortMapping.4.'), sub(2, str(1, 'Description'), fixed(2, 7010), str(3, 'no')), entry(3, 'Alias', 'cpe-4')))),
          sub(1, str(1, 'Device.Nope.'), sub(2, sub(1, fixed(1, 7016), str(2, 'Object does not exist')))),
        ),
      ),
      {
        msgId: 'a',
        body: {
          type: 'AddResp',
          createdObjResults: [
            {
              requestedPath: 'Device.NAT.PortMapping.',
              operStatus: { type: 'operSuccess', instantiatedPath: 'Device.NAT.PortMapping.4.', paramErrs: [{ param: 'Description', ...err(7010, 'no') }], uniqueKeys: { Alias: 'cpe-4' } },
            },
            { requestedPath: 'Device.Nope.', operStatus: { type: 'operFailure', ...err(7016, 'Object does not exist') } },
          ],
        },
      },
    );
  });

  it('DeleteResp: response 6, DELETE_RESP = 11, oper_success 2 {affected_paths 1, unaffected_path_errs 2}', () => {
    assertGolden(msgBytes('x', 11, response(6, sub(1, str(1, 'Device.NAT.PortMapping.*.'), sub(2, sub(2, str(1, 'Device.NAT.PortMapping.3.'), sub(2, str(1, 'Device.NAT.PortMapping.4.'), fixed(2, 7024), str(3, 'busy'))))))), {
      msgId: 'x',
      body: {
        type: 'DeleteResp',
        deletedObjResults: [
          {
            requestedPath: 'Device.NAT.PortMapping.*.',
            operStatus: { type: 'operSuccess', affectedPaths: ['Device.NAT.PortMapping.3.'], unaffectedPathErrs: [{ unaffectedPath: 'Device.NAT.PortMapping.4.', ...err(7024, 'busy') }] },
          },
        ],
      },
    });
  });

  it('OperateResp: response 7, OPERATE_RESP = 7, executed_command 1, req_obj_path 2 | req_output_args 3 | cmd_failure 4', () => {
    assertGolden(
      msgBytes(
        'o',
        7,
        response(
          7,
          sub(1, str(1, 'Device.Reboot()'), str(2, 'Device.LocalAgent.Request.1.')),
          sub(1, str(1, 'Device.X()'), sub(3, entry(1, 'Out', 'v'))),
          sub(1, str(1, 'Device.Y()'), sub(4, fixed(1, 7022), str(2, 'failed'))),
        ),
      ),
      {
        msgId: 'o',
        body: {
          type: 'OperateResp',
          operationResults: [
            { executedCommand: 'Device.Reboot()', operationResp: { type: 'reqObjPath', reqObjPath: 'Device.LocalAgent.Request.1.' } },
            { executedCommand: 'Device.X()', operationResp: { type: 'reqOutputArgs', outputArgs: { Out: 'v' } } },
            { executedCommand: 'Device.Y()', operationResp: { type: 'cmdFailure', ...err(7022, 'failed') } },
          ],
        },
      },
    );
  });

  it('NotifyResp: response 8, NOTIFY_RESP = 16; GetSupportedProtocolResp: response 9, GET_SUPPORTED_PROTO_RESP = 18', () => {
    assertGolden(msgBytes('n', 16, response(8, str(1, 'sub-1'))), { msgId: 'n', body: { type: 'NotifyResp', subscriptionId: 'sub-1' } });
    assertGolden(msgBytes('p', 18, response(9, str(1, '1.0,1.3'))), { msgId: 'p', body: { type: 'GetSupportedProtocolResp', agentSupportedProtocolVersions: '1.0,1.3' } });
  });

  it('RegisterResp: response 10, REGISTER_RESP = 20; DeregisterResp: response 11, DEREGISTER_RESP = 22', () => {
    assertGolden(msgBytes('r', 20, response(10, sub(1, str(1, 'Device.X_A.'), sub(2, sub(2, str(1, 'Device.X_A.')))), sub(1, str(1, 'Device.X_B.'), sub(2, sub(1, fixed(1, 7028), str(2, 'taken')))))), {
      msgId: 'r',
      body: {
        type: 'RegisterResp',
        registeredPathResults: [
          { requestedPath: 'Device.X_A.', operStatus: { type: 'operSuccess', registeredPath: 'Device.X_A.' } },
          { requestedPath: 'Device.X_B.', operStatus: { type: 'operFailure', ...err(7028, 'taken') } },
        ],
      },
    });
    assertGolden(msgBytes('u', 22, response(11, sub(1, str(1, 'Device.X_A.'), sub(2, sub(2, str(1, 'Device.X_A.'), str(1, 'Device.X_A.B.')))))), {
      msgId: 'u',
      body: { type: 'DeregisterResp', deregisteredPathResults: [{ requestedPath: 'Device.X_A.', operStatus: { type: 'operSuccess', deregisteredPath: ['Device.X_A.', 'Device.X_A.B.'] } }] },
    });
  });

  it('Error: body 3, ERROR = 0 (left out), err_code 1, err_msg 2, param_errs 3 {param_path 1, err_code 2, err_msg 3}', () => {
    assertGolden(msgBytes('e', 0, sub(3, fixed(1, 7004), str(2, 'Invalid arguments'), sub(3, str(1, 'Device.X.'), fixed(2, 7026), str(3, 'Invalid path')))), {
      msgId: 'e',
      body: { type: 'Error', ...err(7004, 'Invalid arguments'), paramErrs: [{ paramPath: 'Device.X.', ...err(7026, 'Invalid path') }] },
    });
  });
});

describe('golden bytes: records', () => {
  const header = [str(1, '1.3'), str(2, 'os::00D09E-SN1'), str(3, 'self::ctrl')];
  const base = { version: '1.3', toId: 'os::00D09E-SN1', fromId: 'self::ctrl', payloadSecurity: 'PLAINTEXT', macSignature: new Uint8Array(), senderCert: new Uint8Array() } as const;
  const assertRecord = (bytes: Uint8Array, record: UspRecord): void => {
    const decoded = decodeRecord(bytes);
    if (!decoded.ok) throw decoded.error;
    assert.deepEqual(decoded.value, record);
    assert.deepEqual(encodeRecord(record), bytes);
  };

  it('Record: version 1, to_id 2, from_id 3, mac_signature 5, sender_cert 6, no_session_context 7 {payload 2}', () => {
    assertRecord(bytesOf(...header, raw(5, Uint8Array.of(1)), raw(6, Uint8Array.of(2)), sub(7, raw(2, Uint8Array.of(9, 9)))), {
      ...base,
      macSignature: Uint8Array.of(1),
      senderCert: Uint8Array.of(2),
      recordType: { type: 'noSessionContext', payload: Uint8Array.of(9, 9) },
    });
  });

  it('connect records: websocket_connect 9, mqtt_connect 10 {version 1, subscribed_topic 2}, stomp_connect 11, uds_connect 13', () => {
    assertRecord(bytesOf(...header, sub(9)), { ...base, recordType: { type: 'websocketConnect' } });
    assertRecord(bytesOf(...header, sub(10, num(1, 1), str(2, 'usp/agent/1'))), { ...base, recordType: { type: 'mqttConnect', version: 'V5', subscribedTopic: 'usp/agent/1' } });
    assertRecord(bytesOf(...header, sub(10, str(2, 'usp/agent/1'))), { ...base, recordType: { type: 'mqttConnect', version: 'V3_1_1', subscribedTopic: 'usp/agent/1' } });
    assertRecord(bytesOf(...header, sub(11, str(2, '/usp/agent'))), { ...base, recordType: { type: 'stompConnect', version: 'V1_2', subscribedDestination: '/usp/agent' } });
    assertRecord(bytesOf(...header, sub(13)), { ...base, recordType: { type: 'udsConnect' } });
  });

  it('disconnect 12 {reason 1, reason_code 2 (fixed32)}', () => {
    assertRecord(bytesOf(...header, sub(12, str(1, 'bye'), fixed(2, 7105))), { ...base, recordType: { type: 'disconnect', reason: 'bye', reasonCode: 7105 } });
  });

  it('session_context 8: session_id 1 … retransmit_id 4 (uint64), SAR states 5 and 6, payload 7 (repeated bytes)', () => {
    const record: UspRecord = {
      ...base,
      recordType: {
        type: 'sessionContext',
        sessionId: '9007199254740993',
        sequenceId: '2',
        expectedId: '3',
        retransmitId: '4',
        payloadSarState: 'BEGIN',
        payloadrecSarState: 'COMPLETE',
        payload: [Uint8Array.of(1), Uint8Array.of(2)],
      },
    };
    const bytes = bytesOf(...header, sub(8, u64(1, '9007199254740993'), u64(2, '2'), u64(3, '3'), u64(4, '4'), num(5, 1), num(6, 3), raw(7, Uint8Array.of(1)), raw(7, Uint8Array.of(2))));
    assert.deepEqual(encodeRecord(record), bytes);
    const states = ['NONE', 'BEGIN', 'INPROCESS', 'COMPLETE'] as const;
    states.forEach((state, value) => {
      const encoded = encodeRecord({ ...base, recordType: { ...record.recordType, payloadSarState: state, payloadrecSarState: 'NONE' } as UspRecord['recordType'] });
      const expected = bytesOf(...header, sub(8, u64(1, '9007199254740993'), u64(2, '2'), u64(3, '3'), u64(4, '4'), ...(value === 0 ? [] : [num(5, value)]), raw(7, Uint8Array.of(1)), raw(7, Uint8Array.of(2))));
      assert.deepEqual(encoded, expected, state);
    });
  });

  it('payload_security 4: TLS12 = 1 is refused, PLAINTEXT = 0 accepted', () => {
    const tls = decodeRecord(bytesOf(...header, num(4, 1), sub(7, raw(2, Uint8Array.of(1)))));
    assert.equal(tls.ok ? 'ok' : tls.error.code, 'USP_PAYLOAD_SECURITY_UNSUPPORTED');
    const plain = decodeRecord(bytesOf(...header, num(4, 0), sub(7, raw(2, Uint8Array.of(1)))));
    assert.equal(plain.ok, true);
  });
});
