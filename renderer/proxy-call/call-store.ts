/**
 * What a React screen reads of a running call: each peer's state and remote
 * stream, as one immutable snapshot that changes when the mesh says so (for
 * `useSyncExternalStore` in use-proxy-call.ts).
 */
import type { ProxyRole } from '../../electron/contract/proxy';
import type { PeerState, ProxyCallMesh } from './mesh-types';

export interface PeerView {
  state: PeerState;
  stream: MediaStream | null;
}

export interface ProxyCallView {
  /** The running call (null before it starts and after it ends). */
  mesh: ProxyCallMesh | null;
  peers: Partial<Record<ProxyRole, PeerView>>;
}

export interface CallStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ProxyCallView;
  attach(mesh: ProxyCallMesh, peers: readonly ProxyRole[]): void;
  detach(): void;
}

const NO_CALL: ProxyCallView = { mesh: null, peers: {} };

export function createCallStore(): CallStore {
  let snapshot = NO_CALL;
  let stopMesh: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const publish = (next: ProxyCallView): void => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  const viewOf = (mesh: ProxyCallMesh, peers: readonly ProxyRole[]): ProxyCallView => ({
    mesh,
    peers: Object.fromEntries(peers.map((peer) => [peer, { state: mesh.peerState(peer), stream: mesh.remoteStream(peer) }])),
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    attach(mesh, peers) {
      stopMesh?.();
      stopMesh = mesh.onChange(() => publish(viewOf(mesh, peers)));
      publish(viewOf(mesh, peers));
    },
    detach() {
      stopMesh?.();
      stopMesh = null;
      publish(NO_CALL);
    },
  };
}
