/**
 * Another person's card or number after the session's identity was fixed:
 * the flow ends (`identityChanged`, nothing about either person revealed),
 * the audit notes where the other identity came from (never who it was),
 * and the session ends, so the next try starts from a clean kiosk.
 */
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { SessionStore } from './session-store';

export interface IdentityConflictDeps {
  sessions: SessionStore;
  bus: EventBus;
  logger: Logger;
  /** Ends the session's flow if it still runs (the flow runtime's `identityChanged`). */
  endFlow: (sessionId: string) => boolean;
  /** Records the audit event (no personal data). */
  audit: (sessionId: string, source: 'card' | 'typed', flowEnded: boolean) => void;
}

/** Returns the handler the card intake and `identity.typed` call on a conflict. */
export function createIdentityConflictHandler(deps: IdentityConflictDeps): (sessionId: string, source: 'card' | 'typed') => void {
  return (sessionId, source) => {
    // The flow first, so its last view (done: identityChanged) is what the journal closes with.
    const flowEnded = deps.endFlow(sessionId);
    deps.audit(sessionId, source, flowEnded);
    const ended = deps.sessions.end(sessionId, 'identityChanged');
    if (!ended.ok) return;
    deps.logger.info({ sessionId, reason: 'identityChanged', source, durationMs: ended.value.durationMs }, 'session ended');
    deps.bus.emit('session.ended', { sessionId, reason: 'identityChanged' });
  };
}
