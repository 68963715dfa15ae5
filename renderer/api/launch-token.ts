/**
 * The browser host's per-launch token: read from the page URL (`?token=`) or
 * `<meta name="onedoor-token">`, then removed from the visible URL.
 */

/** Query parameter and meta name that carry the token. */
export const TOKEN_PARAM = 'token';
export const TOKEN_META = 'onedoor-token';

/** Reads the token; null when the page has none. */
export function readLaunchToken(location: Pick<Location, 'href'>, document: Pick<Document, 'querySelector'>): string | null {
  const fromUrl = new URL(location.href).searchParams.get(TOKEN_PARAM);
  if (fromUrl) return fromUrl;
  const fromMeta = document.querySelector(`meta[name="${TOKEN_META}"]`)?.getAttribute('content');
  return fromMeta ? fromMeta : null;
}

/** Removes the token from the address shown (and from history), keeping everything else. */
export function removeTokenFromUrl(location: Pick<Location, 'href'>, history: Pick<History, 'replaceState' | 'state'>): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(TOKEN_PARAM)) return;
  url.searchParams.delete(TOKEN_PARAM);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/** The same-origin socket address of the host API: `ws(s)://<host>/api?token=…`. */
export function hostSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token ? `?${TOKEN_PARAM}=${encodeURIComponent(token)}` : '';
  return `${scheme}//${location.host}/api${query}`;
}
