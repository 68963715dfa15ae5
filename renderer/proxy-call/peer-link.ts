/**
 * The call with ONE other party: its RTCPeerConnection, perfect negotiation
 * (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example), ICE
 * restarts when the path breaks and the `lost` end after the reconnect
 * window. `mesh.ts` holds one link per peer.
 *
 * `hello` from the peer means it started over (a reload, a new signalling
 * connection): the link drops its connection and builds a fresh one, which
 * offers. A connection is also built on the first offer from a peer the
 * link has none for (the peer answered our `hello`).
 *
 * Nothing here logs: SDP and candidates carry network addresses.
 */
import type { SignalBody } from '../../electron/contract/proxy';
import type { PeerState, PeerStats } from './mesh-types';
import { readMediaCounts } from './peer-stats';

export interface PeerLinkOptions {
  /** This side gives way in a glare (roles.ts); the impolite side drives ICE restarts. */
  polite: boolean;
  /** The configuration for a new connection (and the next ICE restart). */
  configuration: () => RTCConfiguration;
  localStream: MediaStream;
  send: (body: SignalBody) => void;
  createPeerConnection: (configuration: RTCConfiguration) => RTCPeerConnection;
  reconnectWindowMs: number;
  /** How long `disconnected` may last before it counts as broken (it often heals by itself). */
  disconnectedGraceMs: number;
  /** Time between two ICE restarts while the path stays broken. */
  restartIntervalMs: number;
  onChange: () => void;
}

export interface PeerLink {
  state(): PeerState;
  remoteStream(): MediaStream | null;
  /** A validated signal from this peer. */
  receive(body: SignalBody): void;
  /** Drops the connection and waits for the peer (used before saying `hello` again). */
  reset(): void;
  /** New ICE servers: applied to the live connection for its next gathering (the next restart). */
  reconfigure(): void;
  stats(): Promise<PeerStats>;
  /** Ends the link for good (`bye` is sent by the mesh). */
  close(): void;
}

/** One RTCPeerConnection with its negotiation flags and reconnect timers. */
interface Connection {
  pc: RTCPeerConnection;
  makingOffer: boolean;
  ignoreOffer: boolean;
  settingRemoteAnswer: boolean;
  graceTimer: ReturnType<typeof setTimeout> | null;
  restartTimer: ReturnType<typeof setInterval> | null;
  windowTimer: ReturnType<typeof setTimeout> | null;
  /** A first connection that never comes up (the peer vanished mid-negotiation) ends like a broken one. */
  connectTimer: ReturnType<typeof setTimeout> | null;
}

export function createPeerLink(options: PeerLinkOptions): PeerLink {
  let state: PeerState = 'waiting';
  let remote: MediaStream | null = null;
  let connection: Connection | null = null;
  let ended = false;
  // Signals are handled one after another: each may await the connection.
  let queue: Promise<void> = Promise.resolve();

  const setState = (next: PeerState): void => {
    if (next === state) return;
    state = next;
    options.onChange();
  };

  const clearTimers = (c: Connection): void => {
    if (c.graceTimer !== null) clearTimeout(c.graceTimer);
    if (c.restartTimer !== null) clearInterval(c.restartTimer);
    if (c.windowTimer !== null) clearTimeout(c.windowTimer);
    if (c.connectTimer !== null) clearTimeout(c.connectTimer);
    c.graceTimer = c.restartTimer = c.windowTimer = c.connectTimer = null;
  };

  const drop = (): void => {
    const c = connection;
    connection = null;
    if (!c) return;
    clearTimers(c);
    c.pc.close();
    if (remote !== null) {
      remote = null;
      options.onChange();
    }
  };

  const sendDescription = (description: RTCSessionDescription | null): void => {
    if (!description || (description.type !== 'offer' && description.type !== 'answer')) return;
    options.send({ kind: 'description', description: { type: description.type, sdp: description.sdp } });
  };

  const makeOffer = async (c: Connection, iceRestart: boolean): Promise<void> => {
    try {
      c.makingOffer = true;
      if (iceRestart) await c.pc.setLocalDescription(await c.pc.createOffer({ iceRestart: true }));
      else await c.pc.setLocalDescription();
      if (connection === c) sendDescription(c.pc.localDescription);
    } catch {
      // The connection was closed or replaced meanwhile, or the state moved on: the next negotiation covers it.
    } finally {
      c.makingOffer = false;
    }
  };

  /** The impolite side asks for fresh ICE; an offer still unanswered is replaced by one that restarts. */
  const restartIce = (c: Connection): void => {
    if (connection !== c) return;
    if (c.pc.signalingState === 'have-local-offer') void makeOffer(c, true);
    else c.pc.restartIce();
  };

  const lose = (c: Connection): void => {
    if (connection !== c) return;
    drop();
    setState('lost');
  };

  /** The path is broken: restart ICE (impolite side) until it is back or the window has passed. */
  const beginReconnect = (c: Connection): void => {
    if (c.windowTimer !== null) return;
    setState('reconnecting');
    c.windowTimer = setTimeout(() => lose(c), options.reconnectWindowMs);
    if (options.polite) return;
    restartIce(c);
    c.restartTimer = setInterval(() => restartIce(c), options.restartIntervalMs);
  };

  const onIceState = (c: Connection): void => {
    if (connection !== c) return;
    const ice = c.pc.iceConnectionState;
    switch (ice) {
      case 'connected':
      case 'completed':
        clearTimers(c);
        setState('connected');
        return;
      case 'disconnected':
        if (c.graceTimer === null && c.windowTimer === null) {
          c.graceTimer = setTimeout(() => {
            c.graceTimer = null;
            const now = c.pc.iceConnectionState;
            if (connection === c && (now === 'disconnected' || now === 'failed')) beginReconnect(c);
          }, options.disconnectedGraceMs);
        }
        return;
      case 'failed':
        if (c.graceTimer !== null) clearTimeout(c.graceTimer);
        c.graceTimer = null;
        beginReconnect(c);
        return;
      case 'new':
      case 'checking':
      case 'closed':
        return;
      default: {
        const never: never = ice;
        return never;
      }
    }
  };

  const open = (): Connection => {
    drop();
    const pc = options.createPeerConnection(options.configuration());
    const c: Connection = { pc, makingOffer: false, ignoreOffer: false, settingRemoteAnswer: false, graceTimer: null, restartTimer: null, windowTimer: null, connectTimer: null };
    connection = c;
    c.connectTimer = setTimeout(() => lose(c), options.reconnectWindowMs);
    pc.addEventListener('negotiationneeded', () => {
      if (connection === c) void makeOffer(c, false);
    });
    pc.addEventListener('icecandidate', (event: RTCPeerConnectionIceEvent) => {
      // The end of candidates (null) is not sent: Chromium does not need it.
      if (connection !== c || !event.candidate) return;
      const { candidate, sdpMid, sdpMLineIndex, usernameFragment } = event.candidate;
      options.send({ kind: 'candidate', candidate: { candidate, sdpMid, sdpMLineIndex, usernameFragment } });
    });
    pc.addEventListener('iceconnectionstatechange', () => onIceState(c));
    pc.addEventListener('track', (event: RTCTrackEvent) => {
      if (connection !== c) return;
      const stream = event.streams[0] ?? remote ?? new MediaStream();
      if (!stream.getTracks().includes(event.track)) stream.addTrack(event.track);
      remote = stream;
      options.onChange();
    });
    for (const track of options.localStream.getTracks()) pc.addTrack(track, options.localStream);
    setState('connecting');
    return c;
  };

  const onDescription = async (description: RTCSessionDescriptionInit): Promise<void> => {
    if (description.type !== 'offer' && description.type !== 'answer') return;
    // An answer for a connection we no longer have is stale; an offer starts one.
    if (!connection && description.type === 'answer') return;
    let c = connection ?? open();
    const readyForOffer = !c.makingOffer && (c.pc.signalingState === 'stable' || c.settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    c.ignoreOffer = !options.polite && collision;
    if (c.ignoreOffer) return;
    c.settingRemoteAnswer = description.type === 'answer';
    try {
      await c.pc.setRemoteDescription(description);
    } catch {
      c.settingRemoteAnswer = false;
      if (description.type !== 'offer' || connection !== c) return;
      // An offer our connection cannot take (the peer started over without its `hello` reaching us): start over too.
      c = open();
      try {
        await c.pc.setRemoteDescription(description);
      } catch {
        return;
      }
    }
    c.settingRemoteAnswer = false;
    if (description.type === 'offer' && connection === c) {
      try {
        await c.pc.setLocalDescription();
        if (connection === c) sendDescription(c.pc.localDescription);
      } catch {
        // Closed meanwhile.
      }
    }
  };

  const onCandidate = async (candidate: RTCIceCandidateInit | null): Promise<void> => {
    const c = connection;
    if (!c || candidate === null) return;
    try {
      await c.pc.addIceCandidate(candidate);
    } catch {
      // A candidate of an ignored offer, or of an ICE generation already replaced: harmless.
    }
  };

  const handle = async (body: SignalBody): Promise<void> => {
    if (ended) return;
    switch (body.kind) {
      case 'hello':
        open();
        return;
      case 'bye':
        drop();
        setState('closed');
        return;
      case 'description':
        return onDescription(body.description);
      case 'candidate':
        return onCandidate(body.candidate ?? null);
      default: {
        const never: never = body;
        return never;
      }
    }
  };

  return {
    state: () => state,
    remoteStream: () => remote,
    receive(body) {
      queue = queue.then(() => handle(body)).catch(() => undefined);
    },
    reset() {
      drop();
      setState('waiting');
    },
    reconfigure() {
      try {
        connection?.pc.setConfiguration(options.configuration());
      } catch {
        // A closed connection: the next one is built with the new servers.
      }
    },
    async stats() {
      const base: PeerStats = { state, framesDecoded: 0, audioPacketsReceived: 0, relayed: false };
      const c = connection;
      if (!c) return base;
      try {
        return { state, ...readMediaCounts(await c.pc.getStats()) };
      } catch {
        return base;
      }
    },
    close() {
      ended = true;
      drop();
      setState('closed');
    },
  };
}
