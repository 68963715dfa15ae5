/**
 * The principal's phone listener (issue 19): its own HTTPS origin (default
 * port 8751) serving the phone page at `/p/`, the API at `/phone/api/*` and
 * the signal socket at `/phone/api/signal` (hall/contract/proxy-api.ts).
 * Every request's Host must be ours (DNS rebinding); every POST and the
 * socket need our Origin (CSRF). Nothing a phone sends is logged: errors
 * name only the route.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { err, ok, type Result } from '../../../../domain/result';
import { readJsonBody } from '../../http/request';
import { hostAllowed, originAllowed, serverOrigins, type Origins } from '../../http/security';
import type { ProxyCaseRegistry } from '../case-registry.types';
import type { PrincipalFaceCheck } from '../ports';
import { phoneSecretOf } from './phone-cookie';
import { phoneError, type PhoneReply } from './phone-reply';
import { bodyLimit, handlePhoneRoute, routeMethod } from './phone-routes';
import { phoneHeaders } from './phone-security';
import { createPhoneSignalSockets } from './phone-signal';
import { servePhonePage } from './phone-static';

export const DEFAULT_PHONE_PORT = 8751;
const API = '/phone/api';

export interface PhoneServerOptions {
  registry: ProxyCaseRegistry;
  faceCheck: PrincipalFaceCheck;
  /** PEM certificate and key (the hall's PKI). */
  tls: { cert: string; key: string };
  /** Default 0.0.0.0. */
  host?: string;
  /** `phone.port`; 0 picks a free port. Default 8751. */
  port?: number;
  /** The built page (`dist/hall-phone`). */
  pageDir: string;
  /** The origins phones reach it by (the invite link's, `https://hall.example.lan:8751`). */
  extraOrigins?: readonly string[];
  /** How often signal sockets are pinged (default 15 s: a mobile network drops quiet sockets). */
  pingMs?: number;
  /** Unexpected failures; `where` names a route, never a path with data. */
  onError?: (error: unknown, where: string) => void;
}

export interface PhoneServer {
  /** `https://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export type PhoneServerRefusal = { kind: 'portInUse' | 'cannotListen'; message: string };

export async function startPhoneServer(options: PhoneServerOptions): Promise<Result<PhoneServer, PhoneServerRefusal>> {
  const host = options.host ?? '0.0.0.0';
  const requestedPort = options.port ?? DEFAULT_PHONE_PORT;
  const onError = options.onError ?? (() => undefined);
  const deps = { registry: options.registry, faceCheck: options.faceCheck };
  let origins: Origins = serverOrigins('https', host, requestedPort, options.extraOrigins);
  const sockets = createPhoneSignalSockets(options.registry);

  const server: Server = createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
    const where = whereOf(req);
    void handle(req, res).catch((error: unknown) => {
      onError(error, where);
      if (!res.headersSent) writeReply(req, res, phoneError('unavailable'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(origins, req)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'https://phone').pathname;
    if (pathname === '/p') {
      res.writeHead(308, { ...phoneHeaders(req.headers.host ?? ''), location: '/p/' }).end();
      return;
    }
    if (pathname.startsWith('/p/')) return servePhonePage(req, res, pathname, options.pageDir, phoneHeaders(req.headers.host ?? ''));
    if (!pathname.startsWith(`${API}/`)) {
      res.writeHead(404, { ...phoneHeaders(req.headers.host ?? ''), 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    writeReply(req, res, await handleApi(req, pathname.slice(API.length)));
  }

  async function handleApi(req: IncomingMessage, route: string): Promise<PhoneReply> {
    const method = routeMethod(route);
    if (method === null || route === '/signal') return { status: 404, body: { error: 'badRequest' } };
    if (req.method !== method) return { status: 405, body: { error: 'badRequest' } };
    let body: unknown = undefined;
    if (method === 'POST') {
      if (!originAllowed(origins, req)) return { status: 403, body: { error: 'badRequest' } };
      const read = await readJsonBody(req, bodyLimit(route));
      if (!read.ok) return { status: read.error === 'tooLarge' ? 413 : 400, body: { error: 'badRequest' } };
      body = read.value;
    }
    return handlePhoneRoute(deps, { method, route, secret: phoneSecretOf(req.headers.cookie), body });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    const pathname = new URL(req.url ?? '/', 'https://phone').pathname;
    if (pathname !== `${API}/signal`) return refuse('404 Not Found');
    if (!hostAllowed(origins, req) || !originAllowed(origins, req)) return refuse('403 Forbidden');
    const secret = phoneSecretOf(req.headers.cookie);
    const owned = secret === null ? null : options.registry.phoneCaseId(secret);
    // A verified phone whose case ended while it was away (its network gone): told how it ended, then closed.
    const ended = secret !== null && owned?.ok === false && owned.error === 'caseEnded' ? options.registry.endedPhoneCase(secret) : null;
    if (ended) return wss.handleUpgrade(req, socket, head, (ws) => sockets.tellEnded(ws, ended));
    if (!owned?.ok) return refuse('401 Unauthorized');
    const caseId = owned.value;
    // Only a verified principal joins the call.
    if (!options.registry.phoneCase(caseId).ok) return refuse('403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      try {
        sockets.attach(ws, caseId);
      } catch (error: unknown) {
        onError(error, 'signal attach');
        ws.close(1011);
      }
    });
  });
  const pinger = setInterval(() => sockets.sweep(), options.pingMs ?? 15_000);
  pinger.unref();

  const listening = await new Promise<Result<null, PhoneServerRefusal>>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        err({
          kind: error.code === 'EADDRINUSE' ? 'portInUse' : 'cannotListen',
          message:
            error.code === 'EADDRINUSE'
              ? `Port ${requestedPort} on ${host} is already in use: set phone.port in hall.config.json or stop the other process. 端口已被占用。`
              : `Cannot listen on ${host}:${requestedPort}: ${error.message}`,
        }),
      ),
    );
    server.listen(requestedPort, host, () => resolve(ok(null)));
  });
  if (!listening.ok) {
    clearInterval(pinger);
    return listening;
  }
  const port = (server.address() as AddressInfo).port;
  origins = serverOrigins('https', host, port, options.extraOrigins);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return ok({
    url: `https://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(pinger);
        sockets.closeAll();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The route a request is for, for error reports (the API's fixed names only). */
function whereOf(req: IncomingMessage): string {
  const pathname = new URL(req.url ?? '/', 'https://phone').pathname;
  const route = pathname.startsWith(`${API}/`) ? pathname.slice(API.length) : null;
  return `${req.method ?? ''} ${route !== null && routeMethod(route) !== null ? `${API}${route}` : 'page'}`;
}

function writeReply(req: IncomingMessage, res: ServerResponse, reply: PhoneReply): void {
  const headers: Record<string, string> = { ...phoneHeaders(req.headers.host ?? ''), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (reply.setCookie) headers['set-cookie'] = reply.setCookie;
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}
