/**
 * "您的信息已清除 / Your information has been cleared": a few seconds on the
 * attract screen after a session ended by cancel or timeout, spoken once; or,
 * when the host ended it because another card or number came after identify,
 * that this is why and to start again. Nothing of either person in it; shown
 * in both languages, since the citizen's language choice was wiped with the rest.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionEndReason } from '../../electron/contract';
import type { Language } from '../i18n';
import { useSpeakOnShow } from '../voice/VoiceContext';
import './SessionEndedNotice.css';

/** `data-testid="session-ended"` (`data-reason`), a `role="status"` line. */
export function SessionEndedNotice({ language, reason }: { language: Language; reason: SessionEndReason }): ReactElement {
  const { t } = useTranslation();
  const identityChanged = reason === 'identityChanged';
  useSpeakOnShow(identityChanged ? 'voice.sessionEndedIdentityChanged' : 'voice.sessionEnded');
  const key = identityChanged ? 'app.sessionEndedIdentityChanged' : 'app.sessionEnded';
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="ended-notice" role="status" data-testid="session-ended" data-reason={reason}>
      <span className="ended-notice__mark" aria-hidden="true">
        ✓
      </span>
      <p className="ended-notice__text">{t(key)}</p>
      <p className="ended-notice__other" lang={other}>
        {t(key, { lng: other })}
      </p>
    </div>
  );
}
