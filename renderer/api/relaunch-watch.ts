/**
 * After a host restart (a crash, a supervisor's restart) the open page
 * reconnects with the token its URL carries (a launcher hands the same token
 * to the host it restarts). It then reloads itself into the new launch, so
 * it runs what that launch serves and keeps nothing of the old one: each
 * time the link comes up it asks which launch serves the page (a public id
 * in the served HTML, not the token) and reloads when it is not the one that
 * served it. The reload opens the same URL, fragment and token included.
 */
import type { KioskClient } from './types';

/** Meta element naming the host launch that served the page (written by electron/host/serve.ts). */
export const LAUNCH_META = 'onedoor-launch';

/** What the watch needs; injected so tests need no browser. */
export interface RelaunchWatchDeps {
  client: Pick<KioskClient, 'onConnectionChange'>;
  /** The launch that served this page (null: none named, nothing to watch). */
  launchId: string | null;
  /** Fetches the page's HTML again (no cache); null when the host does not answer. */
  fetchPage: () => Promise<string | null>;
  reload: () => void;
}

/** Reads the launch id out of served HTML. */
export function launchIdInHtml(html: string): string | null {
  const match = new RegExp(`<meta[^>]*name="${LAUNCH_META}"[^>]*content="([^"]*)"`).exec(html) ?? new RegExp(`<meta[^>]*content="([^"]*)"[^>]*name="${LAUNCH_META}"`).exec(html);
  return match?.[1] ? match[1] : null;
}

/** The launch id of this page's own document. */
export function readLaunchId(document: Pick<Document, 'querySelector'>): string | null {
  const content = document.querySelector(`meta[name="${LAUNCH_META}"]`)?.getAttribute('content');
  return content ? content : null;
}

/** Starts watching; returns the stop function. */
export function watchForRelaunch(deps: RelaunchWatchDeps): () => void {
  if (deps.launchId === null) return () => {};
  let stopped = false;

  const look = async (): Promise<void> => {
    const html = await deps.fetchPage().catch(() => null);
    if (stopped || html === null) return;
    const served = launchIdInHtml(html);
    if (served !== null && served !== deps.launchId) {
      stopped = true;
      deps.reload();
    }
  };

  const unsubscribe = deps.client.onConnectionChange((state) => {
    if (state === 'connected' && !stopped) void look();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
