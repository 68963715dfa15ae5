/** `session.*`: a citizen's session from the first touch to its end, journaled from start to end. */
import { kioskError, type CallHandlers } from '../dispatch';
import type { EventBus } from '../../events';
import type { SessionJournal } from '../../journal/session-journal';
import type { Logger } from '../../log/logger';
import { maskedIdentity } from '../../session/identity';
import { sessionInfo, type SessionStore } from '../../session/session-store';

export interface SessionHandlersDeps {
  sessions: SessionStore;
  journal: SessionJournal;
  bus: EventBus;
  logger: Logger;
}

type SessionCalls = 'session.start' | 'session.end' | 'session.current' | 'session.preferences' | 'session.activity';

export function sessionHandlers({ sessions, journal, bus, logger }: SessionHandlersDeps): Pick<CallHandlers, SessionCalls> {
  const noSession = { ok: false as const, error: kioskError('noSession') };
  return {
    'session.start': (params) => {
      const started = sessions.start(params);
      if (!started.ok) return { ok: false, error: kioskError('sessionActive') };
      journal.started(started.value.sessionId, started.value.startedAt, null);
      logger.info({ sessionId: started.value.sessionId, language: params.language, elderMode: params.elderMode }, 'session started');
      return { ok: true, value: started.value };
    },
    'session.end': ({ sessionId, reason }) => {
      const ended = sessions.end(sessionId, reason);
      if (!ended.ok) return noSession;
      logger.info({ sessionId, reason, durationMs: ended.value.durationMs }, 'session ended');
      bus.emit('session.ended', { sessionId, reason });
      return { ok: true, value: { ended: true } };
    },
    'session.current': () => {
      const open = sessions.current();
      return { ok: true, value: { session: open ? sessionInfo(open) : null, identity: open?.identity ? maskedIdentity(open.identity) : null } };
    },
    'session.preferences': ({ sessionId, language, elderMode }) => {
      const open = sessions.get(sessionId);
      if (!open) return noSession;
      open.language = language;
      open.elderMode = elderMode;
      sessions.touch(sessionId);
      return { ok: true, value: sessionInfo(open) };
    },
    'session.activity': ({ sessionId }) => (sessions.touch(sessionId) ? { ok: true, value: { backstopMs: sessions.backstopMs } } : noSession),
  };
}
