/**
 * The kiosk shell: attract screen ⇄ session, language, elder mode, voice,
 * the host notice, and the device dock on simulated kiosks. The host decides;
 * this only shows state and forwards touches.
 */
import { lazy, Suspense, useCallback, useLayoutEffect, useState, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { KioskClient } from '../api/types';
import { useCameraStatusReport } from '../camera/use-camera-status-report';
import { DEFAULT_LANGUAGE, type Language } from '../i18n';
import { silentVoice, type Voice } from '../voice/voice';
import { VoiceProvider, type VolumeLevel } from '../voice/VoiceContext';
import { AttractScreen } from './AttractScreen';
import { ConnectionNotice } from './ConnectionNotice';
import { AttractHelp } from './help/AttractHelp';
import { hostNotice, useConnection } from './connection';
import { useDevices, useHostRestarting, useKioskInfo } from './host-data';
import { readIdleScale } from './idle/idle-limits';
import { SessionView } from './session/SessionView';
import { useKioskSession } from './session/useKioskSession';
import { StaffLayer } from '../staff/StaffLayer';

/** The device dock is a separate chunk, loaded only on a simulated kiosk. */
const DockDrawer = lazy(() => import('../dock/DockDrawer'));

/** Props of {@link App}. */
export interface AppProps {
  api: KioskClient;
  i18n: I18n;
  /** Speech output; silent when not given. */
  voice?: Voice;
  /** The page's query string, for dev overrides honoured only in simulation (`?idleScale=`). */
  query?: string;
}

const DEFAULT_VOLUME: VolumeLevel = 1;

/** The whole renderer. */
export function App({ api, i18n, voice = silentVoice, query = '' }: AppProps): ReactElement {
  const connection = useConnection(api);
  const restarting = useHostRestarting(api);
  const notice = hostNotice(connection, restarting);
  const available = notice === null;
  const info = useKioskInfo(api, available);
  const devices = useDevices(api, available);
  useCameraStatusReport(api, available);

  /** null = the kiosk's default language; a citizen's choice lasts until the session ends. */
  const [languageChoice, setLanguageChoice] = useState<Language | null>(null);
  const [elderMode, setElderMode] = useState(false);
  const [volume, setVolume] = useState<VolumeLevel>(DEFAULT_VOLUME);
  const language = languageChoice ?? info?.defaultLanguage ?? DEFAULT_LANGUAGE;

  const forgetChoices = useCallback(() => {
    setLanguageChoice(null);
    setElderMode(false);
    setVolume(DEFAULT_VOLUME);
  }, []);
  const kiosk = useKioskSession(api, { language, elderMode }, forgetChoices);

  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  const changeLanguage = (next: Language): void => {
    setLanguageChoice(next);
    kiosk.preferencesChanged({ language: next, elderMode });
  };
  const changeElderMode = (next: boolean): void => {
    setElderMode(next);
    kiosk.preferencesChanged({ language, elderMode: next });
  };

  const { screen } = kiosk;
  return (
    <I18nextProvider i18n={i18n}>
      <VoiceProvider voice={voice} language={language} elderMode={elderMode} volume={volume}>
        <div className={`kiosk${elderMode ? ' kiosk--elder' : ''}`} data-testid="kiosk" data-language={language} data-elder-mode={elderMode}>
          {screen.kind === 'attract' ? (
            <AttractScreen
              info={info}
              devices={devices}
              language={language}
              elderMode={elderMode}
              starting={kiosk.starting}
              messageKey={kiosk.attractMessage}
              sessionEnded={kiosk.sessionEnded}
              help={<AttractHelp api={api} />}
              onLanguageChange={setLanguageChoice}
              onElderModeChange={setElderMode}
              onStart={kiosk.start}
            />
          ) : (
            <SessionView
              key={screen.session.sessionId}
              api={api}
              sessionId={screen.session.sessionId}
              info={info}
              identity={screen.identity}
              language={language}
              elderMode={elderMode}
              volume={volume}
              idleScale={readIdleScale(query, info?.simulation === true)}
              ending={kiosk.ending}
              onLanguageChange={changeLanguage}
              onElderModeChange={changeElderMode}
              onVolumeChange={setVolume}
              onEnd={kiosk.end}
            />
          )}
          {/* Staff sign-in and maintenance, and the out-of-service page citizens see. */}
          <StaffLayer api={api} available={available} attract={screen.kind === 'attract'} devices={devices} timeZone={info?.timeZone} />
          {notice ? <ConnectionNotice notice={notice} /> : null}
          {info?.simulation && available ? (
            <Suspense fallback={null}>
              <DockDrawer api={api} />
            </Suspense>
          ) : null}
        </div>
      </VoiceProvider>
    </I18nextProvider>
  );
}
