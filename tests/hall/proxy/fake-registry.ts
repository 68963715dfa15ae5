/**
 * An in-memory ProxyCaseRegistry for the console routes' tests: the state
 * rules the routes rely on (one officer per case, record only in the call,
 * approve only recorded and signed), a hub that records what it relays, and
 * a recording store whose answer a test sets.
 */
import type { ConsoleJoined, ProxyApiError } from '../../../hall/contract/proxy-api';
import type { IceServer, ProxyCaseView, ProxyRecording, SignalBody, SignalIn } from '../../../electron/contract/proxy';
import type { Officer, ProxyCaseRegistry } from '../../../hall/server/proxy/case-registry.types';
import type { RecordingPart, RecordingStore, SignalHub } from '../../../hall/server/proxy/ports';
import { err, ok, type Result } from '../../../domain/result';

export function caseView(caseId: string, patch: Partial<ProxyCaseView> = {}): ProxyCaseView {
  return {
    caseId,
    kioskId: 'HB-KIOSK-01',
    serviceId: 'huzheng.move',
    serviceName: { 'zh-CN': '户口迁移', en: 'Household move' },
    state: 'principalVerified',
    agent: { nameMasked: '张*', idNumberMasked: '4104**********1230' },
    principal: { nameMasked: '李*', idNumberMasked: '4101**********0012' },
    officer: null,
    principalSigned: false,
    agentSigned: false,
    recording: null,
    decision: null,
    endReason: null,
    createdAt: '2026-12-03T01:55:00.000Z',
    linkExpiresAt: '2026-12-03T02:05:00.000Z',
    ...patch,
  };
}

export interface FakeRegistry extends ProxyCaseRegistry {
  cases: Map<string, ProxyCaseView>;
  relayed: Array<{ caseId: string; from: string; to: string; body: SignalBody }>;
  presence: string[];
  deliverTo(caseId: string, signal: SignalIn): void;
  update(view: ProxyCaseView): void;
  /** Fresh console ICE servers for the case, as the registry's refresh timer sends them. */
  refreshConsoleIce(caseId: string, iceServers: IceServer[]): void;
}

export function fakeRegistry(initial: ProxyCaseView[]): FakeRegistry {
  const cases = new Map(initial.map((view) => [view.caseId, view]));
  const listeners = new Set<(view: ProxyCaseView) => void>();
  const consoles = new Map<string, (signal: SignalIn) => void>();
  const relayed: FakeRegistry['relayed'] = [];
  const presence: string[] = [];
  const consoleIce = new Map<string, Set<(iceServers: IceServer[]) => void>>();
  const update = (view: ProxyCaseView) => {
    cases.set(view.caseId, view);
    for (const listener of listeners) listener(view);
  };
  const owned = (caseId: string, officer: Officer): Result<ProxyCaseView, ProxyApiError> => {
    const view = cases.get(caseId);
    if (!view) return err('notFound');
    if (view.officer?.staffNumber !== officer.staffNumber) return err('otherOfficer');
    return ok(view);
  };
  const hub: SignalHub = {
    attach(caseId, role, deliver) {
      if (role === 'console') consoles.set(caseId, deliver);
      return () => consoles.delete(caseId);
    },
    relay(caseId, from, to, body) {
      relayed.push({ caseId, from, to, body });
    },
    close() {},
  };
  const unused = (): never => {
    throw new Error('not used by the console routes');
  };
  return {
    cases, relayed, presence, hub, update,
    deliverTo(caseId, signal) {
      consoles.get(caseId)?.(signal);
    },
    refreshConsoleIce(caseId, iceServers) {
      for (const listener of consoleIce.get(caseId) ?? []) listener(iceServers);
    },
    onConsoleIceServers(caseId, listener) {
      const set = consoleIce.get(caseId) ?? new Set<(iceServers: IceServer[]) => void>();
      consoleIce.set(caseId, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    claim: unused, phoneCaseId: unused, endedPhoneCase: unused, principalIdNumber: unused, principalVerified: unused, principalFaceFailed: unused,
    phoneCase: unused, principalSigned: unused, phoneLeft: unused, onPhoneCase: unused,
    list(filter) {
      const all = [...cases.values()];
      return filter === 'all' ? all : all.filter((view) => !['approved', 'refused', 'dropped', 'expired', 'failed'].includes(view.state));
    },
    join(caseId, officer) {
      const view = cases.get(caseId);
      if (!view) return err('notFound');
      if (view.officer && view.officer.staffNumber !== officer.staffNumber) return err('otherOfficer');
      if (view.state !== 'principalVerified' && view.state !== 'inCall') return err('wrongState');
      const next: ProxyCaseView = { ...view, state: 'inCall', officer: { staffNumber: officer.staffNumber, nameMasked: `${officer.name.slice(0, 1)}**` } };
      update(next);
      const joined: ConsoleJoined = {
        case: next,
        iceServers: [{ urls: ['stun:127.0.0.1:3478'] }],
        statement: {
          principalName: null, principalIdNumberMasked: view.principal.idNumberMasked, agentNameMasked: view.agent.nameMasked, agentIdNumberMasked: view.agent.idNumberMasked,
          serviceName: view.serviceName, hallName: '城关派出所', date: '2026-12-03', text: '本人李*委托张*办理户口迁移。',
        },
      };
      return ok(joined);
    },
    recordingStarted(caseId, officer) {
      const view = owned(caseId, officer);
      if (!view.ok) return view;
      if (view.value.state !== 'inCall') return err('wrongState');
      const next: ProxyCaseView = { ...view.value, state: 'recording' };
      update(next);
      return ok(next);
    },
    recordingStored(caseId, officer, recording: ProxyRecording) {
      const view = owned(caseId, officer);
      if (!view.ok) return view;
      const next: ProxyCaseView = { ...view.value, state: 'recorded', recording };
      update(next);
      return ok(next);
    },
    recordingFailed(caseId) {
      const view = cases.get(caseId);
      if (view) update({ ...view, state: 'dropped', endReason: 'recordingNotStored' });
    },
    decide(caseId, officer, decision) {
      const view = owned(caseId, officer);
      if (!view.ok) return view;
      if (view.value.state !== 'recorded') return err(view.value.recording ? 'wrongState' : 'recordingMissing');
      if (decision.approve && !(view.value.agentSigned && view.value.principalSigned)) return err('notSigned');
      const next: ProxyCaseView = {
        ...view.value,
        state: decision.approve ? 'approved' : 'refused',
        decision: { approved: decision.approve, reason: decision.approve ? null : decision.reason, at: '2026-12-03T02:00:00.000Z' },
        endReason: decision.approve ? null : 'refusedByOfficer',
      };
      update(next);
      return ok(next);
    },
    officerLeft(caseId) {
      const view = cases.get(caseId);
      if (view) update({ ...view, state: 'dropped', endReason: 'officerLeft' });
    },
    attached(caseId, role) {
      presence.push(`attached ${caseId} ${role}`);
    },
    detached(caseId, role) {
      presence.push(`detached ${caseId} ${role}`);
    },
    onCase(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {},
  };
}

export interface FakeRecordings extends RecordingStore {
  stored: Array<{ caseId: string; parts: readonly RecordingPart[] }>;
  removed: string[];
  answer: Result<ProxyRecording, 'ffmpegMissing' | 'undecodable' | 'writeFailed'>;
}

export function fakeRecordings(): FakeRecordings {
  const recordings: FakeRecordings = {
    stored: [],
    removed: [],
    answer: ok({ sha256: 'a'.repeat(64), bytes: 1234, durationSeconds: 12.5, storedAt: '2026-12-03T02:00:00.000Z', keepUntil: '2027-01-02T02:00:00.000Z' }),
    async store(caseId, parts) {
      recordings.stored.push({ caseId, parts });
      return recordings.answer;
    },
    async open() {
      return null;
    },
    async purgeExpired() {
      return 0;
    },
    async remove(caseId) {
      recordings.removed.push(caseId);
    },
  };
  return recordings;
}
