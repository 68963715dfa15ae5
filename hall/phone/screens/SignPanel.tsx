/**
 * The principal's signature, after the consent segment is recorded: the
 * kiosk's own pad (vector strokes, never an image), clear, confirm.
 */
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureStrokes } from '../../../electron/contract/proxy';
import type { Result } from '../../../domain/result';
import type { PadProblem } from '../../../renderer/steps/signature/pad-strokes';
import { SignaturePad, type SignaturePadHandle } from '../../../renderer/steps/signature/SignaturePad';

export interface SignPanelProps {
  /** Sends it; false when it did not go through. */
  onSign: (signature: SignatureStrokes) => Promise<boolean>;
  /** Tests give strokes directly (a test DOM has no canvas to draw on). */
  initial?: Result<SignatureStrokes, PadProblem>;
}

/** `data-testid="sign-panel"` with `signature-pad`, `sign-clear`, `sign-confirm`. */
export function SignPanel({ onSign, initial }: SignPanelProps): ReactElement {
  const { t } = useTranslation();
  const pad = useRef<SignaturePadHandle>(null);
  const [strokes, setStrokes] = useState<Result<SignatureStrokes, PadProblem>>(initial ?? { ok: false, error: 'empty' });
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const confirm = async (): Promise<void> => {
    if (!strokes.ok || busy) return;
    setBusy(true);
    setFailed(false);
    const sent = await onSign(strokes.value);
    setBusy(false);
    if (!sent) setFailed(true);
  };
  return (
    <section className="sign" data-testid="sign-panel">
      <h2 className="sign__title">{t('sign.title')}</h2>
      <SignaturePad ref={pad} elder label={t('sign.pad')} onChange={setStrokes} />
      {!strokes.ok && strokes.error === 'tooLong' ? <p role="alert">{t('sign.tooLong')}</p> : null}
      {failed ? (
        <p role="alert" data-testid="sign-failed">
          {t('sign.failed')}
        </p>
      ) : null}
      <div className="sign__actions">
        <button type="button" className="button button--quiet" data-testid="sign-clear" onClick={() => pad.current?.clear()}>
          {t('sign.clear')}
        </button>
        <button type="button" className="button" data-testid="sign-confirm" disabled={!strokes.ok || busy} onClick={() => void confirm()}>
          {t('sign.confirm')}
        </button>
      </div>
    </section>
  );
}
