/**
 * The React side of the call: a screen using `useProxyCall` shows the peer
 * joining and connecting, plays its stream in <PeerVideo>, takes fresh TURN
 * credentials without restarting the call, and leaves the call (bye) when it
 * unmounts. Fake peer connections and signalling (fake-call.ts).
 */
import { render, screen, waitFor } from '@testing-library/react';
import { useMemo } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IceServer, ProxyRole } from '../../../electron/contract/proxy';
import { createProxyCallMesh } from '../../../renderer/proxy-call/mesh';
import type { CallSignalling, ProxyCallMesh } from '../../../renderer/proxy-call/mesh-types';
import { PeerVideo } from '../../../renderer/proxy-call/PeerVideo';
import { useProxyCall } from '../../../renderer/proxy-call/use-proxy-call';
import { createSignallingNetwork, createWorld, fakeLocalStream, FakePeerConnection, type FakeWorld } from './fake-call';

const localStream = fakeLocalStream();
const others: ProxyCallMesh[] = [];

function KioskCall({ world, signalling, iceServers }: { world: FakeWorld; signalling: CallSignalling; iceServers: IceServer[] }) {
  const options = useMemo(() => ({ self: 'kiosk' as const, peers: ['phone', 'console'] as ProxyRole[], iceServers, localStream, signalling }), [iceServers, signalling]);
  const call = useProxyCall(options, { createPeerConnection: (configuration) => new FakePeerConnection(world, configuration, 'kiosk') as unknown as RTCPeerConnection });
  const phone = call.peers.phone;
  return (
    <div>
      <p>phone: {phone?.state ?? 'none'}</p>
      <p>console: {call.peers.console?.state ?? 'none'}</p>
      <PeerVideo stream={phone?.stream ?? null} muted={false} label="委托人 Principal" />
    </div>
  );
}

function startPhone(world: FakeWorld, network: ReturnType<typeof createSignallingNetwork>): ProxyCallMesh {
  const phone = createProxyCallMesh(
    { self: 'phone', peers: ['kiosk', 'console'], iceServers: [], localStream, signalling: network.endpoint('phone') },
    { createPeerConnection: (configuration) => new FakePeerConnection(world, configuration, 'phone') as unknown as RTCPeerConnection },
  );
  others.push(phone);
  return phone;
}

afterEach(() => {
  for (const mesh of others.splice(0)) mesh.close();
});

describe('useProxyCall and PeerVideo', () => {
  it('shows the phone connecting and plays its video; leaving the screen says bye', async () => {
    const world = createWorld();
    const network = createSignallingNetwork();
    const signalling = network.endpoint('kiosk');
    const iceServers: IceServer[] = [{ urls: ['turn:turn.hall.test:3478'], username: 'u1', credential: 'c1' }];
    const view = render(<KioskCall world={world} signalling={signalling} iceServers={iceServers} />);
    expect(await screen.findByText('phone: waiting')).toBeInTheDocument();
    expect(screen.getByLabelText('委托人 Principal')).toHaveAttribute('data-live', 'false');

    const phone = startPhone(world, network);
    expect(await screen.findByText('phone: connected')).toBeInTheDocument();
    expect(screen.getByText('console: waiting')).toBeInTheDocument();
    const video = screen.getByLabelText<HTMLVideoElement>('委托人 Principal');
    expect(video).toHaveAttribute('data-live', 'true');
    expect(video.srcObject).not.toBeNull();
    expect(video.muted).toBe(false);

    // Fresh TURN credentials reach the running connection; the call goes on.
    const kioskSide = world.connections.find((pc) => pc.owner === 'kiosk' && !pc.closed)!;
    view.rerender(<KioskCall world={world} signalling={signalling} iceServers={[{ urls: ['turn:turn.hall.test:3478'], username: 'u2', credential: 'c2' }]} />);
    await waitFor(() => expect(kioskSide.configurations.at(-1)?.iceServers).toEqual([{ urls: ['turn:turn.hall.test:3478'], username: 'u2', credential: 'c2' }]));
    expect(kioskSide.closed).toBe(false);
    expect(screen.getByText('phone: connected')).toBeInTheDocument();

    view.unmount();
    await waitFor(() => expect(phone.peerState('kiosk')).toBe('closed'));
    expect(kioskSide.closed).toBe(true);
  });
});
