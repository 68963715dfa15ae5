/**
 * An in-memory hall server behind the console's ConsoleApi interface, and a
 * live feed the test drives by hand. Calls are recorded; a test may set the
 * answer of the next call of a kind (`fail`).
 */
import { act } from '@testing-library/react';
import { err, ok } from '../../../domain/result';
import type {
  AlertView,
  DropOffAnswer,
  HelpCallView,
  KioskCommand,
  KioskStaffRequest,
  KioskStaffView,
  KioskView,
  LiveMessage,
  LoginAnswer,
  StatsAnswer,
  StatsQuery,
  SupervisedSession,
} from '../../../hall/contract/console-api';
import { statsQueryString, type ApiResult, type ConsoleApi, type ConsoleFailure, type LiveFeed, type LiveState } from '../../../hall/console/api/console-api';

type Method = Exclude<keyof ConsoleApi, 'statsCsvUrl'>;

export const SUPERVISOR: LoginAnswer = { officer: { username: 'wang', displayName: '王警官', role: 'supervisor' }, csrfToken: 'csrf-1' };
export const OFFICER: LoginAnswer = { officer: { username: 'li', displayName: '李警官', role: 'officer' }, csrfToken: 'csrf-2' };

export interface FakeHall {
  api: ConsoleApi;
  live: LiveFeed & { push(message: LiveMessage): void; setState(state: LiveState): void };
  calls: { method: Method; args: unknown[] }[];
  callsOf(method: Method): unknown[][];
  /** The next call of `method` answers this failure. */
  fail(method: Method, failure: ConsoleFailure): void;
  signedIn: LoginAnswer | null;
  kiosks: KioskView[];
  alerts: AlertView[];
  helpCalls: HelpCallView[];
  sessions: SupervisedSession[];
  staff: KioskStaffView[];
  statsAnswer: (query: StatsQuery) => StatsAnswer;
  dropOffAnswer: DropOffAnswer;
}

export function fakeHall(initial: Partial<Pick<FakeHall, 'signedIn' | 'kiosks' | 'alerts' | 'helpCalls' | 'sessions' | 'staff'>> = {}): FakeHall {
  const failures = new Map<Method, ConsoleFailure>();
  let handlers: { onMessage: (message: LiveMessage) => void; onState: (state: LiveState) => void } | null = null;
  const hall: FakeHall = {
    signedIn: initial.signedIn ?? null,
    kiosks: initial.kiosks ?? [],
    alerts: initial.alerts ?? [],
    helpCalls: initial.helpCalls ?? [],
    sessions: initial.sessions ?? [],
    staff: initial.staff ?? [],
    statsAnswer: () => {
      throw new Error('no stats answer set');
    },
    dropOffAnswer: { serviceId: '', steps: [] },
    calls: [],
    callsOf: (method) => hall.calls.filter((call) => call.method === method).map((call) => call.args),
    fail: (method, failure) => failures.set(method, failure),
    api: undefined as unknown as ConsoleApi,
    live: {
      connect(h) {
        handlers = h;
        h.onState('connected');
        return () => {
          handlers = null;
        };
      },
      push: (message) => act(() => handlers?.onMessage(message)),
      setState: (state) => act(() => handlers?.onState(state)),
    },
  };

  const answer = async <T>(method: Method, args: unknown[], value: () => T): Promise<ApiResult<T>> => {
    hall.calls.push({ method, args });
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return err(failure);
    }
    return ok(value());
  };
  const changeCall = (callId: string, change: Partial<HelpCallView>): HelpCallView => {
    const call = hall.helpCalls.find((entry) => entry.callId === callId);
    if (!call) throw new Error(`no call ${callId}`);
    Object.assign(call, change);
    return { ...call };
  };
  const changeAlert = (id: string, change: Partial<AlertView>): AlertView => {
    const alert = hall.alerts.find((entry) => entry.id === id);
    if (!alert) throw new Error(`no alert ${id}`);
    Object.assign(alert, change);
    return { ...alert };
  };

  hall.api = {
    login: (request) =>
      answer('login', [request], () => {
        hall.signedIn = SUPERVISOR;
        return SUPERVISOR;
      }),
    logout: () => answer('logout', [], () => ({}) as Record<string, never>),
    me: async () => (hall.signedIn ? answer('me', [], () => hall.signedIn as LoginAnswer) : err({ error: 'signedOut' })),
    kiosks: () => answer('kiosks', [], () => structuredClone(hall.kiosks)),
    sendCommand: (kioskId: string, command: KioskCommand) => answer('sendCommand', [kioskId, command], () => ({ commandId: `c${hall.calls.length}` })),
    alerts: (state) => answer('alerts', [state], () => structuredClone(hall.alerts)),
    acknowledgeAlert: (id) => answer('acknowledgeAlert', [id], () => changeAlert(id, { state: 'acknowledged', acknowledgedBy: 'wang' })),
    resolveAlert: (id) => answer('resolveAlert', [id], () => changeAlert(id, { state: 'resolved', resolvedBy: 'wang' })),
    helpCalls: (state) => answer('helpCalls', [state], () => structuredClone(hall.helpCalls)),
    claimHelpCall: (callId, etaMinutes) =>
      answer('claimHelpCall', [callId, etaMinutes], () => changeCall(callId, { state: 'claimed', claimedBy: '王警官', claimedAt: new Date().toISOString(), etaMinutes })),
    resolveHelpCall: (callId) => answer('resolveHelpCall', [callId], () => changeCall(callId, { state: 'resolved', resolvedAt: new Date().toISOString() })),
    supervision: () => answer('supervision', [], () => structuredClone(hall.sessions)),
    stats: (query) => answer('stats', [query], () => hall.statsAnswer(query)),
    dropOff: (serviceId, from, to) => answer('dropOff', [serviceId, from, to], () => hall.dropOffAnswer),
    statsCsvUrl: (query) => `/api/stats.csv?${statsQueryString(query)}`,
    staff: () => answer('staff', [], () => structuredClone(hall.staff)),
    addStaff: (request: KioskStaffRequest) =>
      answer('addStaff', [request], () => {
        const view: KioskStaffView = { staffNumber: request.staffNumber, nameMasked: `${Array.from(request.name)[0]}*`, idNumberMasked: `${request.idNumber.slice(0, 4)}**********${request.idNumber.slice(14)}`, role: request.role, updatedAt: new Date().toISOString() };
        hall.staff.push(view);
        return view;
      }),
    removeStaff: (staffNumber) =>
      answer('removeStaff', [staffNumber], () => {
        hall.staff = hall.staff.filter((entry) => entry.staffNumber !== staffNumber);
        return {} as Record<string, never>;
      }),
  };
  return hall;
}

const NOW = () => new Date().toISOString();
const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

export function kiosk(kioskId: string, change: Partial<KioskView> = {}): KioskView {
  return {
    kioskId,
    online: true,
    lastSeen: NOW(),
    openAlerts: 0,
    waitingHelpCalls: 0,
    status: {
      kioskId,
      hallName: '金水区公安分局政务服务大厅',
      version: '0.1.0',
      at: NOW(),
      outOfService: null,
      devices: [
        { id: 'idcard-1', kind: 'idcard', simulated: true, state: 'online', messageKey: 'devices.state.online', since: NOW() },
        { id: 'receipt-1', kind: 'receiptPrinter', simulated: true, state: 'hardwareError', media: 'jammed', messageKey: 'devices.state.hardwareError', since: NOW() },
      ],
      consumables: [{ kind: 'receiptPaper', deviceId: 'receipt-1', estimatedLeft: 40, capacity: 300, state: 'low', lastRefillAt: null }],
      session: null,
      staffSignedIn: null,
      journalBacklog: 0,
    },
    ...change,
  };
}

export { minutesAgo };

export function helpCall(callId: string, kioskId: string, change: Partial<HelpCallView> = {}): HelpCallView {
  return { callId, kioskId, reason: 'button', serviceId: 'id-card-renewal', step: 'photo', queuedAt: minutesAgo(3), state: 'waiting', claimedBy: null, claimedAt: null, etaMinutes: null, resolvedAt: null, ...change };
}

export function supervised(kioskId: string): SupervisedSession {
  return {
    kioskId,
    updatedAt: NOW(),
    session: { sessionId: 's-1', serviceId: 'no-criminal-record', category: 'certificates', step: 'confirm', stepSince: minutesAgo(2), startedAt: minutesAgo(6), nameMasked: '张*', idNumberMasked: '4104**********1230' },
  };
}
