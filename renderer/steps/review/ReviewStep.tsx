/** 核对信息: what the service will use or print, line by line in its words, to confirm before it goes on. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import { DetailList } from '../details/DetailList';
import { NoteList } from '../details/NoteList';

/** `data-testid="review-step"` with `review-details` and `review-confirm`. */
export function ReviewStep({ view, data, send, accepts }: StepProps<'review'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, 'voice.flow.review', true);
  return (
    <section className="step flow-step" data-testid="review-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(data.titleKey)}
      </h1>
      <p className="flow-step__lead">{t('flow.review.lead')}</p>
      <DetailList rows={data.rows} testId="review-details" />
      <NoteList keys={data.noteKeys} />
      <div className="flow-actions">
        {accepts('CONFIRM') ? (
          <TouchButton data-testid="review-confirm" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.review.confirm')}
          </TouchButton>
        ) : null}
      </div>
    </section>
  );
}
