import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, perSerial } from './config.js';

describe('config', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    assert.equal(config.acsUrl, 'http://127.0.0.1:7547/');
    assert.equal(config.count, 5);
    assert.deepEqual([config.username, config.password], ['fleetlog', 'fleetlog']);
    assert.deepEqual([config.periodicInformEnable, config.periodicInformInterval], [true, 300]);
    assert.deepEqual([config.oui, config.productClass, config.serialPrefix], ['F1EE70', 'FleetlogSimGW', 'SIM']);
    assert.deepEqual(config.connectionRequest, { host: '127.0.0.1', port: 0, username: 'fleetlog', password: 'fleetlog' });
    assert.equal(config.gzip, false);
  });

  it('reads and converts the variables', () => {
    const config = loadConfig({
      FLEETLOG_SIM_ACS_URL: 'https://acs.example:7548/cwmp',
      FLEETLOG_SIM_COUNT: '3',
      FLEETLOG_SIM_PERIODIC_SECONDS: '0',
      FLEETLOG_SIM_CR_PORT: '30000',
      FLEETLOG_SIM_GZIP: 'true',
      FLEETLOG_SIM_REBOOT_SECONDS: '0.5',
    });
    assert.equal(config.acsUrl, 'https://acs.example:7548/cwmp');
    assert.equal(config.count, 3);
    assert.deepEqual([config.periodicInformEnable, config.periodicInformInterval], [false, 1]);
    assert.equal(config.connectionRequest.port, 30000);
    assert.equal(config.gzip, true);
    assert.equal(config.rebootMs, 500);
  });

  it('lists every problem at once', () => {
    assert.throws(
      () =>
        loadConfig({
          FLEETLOG_SIM_ACS_URL: 'ftp://acs',
          FLEETLOG_SIM_COUNT: 'many',
          FLEETLOG_SIM_OUI: 'f1ee70',
          FLEETLOG_SIM_GZIP: 'perhaps',
        }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'SIM_CONFIG_INVALID');
        for (const name of ['FLEETLOG_SIM_ACS_URL', 'FLEETLOG_SIM_COUNT', 'FLEETLOG_SIM_OUI', 'FLEETLOG_SIM_GZIP']) assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });

  it('keeps fixed connection-request ports within range', () => {
    assert.throws(() => loadConfig({ FLEETLOG_SIM_CR_PORT: '65535', FLEETLOG_SIM_COUNT: '2' }), /FLEETLOG_SIM_CR_PORT/);
  });

  it('fills {serial} into credential templates', () => {
    assert.equal(perSerial('{serial}', 'SIM000007'), 'SIM000007');
    assert.equal(perSerial('cpe-{serial}-x', 'SIM1'), 'cpe-SIM1-x');
  });
});
