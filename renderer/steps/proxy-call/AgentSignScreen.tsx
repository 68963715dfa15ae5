/**
 * The agent signs at the kiosk (the principal signs on the phone): the
 * signature step's pad, clear and confirm. The strokes go to the host as
 * SIGN; it measures them and keeps them on the kiosk (the hall gets their
 * digest). A refused signature is said, and the pad starts clean.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowEvent, SignatureStrokes } from '../../../electron/contract';
import type { ProxyCallStepData } from '../../../electron/contract/proxy';
import type { Result } from '../../../domain/result';
import { TouchButton } from '../../ui/TouchButton';
import type { PadProblem } from '../signature/pad-strokes';
import { SignaturePad, type SignaturePadHandle } from '../signature/SignaturePad';
import '../signature/SignatureStep.css';

const EMPTY: Result<SignatureStrokes, PadProblem> = { ok: false, error: 'empty' };

export interface AgentSignScreenProps {
  problem: ProxyCallStepData['signatureProblem'];
  /** The view's seq: a new refusal of the same kind clears the pad again. */
  seq: number;
  elderMode: boolean;
  canSign: boolean;
  send: (event: FlowEvent) => Promise<void>;
}

/** `data-testid="proxy-sign"` with `signature-pad`, `proxy-sign-clear`, `proxy-sign-confirm` and `proxy-sign-problem`. */
export function AgentSignScreen({ problem, seq, elderMode, canSign, send }: AgentSignScreenProps): ReactElement {
  const { t } = useTranslation();
  const pad = useRef<SignaturePadHandle>(null);
  const [strokes, setStrokes] = useState(EMPTY);

  useEffect(() => {
    if (problem) pad.current?.clear();
  }, [problem, seq]);

  const signature = strokes.ok ? strokes.value : null;
  const problemKey =
    problem === 'tooShort'
      ? 'flow.proxyCall.sign.tooShort'
      : problem === 'tooSmall'
        ? 'flow.proxyCall.sign.tooSmall'
        : !strokes.ok && strokes.error === 'tooLong'
          ? 'flow.proxyCall.sign.tooLong'
          : null;
  return (
    <div className="proxy-sign" data-testid="proxy-sign">
      <p className="flow-step__lead">{t('flow.proxyCall.sign.lead')}</p>
      <SignaturePad ref={pad} elder={elderMode} label={t('flow.proxyCall.sign.pad')} onChange={setStrokes} />
      {problemKey ? (
        <p className="flow-step__problem" role="alert" data-testid="proxy-sign-problem">
          {t(problemKey)}
        </p>
      ) : null}
      <div className="signature-step__actions">
        <TouchButton variant="secondary" data-testid="proxy-sign-clear" onPress={() => pad.current?.clear()}>
          {t('flow.proxyCall.sign.clear')}
        </TouchButton>
        <TouchButton
          data-testid="proxy-sign-confirm"
          disabled={signature === null || !canSign}
          onPress={() => (signature ? send({ type: 'SIGN', signature }) : undefined)}
        >
          {t('flow.proxyCall.sign.confirm')}
        </TouchButton>
      </div>
    </div>
  );
}
