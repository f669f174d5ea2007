import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { uniqueTenant } from '@fleetlog/events/testing';
import { startAcs } from './support/processes.js';

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&lol9;</soap:Body></soap:Envelope>`;
const refs = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><soap:Body><cwmp:GetRPCMethods>${'&#60;'.repeat(100_000)}</cwmp:GetRPCMethods></soap:Body></soap:Envelope>`;

describe('CWMP ACS under hostile input', () => {
  it('refuses billion laughs, 10 MB bodies, 100k character references and random bytes, and keeps serving', { timeout: 300_000 }, async () => {
    const acs = await startAcs({
      FLEETLOG_CWMP_DEFAULT_TENANT: uniqueTenant(),
      FLEETLOG_CWMP_USERNAME: 'cpe',
      FLEETLOG_CWMP_PASSWORD: 'hostile',
    });
    const { url } = acs;
    const headers = { authorization: `Basic ${Buffer.from('cpe:hostile').toString('base64')}`, 'content-type': 'text/xml' };
    const inputs: [string, Buffer | string, number[]][] = [
      ['billion laughs', laughs, [400]],
      ['10 MB body', `<x>${'a'.repeat(10 * 1024 * 1024)}</x>`, [413]],
      ['100k numeric character references', refs, [400]],
      ['random bytes', randomBytes(64 * 1024), [400]],
    ];
    try {
      const round = async () => {
        for (const [what, body, expected] of inputs) {
          const res = await fetch(url, { method: 'POST', body, headers });
          await res.text();
          assert.ok(expected.includes(res.status), `${what}: answered ${res.status}`);
        }
      };
      await round();
      const before = rssOf(acs.child.pid!);
      for (let i = 0; i < 10; i++) await round();
      const after = rssOf(acs.child.pid!);
      console.log(`    RSS after the first round ${(before / 2 ** 20).toFixed(0)} MiB, after ten more ${(after / 2 ** 20).toFixed(0)} MiB`);
      // Flat memory: ten more rounds of the same abuse must not keep what they allocated.
      assert.ok(after - before < 128 * 2 ** 20, `RSS grew by ${((after - before) / 2 ** 20).toFixed(0)} MiB`);

      // Still alive and still an ACS.
      assert.equal(acs.child.exitCode, null);
      const ok = await fetch(url, { method: 'POST', body: '', headers });
      assert.equal(ok.status, 204);
    } finally {
      await acs.stop();
    }
  });
});
