/**
 * A document page from the document camera: preview with a page frame,
 * capture, review, retake or submit. The host holds the image for this
 * session only (`document.submit`).
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSelector, KioskApi } from '../../../electron/contract';
import { CameraView } from '../../camera/CameraView';
import { fitJpeg, grabFrame } from '../../camera/frame';
import { useCamera } from '../../camera/use-camera';
import { TouchButton } from '../../ui/TouchButton';
import '../capture-step.css';
import './DocumentStep.css';

const MAX_DOCUMENT_CHARS = 195_000;
const CAPTURE_SIZE = { width: 1280, height: 960 };

/** Props of {@link DocumentStep}. */
export interface DocumentStepProps {
  api: KioskApi;
  sessionId: string;
  camera: CameraSelector | null;
  onDone: (documentId: string) => void;
}

/** `data-testid="document-step"`. */
export function DocumentStep({ api, sessionId, camera, onDone }: DocumentStepProps): ReactElement {
  const { t } = useTranslation();
  const { state, videoRef, retry } = useCamera(camera, CAPTURE_SIZE, { api, role: 'document' });
  const [captured, setCaptured] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'submitting' | 'submitted'>('idle');
  const [message, setMessage] = useState<string | null>(null);

  const capture = (): void => {
    const video = videoRef.current;
    const frame = video ? grabFrame(video) : null;
    if (!frame) return;
    let canvas = frame.canvas;
    if (canvas.width > CAPTURE_SIZE.width) {
      const scaled = document.createElement('canvas');
      scaled.width = CAPTURE_SIZE.width;
      scaled.height = Math.round((canvas.height * CAPTURE_SIZE.width) / canvas.width);
      scaled.getContext('2d')?.drawImage(canvas, 0, 0, scaled.width, scaled.height);
      canvas = scaled;
    }
    setMessage(null);
    setCaptured(fitJpeg(canvas, MAX_DOCUMENT_CHARS));
  };

  const submit = async (): Promise<void> => {
    if (!captured) return;
    setStatus('submitting');
    const outcome = await api.call('document.submit', { sessionId, jpeg: captured });
    if (!outcome.ok) {
      setStatus('idle');
      setMessage(outcome.error.messageKey);
      return;
    }
    setStatus('submitted');
    onDone(outcome.value.documentId);
  };

  return (
    <section className="capture-step" data-testid="document-step" data-status={status}>
      <h2 className="capture-step__title">{t('camera.document.title')}</h2>
      <p className="capture-step__text">{captured ? t('camera.document.review') : t('camera.document.hint')}</p>
      <div hidden={captured !== null}>
        <CameraView state={state} videoRef={videoRef} guide="page" onRetry={retry} />
      </div>
      {captured ? <img className="document-preview" data-testid="document-preview" src={`data:image/jpeg;base64,${captured}`} alt={t('camera.document.title')} /> : null}
      <p className="capture-step__guidance" aria-live="polite" data-testid="document-status">
        {status === 'submitted' ? t('camera.document.submitted') : status === 'submitting' ? t('camera.document.submitting') : message ? t(message) : ''}
      </p>
      {status !== 'submitted' ? (
        <div className="capture-step__actions">
          {captured ? (
            <>
              <TouchButton data-testid="document-submit" disabled={status === 'submitting'} onPress={submit}>
                {t('camera.document.submit')}
              </TouchButton>
              <TouchButton variant="secondary" data-testid="document-retake" onPress={() => setCaptured(null)}>
                {t('camera.document.retake')}
              </TouchButton>
            </>
          ) : (
            <TouchButton data-testid="document-capture" disabled={state.kind !== 'live'} onPress={capture}>
              {t('camera.document.capture')}
            </TouchButton>
          )}
        </div>
      ) : null}
    </section>
  );
}
