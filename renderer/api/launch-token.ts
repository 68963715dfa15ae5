/**
 * The browser host's launch token. The kiosk's launcher opens the page with
 * it in the URL's fragment (`#token=…`): a browser never sends the fragment
 * to a server, so it is in no request, log or Referer, and the host never
 * writes it into what it serves (any local process can fetch that). It stays
 * in the page's URL: a reload (F5, a crashed renderer, a restarted host)
 * opens the same URL and so finds it again. The kiosk window shows no address.
 */

/** Fragment parameter that carries the token. */
export const TOKEN_PARAM = 'token';

/** Reads the token from the URL's fragment; null when the page has none. */
export function readLaunchToken(location: Pick<Location, 'hash'>): string | null {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_PARAM);
  return token ? token : null;
}

/** The same-origin socket address of the host API: `ws(s)://<host>/api?token=…`. */
export function hostSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token ? `?${TOKEN_PARAM}=${encodeURIComponent(token)}` : '';
  return `${scheme}//${location.host}/api${query}`;
}
