/** A service that could not start (its wording or its flow): why, in words, and the choice to try again or go back. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../ui/TouchButton';
import '../steps/step-layout.css';

/** Props of {@link StartProblem}. */
export interface StartProblemProps {
  /** The host's reason (an i18n key); unknown keys show the generic words. */
  messageKey: string;
  onRetry: () => unknown;
  onLeave: () => void;
}

/** `data-testid="flow-start-failed"` with `flow-start-retry` and `flow-leave`. */
export function StartProblem({ messageKey, onRetry, onLeave }: StartProblemProps): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <div className="flow-step__problem" data-testid="flow-start-failed" role="alert">
      <p>{i18n.exists(messageKey) ? t(messageKey) : t('errors.generic')}</p>
      <div className="flow-actions">
        <TouchButton data-testid="flow-start-retry" onPress={onRetry}>
          {t('flow.startRetry')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid="flow-leave" onPress={onLeave}>
          {t('flow.leave')}
        </TouchButton>
      </div>
    </div>
  );
}
