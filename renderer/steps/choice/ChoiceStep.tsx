/** One choice among a service's options (a purpose, a way to collect…): large buttons; one touch sends the choice to the host. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import './ChoiceStep.css';

/** `data-testid="choice-step"` with one `choice-<value>` button per option. */
export function ChoiceStep({ view, data, send, accepts }: StepProps<'choice'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, 'voice.flow.choice', true);
  const enabled = accepts('CHOOSE');
  return (
    <section className="step flow-step" data-testid="choice-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(data.titleKey)}
      </h1>
      <p className="flow-step__lead">{t('flow.choice.lead')}</p>
      <div className="flow-choices" role="group" aria-labelledby="step-title">
        {data.options.map((option) => (
          <TouchButton
            key={option.value}
            variant={data.selected === option.value ? 'primary' : 'secondary'}
            className="flow-choice"
            aria-pressed={data.selected === option.value}
            disabled={!enabled}
            data-testid={`choice-${option.value}`}
            onPress={() => send({ type: 'CHOOSE', value: option.value })}
          >
            <span className="flow-choice__name">{t(option.labelKey)}</span>
            {option.noteKey ? <span className="flow-choice__hint">{t(option.noteKey)}</span> : null}
          </TouchButton>
        ))}
      </div>
    </section>
  );
}
