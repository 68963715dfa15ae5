/**
 * 身份核验, first step: the card the host read (name and number on the
 * citizen's own screen) to confirm, or an invitation to place the card, with
 * 没有带身份证？输入身份证号码 as the alternative. Once a usable card was read
 * there is nothing to type; a card that cannot be used (expired, invalid
 * number) offers 改为输入身份证号码. Problems arrive from the host as the
 * view's message.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import { IdentityPanel } from './IdentityPanel';
import { TypeIdNumber } from './TypeIdNumber';

/** `data-testid="identify-step"` with `identify-confirm`, `identify-type` and the keypad. */
export function IdentifyStep({
  view,
  data,
  api,
  sessionId,
  elderMode,
  send,
  accepts,
  onError,
}: StepProps<'identify'>): ReactElement {
  const { t } = useTranslation();
  const [typing, setTyping] = useState(false);
  const usable = data.identity !== null && data.problem === null;
  useStepVoice(
    view,
    typing ? 'voice.flow.identifyTyping' : usable ? 'voice.flow.identifyConfirm' : 'voice.flow.identify',
    !typing && !usable,
  );

  const typed = async (): Promise<void> => {
    setTyping(false);
    await send({ type: 'CONFIRM' });
  };

  if (typing) {
    return (
      <section className="step flow-step" data-testid="identify-step" data-mode="typing" aria-labelledby="step-title">
        <h1 id="step-title" className="step__title">
          {t('flow.identify.typeTitle')}
        </h1>
        <TypeIdNumber api={api} sessionId={sessionId} elderMode={elderMode} onTyped={typed} onError={onError} />
        <TouchButton variant="secondary" data-testid="identify-use-card" onPress={() => setTyping(false)}>
          {t('flow.identify.useCard')}
        </TouchButton>
      </section>
    );
  }

  return (
    <section
      className="step flow-step"
      data-testid="identify-step"
      data-mode={usable ? 'confirm' : 'card'}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {usable ? t('flow.identify.confirmTitle') : t('flow.identify.title')}
      </h1>
      {data.identity ? (
        <IdentityPanel identity={data.identity} />
      ) : (
        <p className="flow-step__lead">{t('flow.identify.placeCard')}</p>
      )}
      <div className="flow-actions">
        {usable && accepts('CONFIRM') ? (
          <TouchButton data-testid="identify-confirm" onPress={() => send({ type: 'CONFIRM' })}>
            {t('flow.identify.confirm')}
          </TouchButton>
        ) : null}
        {usable ? null : (
          <TouchButton variant="primary" data-testid="identify-type" onPress={() => setTyping(true)}>
            {data.identity ? t('flow.identify.typeInstead') : t('flow.identify.noCard')}
          </TouchButton>
        )}
      </div>
    </section>
  );
}
