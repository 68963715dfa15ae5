/** The renderer's way to the host: pick a transport with createKioskApi(). */
export { createKioskApi } from './create-kiosk-api';
export { createIpcKioskApi, isOneDoorBridge, type IpcClientOptions } from './ipc-client';
export { createWebSocketKioskApi, backoffDelay, type WebSocketClientOptions, type WebSocketLike, type Backoff } from './websocket-client';
export { hostSocketUrl, readLaunchToken } from './launch-token';
export { clientErrors } from './envelope';
export type { ConnectionState, KioskClient, RejectionListener } from './types';
