/** Where the kiosk's web contents may go: nowhere but the app's own origin. */
import { isAppOrigin, parseUrl } from './app-origin';

/** True when a navigation or redirect to `url` may proceed. */
export function isAllowedNavigation(url: string): boolean {
  return isAppOrigin(url);
}

/**
 * Network requests the session lets through. The renderer talks to the host
 * over a MessagePort, so it needs no network at all: only its own scheme and
 * in-memory URLs (`data:`, `blob:`), plus `devtools:` in development.
 */
export function isAllowedRequest(url: string, options: { dev: boolean }): boolean {
  if (isAppOrigin(url)) return true;
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  if (parsed.protocol === 'devtools:') return options.dev;
  return false;
}
