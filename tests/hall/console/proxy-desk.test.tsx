/**
 * The console's 可视化代办 desk against fakes (the hall's proxy calls, the
 * live feed, the call socket, the mesh, the recorders): the queue, joining,
 * the record controls, approve only when ready, refuse only with a reason.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ok, err } from '../../../domain/result';
import type { IceServer, ProxyCaseView, ProxyRole } from '../../../electron/contract/proxy';
import type { LiveMessage } from '../../../hall/contract/console-api';
import type { ConsoleJoined, ProxyDecision } from '../../../hall/contract/proxy-api';
import type { LiveFeed } from '../../../hall/console/api/console-api';
import type { PeerState, ProxyCallMesh } from '../../../hall/console/api/call-mesh';
import type { ProxyDeskApi } from '../../../hall/console/api/proxy-desk-api';
import type { CallSocket } from '../../../hall/console/api/proxy-signal-socket';
import { createConsoleI18n } from '../../../hall/console/i18n';
import { ProxyDesk, type ProxyDeskDeps } from '../../../hall/console/screens/ProxyDesk';
import { caseView } from '../proxy/fake-registry';

const CASE = 'case-0001-abcdef';
const RECORDING = { sha256: 'abcdef0123456789'.repeat(4), bytes: 2048, durationSeconds: 14.2, storedAt: '2026-12-03T02:00:00.000Z', keepUntil: '2027-01-02T02:00:00.000Z' };

function fakeDesk(initial: ProxyCaseView[]) {
  let liveHandler: ((message: LiveMessage) => void) | null = null;
  const caseListeners = new Set<(view: ProxyCaseView) => void>();
  const meshListeners = new Set<() => void>();
  const iceListeners = new Set<(iceServers: IceServer[]) => void>();
  const meshIceServers: Array<readonly IceServer[]> = [];
  const streams = new Map<ProxyRole, MediaStream>();
  const states = new Map<ProxyRole, PeerState>([['kiosk', 'connecting'], ['phone', 'connecting']]);
  const uploads: Array<[string, string, number]> = [];
  const decisions: ProxyDecision[] = [];
  let view = initial[0] ?? caseView(CASE);
  const setView = (next: ProxyCaseView) => {
    view = next;
    return next;
  };
  const api: ProxyDeskApi & { finishFails: boolean } = {
    finishFails: false,
    cases: vi.fn(async () => ok(initial)),
    join: vi.fn(async (caseId: string) => {
      const joined: ConsoleJoined = {
        case: setView({ ...view, caseId, state: 'inCall', officer: { staffNumber: 'wang', nameMasked: '王**' } }),
        iceServers: [],
        statement: { principalName: null, principalIdNumberMasked: view.principal.idNumberMasked, agentNameMasked: '张*', agentIdNumberMasked: view.agent.idNumberMasked, serviceName: view.serviceName, hallName: '城关派出所', date: '2026-12-03', text: '本人李*自愿委托张*代为办理户口迁移。' },
      };
      return ok(joined);
    }),
    startRecording: vi.fn(async () => ok(setView({ ...view, state: 'recording' }))),
    uploadPart: vi.fn(async (caseId: string, party: 'phone' | 'kiosk', webm: Blob) => {
      uploads.push([caseId, party, webm.size]);
      return ok({});
    }),
    finishRecording: vi.fn(async () => (api.finishFails ? err({ error: 'recordingNotStored' as const }) : ok(setView({ ...view, state: 'recorded', recording: RECORDING })))),
    decide: vi.fn(async (_caseId: string, decision: ProxyDecision) => {
      decisions.push(decision);
      return ok(setView({ ...view, state: decision.approve ? 'approved' : 'refused' }));
    }),
    leave: vi.fn(async () => ok({})),
  };
  const live: LiveFeed = {
    connect({ onMessage, onState }) {
      liveHandler = onMessage;
      onState('connected');
      return () => {
        liveHandler = null;
      };
    },
  };
  const mesh: ProxyCallMesh = {
    remoteStream: (peer) => streams.get(peer) ?? null,
    peerState: (peer) => states.get(peer) ?? 'waiting',
    onChange(listener) {
      meshListeners.add(listener);
      return () => meshListeners.delete(listener);
    },
    stats: async () => ({ kiosk: { framesDecoded: 10 } }),
    updateIceServers: (iceServers) => void meshIceServers.push(iceServers),
    close: vi.fn(),
  };
  const recorders: Array<{ started: boolean; stopped: boolean }> = [];
  const deps: ProxyDeskDeps = {
    api,
    live,
    openCall(): CallSocket {
      return {
        signalling: { send: () => undefined, onSignal: () => () => undefined },
        onCase(listener) {
          caseListeners.add(listener);
          return () => caseListeners.delete(listener);
        },
        onClosed: () => () => undefined,
        onIceServers(listener) {
          iceListeners.add(listener);
          return () => iceListeners.delete(listener);
        },
        close: () => undefined,
      };
    },
    createMesh: () => mesh,
    localMedia: async () => ({ id: 'local' }) as unknown as MediaStream,
    createRecorder() {
      const recorder = { started: false, stopped: false };
      recorders.push(recorder);
      return {
        start: () => {
          recorder.started = true;
        },
        stop: async () => {
          recorder.stopped = true;
          return new Blob(['webm-bytes'], { type: 'video/webm' });
        },
      };
    },
  };
  return {
    deps, api, uploads, decisions, recorders, meshIceServers,
    pushIceServers: (iceServers: IceServer[]) => act(() => {
      for (const listener of iceListeners) listener(iceServers);
    }),
    pushLive: (message: LiveMessage) => act(() => liveHandler?.(message)),
    pushCase: (patch: Partial<ProxyCaseView>) => act(() => {
      const next = setView({ ...view, ...patch });
      for (const listener of caseListeners) listener(next);
    }),
    peer: (peer: ProxyRole, state: PeerState, stream = state === 'connected') =>
      act(() => {
        states.set(peer, state);
        if (stream) streams.set(peer, { id: peer } as unknown as MediaStream);
        else streams.delete(peer);
        for (const listener of meshListeners) listener();
      }),
  };
}

function renderDesk(deps: ProxyDeskDeps) {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createConsoleI18n('zh-CN')}>
      <ProxyDesk deps={deps} />
    </I18nextProvider>,
  );
  return user;
}

async function joinCall(desk: ReturnType<typeof fakeDesk>, user: ReturnType<typeof userEvent.setup>) {
  const row = await screen.findByRole('listitem', { name: '户口迁移 HB-KIOSK-01' });
  await user.click(within(row).getByRole('button', { name: '接入' }));
  await screen.findByText('本人李*自愿委托张*代为办理户口迁移。');
  desk.peer('kiosk', 'connected');
  desk.peer('phone', 'connected');
}

describe('the proxy desk', () => {
  it('lists the open cases with masked people, live, and joins only a verified one', async () => {
    const desk = fakeDesk([caseView(CASE), caseView('case-0009-waiting', { kioskId: 'HB-KIOSK-02', state: 'principalJoined' })]);
    const user = renderDesk(desk.deps);
    const row = await screen.findByRole('listitem', { name: '户口迁移 HB-KIOSK-01' });
    expect(within(row).getByText(/4104\*\*\*\*\*\*\*\*\*\*1230/)).toBeInTheDocument();
    expect(within(row).getByText(/4101\*\*\*\*\*\*\*\*\*\*0012/)).toBeInTheDocument();
    expect(within(row).getByText('等待民警接入')).toBeInTheDocument();
    const waiting = screen.getByRole('listitem', { name: '户口迁移 HB-KIOSK-02' });
    expect(within(waiting).getByRole('button', { name: '接入' })).toBeDisabled();

    desk.pushLive({ type: 'proxyCase', case: caseView('case-0010-newone', { kioskId: 'HB-KIOSK-03' }) });
    expect(await screen.findByRole('listitem', { name: '户口迁移 HB-KIOSK-03' })).toBeInTheDocument();
    desk.pushLive({ type: 'proxyCase', case: caseView('case-0009-waiting', { kioskId: 'HB-KIOSK-02', state: 'expired' }) });
    expect(screen.queryByRole('listitem', { name: '户口迁移 HB-KIOSK-02' })).not.toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: '接入' }));
    expect(desk.api.join).toHaveBeenCalledWith(CASE);
    expect(await screen.findByText('本人李*自愿委托张*代为办理户口迁移。')).toBeInTheDocument();
    expect(screen.getByText(/委托人已通过人脸核验/)).toBeInTheDocument();
    expect(await (window as unknown as { onedoorCallStats?: () => Promise<unknown> }).onedoorCallStats?.()).toEqual({ kiosk: { framesDecoded: 10 } });
  });

  it('records only with both parties on screen, then uploads both parts and shows the stored digest', async () => {
    const desk = fakeDesk([caseView(CASE)]);
    const user = renderDesk(desk.deps);
    const row = await screen.findByRole('listitem', { name: '户口迁移 HB-KIOSK-01' });
    await user.click(within(row).getByRole('button', { name: '接入' }));
    await screen.findByText('本人李*自愿委托张*代为办理户口迁移。');
    expect(screen.getByRole('button', { name: '开始录制' })).toBeDisabled();
    desk.peer('kiosk', 'connected');
    expect(screen.getByRole('button', { name: '开始录制' })).toBeDisabled();
    desk.peer('phone', 'connected');
    await user.click(screen.getByRole('button', { name: '开始录制' }));

    expect(await screen.findByText(/录制中 \d+分\d+秒/)).toBeInTheDocument();
    expect(desk.recorders).toEqual([{ started: true, stopped: false }, { started: true, stopped: false }]);
    expect(screen.queryByRole('button', { name: '开始录制' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '结束录制' }));

    expect(await screen.findByText(/录像已保存（14 秒），摘要 abcdef0123456789/)).toBeInTheDocument();
    expect(desk.uploads.map(([, party]) => party).sort()).toEqual(['kiosk', 'phone']);
    expect(desk.api.finishRecording).toHaveBeenCalledWith(CASE);
    expect(screen.getByRole('button', { name: '开始录制' })).toBeDisabled();
  });

  it('hands fresh TURN credentials from the call socket to the running call', async () => {
    const desk = fakeDesk([caseView(CASE)]);
    const user = renderDesk(desk.deps);
    await joinCall(desk, user);
    const fresh: IceServer[] = [{ urls: ['turn:10.0.0.5:3478?transport=udp'], username: '1796263200:case-0001-abcdef:console', credential: 'c2VjcmV0' }];
    desk.pushIceServers(fresh);
    expect(desk.meshIceServers).toEqual([fresh]);
  });

  it('says the case ended at the hall’s time limit', async () => {
    const desk = fakeDesk([caseView(CASE)]);
    const user = renderDesk(desk.deps);
    await joinCall(desk, user);
    desk.pushCase({ state: 'dropped', endReason: 'caseTimeLimit' });
    expect(await screen.findByText('本次代办超过了大厅规定的时限，已自动结束')).toBeInTheDocument();
  });

  it('says so when the recording could not be stored', async () => {
    const desk = fakeDesk([caseView(CASE)]);
    desk.api.finishFails = true;
    const user = renderDesk(desk.deps);
    await joinCall(desk, user);
    await user.click(screen.getByRole('button', { name: '开始录制' }));
    await user.click(await screen.findByRole('button', { name: '结束录制' }));
    expect(await screen.findByText('录像未能保存，本次代办已结束')).toBeInTheDocument();
  });

  it('approves only once recorded and both have signed', async () => {
    const desk = fakeDesk([caseView(CASE)]);
    const user = renderDesk(desk.deps);
    await joinCall(desk, user);
    expect(screen.getByRole('button', { name: '同意代办' })).toBeDisabled();
    desk.pushCase({ state: 'recorded', recording: RECORDING });
    expect(screen.getByRole('button', { name: '同意代办' })).toBeDisabled();
    desk.pushCase({ agentSigned: true });
    expect(screen.getByRole('button', { name: '同意代办' })).toBeDisabled();
    expect(screen.getByLabelText('签名')).toHaveTextContent('代办人已签名委托人未签名');
    desk.pushCase({ principalSigned: true });
    await user.click(screen.getByRole('button', { name: '同意代办' }));
    expect(desk.decisions).toEqual([{ approve: true }]);
    expect(await screen.findByText('本次代办已结束：已同意')).toBeInTheDocument();
  });

  it('refuses only with a reason: a preset or the officer’s own words', async () => {
    const desk = fakeDesk([caseView(CASE)]);
    const user = renderDesk(desk.deps);
    await joinCall(desk, user);
    await user.click(screen.getByRole('button', { name: '拒绝' }));
    expect(await screen.findByText('请填写拒绝原因')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '其他原因' }));
    await user.type(screen.getByRole('textbox', { name: '其他原因' }), '本');
    await user.click(screen.getByRole('button', { name: '拒绝' }));
    expect(desk.decisions).toEqual([]);
    await user.click(screen.getByRole('radio', { name: '疑似受人胁迫' }));
    await user.click(screen.getByRole('button', { name: '拒绝' }));
    expect(desk.decisions).toEqual([{ approve: false, reason: '疑似受人胁迫' }]);
  });

  it('shows a lost peer, and leaves only after confirming', async () => {
    const desk = fakeDesk([caseView(CASE)]);
    const user = renderDesk(desk.deps);
    await joinCall(desk, user);
    desk.peer('phone', 'lost');
    expect(screen.getByRole('alert')).toHaveTextContent('连接已断开');
    await user.click(screen.getByRole('button', { name: '离开' }));
    expect(desk.api.leave).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '确认' }));
    expect(desk.api.leave).toHaveBeenCalledWith(CASE);
    expect(await screen.findByRole('listitem', { name: '户口迁移 HB-KIOSK-01' })).toBeInTheDocument();
  });
});
