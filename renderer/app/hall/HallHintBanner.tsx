/**
 * A line hall staff sent the citizen at this kiosk (`hall.hint`), shown large
 * over the session until dismissed or replaced, and spoken. Only hints for
 * this session: one meant for the previous citizen is never shown.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { useSay } from '../../voice/VoiceContext';
import './HallHintBanner.css';

/** `data-testid="hall-hint"` with the text, and `hall-hint-dismiss`. */
export function HallHintBanner({ api, sessionId }: { api: KioskApi; sessionId: string }): ReactElement | null {
  const { t } = useTranslation();
  const say = useSay();
  const [text, setText] = useState<string | null>(null);
  useEffect(
    () =>
      api.on('hall.hint', (hint) => {
        if (hint.sessionId !== sessionId) return;
        setText(hint.text);
        say('voice.hallHint', hint.text);
      }),
    [api, sessionId, say],
  );
  if (text === null) return null;
  return (
    <div className="hall-hint" role="status" aria-live="assertive" data-testid="hall-hint">
      <p className="hall-hint__title">{t('hallHint.title')}</p>
      <p className="hall-hint__text">{text}</p>
      <TouchButton variant="primary" data-testid="hall-hint-dismiss" onPress={() => setText(null)}>
        {t('hallHint.dismiss')}
      </TouchButton>
    </div>
  );
}
