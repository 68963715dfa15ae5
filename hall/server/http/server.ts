/**
 * The hall server's HTTP side (plain node:http, or node:https with a
 * certificate): the console API of hall/contract/console-api.ts under `/api`,
 * the live WebSocket at `/api/live`, and the built console at `/`. Every
 * request's Host must be the server's own; every POST/DELETE needs the
 * server's Origin, and (signed in) the session's CSRF token; every body and
 * query goes through the contract's zod schemas.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { err, ok, type Result } from '../../../domain/result';
import { csrfMatches, findSession, sessionAlive, SESSION_COOKIE, type ConsoleSession } from '../auth/sessions';
import { createLiveHub } from './live';
import { apiError, type Reply } from './reply';
import { MAX_BODY_BYTES, mediaType, parseCookies, readJsonBody, readRawBody, validate } from './request';
import type { HallHttpDeps, ProxyDeskPorts, Route } from './route';
import { createRecordingUploads } from './proxy-uploads';
import { createProxySignalUpgrade, PROXY_SIGNAL_PATH } from './proxy-signal';
import { matchRoute } from './router';
import { API_ROUTES } from './routes';
import { hostAllowed, originAllowed, SECURITY_HEADERS, serverOrigins, type Origins } from './security';
import { serveConsole } from './static-console';

export interface HallHttpOptions extends Omit<HallHttpDeps, 'proxy'> {
  /** 可视化代办 (issue 19): the case registry and the recording store; without them the proxy routes answer 404. */
  proxy?: ProxyDeskPorts;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built console (`dist/hall-console`). */
  consoleDir: string;
  /** PEM certificate and key: served over HTTPS, cookie `Secure`. */
  tls?: { cert: string; key: string };
  /** Other origins the console is reached by (`https://hall.example.lan:8750`). */
  extraOrigins?: readonly string[];
  /** How often live sockets are pinged and their sessions checked (default 30 s). */
  liveSweepMs?: number;
  /** Unexpected failures (no request bodies or personal data are passed). */
  onError?: (error: unknown, where: string) => void;
}

export interface HallHttp {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export type HallHttpRefusal = { kind: 'portInUse' | 'cannotListen'; message: string };

const MUTATING = new Set(['POST', 'DELETE', 'PUT', 'PATCH']);

export async function startHallHttp(options: HallHttpOptions): Promise<Result<HallHttp, HallHttpRefusal>> {
  const deps: HallHttpDeps = {
    db: options.db, link: options.link, stats: options.stats, staffIdKey: options.staffIdKey, now: options.now,
    ...(options.proxy ? { proxy: { ...options.proxy, uploads: createRecordingUploads() } } : {}),
  };
  const secure = options.tls !== undefined;
  const scheme = secure ? 'https' : 'http';
  const onError = options.onError ?? (() => undefined);
  let origins: Origins = serverOrigins(scheme, options.host, options.port, options.extraOrigins);
  const hub = createLiveHub(deps.db, (error) => onError(error, 'live'));
  const unsubscribeLink = deps.link.onChange((change) => hub.onChange(change));
  const unsubscribeProxy = deps.proxy?.registry.onCase((view) => {
    deps.proxy?.uploads.caseChanged(view);
    hub.broadcast({ type: 'proxyCase', case: view });
  });
  const unsubscribe = () => {
    unsubscribeLink();
    unsubscribeProxy?.();
  };
  const sweeper = setInterval(() => {
    void hub.sweep(deps.now()).catch((error: unknown) => onError(error, 'live sweep'));
    // The call sockets end with their officer's session too.
    void proxySignal?.sweep(deps.now()).catch((error: unknown) => onError(error, 'proxy signal sweep'));
  }, options.liveSweepMs ?? 30_000);
  sweeper.unref();

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((error: unknown) => {
      onError(error, `${req.method ?? ''} ${new URL(req.url ?? '/', 'http://hall').pathname}`);
      if (!res.headersSent) writeReply(res, apiError('internal'));
      else res.end();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(handler);

  async function sessionOf(req: IncomingMessage): Promise<ConsoleSession | null> {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    return token ? findSession(deps.db, token, deps.now()) : null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(origins, req)) {
      res.writeHead(421, { ...SECURITY_HEADERS, 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://hall');
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return serveConsole(req, res, options.consoleDir);
    writeReply(res, await handleApi(req, url));
  }

  async function handleApi(req: IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? 'GET';
    const match = matchRoute(API_ROUTES, method, url.pathname);
    if (match.kind === 'none') return apiError('notFound');
    if (match.kind === 'wrongMethod') return { kind: 'json', status: 405, body: { error: 'badRequest', field: 'method' } };
    const { route, params } = match;
    const mutating = MUTATING.has(method);
    if (mutating && !originAllowed(origins, req)) return apiError('csrf');
    const session = route.auth === 'none' ? null : await sessionOf(req);
    if (route.auth !== 'none') {
      if (!session) return apiError('signedOut');
      if (mutating && !csrfMatches(session, headerValue(req.headers['x-csrf-token']))) return apiError('csrf');
      if (route.auth === 'supervisor' && session.role !== 'supervisor') return apiError('forbidden');
    }
    const input = route.raw ? await readRaw(req, route.raw) : await readInput(req, url, route, mutating);
    if (!input.ok) return input.error;
    const reply = await route.handle({
      deps, session, params, body: input.value.body, query: input.value.query, secure,
      broadcast: (message) => hub.broadcast(message),
    });
    if (route.path === '/api/logout' && session) {
      hub.endSession(session.tokenHash);
      proxySignal?.endSession(session.tokenHash);
    }
    return reply;
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const proxySignal = deps.proxy ? createProxySignalUpgrade({ registry: deps.proxy.registry, sessionOf, sessionAlive: (tokenHash, now) => sessionAlive(deps.db, tokenHash, now), onError: (error) => onError(error, 'proxy signal') }) : null;
  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    const url = new URL(req.url ?? '/', 'http://hall');
    if (url.pathname === PROXY_SIGNAL_PATH && proxySignal) {
      if (!hostAllowed(origins, req) || !originAllowed(origins, req)) return refuse('403 Forbidden');
      return proxySignal.upgrade(req, socket, head, url, refuse);
    }
    if (url.pathname !== '/api/live') return refuse('404 Not Found');
    if (!hostAllowed(origins, req) || !originAllowed(origins, req)) return refuse('403 Forbidden');
    void sessionOf(req).then(
      (session) => {
        if (!session) return refuse('401 Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => hub.attach(ws, session.tokenHash));
      },
      (error: unknown) => {
        onError(error, 'live upgrade');
        refuse('500 Internal Server Error');
      },
    );
  });

  const listening = await new Promise<Result<null, HallHttpRefusal>>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(err({
        kind: error.code === 'EADDRINUSE' ? 'portInUse' : 'cannotListen',
        message: error.code === 'EADDRINUSE'
          ? `Port ${options.port} on ${options.host} is already in use: set http.port in hall.config.json or stop the other process. 端口已被占用。`
          : `Cannot listen on ${options.host}:${options.port}: ${error.message}`,
      })),
    );
    server.listen(options.port, options.host, () => resolve(ok(null)));
  });
  if (!listening.ok) {
    clearInterval(sweeper);
    unsubscribe();
    return listening;
  }
  const port = (server.address() as AddressInfo).port;
  origins = serverOrigins(scheme, options.host, port, options.extraOrigins);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return ok({
    url: `${scheme}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        unsubscribe();
        hub.closeAll();
        proxySignal?.closeAll();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

async function readInput(req: IncomingMessage, url: URL, route: Route, mutating: boolean): Promise<Result<{ body: unknown; query: unknown }, Reply>> {
  let body: unknown = undefined;
  if (mutating) {
    const read = await readJsonBody(req, MAX_BODY_BYTES);
    if (!read.ok) {
      return err(read.error === 'tooLarge' ? { kind: 'json', status: 413, body: { error: 'badRequest', field: 'body' } } : apiError('badRequest', { field: 'body' }));
    }
    body = read.value;
  }
  if (route.body) {
    const parsed = validate(route.body, body);
    if (!parsed.ok) return err(apiError('badRequest', { field: parsed.error.field }));
    body = parsed.value;
  }
  let query: unknown = Object.fromEntries(url.searchParams);
  if (route.query) {
    const parsed = validate(route.query, query);
    if (!parsed.ok) return err(apiError('badRequest', { field: parsed.error.field }));
    query = parsed.value;
  }
  return ok({ body, query });
}

/** A raw upload: its media type must be the route's, its size within the route's cap. */
async function readRaw(req: IncomingMessage, raw: NonNullable<Route['raw']>): Promise<Result<{ body: unknown; query: unknown }, Reply>> {
  if (mediaType(req.headers['content-type']) !== raw.contentType) {
    req.resume();
    return err({ kind: 'json', status: 415, body: { error: 'badRequest', field: 'content-type' } });
  }
  const read = await readRawBody(req, raw.maxBytes);
  if (!read.ok) return err(read.error === 'tooLarge' ? { kind: 'json', status: 413, body: { error: 'tooLarge' } } : apiError('badRequest', { field: 'body' }));
  return ok({ body: read.value, query: {} });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function writeReply(res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'json': {
      const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      if (reply.setCookie) headers['set-cookie'] = reply.setCookie;
      res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
      return;
    }
    case 'csv':
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${reply.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        'cache-control': 'no-store',
      }).end(reply.body);
      return;
  }
}
