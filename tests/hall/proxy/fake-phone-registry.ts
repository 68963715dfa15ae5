/**
 * A fake of the hall's proxy case registry and face check for the phone
 * server's tests: one case, a one-time token, a face check that matches on
 * a chosen try. It records what the server asked of it.
 */
import { err, ok } from '../../../domain/result';
import type { SignalBody, SignalIn } from '../../../electron/contract/proxy';
import type { PhoneCase, PhoneFaceVerdict } from '../../../hall/contract/proxy-api';
import type { ProxyCaseRegistry } from '../../../hall/server/proxy/case-registry.types';
import type { PrincipalFaceCheck, SignalHub } from '../../../hall/server/proxy/ports';

export const CASE_ID = 'case-0001-abcdef';
export const TOKEN = 'T'.repeat(40);
export const EXPIRED_TOKEN = 'E'.repeat(40);
export const PRINCIPAL_ID = '410105198001011230';
export const PRINCIPAL_NAME = '王秀英';
export const HALL_NAME = '金水区公安局政务服务大厅';

export interface FakeHall {
  registry: ProxyCaseRegistry;
  faceCheck: PrincipalFaceCheck;
  /** What was relayed through the hub: from, to, body. */
  relayed: { from: string; to: string; body: SignalBody }[];
  /** Delivers a signal to the attached phone, as the kiosk would. */
  signalPhone(from: 'kiosk' | 'console', body: SignalBody): boolean;
  /** Changes the case and tells the watching phone. */
  setState(state: PhoneCase['state']): void;
  /** Ends the case (as the hall does when a party is gone too long), telling no one. */
  end(state: PhoneCase['state'], reason: NonNullable<PhoneCase['endReason']>): void;
  presence: string[];
  verifiedCalls: number;
  failedCalls: number;
  signed: number;
  left: number;
  /** The id number the face check was asked to compare with. */
  comparedWith: string[];
}

export function createFakeHall(options: { matchOnTry?: number; maxAttempts?: number } = {}): FakeHall {
  const maxAttempts = options.maxAttempts ?? 3;
  let claimedSecret: string | null = null;
  let verified = false;
  let ended = false;
  let tries = 0;
  let consent = false;
  let state: PhoneCase['state'] = 'invited';
  let principalSigned = false;
  let endReason: PhoneCase['endReason'] = null;
  const phoneWatchers = new Set<(view: PhoneCase) => void>();
  let phoneDeliver: ((signal: SignalIn) => void) | null = null;

  const view = (): PhoneCase => ({
    caseId: CASE_ID,
    state,
    statement: {
      principalName: PRINCIPAL_NAME,
      principalIdNumberMasked: '4101**********1230',
      agentNameMasked: '李*',
      agentIdNumberMasked: '4101**********0018',
      serviceName: { 'zh-CN': '无犯罪记录证明', en: 'Certificate of no criminal record' },
      hallName: HALL_NAME,
      date: '2026-12-03',
      text: `我是${PRINCIPAL_NAME}，我委托李*代我办理无犯罪记录证明。`,
    },
    iceServers: [{ urls: ['stun:127.0.0.1:3478'] }],
    officerPresent: false,
    principalSigned,
    endReason,
  });

  const hall: FakeHall = {
    relayed: [],
    presence: [],
    verifiedCalls: 0,
    failedCalls: 0,
    signed: 0,
    left: 0,
    comparedWith: [],
    signalPhone(from, body) {
      if (!phoneDeliver) return false;
      phoneDeliver({ caseId: CASE_ID, from, body });
      return true;
    },
    setState(next) {
      state = next;
      for (const watcher of phoneWatchers) watcher(view());
    },
    end(next, reason) {
      state = next;
      endReason = reason;
      ended = true;
    },
    registry: undefined as unknown as ProxyCaseRegistry,
    faceCheck: undefined as unknown as PrincipalFaceCheck,
  };

  const hub: SignalHub = {
    attach(caseId, role, deliver) {
      if (role === 'phone') phoneDeliver = deliver;
      return () => {
        if (role === 'phone' && phoneDeliver === deliver) phoneDeliver = null;
      };
    },
    relay(_caseId, from, to, body) {
      hall.relayed.push({ from, to, body });
    },
    close() {
      phoneDeliver = null;
    },
  };

  hall.registry = {
    hub,
    claim(token) {
      if (token === EXPIRED_TOKEN) return err('linkExpired');
      if (token !== TOKEN) return err('linkUnknown');
      if (claimedSecret !== null) return err('linkUsed');
      claimedSecret = 's'.repeat(20) + 'Secret_0123456789';
      state = 'principalJoined';
      return ok({ caseId: CASE_ID, phoneSecret: claimedSecret, claimed: { hallName: HALL_NAME, linkExpiresAt: '2026-12-03T10:10:00.000Z', maxFaceAttempts: maxAttempts } });
    },
    phoneCaseId(secret) {
      if (secret !== claimedSecret) return err('notClaimed');
      return ended ? err('caseEnded') : ok(CASE_ID);
    },
    endedPhoneCase: (secret) => (secret === claimedSecret && ended && verified ? view() : null),
    principalIdNumber: () => (ended ? null : PRINCIPAL_ID),
    principalVerified() {
      hall.verifiedCalls++;
      verified = true;
      state = 'principalVerified';
    },
    principalFaceFailed() {
      hall.failedCalls++;
      ended = true;
      state = 'failed';
    },
    phoneCase: () => (ended ? err('caseEnded') : verified ? ok(view()) : err('notVerified')),
    principalSigned() {
      if (!verified) return err('notVerified');
      hall.signed++;
      principalSigned = true;
      return ok(view());
    },
    phoneLeft() {
      hall.left++;
      ended = true;
    },
    list: () => [],
    join: () => err('notFound'),
    recordingStarted: () => err('notFound'),
    recordingStored: () => err('notFound'),
    recordingFailed: () => undefined,
    decide: () => err('notFound'),
    officerLeft: () => undefined,
    attached: (_caseId, role) => void hall.presence.push(`attached:${role}`),
    detached: (_caseId, role) => void hall.presence.push(`detached:${role}`),
    onCase: () => () => undefined,
    onConsoleIceServers: () => () => undefined,
    onPhoneCase(_caseId, listener) {
      phoneWatchers.add(listener);
      return () => phoneWatchers.delete(listener);
    },
    close: async () => undefined,
  };

  hall.faceCheck = {
    consent(_key, granted) {
      consent = granted;
    },
    challenge() {
      if (!consent) return err('noConsent');
      if (tries >= maxAttempts) return err('tooManyAttempts');
      return ok({ challengeId: `ch-${tries + 1}`, actions: ['blink'], timeoutMs: 8000, issuedAt: new Date().toISOString(), frameRequest: { nonce: 'n'.repeat(16), inMs: 0 } });
    },
    frame: async () => ({ accepted: true, actionsSeen: 1, next: null }),
    async verify(_key, idNumber): Promise<PhoneFaceVerdict> {
      hall.comparedWith.push(idNumber);
      tries++;
      if (tries === (options.matchOnTry ?? 1)) return { outcome: 'match' };
      return { outcome: 'notMatched', reasonKey: null, attemptsLeft: Math.max(0, maxAttempts - tries) };
    },
    forget: () => undefined,
  };
  return hall;
}
