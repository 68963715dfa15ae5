/**
 * The call mesh with fake peer connections and a fake clock: what each party
 * would see (peer states, remote streams, stats) when parties start at once,
 * join late, reload, vanish or leave, and when a path breaks.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IceServer, ProxyRole } from '../../../electron/contract/proxy';
import { createProxyCallMesh } from '../../../renderer/proxy-call/mesh';
import type { ProxyCallMesh } from '../../../renderer/proxy-call/mesh-types';
import { isPolite } from '../../../renderer/proxy-call/roles';
import { createSignallingNetwork, createWorld, fakeLocalStream, FakePeerConnection, type FakeWorld } from './fake-call';

const ROLES: readonly ProxyRole[] = ['kiosk', 'phone', 'console'];
const TURN: IceServer[] = [{ urls: ['turn:turn.hall.test:3478'], username: '1700000000:case', credential: 'secret-1' }];

let world: FakeWorld;
let network: ReturnType<typeof createSignallingNetwork>;
const meshes: ProxyCallMesh[] = [];

function join(self: ProxyRole, options: { reconnectWindowMs?: number; iceTransportPolicy?: 'all' | 'relay'; iceServers?: IceServer[] } = {}): ProxyCallMesh {
  const mesh = createProxyCallMesh(
    {
      self,
      peers: ROLES.filter((role) => role !== self),
      iceServers: options.iceServers ?? TURN,
      ...(options.iceTransportPolicy ? { iceTransportPolicy: options.iceTransportPolicy } : {}),
      localStream: fakeLocalStream(),
      signalling: network.endpoint(self),
      ...(options.reconnectWindowMs !== undefined ? { reconnectWindowMs: options.reconnectWindowMs } : {}),
    },
    { createPeerConnection: (configuration) => new FakePeerConnection(world, configuration, self) as unknown as RTCPeerConnection, disconnectedGraceMs: 2_000, restartIntervalMs: 4_000 },
  );
  meshes.push(mesh);
  return mesh;
}

const settle = async (ms = 200): Promise<void> => {
  await vi.advanceTimersByTimeAsync(ms);
};
const states = (mesh: ProxyCallMesh, peers: readonly ProxyRole[]) => Object.fromEntries(peers.map((peer) => [peer, mesh.peerState(peer)]));
/** The live (not closed) connections, all or those of one party. */
const liveConnections = (owner?: ProxyRole) => world.connections.filter((pc) => !pc.closed && (owner === undefined || pc.owner === owner));
const descriptionsSent = (from: ProxyRole, to: ProxyRole, type: 'offer' | 'answer') =>
  network.sent.filter((s) => s.from === from && s.to === to && s.body.kind === 'description' && s.body.description.type === type).length;

beforeEach(() => {
  vi.useFakeTimers();
  world = createWorld();
  network = createSignallingNetwork();
});

afterEach(() => {
  for (const mesh of meshes.splice(0)) mesh.close();
  vi.useRealTimers();
});

describe('who gives way', () => {
  it('kiosk < phone < console: the lower party is impolite', () => {
    expect([isPolite('kiosk', 'phone'), isPolite('kiosk', 'console'), isPolite('phone', 'console')]).toEqual([false, false, false]);
    expect([isPolite('phone', 'kiosk'), isPolite('console', 'kiosk'), isPolite('console', 'phone')]).toEqual([true, true, true]);
  });
});

describe('the proxy call mesh', () => {
  it('waits for peers that are not there yet', async () => {
    const kiosk = join('kiosk');
    await settle();
    expect(states(kiosk, ['phone', 'console'])).toEqual({ phone: 'waiting', console: 'waiting' });
    expect(network.sent.map((s) => [s.to, s.body.kind])).toEqual([
      ['phone', 'hello'],
      ['console', 'hello'],
    ]);
  });

  it('two parties starting at the same moment both offer, and the glare ends in one connection', async () => {
    const kiosk = join('kiosk');
    const phone = join('phone');
    await settle();
    expect(states(kiosk, ['phone'])).toEqual({ phone: 'connected' });
    expect(states(phone, ['kiosk'])).toEqual({ kiosk: 'connected' });
    // Both offered: the kiosk (impolite) ignored the phone's offer, the phone (polite) rolled back and answered.
    expect(descriptionsSent('kiosk', 'phone', 'offer')).toBeGreaterThanOrEqual(1);
    expect(descriptionsSent('phone', 'kiosk', 'offer')).toBeGreaterThanOrEqual(1);
    expect(descriptionsSent('phone', 'kiosk', 'answer')).toBeGreaterThanOrEqual(1);
    expect(liveConnections().every((pc) => pc.signalingState === 'stable')).toBe(true);
    expect(kiosk.remoteStream('phone')).not.toBeNull();
    expect(phone.remoteStream('kiosk')).not.toBeNull();
  });

  it('the console joining later is called by both, without disturbing their own connection', async () => {
    const kiosk = join('kiosk');
    const phone = join('phone');
    await settle();
    const kioskPhoneConnections = liveConnections();
    expect(kioskPhoneConnections).toHaveLength(2);
    const console_ = join('console');
    await settle();
    for (const [mesh, self] of [
      [kiosk, 'kiosk'],
      [phone, 'phone'],
      [console_, 'console'],
    ] as const) {
      expect(Object.values(states(mesh, ROLES.filter((role) => role !== self)))).toEqual(['connected', 'connected']);
    }
    expect(kioskPhoneConnections.every((pc) => !pc.closed)).toBe(true);
    expect(liveConnections()).toHaveLength(6);
  });

  it('a party that reloads says hello and gets a fresh connection from the others', async () => {
    const kiosk = join('kiosk');
    join('phone');
    await settle();
    const [first] = liveConnections('kiosk');
    network.silence('phone'); // the old page is gone, without a bye
    const reloaded = join('phone');
    await settle();
    expect(kiosk.peerState('phone')).toBe('connected');
    expect(reloaded.peerState('kiosk')).toBe('connected');
    expect(first!.closed).toBe(true);
    const [second] = liveConnections('kiosk');
    expect(second!.signalingState).toBe('stable');
    expect(second).not.toBe(first);
  });

  it('after its signalling comes back a party starts over with everyone', async () => {
    const kiosk = join('kiosk');
    const phone = join('phone');
    await settle();
    const before = liveConnections();
    network.reconnect('phone');
    await settle();
    expect(before.every((pc) => pc.closed)).toBe(true);
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['connected', 'connected']);
  });

  it('a broken path is restarted by the impolite side until it heals', async () => {
    const kiosk = join('kiosk');
    const phone = join('phone');
    await settle();
    const [kioskSide] = liveConnections('kiosk');
    const [phoneSide] = liveConnections('phone');
    world.iceWorks = false;
    kioskSide!.setIce('failed');
    phoneSide!.setIce('failed');
    await settle();
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['reconnecting', 'reconnecting']);
    await settle(9_000);
    // The kiosk keeps trying with fresh ICE; the phone (polite) only answers.
    expect(kioskSide!.iceRestartOffers).toBeGreaterThanOrEqual(2);
    expect(phoneSide!.iceRestartOffers).toBe(0);
    world.iceWorks = true;
    await settle(4_000);
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['connected', 'connected']);
    expect(kioskSide!.closed).toBe(false);
  });

  it('a peer unreachable for the whole reconnect window is lost on both sides', async () => {
    const kiosk = join('kiosk', { reconnectWindowMs: 30_000 });
    const phone = join('phone', { reconnectWindowMs: 30_000 });
    await settle();
    world.iceWorks = false;
    for (const pc of liveConnections()) pc.setIce('disconnected');
    await settle(1_000);
    // A short disconnection is not yet a broken path.
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['connected', 'connected']);
    await settle(2_000);
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['reconnecting', 'reconnecting']);
    await settle(20_000);
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['reconnecting', 'reconnecting']);
    await settle(10_000);
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['lost', 'lost']);
    expect(liveConnections()).toHaveLength(0);
    expect(kiosk.remoteStream('phone')).toBeNull();
  });

  it('a peer whose first connection never comes up is lost after the window', async () => {
    world.iceWorks = false;
    const kiosk = join('kiosk');
    const phone = join('phone');
    await settle();
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['connecting', 'connecting']);
    await settle(31_000);
    expect([kiosk.peerState('phone'), phone.peerState('kiosk')]).toEqual(['lost', 'lost']);
    expect(liveConnections()).toHaveLength(0);
  });

  it('a disconnection that heals within the grace is not a reconnect', async () => {
    const kiosk = join('kiosk');
    join('phone');
    await settle();
    const [kioskSide] = liveConnections('kiosk');
    const seen: string[] = [];
    kiosk.onChange(() => seen.push(kiosk.peerState('phone')));
    kioskSide!.setIce('disconnected');
    await settle(500);
    kioskSide!.setIce('connected');
    await settle(5_000);
    expect(seen).not.toContain('reconnecting');
    expect(kiosk.peerState('phone')).toBe('connected');
  });

  it('a party leaving says bye: the others see it closed', async () => {
    const kiosk = join('kiosk');
    const phone = join('phone');
    await settle();
    phone.close();
    await settle();
    expect(kiosk.peerState('phone')).toBe('closed');
    expect(phone.peerState('kiosk')).toBe('closed');
    expect(liveConnections()).toHaveLength(0);
  });

  it('ignores malformed signals and signals from a role it does not call', async () => {
    const kiosk = createProxyCallMesh(
      { self: 'kiosk', peers: ['phone'], iceServers: [], localStream: fakeLocalStream(), signalling: network.endpoint('kiosk') },
      { createPeerConnection: (configuration) => new FakePeerConnection(world, configuration, 'kiosk') as unknown as RTCPeerConnection },
    );
    meshes.push(kiosk);
    network.inject('phone', 'kiosk', { kind: 'description', description: { type: 'offer', sdp: 'x', extra: 1 } });
    network.inject('phone', 'kiosk', { kind: 'shout' });
    network.inject('console', 'kiosk', { kind: 'hello' });
    await settle();
    expect(world.connections).toHaveLength(0);
    expect(kiosk.peerState('phone')).toBe('waiting');
    expect(kiosk.peerState('console')).toBe('closed');
  });

  it('uses the TURN servers and the relay-only policy, and takes new credentials for the next restart', async () => {
    join('kiosk', { iceTransportPolicy: 'relay' });
    const phone = join('phone', { iceTransportPolicy: 'relay' });
    await settle();
    const [phoneSide] = liveConnections('phone');
    expect(phoneSide!.configurations[0]).toEqual({ iceServers: TURN, iceTransportPolicy: 'relay' });
    const fresh: IceServer[] = [{ urls: ['turn:turn.hall.test:3478'], username: '1700003600:case', credential: 'secret-2' }];
    phone.updateIceServers(fresh);
    expect(phoneSide!.configurations.at(-1)).toEqual({ iceServers: fresh, iceTransportPolicy: 'relay' });
  });

  it('reports per peer what it decodes and receives, and whether it goes through TURN', async () => {
    const kiosk = join('kiosk');
    join('phone');
    await settle();
    const [kioskSide] = liveConnections('kiosk');
    kioskSide!.stats = new Map<string, Record<string, unknown>>([
      ['v', { type: 'inbound-rtp', kind: 'video', framesDecoded: 42 }],
      ['a', { type: 'inbound-rtp', kind: 'audio', packetsReceived: 17 }],
      ['t', { type: 'transport', selectedCandidatePairId: 'p' }],
      ['p', { type: 'candidate-pair', localCandidateId: 'l', remoteCandidateId: 'r' }],
      ['l', { type: 'local-candidate', candidateType: 'host' }],
      ['r', { type: 'remote-candidate', candidateType: 'relay' }],
    ]);
    const stats = await kiosk.stats();
    expect(stats.phone).toEqual({ state: 'connected', framesDecoded: 42, audioPacketsReceived: 17, relayed: true });
    expect(stats.console).toEqual({ state: 'waiting', framesDecoded: 0, audioPacketsReceived: 0, relayed: false });
  });
});
