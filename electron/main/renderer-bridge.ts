/**
 * Hands a window a direct line to the host: one MessageChannelMain per window
 * load (and per host restart), one port to the utility process, the other to
 * the window's preload. Renderer and host then talk without main in the middle.
 */
import { MessageChannelMain, type UtilityProcess, type WebContents } from 'electron';
import { HOST_PORT_CHANNEL, MAIN_EVENT_CHANNEL, type HostControlMessage } from './channels';
import { hostStatusEvent, type HostState } from './host-status';

/** Connects `contents` to the host running in `host`. */
export function connectRendererToHost(contents: WebContents, host: UtilityProcess): void {
  if (contents.isDestroyed()) return;
  const { port1, port2 } = new MessageChannelMain();
  const connect: HostControlMessage = { type: 'connect' };
  host.postMessage(connect, [port1]);
  contents.postMessage(HOST_PORT_CHANNEL, null, [port2]);
}

/** Tells the renderer whether the host is available (the "service restarting" screen). */
export function sendHostStatus(contents: WebContents, state: HostState): void {
  if (contents.isDestroyed()) return;
  contents.send(MAIN_EVENT_CHANNEL, hostStatusEvent(state));
}
