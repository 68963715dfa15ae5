/**
 * The phone page's signal socket against a real WebSocket server: what it
 * sends, what it accepts from the hall (only PhoneLive for its own case),
 * and that it comes back after the network drops it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { openSignalChannel, type PhoneSignalChannel } from '../../../hall/phone/api/signal-channel';

const CASE_ID = 'case-0001-abcdef';

beforeAll(() => {
  // Node 20 has no browser WebSocket; ws speaks the same event-handler API.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
});

let server: WebSocketServer | undefined;
let channel: PhoneSignalChannel | undefined;
afterEach(async () => {
  channel?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('the phone signal channel', () => {
  it('sends SignalOut for its case, passes on only valid PhoneLive, and reconnects after a drop', async () => {
    const listening = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server = listening;
    await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
    const received: unknown[] = [];
    const sockets: WebSocket[] = [];
    server.on('connection', (ws) => {
      sockets.push(ws);
      ws.on('message', (data) => received.push(JSON.parse(String(data))));
    });
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    channel = openSignalChannel(CASE_ID, url);
    const signals: unknown[] = [];
    const cases: unknown[] = [];
    channel.signalling.onSignal((from, body) => signals.push([from, body]));
    channel.onCase((view) => cases.push(view.state));

    // Sent before the socket opened: queued, then delivered.
    channel.signalling.send('kiosk', { kind: 'hello' });
    await until(() => received.length === 1);
    expect(received).toEqual([{ caseId: CASE_ID, to: 'kiosk', body: { kind: 'hello' } }]);

    const hall = sockets[0]!;
    hall.send(JSON.stringify({ type: 'signal', signal: { caseId: CASE_ID, from: 'console', body: { kind: 'bye' } } }));
    hall.send(JSON.stringify({ type: 'signal', signal: { caseId: 'other-case-0002', from: 'console', body: { kind: 'bye' } } }));
    hall.send(JSON.stringify({ type: 'signal', signal: { caseId: CASE_ID, from: 'console', body: { kind: 'bye', extra: 1 } } }));
    hall.send('not json');
    hall.send(JSON.stringify({ type: 'case', case: { caseId: CASE_ID, state: 'inCall' } }));
    hall.send(JSON.stringify({ type: 'signal', signal: { caseId: CASE_ID, from: 'kiosk', body: { kind: 'hello' } } }));
    await until(() => signals.length === 2);
    expect(signals).toEqual([['console', { kind: 'bye' }], ['kiosk', { kind: 'hello' }]]);
    expect(cases).toEqual([]);

    // The network drops the socket: the channel opens a new one by itself.
    hall.terminate();
    await until(() => sockets.length === 2);
    expect(sockets).toHaveLength(2);
    channel.signalling.send('console', { kind: 'hello' });
    await until(() => received.length === 2);
    expect(received[1]).toEqual({ caseId: CASE_ID, to: 'console', body: { kind: 'hello' } });
  });

  it('gives up a socket the hall no longer answers and opens a new one; a socket that answers its pings stays', async () => {
    const listening = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server = listening;
    await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
    const sockets: WebSocket[] = [];
    const pings = new Map<WebSocket, number>();
    server.on('connection', (ws) => {
      sockets.push(ws);
      // The first connection is a dead one (the network went): it never answers. Later ones answer each ping.
      const answers = sockets.length > 1;
      ws.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type?: string }).type !== 'ping') return;
        pings.set(ws, (pings.get(ws) ?? 0) + 1);
        if (answers) ws.send(JSON.stringify({ type: 'pong' }));
      });
    });
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    channel = openSignalChannel(CASE_ID, url, { pingMs: 20, silenceMs: 150 });
    await until(() => sockets.length === 2);
    expect(sockets).toHaveLength(2);
    expect(pings.get(sockets[0]!) ?? 0).toBeGreaterThan(0);
    // Answered: many pings later (well past the silence limit) still the same socket.
    await until(() => (pings.get(sockets[1]!) ?? 0) >= 20);
    expect(pings.get(sockets[1]!)).toBeGreaterThanOrEqual(20);
    expect(sockets).toHaveLength(2);
  });
});
