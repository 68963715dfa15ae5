/**
 * Browser entry for tests/e2e/proxy-call-mesh.test.ts: one party of the call,
 * running the real mesh (renderer/proxy-call/mesh.ts) with the fake camera and
 * microphone, signalling through the test's WebSocket relay. Bundled by
 * esbuild in proxy-call-mesh-support.ts.
 */
import type { IceServer, ProxyRole, SignalBody } from '../../electron/contract/proxy';
import { createProxyCallMesh } from '../../renderer/proxy-call/mesh';
import type { PeerState, PeerStats, ProxyCallMesh } from '../../renderer/proxy-call/mesh-types';

export interface StartCall {
  self: ProxyRole;
  peers: ProxyRole[];
  relayUrl: string;
  reconnectWindowMs: number;
  iceTransportPolicy?: 'all' | 'relay';
  iceServers?: IceServer[];
}

declare global {
  interface Window {
    startCall(start: StartCall): Promise<void>;
    callStats(): Promise<Partial<Record<ProxyRole, PeerStats>>>;
    /** Each peer's states in the order this party saw them. */
    callHistory(): Partial<Record<ProxyRole, PeerState[]>>;
    closeCall(): void;
  }
}

let mesh: ProxyCallMesh | null = null;
const history: Partial<Record<ProxyRole, PeerState[]>> = {};

/** Every remote stream plays in a muted <video>, as the apps show them. */
function showRemoteStreams(current: ProxyCallMesh, peers: readonly ProxyRole[]): void {
  for (const peer of peers) {
    let video = document.querySelector<HTMLVideoElement>(`video[data-peer="${peer}"]`);
    if (!video) {
      video = document.createElement('video');
      video.dataset.peer = peer;
      video.muted = true;
      video.autoplay = true;
      video.playsInline = true;
      document.body.append(video);
    }
    const stream = current.remoteStream(peer);
    if (video.srcObject !== stream) video.srcObject = stream;
  }
}

window.startCall = async ({ self, peers, relayUrl, reconnectWindowMs, iceTransportPolicy, iceServers }) => {
  const localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
  const socket = new WebSocket(`${relayUrl}?role=${self}`);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('relay unreachable')), { once: true });
  });
  const handlers = new Set<(from: ProxyRole, body: SignalBody) => void>();
  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const { from, body } = JSON.parse(event.data) as { from: ProxyRole; body: SignalBody };
    for (const handler of handlers) handler(from, body);
  });
  const current = createProxyCallMesh(
    {
      self,
      peers,
      iceServers: iceServers ?? [],
      ...(iceTransportPolicy ? { iceTransportPolicy } : {}),
      localStream,
      reconnectWindowMs,
      signalling: {
        send: (to, body) => socket.send(JSON.stringify({ to, body })),
        onSignal(handler) {
          handlers.add(handler);
          return () => handlers.delete(handler);
        },
      },
    },
    { disconnectedGraceMs: 1_000, restartIntervalMs: 2_000 },
  );
  mesh = current;
  current.onChange(() => {
    showRemoteStreams(current, peers);
    for (const peer of peers) {
      const seen = (history[peer] ??= []);
      const state = current.peerState(peer);
      if (seen.at(-1) !== state) seen.push(state);
    }
  });
};

window.callStats = () => (mesh ? mesh.stats() : Promise.resolve({}));
window.closeCall = () => mesh?.close();
window.callHistory = () => history;
