// A TCP relay a test can cut and restore: a real network outage between the projector and Cassandra.
import { connect, createServer, type Socket } from 'node:net';

export const createTcpProxy = async (target: { host: string; port: number }) => {
  let open = true;
  const sockets = new Set<Socket>();
  const server = createServer((inbound) => {
    // While cut, connections are accepted and dropped at once, as by a failing node.
    if (!open) return void inbound.destroy();
    const outbound = connect(target.port, target.host);
    const close = () => {
      inbound.destroy();
      outbound.destroy();
      sockets.delete(inbound);
      sockets.delete(outbound);
    };
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', close);
      s.on('close', close);
    }
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    /** Drops every connection and every new one until restored. */
    cut: () => {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore: () => {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};
