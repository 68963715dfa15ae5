/**
 * The three-party call of 可视化代办: one peer link (peer-link.ts) per other
 * party, all fed by the same local camera and microphone, signalled through
 * the hall. Framework-free: the kiosk renderer, the phone page and the
 * console each run it (use-proxy-call.ts wraps it for React).
 *
 * Politeness in a glare follows a fixed order, kiosk < phone < console (the
 * lower one is impolite and drives ICE restarts): roles.ts.
 */
import { SignalBody, type IceServer, type ProxyRole } from '../../electron/contract/proxy';
import type { MeshOptions, PeerState, PeerStats, ProxyCallMesh } from './mesh-types';
import { createPeerLink, type PeerLink } from './peer-link';
import { isPolite } from './roles';

/** What the mesh needs from the browser and its clock; tests give fakes and short times. */
export interface MeshDeps {
  createPeerConnection: (configuration: RTCConfiguration) => RTCPeerConnection;
  /** How long `disconnected` may last before ICE is restarted (default 2 000). */
  disconnectedGraceMs: number;
  /** Time between two ICE restarts while a path stays broken (default 4 000). */
  restartIntervalMs: number;
}

export const DEFAULT_RECONNECT_WINDOW_MS = 30_000;

const defaultDeps: MeshDeps = {
  createPeerConnection: (configuration) => new RTCPeerConnection(configuration),
  disconnectedGraceMs: 2_000,
  restartIntervalMs: 4_000,
};

const toRtcIceServers = (servers: readonly IceServer[]): RTCIceServer[] =>
  servers.map((server) => ({ urls: [...server.urls], ...(server.username !== undefined ? { username: server.username } : {}), ...(server.credential !== undefined ? { credential: server.credential } : {}) }));

export function createProxyCallMesh(options: MeshOptions, deps: Partial<MeshDeps> = {}): ProxyCallMesh {
  const { createPeerConnection, disconnectedGraceMs, restartIntervalMs } = { ...defaultDeps, ...deps };
  let iceServers: readonly IceServer[] = options.iceServers;
  let closed = false;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const configuration = (): RTCConfiguration => ({ iceServers: toRtcIceServers(iceServers), iceTransportPolicy: options.iceTransportPolicy ?? 'all' });

  const links = new Map<ProxyRole, PeerLink>();
  for (const peer of options.peers) {
    if (peer === options.self || links.has(peer)) continue;
    links.set(
      peer,
      createPeerLink({
        polite: isPolite(options.self, peer),
        configuration,
        localStream: options.localStream,
        send: (body) => options.signalling.send(peer, body),
        createPeerConnection,
        reconnectWindowMs: options.reconnectWindowMs ?? DEFAULT_RECONNECT_WINDOW_MS,
        disconnectedGraceMs,
        restartIntervalMs,
        onChange: notify,
      }),
    );
  }

  /** Starts over with every peer: they rebuild their connection to us and offer. */
  const sayHello = (): void => {
    for (const [peer, link] of links) {
      link.reset();
      options.signalling.send(peer, { kind: 'hello' });
    }
  };

  const stopSignals = options.signalling.onSignal((from, body) => {
    if (closed) return;
    const link = links.get(from);
    // The hall stamps `from`; the body is still checked: a peer never vouches for itself.
    const parsed = SignalBody.safeParse(body);
    if (!link || !parsed.success) return;
    link.receive(parsed.data);
  });
  const stopReconnects = options.signalling.onReconnect?.(() => {
    if (!closed) sayHello();
  });
  sayHello();

  return {
    remoteStream: (peer) => links.get(peer)?.remoteStream() ?? null,
    peerState: (peer): PeerState => links.get(peer)?.state() ?? 'closed',
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stats() {
      const entries = await Promise.all([...links].map(async ([peer, link]) => [peer, await link.stats()] as const));
      const result: Partial<Record<ProxyRole, PeerStats>> = {};
      for (const [peer, stats] of entries) result[peer] = stats;
      return result;
    },
    updateIceServers(next) {
      iceServers = next;
      for (const link of links.values()) link.reconfigure();
    },
    close() {
      if (closed) return;
      closed = true;
      stopSignals();
      stopReconnects?.();
      for (const [peer, link] of links) {
        options.signalling.send(peer, { kind: 'bye' });
        link.close();
      }
      listeners.clear();
    },
  };
}
