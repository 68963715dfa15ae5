/**
 * The kiosk shell: attract screen ⇄ session frame, language and elder mode,
 * and the full-screen notice while the host is (re)starting. The host decides;
 * this only shows state and forwards touches.
 */
import { useCallback, useEffect, useLayoutEffect, useState, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { KioskError, SessionInfo } from '../../electron/contract';
import type { KioskClient } from '../api/types';
import { DEFAULT_LANGUAGE, type Language } from '../i18n';
import { AttractScreen } from './AttractScreen';
import { ConnectionNotice } from './ConnectionNotice';
import { hostNotice, useConnection } from './connection';
import { useDevices, useHostRestarting, useKioskInfo } from './host-data';
import { SessionFrame } from './SessionFrame';

/** How long a failed start stays on screen. */
export const START_ERROR_MS = 8_000;

/** Props of {@link App}. */
export interface AppProps {
  api: KioskClient;
  i18n: I18n;
}

type Screen = { kind: 'attract' } | { kind: 'session'; session: SessionInfo };

/** The whole renderer. */
export function App({ api, i18n }: AppProps): ReactElement {
  const connection = useConnection(api);
  const restarting = useHostRestarting(api);
  const notice = hostNotice(connection, restarting);
  const available = notice === null;
  const info = useKioskInfo(api, available);
  const devices = useDevices(api, available);

  const [screen, setScreen] = useState<Screen>({ kind: 'attract' });
  /** null = the kiosk's default language; a citizen's choice lasts until the session ends. */
  const [languageChoice, setLanguageChoice] = useState<Language | null>(null);
  const [elderMode, setElderMode] = useState(false);
  const [starting, setStarting] = useState(false);
  const [ending, setEnding] = useState(false);
  const [startError, setStartError] = useState<KioskError | null>(null);
  const language = languageChoice ?? info?.defaultLanguage ?? DEFAULT_LANGUAGE;

  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  /** Back to a clean attract screen: nothing of the last citizen remains. */
  const resetToAttract = useCallback(() => {
    setScreen({ kind: 'attract' });
    setLanguageChoice(null);
    setElderMode(false);
    setStarting(false);
    setEnding(false);
    setStartError(null);
  }, []);

  // The host ended the session (timeout, finished elsewhere…).
  useEffect(() => {
    if (screen.kind !== 'session') return;
    const id = screen.session.sessionId;
    return api.on('session.ended', (payload) => {
      if (payload.sessionId === id) resetToAttract();
    });
  }, [api, screen, resetToAttract]);

  // A host restart or a lost link ends whatever session was open.
  useEffect(() => {
    const offStatus = api.on('host.status', (payload) => {
      if (payload.state === 'restarting') resetToAttract();
    });
    const offLink = api.onConnectionChange((state) => {
      if (state !== 'connected') resetToAttract();
    });
    return () => {
      offStatus();
      offLink();
    };
  }, [api, resetToAttract]);

  useEffect(() => {
    if (!startError) return;
    const timer = setTimeout(() => setStartError(null), START_ERROR_MS);
    return () => clearTimeout(timer);
  }, [startError]);

  const start = (): void => {
    if (starting) return;
    setStarting(true);
    setStartError(null);
    void api.call('session.start', { language, elderMode }).then((outcome) => {
      setStarting(false);
      if (outcome.ok) setScreen({ kind: 'session', session: outcome.value });
      else setStartError(outcome.error);
    });
  };

  const cancel = (): void => {
    if (screen.kind !== 'session' || ending) return;
    setEnding(true);
    // Whatever the host answers, the citizen goes back to the start; the host owns the session.
    void api.call('session.end', { sessionId: screen.session.sessionId, reason: 'cancelled' }).then(resetToAttract);
  };

  return (
    <I18nextProvider i18n={i18n}>
      <div className={`kiosk${elderMode ? ' kiosk--elder' : ''}`} data-testid="kiosk" data-language={language} data-elder-mode={elderMode}>
        {screen.kind === 'attract' ? (
          <AttractScreen
            info={info}
            devices={devices}
            language={language}
            elderMode={elderMode}
            starting={starting}
            startError={startError}
            onLanguageChange={setLanguageChoice}
            onElderModeChange={setElderMode}
            onStart={start}
          />
        ) : (
          <SessionFrame info={info} ending={ending} onCancel={cancel} />
        )}
        {notice ? <ConnectionNotice notice={notice} /> : null}
      </div>
    </I18nextProvider>
  );
}
