/**
 * Staff sign-in at the kiosk and the signed-in officer, decided on the host:
 * the officer comes from the host's own card read or from the allow-list
 * entry of a typed staff number, never from the renderer. PINs are checked
 * with argon2 against the allow-list's hash; 5 wrong PINs lock that officer
 * out for 15 minutes (pin-lockout.ts). Two minutes without a touch (a staff
 * call or the screen's `staff.touch`) signs the officer out, enforced here
 * whatever the screen says. Every step is audited with the officer's masked
 * identity (staff number and masked name), never an ID number.
 */
import { hashSync, verify } from '@node-rs/argon2';
import type { PinOutcome, StaffView } from '../../contract/staff';
import type { StaffMember } from '../../contract/hall-link';
import type { EventBus } from '../events';
import type { AuditLog } from '../journal/transactions-audit';
import type { Logger } from '../log/logger';
import type { StaffAllowListCache } from './allow-list';
import type { PinLockout } from './pin-lockout';

export const STAFF_IDLE_SIGN_OUT_MS = 2 * 60_000;

/** What H3's status message and the audit know of an officer. */
export interface SignedInOfficer {
  staffNumber: string;
  nameMasked: string;
  role: StaffMember['role'];
}

export interface StaffDeskDeps<Card> {
  allowList: StaffAllowListCache;
  lockout: PinLockout;
  audit: AuditLog;
  bus: EventBus;
  logger: Logger;
  now: () => Date;
  /** The citizen's way: a held officer's card starts a citizen session after all. */
  startCitizenSession: (card: Card) => void;
  verifyPin?: (pinHash: string, pin: string) => Promise<boolean>;
  idleMs?: number;
  /** Timer seam (tests); default setTimeout, unref'd. */
  schedule?: (ms: number, run: () => void) => () => void;
}

export interface StaffDesk<Card> {
  /**
   * A card read while no citizen session is open. True when staff sign-in
   * took it (an allow-listed officer's card, or any card while an officer is
   * signed in); false when it is a citizen's to start a session with.
   */
  cardRead(idNumber: string, card: Card): boolean;
  view(): StaffView;
  beginWithNumber(staffNumber: string): StaffView;
  cardChoice(choice: 'staff' | 'citizen'): StaffView;
  pin(pin: string): Promise<PinOutcome>;
  cancel(): StaffView;
  touch(): StaffView;
  signOut(): StaffView;
  /** For the hall link's status: the signed-in officer (masked) or null. */
  staffSignedIn(): { staffNumber: string; nameMasked: string } | null;
  /** The officer for a staff call, pushing back the idle sign-out; null when nobody is signed in (refuse the call). */
  authorize(): SignedInOfficer | null;
  /** Audits a staff action with the signed-in officer's masked identity. */
  record(
    officer: SignedInOfficer,
    action: string,
    subject?: string | null,
    detail?: Record<string, string | number | boolean | null>,
  ): void;
  dispose(): void;
}

type Phase<Card> =
  | { phase: 'signedOut' }
  | { phase: 'cardChoice'; member: StaffMember; card: Card }
  | { phase: 'pin'; via: 'card'; member: StaffMember }
  | { phase: 'pin'; via: 'staffNumber'; staffNumber: string; member: StaffMember | undefined }
  | { phase: 'signedIn'; officer: SignedInOfficer };

const officerOf = (member: StaffMember): SignedInOfficer => ({
  staffNumber: member.staffNumber,
  nameMasked: member.nameMasked,
  role: member.role,
});
/** The audit's subject for an officer: staff number and masked name, nothing else. */
export const maskedOfficer = (officer: Pick<SignedInOfficer, 'staffNumber' | 'nameMasked'>): string =>
  `${officer.staffNumber} ${officer.nameMasked}`;

/** A hash no PIN matches, verified for an unknown staff number so its answer takes as long as a known one's. */
let unknownNumberHash: string | undefined;
const decoyHash = (): string => (unknownNumberHash ??= hashSync(`decoy-${Math.random()}`, { algorithm: 2 }));

const defaultSchedule = (ms: number, run: () => void): (() => void) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
};

export function createStaffDesk<Card>(deps: StaffDeskDeps<Card>): StaffDesk<Card> {
  const idleMs = deps.idleMs ?? STAFF_IDLE_SIGN_OUT_MS;
  const schedule = deps.schedule ?? defaultSchedule;
  const verifyPin = deps.verifyPin ?? ((hash: string, pin: string) => verify(hash, pin).catch(() => false));
  const log = deps.logger.child({ component: 'staff' });
  let state: Phase<Card> = { phase: 'signedOut' };
  let lastTouch = deps.now().getTime();
  let cancelTimer: (() => void) | null = null;

  const audit = (
    action: string,
    subject: string | null,
    detail: Record<string, string | number | boolean | null> = {},
  ) => deps.audit.record({ actor: 'staff', action, ...(subject ? { subject } : {}), detail });

  const viewOf = (s: Phase<Card>): StaffView => {
    switch (s.phase) {
      case 'signedOut':
        return { phase: 'signedOut' };
      case 'cardChoice':
        return { phase: 'cardChoice', officer: officerOf(s.member) };
      case 'pin':
        return s.via === 'card'
          ? { phase: 'pin', via: 'card', officer: officerOf(s.member) }
          : { phase: 'pin', via: 'staffNumber', officer: null };
      case 'signedIn':
        return { phase: 'signedIn', officer: s.officer, idleSignOutMs: idleMs };
      default: {
        const never: never = s;
        return never;
      }
    }
  };

  const armIdle = () => {
    cancelTimer?.();
    cancelTimer = state.phase === 'signedOut' ? null : schedule(idleMs, () => expireIfIdle());
  };
  const move = (next: Phase<Card>): StaffView => {
    state = next;
    lastTouch = deps.now().getTime();
    armIdle();
    const view = viewOf(state);
    deps.bus.emit('staff.changed', view);
    return view;
  };
  /** Two minutes without a touch: back to signed out, whatever the screen did. */
  const expireIfIdle = (): boolean => {
    if (state.phase === 'signedOut') return false;
    const idle = deps.now().getTime() - lastTouch;
    if (idle < idleMs) {
      cancelTimer?.();
      cancelTimer = schedule(idleMs - idle, () => expireIfIdle());
      return false;
    }
    if (state.phase === 'signedIn') {
      audit('staff.signedOut', maskedOfficer(state.officer), { reason: 'idle' });
      log.info('staff signed out after 2 minutes without a touch');
    }
    move({ phase: 'signedOut' });
    return true;
  };

  const pinFor = (member: StaffMember): Phase<Card> => ({ phase: 'pin', via: 'card', member });

  /** One PIN attempt, run by {@link StaffDesk.pin} one at a time. */
  const checkPin = async (pin: string): Promise<PinOutcome> => {
    if (expireIfIdle() || state.phase !== 'pin') return { outcome: 'noSignIn' };
    const attempt = state;
    const staffNumber = attempt.via === 'card' ? attempt.member.staffNumber : attempt.staffNumber;
    const gate = deps.lockout.gate(staffNumber);
    if (gate.kind === 'locked') {
      audit('staff.pinRefusedLocked', attempt.member ? maskedOfficer(attempt.member) : staffNumber);
      return { outcome: 'lockedOut', until: gate.until.toISOString() };
    }
    let right = false;
    if (attempt.member) right = await verifyPin(attempt.member.pinHash, pin);
    else await verifyPin(decoyHash(), pin);
    // The state may have moved while argon2 ran (cancel, idle, another card).
    if (state !== attempt) return { outcome: 'noSignIn' };
    lastTouch = deps.now().getTime();
    if (right && attempt.member) {
      deps.lockout.succeeded(staffNumber);
      const officer = officerOf(attempt.member);
      audit('staff.signedIn', maskedOfficer(officer), { via: attempt.via, role: officer.role });
      return { outcome: 'signedIn', view: move({ phase: 'signedIn', officer }) };
    }
    const after = deps.lockout.failed(staffNumber);
    const subject = attempt.member ? maskedOfficer(attempt.member) : staffNumber;
    if (after.kind === 'locked') {
      audit('staff.lockedOut', subject, { until: after.until.toISOString() });
      log.warn('staff sign-in locked out after 5 wrong PINs');
      return { outcome: 'lockedOut', until: after.until.toISOString() };
    }
    audit('staff.pinWrong', subject, { attemptsLeft: after.attemptsLeft });
    return { outcome: 'wrong', attemptsLeft: after.attemptsLeft };
  };
  let pinChecks: Promise<unknown> = Promise.resolve();

  return {
    cardRead(idNumber, card) {
      expireIfIdle();
      // A signed-in officer's kiosk starts no citizen session.
      if (state.phase === 'signedIn') return true;
      const member = deps.allowList.byIdNumber(idNumber);
      if (!member) return false;
      audit('staff.cardPresented', maskedOfficer(member));
      // A card read during sign-in binds the sign-in to that card's officer.
      if (state.phase === 'pin' || state.phase === 'cardChoice') move(pinFor(member));
      else move({ phase: 'cardChoice', member, card });
      return true;
    },
    view() {
      expireIfIdle();
      return viewOf(state);
    },
    beginWithNumber(staffNumber) {
      expireIfIdle();
      if (state.phase === 'signedIn') return viewOf(state);
      audit('staff.signInStarted', staffNumber, { via: 'staffNumber' });
      return move({ phase: 'pin', via: 'staffNumber', staffNumber, member: deps.allowList.byStaffNumber(staffNumber) });
    },
    cardChoice(choice) {
      expireIfIdle();
      if (state.phase !== 'cardChoice') return viewOf(state);
      const { member, card } = state;
      if (choice === 'staff') {
        audit('staff.signInStarted', maskedOfficer(member), { via: 'card' });
        return move(pinFor(member));
      }
      const view = move({ phase: 'signedOut' });
      deps.startCitizenSession(card);
      return view;
    },
    pin(pin) {
      // One PIN check at a time, each seeing the lockout the one before it left: PINs sent at once cannot all
      // pass the gate before the fifth wrong one locks it, and a right PIN finishing late cannot slip past a lock.
      const turn = pinChecks.then(() => checkPin(pin));
      pinChecks = turn.catch(() => undefined);
      return turn;
    },
    cancel() {
      expireIfIdle();
      if (state.phase === 'signedIn' || state.phase === 'signedOut') return viewOf(state);
      return move({ phase: 'signedOut' });
    },
    touch() {
      if (!expireIfIdle() && state.phase !== 'signedOut') lastTouch = deps.now().getTime();
      return viewOf(state);
    },
    signOut() {
      expireIfIdle();
      if (state.phase !== 'signedIn') return state.phase === 'signedOut' ? viewOf(state) : move({ phase: 'signedOut' });
      audit('staff.signedOut', maskedOfficer(state.officer), { reason: 'button' });
      return move({ phase: 'signedOut' });
    },
    staffSignedIn() {
      expireIfIdle();
      return state.phase === 'signedIn'
        ? { staffNumber: state.officer.staffNumber, nameMasked: state.officer.nameMasked }
        : null;
    },
    authorize() {
      if (expireIfIdle() || state.phase !== 'signedIn') return null;
      lastTouch = deps.now().getTime();
      return state.officer;
    },
    record(officer, action, subject, detail) {
      deps.audit.record({
        actor: 'staff',
        action,
        subject: subject ? `${maskedOfficer(officer)} ${subject}`.slice(0, 128) : maskedOfficer(officer),
        detail: detail ?? {},
      });
    },
    dispose() {
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
