/**
 * The 可视化代办 call at the kiosk, with a fake mesh and fake media (the real
 * WebRTC mesh is the mesh library's own e2e): the principal and the officer
 * large and the agent small, the kiosk's face camera with the microphone,
 * the signalling relayed through the host for this case only, one call kept
 * across waiting → in call → recording, a clear 录制中 mark, a lost peer said,
 * and nothing of the call left once the step leaves the call or unmounts.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi } from '../../../electron/contract';
import type { IceServer, ProxyRole, SignalBody } from '../../../electron/contract/proxy';
import { err, ok, type Result } from '../../../domain/result';
import type { CameraProblem } from '../../../renderer/camera/camera-problem';
import type { MeshOptions, PeerState, PeerStats, ProxyCallMesh } from '../../../renderer/proxy-call/mesh-types';
import type { MeshFactory, ProxyCallDeps } from '../../../renderer/steps/proxy-call/call-deps';
import { proxyView, renderProxyStep } from './proxy-call-support';

const CASE_ID = 'case-fixture-0001';
const FACE = { label: 'Face camera' };

/** A track that records being stopped. */
function fakeTrack(kind: 'audio' | 'video') {
  return {
    kind,
    stopped: false,
    stop() {
      this.stopped = true;
    },
  };
}
function fakeStream() {
  const tracks = [fakeTrack('video'), fakeTrack('audio')];
  const stream = {
    id: `stream-${Math.random()}`,
    tracks,
    getTracks: () => tracks,
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
  };
  return stream as typeof stream & MediaStream;
}

class FakeMesh implements ProxyCallMesh {
  closed = false;
  readonly iceUpdates: IceServer[][] = [];
  private readonly listeners = new Set<() => void>();
  private readonly states: Partial<Record<ProxyRole, PeerState>> = { phone: 'connecting', console: 'waiting' };
  private readonly streams: Partial<Record<ProxyRole, MediaStream>> = {};
  constructor(readonly options: MeshOptions) {}
  remoteStream(peer: ProxyRole) {
    return this.streams[peer] ?? null;
  }
  peerState(peer: ProxyRole) {
    return this.states[peer] ?? 'waiting';
  }
  onChange(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  stats(): Promise<Partial<Record<ProxyRole, PeerStats>>> {
    return Promise.resolve({
      phone: { state: this.peerState('phone'), framesDecoded: 42, audioPacketsReceived: 99, relayed: false },
    });
  }
  updateIceServers(iceServers: readonly IceServer[]) {
    this.iceUpdates.push([...iceServers]);
  }
  close() {
    this.closed = true;
  }
  /** The network did something: a peer's state (and stream) changed. */
  set(peer: ProxyRole, state: PeerState, stream?: MediaStream) {
    this.states[peer] = state;
    if (stream) this.streams[peer] = stream;
    act(() => this.listeners.forEach((listener) => listener()));
  }
}

/** A KioskApi with the face camera's settings and the host's `proxy.signal` relay (call out, event in). */
function fakeApi(cameraConfig: 'ok' | 'fails' = 'ok') {
  const sent: unknown[] = [];
  const signalHandlers = new Set<(payload: unknown) => void>();
  const api = {
    call: vi.fn((method: string, params: unknown) => {
      if (method === 'camera.config') {
        return Promise.resolve(
          cameraConfig === 'ok'
            ? ok({ face: FACE, document: null, maxFaceAttempts: 3, maxPhotoRetakes: 3 })
            : err({ code: 'unavailable', messageKey: 'errors.unavailable' }),
        );
      }
      if (method === 'proxy.signal') {
        sent.push(params);
        return Promise.resolve(ok({ sent: true }));
      }
      return Promise.resolve(err({ code: 'unknownMethod', messageKey: 'errors.unknownMethod' }));
    }),
    on: vi.fn((event: string, handler: (payload: unknown) => void) => {
      if (event !== 'proxy.signal') return () => {};
      signalHandlers.add(handler);
      return () => signalHandlers.delete(handler);
    }),
  };
  return {
    api: api as unknown as KioskApi,
    sent,
    /** The host relays a signal from the hall. */
    deliver: (payload: unknown) => act(() => signalHandlers.forEach((handler) => handler(payload))),
    listeners: () => signalHandlers.size,
  };
}

/** Injected media and mesh: what was opened, which meshes were made. */
function fakeDeps(options: { media?: Result<MediaStream, CameraProblem> | 'pending'; mesh?: 'ok' | 'missing' } = {}) {
  const streams: ReturnType<typeof fakeStream>[] = [];
  const meshes: FakeMesh[] = [];
  let resolvePending: (() => void) | null = null;
  const openMedia = vi.fn((): Promise<Result<MediaStream, CameraProblem>> => {
    if (options.media && options.media !== 'pending') return Promise.resolve(options.media);
    const stream = fakeStream();
    streams.push(stream);
    if (options.media === 'pending') return new Promise((resolve) => (resolvePending = () => resolve(ok(stream))));
    return Promise.resolve(ok(stream));
  });
  const factory: MeshFactory = (meshOptions) => {
    const mesh = new FakeMesh(meshOptions);
    meshes.push(mesh);
    return mesh;
  };
  const deps: ProxyCallDeps = {
    openMedia,
    loadMesh: () => Promise.resolve(options.mesh === 'missing' ? null : factory),
  };
  return { deps, streams, meshes, openMedia, finishOpening: () => act(() => resolvePending?.()) };
}

const callView = (phase: 'waitingForOfficer' | 'inCall' | 'recording', over: Parameters<typeof proxyView>[1] = {}) =>
  proxyView(phase, {
    invite: null,
    case: { state: phase === 'waitingForOfficer' ? 'principalVerified' : phase },
    ...over,
  });

const statsWindow = () => window as unknown as { onedoorCallStats?: () => Promise<unknown> };

afterEach(() => {
  delete statsWindow().onedoorCallStats;
});

describe('proxy call at the kiosk', () => {
  it('calls the phone and the console with the kiosk’s face camera and microphone, and shows the principal, the officer and the agent', async () => {
    const host = fakeApi();
    const media = fakeDeps();
    const view = renderProxyStep(callView('waitingForOfficer'), { api: host.api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');

    expect(media.openMedia).toHaveBeenCalledWith(FACE);
    expect(media.meshes).toHaveLength(1);
    const { options } = media.meshes[0]!;
    expect(options.self).toBe('kiosk');
    expect([...options.peers]).toEqual(['phone', 'console']);
    expect(options.iceServers).toEqual([{ urls: ['stun:hall.example.test:3478'] }]);
    expect(options.localStream).toBe(media.streams[0]);

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('可视化代办');
    expect(screen.getByTestId('proxy-call-line')).toHaveTextContent('已接通委托人，正在等待民警接入…');
    expect(screen.getByTestId('proxy-tile-principal')).toHaveTextContent('委托人');
    expect(screen.getByTestId('proxy-tile-officer')).toHaveTextContent('等待画面…');
    const self = screen.getByTestId('proxy-tile-self');
    expect(self.querySelector('video')!.muted).toBe(true);
    expect((self.querySelector('video') as HTMLVideoElement & { srcObject: unknown }).srcObject).toBe(media.streams[0]);

    const principal = fakeStream();
    media.meshes[0]!.set('phone', 'connected', principal);
    const tile = screen.getByTestId('proxy-tile-principal');
    expect((tile.querySelector('video') as HTMLVideoElement & { srcObject: unknown }).srcObject).toBe(principal);
    expect(tile.querySelector('video')!.muted).toBe(false);
    expect(tile).not.toHaveTextContent('等待画面');
    expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.waitingForOfficer']);
  });

  it('relays its signalling through the host for this case, and takes in only valid signals for this session’s case', async () => {
    const host = fakeApi();
    const media = fakeDeps();
    renderProxyStep(callView('inCall'), { api: host.api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');
    const { signalling } = media.meshes[0]!.options;

    const offer: SignalBody = { kind: 'description', description: { type: 'offer', sdp: 'v=0' } };
    signalling.send('console', offer);
    expect(host.sent).toEqual([{ sessionId: 's-1', caseId: CASE_ID, to: 'console', body: offer }]);

    const received: Array<[ProxyRole, SignalBody]> = [];
    const stop = signalling.onSignal((from, body) => received.push([from, body]));
    host.deliver({ sessionId: 's-1', caseId: CASE_ID, from: 'phone', body: { kind: 'hello' } });
    host.deliver({ sessionId: 's-1', caseId: 'case-another-0002', from: 'phone', body: { kind: 'hello' } });
    host.deliver({ sessionId: 's-2', caseId: CASE_ID, from: 'phone', body: { kind: 'hello' } });
    host.deliver({ sessionId: 's-1', caseId: CASE_ID, from: 'kiosk', body: { kind: 'hello' } });
    host.deliver({ sessionId: 's-1', caseId: CASE_ID, from: 'console', body: { kind: 'sdp', sdp: 'x' } });
    expect(received).toEqual([['phone', { kind: 'hello' }]]);
    stop();
  });

  it('keeps one call from waiting for the officer through the recording, with a clear 录制中 mark and no spoken prompt while recording', async () => {
    const host = fakeApi();
    const media = fakeDeps();
    const view = renderProxyStep(callView('waitingForOfficer'), { api: host.api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');

    view.show(callView('inCall', { case: { state: 'inCall', officer: { staffNumber: '031', nameMasked: '王*' } } }));
    expect(screen.getByTestId('proxy-call-line')).toHaveTextContent('民警已接入，请听民警的安排。');
    expect(screen.queryByTestId('proxy-recording')).toBeNull();

    view.show(callView('recording'));
    expect(screen.getByTestId('proxy-recording')).toHaveTextContent('录制中');
    expect(screen.getByText('委托人正在宣读委托声明')).toBeInTheDocument();

    expect(media.meshes).toHaveLength(1);
    expect(media.openMedia).toHaveBeenCalledTimes(1);
    expect(media.meshes[0]!.closed).toBe(false);
    expect(view.voice.keys()).toEqual(['voice.flow.proxyCall.waitingForOfficer']);
  });

  it('says when a party’s connection is being restored, and when it was cut off', async () => {
    const media = fakeDeps();
    renderProxyStep(callView('inCall'), { api: fakeApi().api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');
    const mesh = media.meshes[0]!;
    mesh.set('phone', 'connected', fakeStream());
    mesh.set('console', 'reconnecting', fakeStream());
    expect(screen.getByTestId('proxy-tile-officer')).toHaveTextContent('民警的网络不稳定，正在重新连接…');
    mesh.set('phone', 'lost');
    expect(screen.getByRole('alert')).toHaveTextContent('委托人的通话已断开。');
  });

  it('publishes the call’s counts for tests while it is up, and leaves nothing of the call once the step moves on to signing', async () => {
    const host = fakeApi();
    const media = fakeDeps();
    const view = renderProxyStep(callView('recording'), { api: host.api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');
    await expect(statsWindow().onedoorCallStats!()).resolves.toEqual({
      phone: { state: 'connecting', framesDecoded: 42, audioPacketsReceived: 99, relayed: false },
    });

    view.show(proxyView('signing', { invite: null, case: { state: 'recorded' } }, ['SIGN']));
    expect(screen.queryByTestId('proxy-call')).toBeNull();
    expect(media.meshes[0]!.closed).toBe(true);
    expect(media.streams[0]!.tracks.every((track) => track.stopped)).toBe(true);
    expect(statsWindow().onedoorCallStats).toBeUndefined();
    expect(document.querySelectorAll('video')).toHaveLength(0);
  });

  it('the session ending mid-call closes the call and stops the camera and microphone', async () => {
    const media = fakeDeps();
    const view = renderProxyStep(callView('inCall'), { api: fakeApi().api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');
    view.unmount();
    expect(media.meshes[0]!.closed).toBe(true);
    expect(media.streams[0]!.tracks.every((track) => track.stopped)).toBe(true);
    expect(statsWindow().onedoorCallStats).toBeUndefined();
  });

  it('leaving while the camera is still opening stops it as soon as it opens, and starts no call', async () => {
    const media = fakeDeps({ media: 'pending' });
    const view = renderProxyStep(callView('waitingForOfficer'), { api: fakeApi().api, deps: media.deps });
    await waitFor(() => expect(media.openMedia).toHaveBeenCalled());
    view.show(
      proxyView('ended', { invite: null, endReason: 'principalLeft', case: { state: 'dropped' } }, ['CONFIRM']),
    );
    media.finishOpening();
    await waitFor(() => expect(media.streams[0]!.tracks.every((track) => track.stopped)).toBe(true));
    expect(media.meshes).toHaveLength(0);
    expect(screen.getByTestId('proxy-end-reason')).toHaveTextContent('委托人离开了通话。');
  });

  it('passes fresh TURN credentials to the running call, and a view with the same servers changes nothing', async () => {
    const media = fakeDeps();
    const view = renderProxyStep(callView('inCall'), { api: fakeApi().api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');
    view.show(callView('inCall', { iceServers: [{ urls: ['stun:hall.example.test:3478'] }] }));
    expect(media.meshes[0]!.iceUpdates).toEqual([]);
    const fresh = [
      { urls: ['turn:hall.example.test:3478?transport=udp'], username: '1764750000:case', credential: 'c2VjcmV0' },
    ];
    view.show(callView('inCall', { iceServers: fresh }));
    expect(media.meshes[0]!.iceUpdates).toEqual([fresh]);
    expect(media.meshes).toHaveLength(1);
  });

  it('holds the idle countdown through the call', async () => {
    const media = fakeDeps();
    const view = renderProxyStep(callView('inCall'), { api: fakeApi().api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');
    view.show(callView('recording'));
    expect(view.hold).toHaveBeenCalled();
    expect(view.release.mock.calls.length).toBeLessThan(view.hold.mock.calls.length);
  });

  it('without the kiosk’s camera settings, any camera will do', async () => {
    const media = fakeDeps();
    renderProxyStep(callView('inCall'), { api: fakeApi('fails').api, deps: media.deps });
    await screen.findByTestId('proxy-tile-principal');
    expect(media.openMedia).toHaveBeenCalledWith(null);
  });

  it('a camera or microphone that will not open is said, and no call starts', async () => {
    const media = fakeDeps({ media: err('refused') });
    renderProxyStep(callView('inCall'), { api: fakeApi().api, deps: media.deps });
    expect(await screen.findByTestId('proxy-media-problem')).toHaveTextContent(
      '摄像头或麦克风打不开，请联系工作人员。',
    );
    expect(media.meshes).toHaveLength(0);
  });

  it('a call library that cannot load is said, and the camera goes off again', async () => {
    const media = fakeDeps({ mesh: 'missing' });
    renderProxyStep(callView('inCall'), { api: fakeApi().api, deps: media.deps });
    expect(await screen.findByTestId('proxy-call-unavailable')).toHaveTextContent(
      '视频通话暂时用不了，请联系工作人员。',
    );
    expect(media.streams[0]!.tracks.every((track) => track.stopped)).toBe(true);
  });

  it('speaks English in English', async () => {
    const media = fakeDeps();
    renderProxyStep(callView('recording'), { api: fakeApi().api, deps: media.deps, language: 'en' });
    await screen.findByTestId('proxy-tile-principal');
    expect(screen.getByTestId('proxy-recording')).toHaveTextContent('Recording');
    expect(screen.getByText('The person is reading the statement aloud')).toBeInTheDocument();
    expect(screen.getByTestId('proxy-tile-officer')).toHaveTextContent('Officer');
  });
});
