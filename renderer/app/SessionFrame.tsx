/**
 * The frame every service runs in: who is here, the step progress, the step
 * itself, and the same controls on every screen (help, language, elder mode,
 * volume, back, cancel). Presentational: SessionView owns the state.
 */
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskInfo, MaskedIdentity } from '../../electron/contract';
import type { Language } from '../i18n';
import { SpeakerButton } from '../ui/SpeakerButton';
import { TouchButton } from '../ui/TouchButton';
import type { VolumeLevel } from '../voice/VoiceContext';
import { HelpButton } from './help/HelpButton';
import { StepProgress } from './session/StepProgress';
import type { SessionStep } from './session/route';
import './SessionFrame.css';

/** Props of {@link SessionFrame}. */
export interface SessionFrameProps {
  info: KioskInfo | null;
  identity: MaskedIdentity | null;
  step: SessionStep;
  language: Language;
  elderMode: boolean;
  volume: VolumeLevel;
  /** The latest error of this step, as an i18n key. */
  errorKey: string | null;
  ending: boolean;
  onLanguageChange: (language: Language) => void;
  onElderModeChange: (on: boolean) => void;
  onVolumeChange: (volume: VolumeLevel) => void;
  onHelp: () => Promise<void>;
  /** Null on the first step (no back). */
  onBack: (() => void) | null;
  onCancel: () => unknown;
  children: ReactNode;
}

/** `data-testid="session-frame"` with `welcome`, `back-button`, `cancel-button`, `help-button`, `language-toggle`, `elder-toggle`. */
export function SessionFrame(props: SessionFrameProps): ReactElement {
  const { info, identity, step, language, elderMode, errorKey, ending } = props;
  const { t, i18n } = useTranslation();
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="session" data-testid="session-frame" data-step={step}>
      <header className="session__header">
        <div className="session__who">
          <p className="session__hall">{info?.hallName ?? ''}</p>
          <p className="session__welcome" data-testid="welcome">
            {identity?.nameMasked ? t('session.welcome', { name: identity.nameMasked }) : t('session.welcomeNoName')}
          </p>
        </div>
        <div className="session__tools">
          <button
            type="button"
            className="language-toggle"
            data-testid="language-toggle"
            lang={other}
            aria-label={`${t('session.language')}: ${t('session.otherLanguage')}`}
            onClick={() => props.onLanguageChange(other)}
          >
            {t('session.otherLanguage')}
          </button>
          <button
            type="button"
            role="switch"
            aria-checked={elderMode}
            className={`language-toggle elder-toggle${elderMode ? ' is-on' : ''}`}
            data-testid="elder-toggle"
            onClick={() => props.onElderModeChange(!elderMode)}
          >
            <span className="elder-toggle__label">{t('elder.label')}</span>
            {/* The position in words too (not only by colour); the switch's own state is aria-checked. */}
            <span className="elder-toggle__state" aria-hidden="true">
              {elderMode ? t('elder.on') : t('elder.off')}
            </span>
          </button>
          <SpeakerButton volume={props.volume} onChange={props.onVolumeChange} />
          <HelpButton onPress={props.onHelp} />
        </div>
      </header>
      <StepProgress current={step} />
      <main className="session__body">
        {errorKey ? (
          <p className="session__error" role="alert" data-testid="step-error">
            {i18n.exists(errorKey) ? t(errorKey) : t('errors.generic')}
          </p>
        ) : null}
        {props.children}
      </main>
      <footer className="session__footer">
        {props.onBack ? (
          <TouchButton variant="secondary" className="session__back" data-testid="back-button" onPress={props.onBack}>
            <span aria-hidden="true">‹ </span>
            {t('session.back')}
          </TouchButton>
        ) : null}
        <TouchButton variant="danger" className="session__cancel" data-testid="cancel-button" disabled={ending} onPress={props.onCancel}>
          {ending ? t('session.ending') : t('session.cancel')}
        </TouchButton>
      </footer>
    </div>
  );
}
