/**
 * The three-party call as the console uses it: a structural copy of the
 * parts of `renderer/proxy-call/mesh-types.ts` the desk calls (hall/ may not
 * import the kiosk renderer, ARCHITECTURE §7). `createProxyCallMesh` from
 * `renderer/proxy-call/mesh.ts` fits these types; main.tsx passes it in.
 */
import type { IceServer, ProxyRole, SignalBody } from '../../../electron/contract/proxy';

export interface CallSignalling {
  send(to: ProxyRole, body: SignalBody): void;
  onSignal(handler: (from: ProxyRole, body: SignalBody) => void): () => void;
}

export type PeerState = 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'closed';

export interface MeshOptions {
  self: ProxyRole;
  peers: readonly ProxyRole[];
  iceServers: readonly IceServer[];
  localStream: MediaStream;
  signalling: CallSignalling;
}

export interface ProxyCallMesh {
  remoteStream(peer: ProxyRole): MediaStream | null;
  peerState(peer: ProxyRole): PeerState;
  onChange(listener: () => void): () => void;
  /** Fresh TURN credentials: used for the next ICE gathering (the mesh's own `updateIceServers`). */
  updateIceServers(iceServers: readonly IceServer[]): void;
  /** Counts only (for tests and the bench). */
  stats(): Promise<unknown>;
  close(): void;
}
