import { Agent } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { buildEnvelope, type CwmpEnvelope, type Inform } from '@fleetlog/cwmp';
import { closedLoop, httpCall, percentile, spawnEntry } from '../load.js';
import { machine } from '../report.js';

const informOf = (serial: string): string =>
  buildEnvelope({
    namespace: 'urn:dslforum-org:cwmp-1-2',
    id: '1',
    holdRequests: false,
    message: {
      type: 'Inform',
      deviceId: { manufacturer: 'Example', oui: '00D09E', productClass: 'IGD', serialNumber: serial },
      events: [{ eventCode: '2 PERIODIC', commandKey: '' }],
      maxEnvelopes: 1,
      currentTime: '2026-11-23T01:00:00Z',
      retryCount: 0,
      parameters: [
        { name: 'Device.DeviceInfo.HardwareVersion', value: 'HW1', type: 'string' },
        { name: 'Device.DeviceInfo.SoftwareVersion', value: '1.2.3', type: 'string' },
        { name: 'Device.DeviceInfo.ProvisioningCode', value: '', type: 'string' },
        { name: 'Device.ManagementServer.ParameterKey', value: '', type: 'string' },
        { name: 'Device.ManagementServer.ConnectionRequestURL', value: `http://10.0.0.1:7548/${serial}`, type: 'string' },
      ],
    },
  } as CwmpEnvelope<Inform>);

/**
 * Inform sessions per second through the whole stack: the ACS runs as its own process (as in
 * production), CPEs are lean keep-alive clients each doing Inform -> InformResponse -> empty POST
 * -> 204. Next to it, the raw fast-xml-parser parse rate of the same Inform in this process.
 */
export const cwmpBench = async (opts: { devices: number; sessions: number; concurrency: number }) => {
  const tenant = `bench-${Date.now().toString(36)}`;
  const acs = await spawnEntry(
    'apps/cwmp-ingress/src/main.ts',
    { FLEETLOG_CWMP_HOST: '127.0.0.1', FLEETLOG_CWMP_PORT: '0', FLEETLOG_CWMP_DEFAULT_TENANT: tenant, FLEETLOG_CWMP_USERNAME: 'bench', FLEETLOG_CWMP_PASSWORD: 'bench' },
    'CWMP ACS listening',
  );
  const { port } = acs;
  try {
    const bodies = Array.from({ length: opts.devices }, (_, i) => informOf(`BENCH${String(i).padStart(7, '0')}`));
    const headers = { authorization: `Basic ${Buffer.from('bench:bench').toString('base64')}`, 'content-type': 'text/xml' };
    const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });

    const session = async (body: string): Promise<void> => {
      const first = await httpCall(agent, port, { method: 'POST', path: '/', body, headers });
      if (first.status !== 200) throw new Error(`Inform answered ${first.status}`);
      const cookie = first.headers['set-cookie']?.[0]?.split(';')[0];
      const second = await httpCall(agent, port, { method: 'POST', path: '/', headers: { ...headers, ...(cookie ? { cookie } : {}) } });
      if (second.status !== 204) throw new Error(`empty POST answered ${second.status}`);
    };
    const runAll = async (count: number) =>
      closedLoop(count, opts.concurrency, async (i) => {
        await session(bodies[i % bodies.length]!);
      });

    // Warm-up: every device's first contact (registration) happens here, not in the measured part.
    await runAll(opts.devices);
    const { latencies, seconds } = await runAll(opts.sessions);
    agent.destroy();

    // The raw ceiling: fast-xml-parser alone on the same Inform.
    const parser = new XMLParser({ processEntities: false, ignoreAttributes: false, removeNSPrefix: false });
    const parses = 20_000;
    const p0 = process.hrtime.bigint();
    for (let i = 0; i < parses; i++) parser.parse(bodies[i % bodies.length]!);
    const parseSeconds = Number(process.hrtime.bigint() - p0) / 1e9;

    const rate = opts.sessions / seconds;
    const parseRate = parses / parseSeconds;
    console.log(`\ncwmp — ${new Date().toISOString()} — ${machine()}`);
    console.log(`${opts.devices} CPEs, ${opts.concurrency} sessions in flight, ${opts.sessions} measured Inform sessions (${Buffer.byteLength(bodies[0]!)} byte Inform)`);
    console.log(`Inform sessions/s through the stack   ${rate.toFixed(0).padStart(8)}   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    console.log(`raw fast-xml-parser parses/s (same Inform) ${parseRate.toFixed(0).padStart(8)}   ratio ${((100 * rate) / parseRate).toFixed(1)}%`);
  } finally {
    acs.stop();
  }
};
