/**
 * The proxy desk's real parts in the browser: the HTTP calls (with the
 * console client's CSRF token), the call socket, the camera and microphone,
 * MediaRecorder. The mesh comes from `renderer/proxy-call/mesh.ts`
 * (`createProxyCallMesh`), passed in by main.tsx.
 */
import type { MeshOptions, ProxyCallMesh } from './api/call-mesh';
import type { LiveFeed } from './api/console-api';
import { createProxyDeskHttp } from './api/proxy-desk-api';
import { openCallSocket } from './api/proxy-signal-socket';
import type { ProxyDeskDeps } from './screens/ProxyDesk';
import { createMediaPartRecorder } from './screens/proxyRecorder';

export function browserProxyDeskDeps(http: { csrfToken(): string | null }, live: LiveFeed, createMesh: (options: MeshOptions) => ProxyCallMesh): ProxyDeskDeps {
  return {
    api: createProxyDeskHttp({ csrfToken: () => http.csrfToken() }),
    live,
    openCall: (caseId) => openCallSocket(caseId),
    createMesh,
    localMedia: () => navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true }),
    createRecorder: createMediaPartRecorder,
  };
}
