/** The end of a flow, whatever happened: the outcome in the words the host points at, and one button that ends the session. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';

/** `data-testid="done-step"` (`data-outcome`) with `done-finish`. */
export function DoneStep({ view, data, onFinish }: StepProps<'done'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, 'voice.flow.done', true);
  return (
    <section
      className="step flow-step"
      data-testid="done-step"
      data-outcome={data.outcome}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {t('flow.done.title')}
      </h1>
      <p className="flow-step__lead" data-testid="done-outcome">
        {t(data.outcomeKey)}
      </p>
      <p className="step__note">{t('flow.done.wiped')}</p>
      <div className="flow-actions">
        <TouchButton data-testid="done-finish" onPress={onFinish}>
          {t('flow.done.finish')}
        </TouchButton>
      </div>
    </section>
  );
}
