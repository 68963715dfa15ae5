/**
 * The browser host: serves the built renderer and speaks the KioskApi over a
 * WebSocket, on 127.0.0.1 only. Anything on the machine can reach the port,
 * so the API takes a launch token that only the Chromium the kiosk launched
 * holds: it travels in the launch URL's fragment (which a browser never
 * sends to a server), never in what this server serves. A WebSocket without
 * it, from a foreign Origin or Host, or sending an oversized message is
 * refused, and so is a second one while the renderer's is live: one renderer
 * hears the events. Every message goes through the host's dispatcher, so
 * malformed input gets an error reply and the host keeps running.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { KioskHost } from './create-host';
import { isNotifyRequest, serveNotification } from './payment/notify-endpoint';
import { err, ok, type Result } from '../../domain/result';

export const LOOPBACK = '127.0.0.1';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ico': 'image/x-icon',
};

/** The page's Content-Security-Policy; the WebSocket goes to the same origin. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ws://${LOOPBACK}:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface BrowserHostOptions {
  host: KioskHost;
  /** Folder of the built renderer (vite build output). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  maxMessageBytes: number;
  /**
   * The launcher's token (kept over host restarts so its open page reconnects);
   * a random one for this launch otherwise.
   */
  token?: string;
  /** How often the renderer's socket must answer a ping, or be dropped so a reloaded page can take over. */
  heartbeatMs?: number;
}

export interface BrowserHost {
  /** The page, without the token. */
  readonly url: string;
  /** The URL to open the kiosk with: the page, the token in its fragment. Only for the browser the kiosk launches. */
  readonly launchUrl: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** The fragment parameter that carries the token (`#token=…`). */
export const TOKEN_FRAGMENT = 'token';
/** A meta element naming this launch of the host (public: it lets an open page notice a restart; read by renderer/api/relaunch-watch.ts). */
export const LAUNCH_META = 'onedoor-launch';

/** Why the server did not start, with a message an installer can act on. */
export type BrowserHostRefusal = { kind: 'rendererNotBuilt' | 'portInUse' | 'cannotListen'; message: string };
export type StartBrowserHostResult = Result<BrowserHost, BrowserHostRefusal>;

/** Starts the HTTP + WebSocket server on 127.0.0.1. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<StartBrowserHostResult> {
  const { host } = options;
  const log = host.logger.child({ component: 'browser-host' });
  const token = options.token ?? randomBytes(24).toString('base64url');
  const launchId = randomBytes(9).toString('base64url');
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const rendererDir = resolve(options.rendererDir);
  let port = options.port;

  const indexPath = join(rendererDir, 'index.html');
  try {
    await stat(indexPath);
  } catch {
    return err({ kind: 'rendererNotBuilt', message: `The renderer is not built: ${indexPath} is missing. Run "npm run build" first.` });
  }

  const server: Server = createServer((req, res) => {
    // The payment service's notifications (through the site's relay): signed, so not bound to this page's Host.
    const serve = isNotifyRequest(req) ? serveNotification(req, res, host.paymentNotifications) : serveStatic(req, res);
    void serve.catch((error: unknown) => {
      log.error({ err: error }, 'static request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const requested = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const filePath = normalize(join(rendererDir, requested));
    if (!filePath.startsWith(rendererDir + sep)) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': filePath === indexPath ? 'no-store' : 'public, max-age=31536000, immutable',
    };
    if (filePath === indexPath) body = Buffer.from(injectLaunchId(body.toString('utf8'), launchId));
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes,
    perMessageDeflate: false,
  });

  /**
   * The one renderer connection. While it is open a second one is refused
   * (not swapped in: a hostile process that got the token must not take the
   * kiosk's events); once it closed, or stopped answering pings, the next one
   * (a reloaded page) takes its place.
   */
  let renderer: WebSocket | null = null;
  let answered = true;
  const heartbeat = setInterval(() => {
    if (!renderer || renderer.readyState !== renderer.OPEN) return;
    if (!answered) {
      log.warn('renderer socket stopped answering; dropped');
      renderer.terminate();
      return;
    }
    answered = false;
    renderer.ping();
  }, heartbeatMs);
  heartbeat.unref();

  server.on('upgrade', (req, socket, head) => {
    const refusal = refuseUpgrade(req);
    if (refusal) {
      log.warn({ reason: refusal, origin: req.headers.origin ?? null }, 'websocket refused');
      socket.end(`HTTP/1.1 ${REFUSAL_STATUS[refusal]}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  function refuseUpgrade(req: IncomingMessage): Refusal | undefined {
    if (!allowedHosts().has(req.headers.host ?? '')) return 'host';
    if (!allowedOrigins().has(req.headers.origin ?? '')) return 'origin';
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    if (url.pathname !== '/api') return 'path';
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'token';
    if (renderer && renderer.readyState === renderer.OPEN) return 'busy';
    return undefined;
  }

  wss.on('connection', (ws: WebSocket) => {
    log.info('renderer connected');
    renderer = ws;
    answered = true;
    ws.on('pong', () => {
      if (renderer === ws) answered = true;
    });
    const unsubscribe = host.onEvent((event) => send(ws, event));
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        void host.dispatch(undefined).then((reply) => send(ws, reply));
        return;
      }
      void host.dispatch(data.toString()).then((reply) => send(ws, reply));
    });
    ws.on('error', (error) => log.warn({ err: error }, 'websocket error'));
    ws.on('close', (code) => {
      if (renderer === ws) renderer = null;
      unsubscribe();
      log.info({ code }, 'renderer disconnected');
    });
  });

  const listening = await new Promise<Result<null, BrowserHostRefusal>>((resolvePromise) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolvePromise(
        err(
          error.code === 'EADDRINUSE'
            ? { kind: 'portInUse', message: `Port ${options.port} on ${LOOPBACK} is already in use; set server.port in the config or stop the other process.` }
            : { kind: 'cannotListen', message: `Cannot listen on ${LOOPBACK}:${options.port}: ${error.message}` },
        ),
      ),
    );
    server.listen(options.port, LOOPBACK, () => resolvePromise(ok(null)));
  });
  if (!listening.ok) return listening;
  port = (server.address() as AddressInfo).port;
  const url = `http://${LOOPBACK}:${port}/`;
  log.info({ url }, 'browser host listening');

  return ok({
    url,
    launchUrl: `${url}#${TOKEN_FRAGMENT}=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        clearInterval(heartbeat);
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  });
}

function send(ws: WebSocket, message: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

type Refusal = 'host' | 'origin' | 'path' | 'token' | 'busy';

const REFUSAL_STATUS: Record<Refusal, string> = {
  host: '403 Forbidden',
  origin: '403 Forbidden',
  path: '403 Forbidden',
  token: '401 Unauthorized',
  busy: '409 Conflict',
};

/** Names this launch in the served page (a public id, not the token). */
export function injectLaunchId(html: string, launchId: string): string {
  const meta = `<meta name="${LAUNCH_META}" content="${launchId}">`;
  return html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : meta + html;
}
