/**
 * Who is at the kiosk. One session at a time; its data lives in memory only
 * and is dropped (not just forgotten) when the session ends, whatever the
 * reason. The host keeps its own idle backstop, so a session whose renderer
 * vanished still ends and is wiped.
 *
 * The identity changes only through {@link SessionStore.offerIdentity}, and
 * once a flow fixed it ({@link SessionStore.fixIdentity}) it never changes
 * again: whatever the flow and the face check use is the same person.
 */
import { randomUUID } from 'node:crypto';
import type { Identity, SessionEndReason, SessionInfo } from '../../contract';
import { err, ok, type Result } from '../../../domain/result';

export interface ActiveSession extends SessionInfo {
  /** Set through the store only (`offerIdentity`). */
  readonly identity: Identity | null;
  /** True once a flow went past identify with this identity: it can no longer be replaced. */
  readonly identityFixed: boolean;
  /** Per-session data (consents, photos, documents…); wiped at end. */
  data: Map<string, unknown>;
}

export type StartResult = Result<SessionInfo, 'sessionActive'>;
export type EndResult = Result<{ durationMs: number }, 'noSession'>;

/**
 * What became of an identity offered to a session: `set` (it is the
 * session's identity now), `same` (the fixed identity's own number again:
 * nothing changes), `conflict` (another person after the identity was
 * fixed: refused, and the caller ends the flow), or no such session.
 */
export type IdentityOffer = { kind: 'set' } | { kind: 'same' } | { kind: 'conflict' } | { kind: 'noSession' };

export interface SessionStoreOptions {
  now?: () => Date;
  /** Ends a session after this long without activity (0 disables). */
  backstopMs?: number;
  /** Told when the backstop ended a session. */
  onBackstop?: (ended: SessionInfo) => void;
}

export interface SessionStore {
  start(options: { language: SessionInfo['language']; elderMode: boolean; identity?: Identity | null }): StartResult;
  end(sessionId: string, reason: SessionEndReason): EndResult;
  current(): ActiveSession | undefined;
  /** A card read or a number typed during the session. */
  offerIdentity(sessionId: string, identity: Identity): IdentityOffer;
  /** Fixes the session's identity for good; false when there is no such session or no identity. */
  fixIdentity(sessionId: string): boolean;
  /** The open session if its id matches. */
  get(sessionId: string): ActiveSession | undefined;
  /** Records activity; returns false when there is no such session. */
  touch(sessionId: string): boolean;
  /** Hall staff gave more time: the backstop waits `extraMs` longer this once; false when there is no such session. */
  extend(sessionId: string, extraMs: number): boolean;
  /**
   * Holds the idle backstop while something the citizen waits on is live (a
   * proxy call: the officer deciding), or releases it (the backstop starts
   * over). False when there is no such session.
   */
  holdIdle(sessionId: string, held: boolean): boolean;
  /** Ends whatever session is open (host shutdown, crash recovery, backstop). */
  endAny(reason: SessionEndReason): SessionInfo | undefined;
  readonly backstopMs: number;
  dispose(): void;
}

const info = ({ sessionId, startedAt, language, elderMode }: ActiveSession): SessionInfo => ({ sessionId, startedAt, language, elderMode });

/** The store's own, writable view of a session. */
type StoredSession = { -readonly [K in keyof ActiveSession]: ActiveSession[K] };

/** Creates the in-memory session store. */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const now = options.now ?? (() => new Date());
  const backstopMs = options.backstopMs ?? 0;
  let active: StoredSession | undefined;
  let backstop: NodeJS.Timeout | undefined;
  let idleHeld = false;

  const wipe = (): SessionInfo | undefined => {
    if (!active) return undefined;
    const ended = info(active);
    // Holders of bytes (document pages) zero-fill them before they are dropped.
    for (const value of active.data.values()) if (isWipeable(value)) value.wipe();
    active.data.clear();
    active.identity = null;
    active.identityFixed = false;
    active = undefined;
    idleHeld = false;
    clearTimeout(backstop);
    return ended;
  };

  const arm = (extraMs = 0) => {
    clearTimeout(backstop);
    if (!active || backstopMs <= 0 || idleHeld) return;
    backstop = setTimeout(() => {
      const ended = wipe();
      if (ended) options.onBackstop?.(ended);
    }, backstopMs + extraMs);
    backstop.unref?.();
  };

  return {
    backstopMs,
    start({ language, elderMode, identity = null }) {
      if (active) return err('sessionActive');
      active = { sessionId: randomUUID(), startedAt: now().toISOString(), language, elderMode, identity, identityFixed: false, data: new Map() };
      arm();
      return ok(info(active));
    },
    end(sessionId) {
      if (!active || active.sessionId !== sessionId) return err('noSession');
      const durationMs = now().getTime() - Date.parse(active.startedAt);
      wipe();
      return ok({ durationMs });
    },
    current: () => active,
    offerIdentity(sessionId, identity) {
      if (!active || active.sessionId !== sessionId) return { kind: 'noSession' };
      if (!active.identityFixed) {
        active.identity = identity;
        return { kind: 'set' };
      }
      return active.identity?.idNumber === identity.idNumber ? { kind: 'same' } : { kind: 'conflict' };
    },
    fixIdentity(sessionId) {
      if (!active || active.sessionId !== sessionId || !active.identity) return false;
      active.identityFixed = true;
      return true;
    },
    get: (sessionId) => (active?.sessionId === sessionId ? active : undefined),
    touch(sessionId) {
      if (active?.sessionId !== sessionId) return false;
      arm();
      return true;
    },
    extend(sessionId, extraMs) {
      if (active?.sessionId !== sessionId) return false;
      arm(Math.max(0, extraMs));
      return true;
    },
    holdIdle(sessionId, held) {
      if (active?.sessionId !== sessionId) return false;
      if (idleHeld === held) return true;
      idleHeld = held;
      arm();
      return true;
    },
    endAny: () => wipe(),
    dispose: () => clearTimeout(backstop),
  };
}

/** Something in `session.data` that clears its own bytes when the session is wiped. */
export interface Wipeable {
  wipe(): void;
}

function isWipeable(value: unknown): value is Wipeable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Wipeable>).wipe === 'function';
}

/** The public part of a session. */
export function sessionInfo(session: ActiveSession): SessionInfo {
  return info(session);
}
