/**
 * Preload (bundled to dist/electron/preload/index.cjs, CommonJS: sandboxed
 * preloads cannot be ESM). Exposes exactly one object, `window.onedoor`.
 * Main is the only sender on these channels; the page never reaches ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_PORT_CHANNEL, MAIN_EVENT_CHANNEL } from '../main/channels';
import { createBridgeRuntime, type BridgePort } from './bridge';

/** Adapts the DOM MessagePort main transferred to us. */
function adaptPort(port: MessagePort): BridgePort {
  return {
    postMessage: (message) => port.postMessage(message),
    listen: (onMessage) => {
      port.onmessage = (event) => onMessage(event.data);
      port.start();
    },
    close: () => {
      port.onmessage = null;
      port.close();
    },
  };
}

const runtime = createBridgeRuntime();

ipcRenderer.on(HOST_PORT_CHANNEL, (event) => {
  const port = event.ports[0];
  if (port) runtime.attachPort(adaptPort(port));
});
ipcRenderer.on(MAIN_EVENT_CHANNEL, (_event, envelope: unknown) => runtime.deliverMainEvent(envelope));

contextBridge.exposeInMainWorld('onedoor', runtime.bridge);
