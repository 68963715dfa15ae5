/** The attract screen: who we are, the time, one very large start target, device status, display settings and 呼叫工作人员. */
import { Fragment, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus, KioskInfo, SessionEndReason } from '../../electron/contract';
import type { Language } from '../i18n';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { IdCardIcon } from '../ui/icons';
import { pressFeedback } from '../ui/press';
import { ToggleSwitch } from '../ui/ToggleSwitch';
import { Clock } from './Clock';
import { DeviceStatusList } from './DeviceStatusList';
import { SessionEndedNotice } from './SessionEndedNotice';
import './AttractScreen.css';

/** Props of {@link AttractScreen}: all state lives in App. */
export interface AttractScreenProps {
  info: KioskInfo | null;
  devices: readonly DeviceStatus[] | null;
  language: Language;
  elderMode: boolean;
  starting: boolean;
  /** An i18n key to show under the start target (a refused start, an unreadable card). */
  messageKey: string | null;
  /** "Your information has been cleared", for a few seconds after a session ended. */
  sessionEnded?: SessionEndReason | null;
  /** The help control (呼叫工作人员), top right as in the session frame. */
  help?: ReactNode;
  onLanguageChange: (language: Language) => void;
  onElderModeChange: (on: boolean) => void;
  onStart: () => unknown;
}

/** Portrait first (1080×1920); a two-column layout in landscape comes from CSS. */
export function AttractScreen(props: AttractScreenProps): ReactElement {
  const { info, devices, language, elderMode, starting, messageKey } = props;
  const { t, i18n } = useTranslation();
  return (
    <main className="attract" data-testid="attract-screen">
      <header className="attract__header">
        <div className="attract__masthead">
          <div className="attract__titles">
            <h1 className="attract__hall" data-testid="hall-name">
              {info ? <HallName name={info.hallName} /> : t('attract.hallLoading')}
            </h1>
            {info?.simulation ? (
              <p className="attract__simulation" data-testid="simulation-badge" title={t('app.simulationHint')}>
                <span className="badge">{t('app.simulation')}</span> <span className="attract__simulation-hint">{t('app.simulationHint')}</span>
              </p>
            ) : null}
          </div>
          {props.help ? <div className="attract__help">{props.help}</div> : null}
        </div>
      </header>

      <section className="attract__clock">
        <Clock timeZone={info?.timeZone} />
      </section>

      <section className="attract__start">
        {props.sessionEnded ? <SessionEndedNotice language={language} reason={props.sessionEnded} /> : null}
        <button type="button" className="start-target" data-testid="start-button" disabled={starting} aria-busy={starting} {...pressFeedback} onClick={props.onStart}>
          <IdCardIcon className="start-target__icon" />
          <span className="start-target__text">{starting ? t('attract.starting') : t('attract.start')}</span>
          <span className="start-target__sub">{t('attract.startSub')}</span>
        </button>
        {messageKey ? (
          <p className="attract__error" role="alert" data-testid="start-error">
            {i18n.exists(messageKey) ? t(messageKey) : t('errors.generic')}
          </p>
        ) : null}
      </section>

      <section className="attract__devices">
        {/* With every device simulated, the header badge says so once; tag devices only in a mixed setup. */}
        <DeviceStatusList devices={devices} tagSimulated={!info?.simulation} />
      </section>

      <footer className="attract__settings" aria-label={t('attract.settings')}>
        <ChoiceGroup<Language>
          label={t('language.label')}
          testId="language-switch"
          value={language}
          onChange={props.onLanguageChange}
          choices={[
            { value: 'zh-CN', label: t('language.zhCN'), lang: 'zh-CN' },
            { value: 'en', label: t('language.en'), lang: 'en' },
          ]}
        />
        <ToggleSwitch
          label={t('elder.label')}
          hint={t('elder.hint')}
          onText={t('elder.on')}
          offText={t('elder.off')}
          checked={elderMode}
          onChange={props.onElderModeChange}
          testId="elder-mode-switch"
        />
      </footer>
    </main>
  );
}

/** The hall name, each whitespace-separated part kept on one line where it fits (e.g. station, then 智慧警务工作站). */
function HallName({ name }: { name: string }): ReactElement {
  const parts = name.split(/\s+/).filter(Boolean);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? ' ' : null}
          <span className="attract__hall-part">{part}</span>
        </Fragment>
      ))}
    </>
  );
}
