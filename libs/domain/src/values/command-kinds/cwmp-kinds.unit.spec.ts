import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateCommandArguments } from './validate-command-arguments.js';

const accepts = (kind: string, args: unknown) => {
  const result = validateCommandArguments('CWMP', kind, args);
  assert.ok(result.ok, `${kind} ${JSON.stringify(args)}: ${JSON.stringify(result)}`);
};

// Each call lists the problems expected, in order.
const rejects = (kind: string, args: unknown, expected: string[]) => {
  const result = validateCommandArguments('CWMP', kind, args);
  assert.ok(!result.ok && result.error.code === 'INVALID_COMMAND_ARGUMENTS', `${kind} ${JSON.stringify(args)} was accepted`);
  assert.deepEqual('problems' in result.error ? result.error.problems : [], expected);
};

describe('CWMP command kinds', () => {
  it('GetParameterValues takes one or more full or partial paths', () => {
    accepts('cwmp.GetParameterValues', { names: ['Device.DeviceInfo.SoftwareVersion', 'Device.IP.'] });
    rejects('cwmp.GetParameterValues', { names: [] }, ['arguments.names: must have at least 1 item']);
    rejects('cwmp.GetParameterValues', { names: ['Device..X'] }, ['arguments.names[0]: has an empty segment']);
  });

  it('SetParameterValues checks each value against its type and forbids duplicates', () => {
    accepts('cwmp.SetParameterValues', {
      values: [{ path: 'Device.ManagementServer.PeriodicInformInterval', value: '300', valueType: 'unsignedInt' }],
      parameterKey: 'k1',
    });
    rejects(
      'cwmp.SetParameterValues',
      {
        values: [
          { path: 'Device.ManagementServer.PeriodicInformInterval', value: '-5', valueType: 'unsignedInt' },
          { path: 'Device.ManagementServer.PeriodicInformInterval', value: '5', valueType: 'unsignedInt' },
        ],
      },
      [
        'arguments.values[0].value: "-5" is not a valid unsignedInt',
        'arguments.values[1].path: Device.ManagementServer.PeriodicInformInterval appears more than once',
      ],
    );
    rejects('cwmp.SetParameterValues', { values: [{ path: 'Device.IP.', value: 'x', valueType: 'float' }] }, [
      'arguments.values[0].path: must name a parameter, not an object (no trailing ".")',
      'arguments.values[0].valueType: must be one of string, int, unsignedInt, long, unsignedLong, boolean, dateTime, base64, hexBinary, decimal',
    ]);
    rejects('cwmp.SetParameterValues', { values: [{ path: 'Device.A', value: 'x', valueType: 'string' }], parameterKey: 'k'.repeat(33) }, [
      'arguments.parameterKey: must be at most 32 characters',
    ]);
  });

  it('GetParameterNames takes a path (or "" for everything) and nextLevel', () => {
    accepts('cwmp.GetParameterNames', { path: '', nextLevel: true });
    accepts('cwmp.GetParameterNames', { path: 'Device.WiFi.', nextLevel: false });
    rejects('cwmp.GetParameterNames', { path: 'Device.WiFi.' }, ['arguments.nextLevel: is required']);
  });

  it('GetParameterAttributes and SetParameterAttributes', () => {
    accepts('cwmp.GetParameterAttributes', { names: ['Device.DeviceInfo.'] });
    accepts('cwmp.SetParameterAttributes', {
      attributes: [{ name: 'Device.DeviceInfo.SoftwareVersion', notificationChange: true, notification: 2, accessListChange: false, accessList: [] }],
    });
    rejects(
      'cwmp.SetParameterAttributes',
      { attributes: [{ name: 'Device.X', notificationChange: true, notification: 7, accessListChange: false, accessList: ['Subscriber', ''] }] },
      ['arguments.attributes[0].notification: must be an integer from 0 to 6, got 7', 'arguments.attributes[0].accessList[1]: must be at least 1 characters'],
    );
  });

  it('AddObject needs a table path, DeleteObject an instance path', () => {
    accepts('cwmp.AddObject', { objectName: 'Device.NAT.PortMapping.', parameterKey: 'pk' });
    rejects('cwmp.AddObject', { objectName: 'Device.NAT.PortMapping.3.' }, [
      'arguments.objectName: must name a table (e.g. Device.IP.Interface.), not an instance',
    ]);
    accepts('cwmp.DeleteObject', { objectName: 'Device.NAT.PortMapping.3.' });
    rejects('cwmp.DeleteObject', { objectName: 'Device.NAT.PortMapping.' }, ['arguments.objectName: must name an instance (e.g. Device.IP.Interface.3.)']);
    rejects('cwmp.DeleteObject', { objectName: 'Device.NAT.PortMapping.3' }, ['arguments.objectName: must name an object (a partial path ending in ".")']);
  });

  it('Reboot takes an optional command key; FactoryReset takes nothing', () => {
    accepts('cwmp.Reboot', {});
    accepts('cwmp.Reboot', { commandKey: 'maintenance' });
    accepts('cwmp.FactoryReset', {});
    rejects('cwmp.FactoryReset', { force: true }, ['arguments.force: is not a known argument']);
  });

  it('Download needs a file type and a transfer URL', () => {
    accepts('cwmp.Download', {
      fileType: '1 Firmware Upgrade Image',
      url: 'https://files.example.com/fw/v2.bin',
      username: 'cpe',
      password: 'secret',
      fileSize: 1048576,
      targetFileName: 'v2.bin',
      delaySeconds: 0,
      commandKey: 'fw-v2',
    });
    accepts('cwmp.Download', { fileType: 'X 00D09E Voice Profile', url: 'tftp://10.0.0.1/profile' });
    rejects('cwmp.Download', { fileType: 'Firmware', url: 'not a url' }, [
      'arguments.fileType: must be "<n> <name>" or "X <OUI> <name>"',
      'arguments.url: must be an absolute URL',
    ]);
    rejects('cwmp.Download', { fileType: '1 Firmware Upgrade Image', url: `https://x/${'a'.repeat(256)}` }, ['arguments.url: must be at most 256 characters']);
  });

  it('Upload needs a file type and a URL', () => {
    accepts('cwmp.Upload', { fileType: '2 Vendor Log File', url: 'https://logs.example.com/upload' });
    rejects('cwmp.Upload', { fileType: '2 Vendor Log File', url: 'https://x', fileSize: 1 }, ['arguments.fileSize: is not a known argument']);
  });

  it('ScheduleInform needs a delay of at least one second', () => {
    accepts('cwmp.ScheduleInform', { delaySeconds: 60, commandKey: 'later' });
    rejects('cwmp.ScheduleInform', { delaySeconds: 0 }, ['arguments.delaySeconds: must be an integer from 1 to 4294967295, got 0']);
  });
});
