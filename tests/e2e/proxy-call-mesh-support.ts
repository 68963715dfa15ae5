/**
 * For tests/e2e/proxy-call-mesh.test.ts: a tiny HTTP server for the page
 * (proxy-call-mesh-page.ts bundled by esbuild) and a WebSocket signalling
 * relay that stamps `from` with the role the socket connected as, as the
 * hall does. Free ports only.
 */
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { ProxyRole, SignalBody } from '../../electron/contract/proxy';
import { ROOT } from './harness';

export interface CallSite {
  pageUrl: string;
  relayUrl: string;
  /** How many signals the relay passed on, per kind (no contents). */
  relayed: Record<SignalBody['kind'], number>;
  stop(): Promise<void>;
}

const Outgoing = z.object({ to: ProxyRole, body: SignalBody }).strict();

export async function startCallSite(): Promise<CallSite> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'tests/e2e/proxy-call-mesh-page.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server: Server = createServer((request, response) => {
    if (request.url === '/mesh.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>call</title><script type="module" src="/mesh.js"></script>');
  });
  const relay = new WebSocketServer({ server });
  const sockets = new Map<ProxyRole, WebSocket>();
  const relayed: CallSite['relayed'] = { description: 0, candidate: 0, hello: 0, bye: 0 };
  relay.on('connection', (socket, request) => {
    const role = ProxyRole.safeParse(new URL(request.url ?? '/', 'http://relay').searchParams.get('role'));
    if (!role.success) return socket.close();
    sockets.set(role.data, socket);
    socket.on('close', () => {
      if (sockets.get(role.data) === socket) sockets.delete(role.data);
    });
    socket.on('message', (data) => {
      const parsed = Outgoing.safeParse(JSON.parse(String(data)));
      if (!parsed.success) return;
      relayed[parsed.data.body.kind] += 1;
      sockets.get(parsed.data.to)?.send(JSON.stringify({ from: role.data, body: parsed.data.body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: `http://localhost:${port}/`,
    relayUrl: `ws://localhost:${port}/`,
    relayed,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of relay.clients) socket.terminate();
        relay.close();
        server.close(() => resolve());
      }),
  };
}
