/**
 * Fakes for the mesh's unit tests: an RTCPeerConnection that follows the
 * signalling state machine the mesh relies on (implicit offer/answer,
 * implicit rollback of a local offer on a remote one, negotiationneeded
 * when stable, restartIce), ICE that "connects" when an exchange completes
 * while the test says the network works, and an in-order signalling
 * network between roles (delivered on the next macrotask, so two parties can
 * offer at once).
 */
import type { ProxyRole, SignalBody } from '../../../electron/contract/proxy';
import type { CallSignalling } from '../../../renderer/proxy-call/mesh-types';

export interface FakeWorld {
  /** When false, ICE never connects (a broken path). */
  iceWorks: boolean;
  connections: FakePeerConnection[];
}

export const createWorld = (): FakeWorld => ({ iceWorks: true, connections: [] });

let nextId = 1;

export class FakePeerConnection extends EventTarget {
  readonly id = nextId++;
  signalingState: RTCSignalingState = 'stable';
  iceConnectionState: RTCIceConnectionState = 'new';
  localDescription: { type: RTCSdpType; sdp: string } | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  readonly tracks: MediaStreamTrack[] = [];
  readonly candidatesAdded: RTCIceCandidateInit[] = [];
  configurations: RTCConfiguration[];
  /** Offers this connection made that restart ICE. */
  iceRestartOffers = 0;
  stats = new Map<string, Record<string, unknown>>();
  private negotiationNeeded = false;
  private restartPending = false;
  private remoteTrackSent = false;
  private readonly remoteStream = { id: `remote-${this.id}`, getTracks: () => [], addTrack: () => undefined };

  constructor(
    readonly world: FakeWorld,
    configuration: RTCConfiguration,
    /** The party whose mesh made it. */
    readonly owner: ProxyRole,
  ) {
    super();
    this.configurations = [configuration];
    world.connections.push(this);
  }

  addTrack(track: MediaStreamTrack): RTCRtpSender {
    this.tracks.push(track);
    this.needNegotiation();
    return {} as RTCRtpSender;
  }

  restartIce(): void {
    this.restartPending = true;
    this.needNegotiation();
  }

  async createOffer(options: RTCOfferOptions = {}): Promise<RTCSessionDescriptionInit> {
    await Promise.resolve();
    return { type: 'offer', sdp: `offer from ${this.id}${options.iceRestart || this.restartPending ? ' ice-restart' : ''}` };
  }

  async setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    await Promise.resolve();
    this.assertOpen();
    const type = description?.type ?? (this.signalingState === 'have-remote-offer' ? 'answer' : 'offer');
    if (type === 'offer') {
      const sdp = description?.sdp ?? (await this.createOffer()).sdp!;
      if (sdp.includes('ice-restart')) this.iceRestartOffers += 1;
      this.restartPending = false;
      this.negotiationNeeded = false;
      this.localDescription = { type, sdp };
      this.signalingState = 'have-local-offer';
    } else if (type === 'answer') {
      if (this.signalingState !== 'have-remote-offer') throw new DOMException('no remote offer', 'InvalidStateError');
      this.localDescription = { type, sdp: `answer from ${this.id}` };
      this.becomeStable();
    } else throw new DOMException(`unsupported ${type}`, 'InvalidStateError');
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await Promise.resolve();
    this.assertOpen();
    if (description.type === 'offer') {
      // Perfect negotiation's polite side: a local offer is rolled back implicitly.
      this.signalingState = 'have-remote-offer';
      this.remoteDescription = description;
      this.sendRemoteTrack();
    } else if (description.type === 'answer') {
      if (this.signalingState !== 'have-local-offer') throw new DOMException('no local offer', 'InvalidStateError');
      this.remoteDescription = description;
      this.sendRemoteTrack();
      this.becomeStable();
    } else throw new DOMException(`unsupported ${description.type}`, 'InvalidStateError');
  }

  async addIceCandidate(candidate?: RTCIceCandidateInit): Promise<void> {
    await Promise.resolve();
    if (!this.remoteDescription) throw new DOMException('no remote description', 'InvalidStateError');
    if (candidate) this.candidatesAdded.push(candidate);
  }

  setConfiguration(configuration: RTCConfiguration): void {
    this.assertOpen();
    this.configurations.push(configuration);
  }

  async getStats(): Promise<RTCStatsReport> {
    await Promise.resolve();
    return this.stats as unknown as RTCStatsReport;
  }

  close(): void {
    this.signalingState = 'closed';
    this.iceConnectionState = 'closed';
  }

  get closed(): boolean {
    return this.signalingState === 'closed';
  }

  /** The test breaks (or heals) the path. */
  setIce(state: RTCIceConnectionState): void {
    if (this.closed || this.iceConnectionState === state) return;
    this.iceConnectionState = state;
    this.dispatchEvent(new Event('iceconnectionstatechange'));
  }

  private assertOpen(): void {
    if (this.closed) throw new DOMException('closed', 'InvalidStateError');
  }

  private needNegotiation(): void {
    this.negotiationNeeded = true;
    setTimeout(() => this.fireNegotiationNeeded(), 0);
  }

  private fireNegotiationNeeded(): void {
    if (this.negotiationNeeded && this.signalingState === 'stable') this.dispatchEvent(new Event('negotiationneeded'));
  }

  private becomeStable(): void {
    this.signalingState = 'stable';
    // A candidate of ours for the other side, as a real stack gathers.
    const candidate = Object.assign(new Event('icecandidate'), {
      candidate: { candidate: `candidate:${this.id} 1 udp 1 192.0.2.9 9 typ host`, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'u' },
    });
    this.dispatchEvent(candidate);
    if (this.world.iceWorks) setTimeout(() => this.setIce('connected'), 0);
    if (this.negotiationNeeded) setTimeout(() => this.fireNegotiationNeeded(), 0);
  }

  private sendRemoteTrack(): void {
    if (this.remoteTrackSent) return;
    this.remoteTrackSent = true;
    const event = Object.assign(new Event('track'), { track: { kind: 'video', id: `track-${this.id}` }, streams: [this.remoteStream] });
    this.dispatchEvent(event);
  }
}

export const fakeLocalStream = (): MediaStream => {
  const tracks = [{ kind: 'audio', id: 'a' }, { kind: 'video', id: 'v' }] as unknown as MediaStreamTrack[];
  return { getTracks: () => tracks } as unknown as MediaStream;
};

export interface SentSignal {
  from: ProxyRole;
  to: ProxyRole;
  body: SignalBody;
}

/** In-order signalling between roles; a role nobody listens for drops its messages (a party not there yet). */
export function createSignallingNetwork() {
  const handlers = new Map<ProxyRole, Set<(from: ProxyRole, body: SignalBody) => void>>();
  const reconnectHandlers = new Map<ProxyRole, Set<() => void>>();
  const sent: SentSignal[] = [];
  let delivery: Promise<void> = Promise.resolve();
  return {
    sent,
    endpoint(self: ProxyRole): CallSignalling {
      return {
        send(to, body) {
          sent.push({ from: self, to, body });
          // One after another, each on a later macrotask.
          delivery = delivery.then(
            () =>
              new Promise<void>((resolve) =>
                setTimeout(() => {
                  for (const handler of handlers.get(to) ?? []) handler(self, body);
                  resolve();
                }, 0),
              ),
          );
        },
        onSignal(handler) {
          const set = handlers.get(self) ?? new Set();
          handlers.set(self, set);
          set.add(handler);
          return () => set.delete(handler);
        },
        onReconnect(handler) {
          const set = reconnectHandlers.get(self) ?? new Set();
          reconnectHandlers.set(self, set);
          set.add(handler);
          return () => set.delete(handler);
        },
      };
    },
    /** A party vanishes without a word: nothing reaches it any more. */
    silence(role: ProxyRole): void {
      handlers.delete(role);
    },
    reconnect(role: ProxyRole): void {
      for (const handler of reconnectHandlers.get(role) ?? []) handler();
    },
    /** Raw delivery of a body (for malformed input). */
    inject(from: ProxyRole, to: ProxyRole, body: unknown): void {
      for (const handler of handlers.get(to) ?? []) handler(from, body as SignalBody);
    },
  };
}
