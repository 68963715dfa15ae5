/** "Need more time?": the idle countdown, spoken when it appears. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';
import './CountdownDialog.css';

/** Props of {@link CountdownDialog}. */
export interface CountdownDialogProps {
  secondsLeft: number;
  onMoreTime: () => void;
  onEnd: () => unknown;
}

/** `data-testid="idle-countdown"` with `idle-more` and `idle-end`. */
export function CountdownDialog({ secondsLeft, onMoreTime, onEnd }: CountdownDialogProps): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow('voice.countdown');
  return (
    <Dialog
      role="alertdialog"
      tone="warn"
      title={t('idle.title')}
      testId="idle-countdown"
      actions={
        <>
          <TouchButton variant="primary" data-testid="idle-more" onPress={onMoreTime}>
            {t('idle.more')}
          </TouchButton>
          <TouchButton variant="secondary" data-testid="idle-end" onPress={onEnd}>
            {t('idle.end')}
          </TouchButton>
        </>
      }
    >
      <p>{t('idle.detail')}</p>
      <p className="countdown" data-testid="idle-seconds" role="timer" aria-live="off">
        {t('idle.remaining', { seconds: secondsLeft })}
      </p>
    </Dialog>
  );
}
