/**
 * The hall server's own origin(s) and the headers every answer carries. A
 * request whose Host is not ours is refused (DNS rebinding); a mutating
 * request or a WebSocket whose Origin is not ours is refused (CSRF).
 */
import type { IncomingMessage } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export interface Origins {
  /** `http://127.0.0.1:8750` etc. */
  readonly origins: ReadonlySet<string>;
  /** `127.0.0.1:8750` etc. */
  readonly hosts: ReadonlySet<string>;
}

/**
 * The server's origins: its listening address, `localhost` too when that is
 * loopback, and any the config names (a hall reached by a name on its LAN).
 */
export function serverOrigins(scheme: 'http' | 'https', host: string, port: number, extra: readonly string[] = []): Origins {
  // Listening on every address: the machine itself opens it by loopback; LAN names come from the config.
  const wildcard = host === '0.0.0.0' || host === '::';
  const names = wildcard ? [] : [host];
  if (wildcard || host === '127.0.0.1' || host === '::1' || host === 'localhost') names.push('127.0.0.1', 'localhost');
  const origins = new Set(names.map((name) => `${scheme}://${name.includes(':') ? `[${name}]` : name}:${port}`));
  for (const origin of extra) origins.add(origin.replace(/\/$/, ''));
  const hosts = new Set([...origins].map((origin) => new URL(origin).host));
  return { origins, hosts };
}

export function hostAllowed(allowed: Origins, req: IncomingMessage): boolean {
  return allowed.hosts.has(req.headers.host ?? '');
}

/** A browser always sends Origin on a POST, DELETE or WebSocket; one without it is not the console. */
export function originAllowed(allowed: Origins, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return typeof origin === 'string' && allowed.origins.has(origin);
}
