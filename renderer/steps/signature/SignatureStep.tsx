/**
 * 签名: the citizen signs what the service names (its 申请表, 告知承诺书…)
 * on a large pad, may clear it and sign again, and confirms. The strokes go
 * to the host as vector data (SIGN); the host measures them and passes the
 * step, or keeps it with a message (shown by the runner) when they are a
 * dot or a scribble, and then the pad is cleared for a fresh signature.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureStrokes } from '../../../electron/contract';
import type { Result } from '../../../domain/result';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import type { PadProblem } from './pad-strokes';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import './SignatureStep.css';

const EMPTY: Result<SignatureStrokes, PadProblem> = { ok: false, error: 'empty' };

/** `data-testid="signature-step"` with `signature-document`, `signature-pad`, `signature-clear` and `signature-confirm`. */
export function SignatureStep({ view, data, send, accepts, elderMode }: StepProps<'signature'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, 'voice.flow.signature', true);
  const pad = useRef<SignaturePadHandle>(null);
  const [strokes, setStrokes] = useState(EMPTY);

  // The host refused the last signature: start again on a clean pad.
  useEffect(() => {
    if (data.problem) pad.current?.clear();
  }, [data.problem, view.seq]);

  const signature = strokes.ok ? strokes.value : null;
  return (
    <section className="step flow-step signature-step" data-testid="signature-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(data.titleKey)}
      </h1>
      <p className="flow-step__lead" data-testid="signature-document">
        {t('flow.signature.document', { document: t(data.documentKey) })}
      </p>
      <SignaturePad ref={pad} elder={elderMode} label={t('flow.signature.pad')} onChange={setStrokes} />
      {!strokes.ok && strokes.error === 'tooLong' ? (
        <p className="flow-step__problem" role="alert" data-testid="signature-too-long">
          {t('flow.signature.tooLong')}
        </p>
      ) : null}
      <div className="signature-step__actions">
        <TouchButton variant="secondary" data-testid="signature-clear" onPress={() => pad.current?.clear()}>
          {t('flow.signature.clear')}
        </TouchButton>
        <TouchButton
          data-testid="signature-confirm"
          disabled={signature === null || !accepts('SIGN')}
          onPress={() => (signature ? send({ type: 'SIGN', signature }) : undefined)}
        >
          {t('flow.signature.confirm')}
        </TouchButton>
      </div>
    </section>
  );
}
