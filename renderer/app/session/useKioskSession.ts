/**
 * The session as the renderer follows it: started by a touch (`session.start`)
 * or by a card the host read at the attract screen (`session.started`), ended
 * by the citizen, by the idle countdown, or by the host (`session.ended`,
 * restart, lost link). Every end returns to a clean attract screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MaskedIdentity, SessionEndReason, SessionInfo } from '../../../electron/contract';
import type { KioskClient } from '../../api/types';
import type { Language } from '../../i18n';

/** Attract, or one citizen's session with what the host told us about them. */
export type KioskScreen = { kind: 'attract' } | { kind: 'session'; session: SessionInfo; identity: MaskedIdentity | null };

/** The citizen's display choices, sent to the host with the session. */
export interface Preferences {
  language: Language;
  elderMode: boolean;
}

/** What the shell needs to drive screens. */
export interface KioskSession {
  screen: KioskScreen;
  starting: boolean;
  ending: boolean;
  /** An i18n key to show on the attract screen (a refused start, an unreadable card). */
  attractMessage: string | null;
  /**
   * For a few seconds after a session ended by cancel, timeout or another
   * identity presented: why, for "your information has been cleared"; null otherwise.
   */
  sessionEnded: SessionEndReason | null;
  start(): Promise<void>;
  end(reason: SessionEndReason): Promise<void>;
  /** Tells the host about changed preferences mid-session. */
  preferencesChanged(preferences: Preferences): void;
}

/** How long a message stays on the attract screen. */
export const ATTRACT_MESSAGE_MS = 8_000;
/** How long "your information has been cleared" stays on the attract screen (issue #5: 3–5 s). */
export const SESSION_ENDED_MS = 4_000;
/** The ends after which the attract screen says the citizen's information was cleared (and, for identityChanged, why). */
const ENDS_TO_CONFIRM: ReadonlySet<SessionEndReason> = new Set<SessionEndReason>(['cancelled', 'timeout', 'identityChanged', 'endedByStaff']);

/** `onWiped` runs whenever the kiosk returns to attract, to drop the citizen's choices too. */
export function useKioskSession(api: KioskClient, preferences: Preferences, onWiped: () => void): KioskSession {
  const [screen, setScreen] = useState<KioskScreen>({ kind: 'attract' });
  const [starting, setStarting] = useState(false);
  const [ending, setEnding] = useState(false);
  const [attractMessage, setAttractMessage] = useState<string | null>(null);
  const [sessionEnded, setSessionEnded] = useState<SessionEndReason | null>(null);
  const busy = useRef(false);
  const prefs = useRef(preferences);
  const wiped = useRef(onWiped);
  useEffect(() => {
    prefs.current = preferences;
    wiped.current = onWiped;
  });

  const sessionId = screen.kind === 'session' ? screen.session.sessionId : null;
  const onAttract = useRef(true);
  useEffect(() => {
    onAttract.current = screen.kind === 'attract';
  });

  /** Back to a clean attract screen: nothing of the last citizen remains. `reason` given = a session ended (not a lost link). */
  const wipe = useCallback((reason?: SessionEndReason) => {
    busy.current = false;
    setScreen({ kind: 'attract' });
    setStarting(false);
    setEnding(false);
    setSessionEnded(reason !== undefined && ENDS_TO_CONFIRM.has(reason) ? reason : null);
    wiped.current();
  }, []);

  const open = useCallback(
    (session: SessionInfo, identity: MaskedIdentity | null) => {
      setAttractMessage(null);
      setSessionEnded(null);
      setScreen({ kind: 'session', session, identity });
      const wanted = prefs.current;
      if (session.language !== wanted.language || session.elderMode !== wanted.elderMode) {
        void api.call('session.preferences', { sessionId: session.sessionId, ...wanted });
      }
    },
    [api],
  );

  // A card placed at the attract screen started a session with its identity.
  useEffect(() => {
    if (sessionId !== null) return;
    const offStarted = api.on('session.started', ({ session, identity }) => open(session, identity));
    const offFailed = api.on('identity.readFailed', ({ messageKey }) => setAttractMessage(messageKey));
    return () => {
      offStarted();
      offFailed();
    };
  }, [api, sessionId, open]);

  // In a session: a card read, or the host ended it (backstop timeout, finished elsewhere…).
  useEffect(() => {
    if (sessionId === null) return;
    const offRead = api.on('identity.read', (payload) => {
      if (payload.sessionId === sessionId) setScreen((s) => (s.kind === 'session' ? { ...s, identity: payload.identity } : s));
    });
    const offEnded = api.on('session.ended', (payload) => {
      if (payload.sessionId === sessionId) wipe(payload.reason);
    });
    return () => {
      offRead();
      offEnded();
    };
  }, [api, sessionId, wipe]);

  // A renderer that (re)connects on the attract screen must not inherit a session it lost
  // (page reloaded, renderer crashed, link dropped): the host ends it as crashed, so the
  // next citizen never walks into the previous one's session.
  useEffect(() => {
    const sweep = async () => {
      if (!onAttract.current) return;
      const current = await api.call('session.current', {});
      if (current.ok && current.value.session && onAttract.current) {
        await api.call('session.end', { sessionId: current.value.session.sessionId, reason: 'crashed' });
      }
    };
    if (api.connectionState() === 'connected') void sweep();
    return api.onConnectionChange((state) => {
      if (state === 'connected') void sweep();
    });
  }, [api]);

  // A host restart or a lost link ends whatever session was open.
  useEffect(() => {
    const offStatus = api.on('host.status', (payload) => {
      if (payload.state === 'restarting') wipe();
    });
    const offLink = api.onConnectionChange((state) => {
      if (state !== 'connected') wipe();
    });
    return () => {
      offStatus();
      offLink();
    };
  }, [api, wipe]);

  useEffect(() => {
    if (!sessionEnded) return;
    const timer = setTimeout(() => setSessionEnded(null), SESSION_ENDED_MS);
    return () => clearTimeout(timer);
  }, [sessionEnded]);

  useEffect(() => {
    if (!attractMessage) return;
    const timer = setTimeout(() => setAttractMessage(null), ATTRACT_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [attractMessage]);

  const start = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setStarting(true);
    setAttractMessage(null);
    setSessionEnded(null);
    const outcome = await api.call('session.start', prefs.current);
    busy.current = false;
    setStarting(false);
    if (outcome.ok) return open(outcome.value, null);
    if (outcome.error.code === 'sessionActive') {
      // A card started a session at the same moment (its event is on the way): join it.
      const current = await api.call('session.current', {});
      if (current.ok && current.value.session) return open(current.value.session, current.value.identity);
    }
    setAttractMessage(outcome.error.messageKey);
  }, [api, open]);

  const end = useCallback(
    async (reason: SessionEndReason) => {
      if (sessionId === null || busy.current) return;
      busy.current = true;
      setEnding(true);
      // Whatever the host answers, the citizen goes back to the start; the host owns the session.
      await api.call('session.end', { sessionId, reason });
      wipe(reason);
    },
    [api, sessionId, wipe],
  );

  const preferencesChanged = useCallback(
    (next: Preferences) => {
      if (sessionId !== null) void api.call('session.preferences', { sessionId, ...next });
    },
    [api, sessionId],
  );

  return { screen, starting, ending, attractMessage, sessionEnded, start, end, preferencesChanged };
}
