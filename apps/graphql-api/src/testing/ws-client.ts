import WebSocket from 'ws';
import { waitFor } from '@fleetlog/events/testing';

/** A minimal graphql-transport-ws client for tests: connect, subscribe, collect what arrives. */
export const connectWs = async (url: string, payload: Record<string, unknown>) => {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const messages: { type: string; id?: string; payload?: unknown }[] = [];
  let closed: { code: number; reason: string } | undefined;
  ws.on('message', (m) => messages.push(JSON.parse(String(m))));
  ws.on('close', (code, reason) => (closed = { code, reason: String(reason) }));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload }));
  await waitFor('connection_ack or close', () => messages.some((m) => m.type === 'connection_ack') || closed !== undefined);
  return {
    acknowledged: messages.some((m) => m.type === 'connection_ack'),
    closed: () => closed,
    subscribe: (id: string, query: string, variables: Record<string, unknown> = {}) => ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } })),
    /** Data of `next` messages for a subscription id. */
    data: (id: string) => messages.filter((m) => m.type === 'next' && m.id === id).map((m) => (m.payload as { data: Record<string, unknown> }).data),
    errors: (id: string) => messages.filter((m) => m.type === 'error' && m.id === id).map((m) => m.payload),
    messages,
    close: () => ws.close(),
  };
};
