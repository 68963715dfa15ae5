/**
 * The kiosk's own origin. The renderer is served from a custom privileged
 * scheme (`app://kiosk/`), never from `file://`, so "same origin" is exact.
 */

/** Scheme registered with `protocol.registerSchemesAsPrivileged`. */
export const APP_SCHEME = 'app';
/** The only host the scheme serves. */
export const APP_HOST = 'kiosk';
/** The app's origin as Chromium reports it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the attract screen lives: the renderer's entry page. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL without throwing. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `raw` is a URL (or a bare origin) on the app's own origin.
 * Compared by scheme and host, because Node's `URL#origin` is `"null"` for
 * custom schemes. User info and ports are refused outright.
 */
export function isAppOrigin(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string' || raw.length === 0) return false;
  const url = parseUrl(raw);
  if (!url) return false;
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}
