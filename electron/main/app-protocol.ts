/**
 * Serves the built renderer (dist/renderer) on `app://kiosk/`. Pure apart from
 * the injected file reader, so path traversal is tested without Electron.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';
import { err, ok, type Result } from '../../domain/result';

/** Where a request maps to, or why it maps nowhere. */
/** Why a request path is refused, as the HTTP status answered: 400 malformed, 403 outside the app, 404 no file. */
export type AppPathRefusal = { status: 400 | 403 | 404 };

/** The file inside the renderer folder a request names, or its refusal. */
export type AppPathResult = Result<string, AppPathRefusal>;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** Content type by file extension; unknown types are served as opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://kiosk/...` URL to a file under `rootDir`. Refuses other
 * hosts, encoded or literal `..` escapes, backslashes, NUL bytes and anything
 * that resolves outside the root.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return err({ status: 400 });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return err({ status: 403 });
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return err({ status: 400 });
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return err({ status: 400 });
  const segments = pathname.split('/');
  if (segments.some((segment) => segment === '..')) return err({ status: 403 });
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return err({ status: 403 });
  if (filePath === root) return err({ status: 404 });
  return ok(filePath);
}

/** Headers on every response from the app scheme. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Reads a file's bytes; rejects when it is missing or not a file. */
export type ReadFileBytes = (filePath: string) => Promise<Uint8Array>;

/**
 * The `protocol.handle` handler: GET/HEAD only, files under `rootDir` only.
 * The CSP header is set here as well as by the session's webRequest hook.
 */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFileBytes): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
    const resolved = resolveAppPath(rootDir, request.url);
    if (!resolved.ok) return new Response(null, { status: resolved.error.status, headers: appResponseHeaders('text/plain; charset=utf-8') });
    let body: Uint8Array;
    try {
      body = await readFile(resolved.value);
    } catch {
      return new Response(null, { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
    const headers = appResponseHeaders(mimeTypeFor(resolved.value));
    return new Response(request.method === 'HEAD' ? null : (body as unknown as BodyInit), { status: 200, headers });
  };
}
