/**
 * Hands a window a direct line to the host: one MessageChannelMain per window
 * load (and per host restart), one port to the utility process, the other to
 * the window's preload. Renderer and host then talk without main in the middle.
 * The port goes only to a page on the app's own origin, checked at every
 * hand-over: whatever page a navigation left in the window gets nothing.
 */
import { MessageChannelMain, type UtilityProcess, type WebContents } from 'electron';
import { isAppOrigin, parseUrl } from './app-origin';
import { HOST_PORT_CHANNEL, MAIN_EVENT_CHANNEL, type HostControlMessage } from './channels';
import { hostStatusEvent, type HostState } from './host-status';

/** Scheme and host of `raw`, for the log (never its path or query). */
function originForLog(raw: string): string {
  const url = parseUrl(raw);
  return url ? `${url.protocol}//${url.host}` : '(none)';
}

/** Connects `contents` to the host running in `host`; refuses (and logs) when the page is not the app's. */
export function connectRendererToHost(
  contents: WebContents,
  host: UtilityProcess,
  log: (message: string, fields?: Record<string, unknown>) => void,
): boolean {
  if (contents.isDestroyed()) return false;
  const url = contents.getURL();
  if (!isAppOrigin(url)) {
    log('refused to hand the host port to a page outside the app', { origin: originForLog(url) });
    return false;
  }
  const { port1, port2 } = new MessageChannelMain();
  const connect: HostControlMessage = { type: 'connect' };
  host.postMessage(connect, [port1]);
  contents.postMessage(HOST_PORT_CHANNEL, null, [port2]);
  return true;
}

/** Tells the renderer whether the host is available (the "service restarting" screen). */
export function sendHostStatus(contents: WebContents, state: HostState): void {
  if (contents.isDestroyed()) return;
  contents.send(MAIN_EVENT_CHANNEL, hostStatusEvent(state));
}
