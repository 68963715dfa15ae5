/** 申请用途: four big choices (入职, 出国, 落户, 其他); one touch sends the choice to the host. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';

/** `data-testid="purpose-step"` with one `purpose-<value>` button per option. */
export function PurposeStep({ data, send, accepts }: StepProps<'choosePurpose'>): ReactElement {
  const { t } = useTranslation();
  useSpeakOnShow('voice.flow.purpose');
  const enabled = accepts('PURPOSE');
  return (
    <section className="step flow-step" data-testid="purpose-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t('flow.purpose.title')}
      </h1>
      <p className="flow-step__lead">{t('flow.purpose.lead')}</p>
      <div className="flow-choices" role="group" aria-labelledby="step-title">
        {data.options.map((purpose) => (
          <TouchButton
            key={purpose}
            variant={data.selected === purpose ? 'primary' : 'secondary'}
            className="flow-choice"
            aria-pressed={data.selected === purpose}
            disabled={!enabled}
            data-testid={`purpose-${purpose}`}
            onPress={() => send({ type: 'PURPOSE', purpose })}
          >
            <span className="flow-choice__name">{t(`flow.purpose.options.${purpose}`)}</span>
            <span className="flow-choice__hint">{t(`flow.purpose.hints.${purpose}`)}</span>
          </TouchButton>
        ))}
      </div>
    </section>
  );
}
