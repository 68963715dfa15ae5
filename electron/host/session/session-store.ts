/**
 * Who is at the kiosk. One session at a time; its data lives in memory only
 * and is dropped (not just forgotten) when the session ends, whatever the reason.
 */
import { randomUUID } from 'node:crypto';
import type { SessionEndReason, SessionInfo } from '../../contract';

export interface ActiveSession extends SessionInfo {
  /** Per-session data (identity read, consents…); wiped at end. */
  data: Map<string, unknown>;
}

export type StartResult = { ok: true; session: SessionInfo } | { ok: false; reason: 'sessionActive' };
export type EndResult = { ok: true; durationMs: number } | { ok: false; reason: 'noSession' };

export interface SessionStore {
  start(options: { language: SessionInfo['language']; elderMode: boolean }): StartResult;
  end(sessionId: string, reason: SessionEndReason): EndResult;
  current(): ActiveSession | undefined;
  /** Ends whatever session is open (host shutdown, crash recovery). */
  endAny(reason: SessionEndReason): SessionInfo | undefined;
}

/** Creates the in-memory session store. */
export function createSessionStore(now: () => Date = () => new Date()): SessionStore {
  let active: ActiveSession | undefined;

  const wipe = (): SessionInfo | undefined => {
    if (!active) return undefined;
    const { data, ...info } = active;
    data.clear();
    active = undefined;
    return info;
  };

  return {
    start({ language, elderMode }) {
      if (active) return { ok: false, reason: 'sessionActive' };
      active = { sessionId: randomUUID(), startedAt: now().toISOString(), language, elderMode, data: new Map() };
      const { data: _data, ...info } = active;
      return { ok: true, session: info };
    },
    end(sessionId) {
      if (!active || active.sessionId !== sessionId) return { ok: false, reason: 'noSession' };
      const durationMs = now().getTime() - Date.parse(active.startedAt);
      wipe();
      return { ok: true, durationMs };
    },
    current: () => active,
    endAny: () => wipe(),
  };
}
