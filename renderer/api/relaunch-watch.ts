/**
 * The browser host's token is per launch, so after a host restart (a crash,
 * a supervisor's restart) a page served by the old launch is refused for good
 * and would sit on the "restarting" notice. While the link is down this
 * watch fetches the page again now and then; when the host serves it with a
 * different token, a new launch is up and the page reloads itself into it
 * (the session was lost with the old host anyway; the host journals it as
 * crashed).
 */
import { TOKEN_META } from './launch-token';
import type { KioskClient } from './types';

/** What the watch needs; injected so tests need no browser. */
export interface RelaunchWatchDeps {
  client: Pick<KioskClient, 'onConnectionChange'>;
  /** The token this page was served with (null: none, nothing to watch). */
  token: string | null;
  /** Fetches the page's HTML again (no cache); null when the host does not answer. */
  fetchPage: () => Promise<string | null>;
  reload: () => void;
  /** Time between two looks while the link is down. */
  intervalMs?: number;
}

/** Reads the launch token out of served HTML. */
export function tokenInHtml(html: string): string | null {
  const match = new RegExp(`<meta[^>]*name="${TOKEN_META}"[^>]*content="([^"]*)"`).exec(html) ?? new RegExp(`<meta[^>]*content="([^"]*)"[^>]*name="${TOKEN_META}"`).exec(html);
  return match?.[1] ? match[1] : null;
}

/** Starts watching; returns the stop function. */
export function watchForRelaunch(deps: RelaunchWatchDeps): () => void {
  if (deps.token === null) return () => {};
  const intervalMs = deps.intervalMs ?? 2_000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const look = async (): Promise<void> => {
    timer = null;
    const html = await deps.fetchPage().catch(() => null);
    if (stopped) return;
    const served = html === null ? null : tokenInHtml(html);
    if (served !== null && served !== deps.token) {
      stopped = true;
      deps.reload();
      return;
    }
    timer = setTimeout(() => void look(), intervalMs);
  };

  const unsubscribe = deps.client.onConnectionChange((state) => {
    if (state === 'connected') {
      if (timer) clearTimeout(timer);
      timer = null;
    } else if (state === 'disconnected' && !timer && !stopped) {
      timer = setTimeout(() => void look(), intervalMs);
    }
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
