/** A faked phone API, signal channel and call mesh for the phone page's component tests. */
import { err, ok, type Result } from '../../../domain/result';
import type { ProxyRole, SignalBody } from '../../../electron/contract/proxy';
import type { PhoneCase, PhoneErrorCode } from '../../../hall/contract/proxy-api';
import type { PhoneApi } from '../../../hall/phone/api/phone-api';
import type { PhoneSignalChannel } from '../../../hall/phone/api/signal-channel';
import type { MeshOptions, ProxyCallMesh } from '../../../renderer/proxy-call/mesh-types';

export const HALL = '金水区公安局政务服务大厅';
export const PRINCIPAL = '王秀英';

export function phoneCase(change: Partial<PhoneCase> = {}): PhoneCase {
  return {
    caseId: 'case-0001-abcdef',
    state: 'principalVerified',
    statement: {
      principalName: PRINCIPAL,
      principalIdNumberMasked: '4101**********1230',
      agentNameMasked: '李*',
      agentIdNumberMasked: '4101**********0018',
      serviceName: { 'zh-CN': '无犯罪记录证明', en: 'Certificate of no criminal record' },
      hallName: HALL,
      date: '2026-12-03',
      text: `我是${PRINCIPAL}，今天自愿委托李*代我办理无犯罪记录证明。`,
    },
    iceServers: [],
    officerPresent: false,
    principalSigned: false,
    endReason: null,
    ...change,
  };
}

export interface FakePhone {
  api: PhoneApi;
  calls: string[];
  claimAnswer: Result<{ hallName: string; linkExpiresAt: string; maxFaceAttempts: number }, PhoneErrorCode>;
  caseAnswer: Result<PhoneCase, PhoneErrorCode>;
  signAnswer: Result<null, PhoneErrorCode>;
  /** The last channel opened, and pushing case changes through it. */
  channels: { caseId: string; closed: boolean }[];
  push(view: PhoneCase): void;
  openChannel(caseId: string): PhoneSignalChannel;
  meshes: MeshOptions[];
  createMesh(options: MeshOptions): ProxyCallMesh;
  openMedia(): Promise<MediaStream>;
}

export function fakePhone(): FakePhone {
  const caseListeners = new Set<(view: PhoneCase) => void>();
  const fake: FakePhone = {
    calls: [],
    claimAnswer: ok({ hallName: HALL, linkExpiresAt: '2026-12-03T10:10:00.000Z', maxFaceAttempts: 3 }),
    caseAnswer: err('notVerified'),
    signAnswer: ok(null),
    channels: [],
    meshes: [],
    api: {
      claim: async (token) => {
        fake.calls.push(`claim:${token.length}`);
        return fake.claimAnswer;
      },
      consent: async (granted) => {
        fake.calls.push(`consent:${granted}`);
        return ok(null);
      },
      challenge: async () => err('unavailable'),
      frame: async () => err('unavailable'),
      verify: async () => err('unavailable'),
      phoneCase: async () => {
        fake.calls.push('case');
        return fake.caseAnswer;
      },
      sign: async (signature) => {
        fake.calls.push(`sign:${signature.strokes.length}`);
        return fake.signAnswer;
      },
      leave: async () => {
        fake.calls.push('leave');
        return ok(null);
      },
    },
    push(view) {
      for (const listener of caseListeners) listener(view);
    },
    openChannel(caseId) {
      const record = { caseId, closed: false };
      fake.channels.push(record);
      return {
        signalling: { send: (_to: ProxyRole, _body: SignalBody) => undefined, onSignal: () => () => undefined },
        onCase(listener) {
          caseListeners.add(listener);
          return () => caseListeners.delete(listener);
        },
        close() {
          record.closed = true;
        },
      };
    },
    createMesh(options) {
      fake.meshes.push(options);
      return {
        remoteStream: () => null,
        peerState: () => 'connecting',
        onChange: () => () => undefined,
        stats: async () => ({ kiosk: { state: 'connecting', framesDecoded: 0, audioPacketsReceived: 0, relayed: false } }),
        updateIceServers: () => undefined,
        close: () => undefined,
      };
    },
    openMedia: async () => ({ getTracks: () => [] }) as unknown as MediaStream,
  };
  return fake;
}
