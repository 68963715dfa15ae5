/**
 * The phone listener's headers: a strict CSP (the page loads only from
 * itself, talks only to its own origin and its own WSS; the face models run
 * as WASM) and no caching of the page or of any answer.
 */
export function phoneContentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' wss://${host}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Every answer's headers (`host` is the request's, already checked to be ours). */
export function phoneHeaders(host: string): Record<string, string> {
  return {
    'content-security-policy': phoneContentSecurityPolicy(host),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'strict-transport-security': 'max-age=31536000',
    // The camera and microphone are this page's own; nothing else may ask.
    'permissions-policy': 'camera=(self), microphone=(self), geolocation=()',
  };
}
