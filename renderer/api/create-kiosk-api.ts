/** Picks the transport to the host when the renderer starts. */
import { createIpcKioskApi, isOneDoorBridge } from './ipc-client';
import { hostSocketUrl, readLaunchToken } from './launch-token';
import { readLaunchId, watchForRelaunch } from './relaunch-watch';
import type { KioskClient } from './types';
import { createWebSocketKioskApi } from './websocket-client';

/**
 * IPC through `window.onedoor` inside Electron; otherwise the browser host's
 * WebSocket on the page's own origin, authenticated with the launch token
 * from the URL's fragment. After a host restart the page reloads itself into
 * the new launch (relaunch-watch.ts).
 */
export function createKioskApi(win: Window = window): KioskClient {
  const bridge: unknown = (win as Window & { onedoor?: unknown }).onedoor;
  if (isOneDoorBridge(bridge)) return createIpcKioskApi(bridge);
  const token = readLaunchToken(win.location);
  const client = createWebSocketKioskApi({ url: hostSocketUrl(win.location, token) });
  watchForRelaunch({
    client,
    launchId: readLaunchId(win.document),
    fetchPage: async () => {
      const response = await win.fetch(win.location.pathname, { cache: 'no-store' });
      return response.ok ? response.text() : null;
    },
    reload: () => win.location.reload(),
  });
  return client;
}
