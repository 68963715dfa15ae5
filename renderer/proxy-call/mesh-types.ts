/**
 * The three-party WebRTC call of 可视化代办 (issue 19), as the kiosk
 * renderer, the phone page and the console use it: one peer connection per
 * other party (a mesh of three), perfect negotiation over the hall's
 * signalling, ICE restart when a path breaks, and a clear `lost` after the
 * reconnect window. Implemented in `mesh.ts`; this file is the interface.
 */
import type { IceServer, ProxyRole, SignalBody } from '../../electron/contract/proxy';

/** How this party's signalling reaches the others (the kiosk: via its host and MQTT; phone and console: a WebSocket). */
export interface CallSignalling {
  send(to: ProxyRole, body: SignalBody): void;
  /** Returns unsubscribe. */
  onSignal(handler: (from: ProxyRole, body: SignalBody) => void): () => void;
  /**
   * Optional: the signalling came back after a break (signals may have been
   * lost meanwhile). The mesh then starts over with every peer (`hello`).
   * Returns unsubscribe.
   */
  onReconnect?(handler: () => void): () => void;
}

export type PeerState = 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'closed';

export interface MeshOptions {
  self: ProxyRole;
  /** The other parties this one calls (a console joins later; the kiosk and phone wait for it). */
  peers: readonly ProxyRole[];
  iceServers: readonly IceServer[];
  /** `relay` forces TURN (tests prove the relay path; a site may require it). */
  iceTransportPolicy?: 'all' | 'relay';
  localStream: MediaStream;
  signalling: CallSignalling;
  /** How long a broken path may try ICE restarts before the peer is `lost` (default 30 000). */
  reconnectWindowMs?: number;
}

/** What a party can read of each peer, for tests and the bench (counts only, no media). */
export interface PeerStats {
  state: PeerState;
  framesDecoded: number;
  audioPacketsReceived: number;
  /** The selected candidate pair goes through TURN. */
  relayed: boolean;
}

export interface ProxyCallMesh {
  remoteStream(peer: ProxyRole): MediaStream | null;
  peerState(peer: ProxyRole): PeerState;
  /** Called on every peer state or remote stream change; returns unsubscribe. */
  onChange(listener: () => void): () => void;
  stats(): Promise<Partial<Record<ProxyRole, PeerStats>>>;
  /** New TURN credentials (used at the next ICE restart). */
  updateIceServers(iceServers: readonly IceServer[]): void;
  /** Says bye and closes every connection. */
  close(): void;
}
