/**
 * Who is at the kiosk. One session at a time; its data lives in memory only
 * and is dropped (not just forgotten) when the session ends, whatever the
 * reason. The host keeps its own idle backstop, so a session whose renderer
 * vanished still ends and is wiped.
 */
import { randomUUID } from 'node:crypto';
import type { Identity, SessionEndReason, SessionInfo } from '../../contract';

export interface ActiveSession extends SessionInfo {
  identity: Identity | null;
  /** Per-session data (consents, photos, documents…); wiped at end. */
  data: Map<string, unknown>;
}

export type StartResult = { ok: true; session: SessionInfo } | { ok: false; reason: 'sessionActive' };
export type EndResult = { ok: true; durationMs: number } | { ok: false; reason: 'noSession' };

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
  /** The open session if its id matches. */
  get(sessionId: string): ActiveSession | undefined;
  /** Records activity; returns false when there is no such session. */
  touch(sessionId: string): boolean;
  /** Ends whatever session is open (host shutdown, crash recovery, backstop). */
  endAny(reason: SessionEndReason): SessionInfo | undefined;
  readonly backstopMs: number;
  dispose(): void;
}

const info = ({ sessionId, startedAt, language, elderMode }: ActiveSession): SessionInfo => ({ sessionId, startedAt, language, elderMode });

/** Creates the in-memory session store. */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const now = options.now ?? (() => new Date());
  const backstopMs = options.backstopMs ?? 0;
  let active: ActiveSession | undefined;
  let backstop: NodeJS.Timeout | undefined;

  const wipe = (): SessionInfo | undefined => {
    if (!active) return undefined;
    const ended = info(active);
    active.data.clear();
    active.identity = null;
    active = undefined;
    clearTimeout(backstop);
    return ended;
  };

  const arm = () => {
    clearTimeout(backstop);
    if (!active || backstopMs <= 0) return;
    backstop = setTimeout(() => {
      const ended = wipe();
      if (ended) options.onBackstop?.(ended);
    }, backstopMs);
    backstop.unref?.();
  };

  return {
    backstopMs,
    start({ language, elderMode, identity = null }) {
      if (active) return { ok: false, reason: 'sessionActive' };
      active = { sessionId: randomUUID(), startedAt: now().toISOString(), language, elderMode, identity, data: new Map() };
      arm();
      return { ok: true, session: info(active) };
    },
    end(sessionId) {
      if (!active || active.sessionId !== sessionId) return { ok: false, reason: 'noSession' };
      const durationMs = now().getTime() - Date.parse(active.startedAt);
      wipe();
      return { ok: true, durationMs };
    },
    current: () => active,
    get: (sessionId) => (active?.sessionId === sessionId ? active : undefined),
    touch(sessionId) {
      if (active?.sessionId !== sessionId) return false;
      arm();
      return true;
    },
    endAny: () => wipe(),
    dispose: () => clearTimeout(backstop),
  };
}

/** The public part of a session. */
export function sessionInfo(session: ActiveSession): SessionInfo {
  return info(session);
}
