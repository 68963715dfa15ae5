/**
 * A photo studio's 数码照片回执 instead of a photo taken here: the citizen
 * holds the receipt's code under the scanner (the host reads it and answers
 * with `photo.studioScanned`) or types it (`photo.studioFetch`). The host
 * validates the code, fetches the photo and checks it; this screen shows
 * what came back, and the citizen accepts a passing photo with
 * `photo.choose`, as a kiosk photo. Nothing here decides whether it passes.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, PhotoSpecId, StudioPhoto, StudioPhotoOutcome, StudioPhotoRefusal } from '../../../electron/contract';
import { useIdleHold } from '../../app/idle/IdleContext';
import { Waiting } from '../../flows/Waiting';
import { LatinKeyboard } from '../../ui/keyboards';
import { TouchButton } from '../../ui/TouchButton';
import { PhotoRules } from './PhotoRules';
import '../capture-step.css';
import './PhotoStep.css';

/** Props of {@link StudioReceipt}. */
export interface StudioReceiptProps {
  api: KioskApi;
  sessionId: string;
  spec: PhotoSpecId;
  /** An answer to a scan that arrived before this screen opened. */
  initial?: StudioPhotoOutcome;
  /** The citizen accepted the studio photo and the host took it. */
  onDone: () => void;
  /** Back to the camera. */
  onCamera: () => void;
}

type State =
  | { kind: 'enter'; refused: StudioPhotoRefusal | null; errorKey: string | null }
  | { kind: 'fetching' }
  | { kind: 'fetched'; photo: StudioPhoto; errorKey: string | null }
  | { kind: 'choosing' };

const stateOf = (outcome: StudioPhotoOutcome): State =>
  outcome.result === 'fetched' ? { kind: 'fetched', photo: outcome.photo, errorKey: null } : { kind: 'enter', refused: outcome.reason, errorKey: null };

/** `data-testid="studio-receipt"` with `data-state`. */
export function StudioReceipt({ api, sessionId, spec, initial, onDone, onCamera }: StudioReceiptProps): ReactElement {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(initial ? stateOf(initial) : { kind: 'enter', refused: null, errorKey: null });
  useIdleHold(state.kind === 'fetching' || state.kind === 'choosing');

  // A code held under the scanner: the host fetched and checked it already.
  useEffect(
    () =>
      api.on('photo.studioScanned', (payload) => {
        if (payload.sessionId === sessionId) setState((now) => (now.kind === 'choosing' ? now : stateOf(payload.outcome)));
      }),
    [api, sessionId],
  );

  const fetchTyped = useCallback(
    async (code: string) => {
      setState({ kind: 'fetching' });
      const reply = await api.call('photo.studioFetch', { sessionId, code });
      setState(reply.ok ? stateOf(reply.value) : { kind: 'enter', refused: null, errorKey: reply.error.messageKey });
    },
    [api, sessionId],
  );

  const accept = async (photo: StudioPhoto): Promise<void> => {
    setState({ kind: 'choosing' });
    const reply = await api.call('photo.choose', { sessionId, spec, candidateId: photo.candidateId });
    if (reply.ok) onDone();
    else setState({ kind: 'fetched', photo, errorKey: reply.error.messageKey });
  };

  const alert = state.kind === 'enter' ? (state.refused ? `photo.studio.refused.${state.refused}` : state.errorKey) : state.kind === 'fetched' ? state.errorKey : null;
  return (
    <section className="capture-step" data-testid="studio-receipt" data-state={state.kind} data-spec={spec}>
      <h2 className="capture-step__title">{t('photo.studio.title')}</h2>
      {alert ? (
        <p role="alert" className="capture-step__text" data-testid="studio-receipt-alert" data-reason={state.kind === 'enter' ? (state.refused ?? undefined) : undefined}>
          {t(alert)}
        </p>
      ) : null}
      {state.kind === 'enter' ? (
        <>
          <p className="capture-step__text">{t('photo.studio.lead')}</p>
          <LatinKeyboard onConfirm={(code) => void fetchTyped(code)} label={t('photo.studio.codeLabel')} digits initialCaps maxLength={24} />
        </>
      ) : null}
      {state.kind === 'fetching' || state.kind === 'choosing' ? <Waiting text={t(state.kind === 'fetching' ? 'photo.studio.fetching' : 'photo.checking')} /> : null}
      {state.kind === 'fetched' ? (
        <>
          <div className="photo-result" data-testid="studio-receipt-photo" data-passed={state.photo.passed}>
            <img className="photo-result__image" src={`data:image/jpeg;base64,${state.photo.jpeg}`} alt="" />
            <div>
              <p className="capture-step__text">{state.photo.passed ? t('photo.studio.found') : t('photo.failed')}</p>
              <PhotoRules rules={state.photo.rules} />
            </div>
          </div>
          <div className="capture-step__actions">
            {state.photo.passed ? (
              <TouchButton data-testid="studio-receipt-use" onPress={() => accept(state.photo)}>
                {t('photo.choose')}
              </TouchButton>
            ) : null}
            <TouchButton variant="secondary" data-testid="studio-receipt-another" onPress={() => setState({ kind: 'enter', refused: null, errorKey: null })}>
              {t('photo.studio.tryAnother')}
            </TouchButton>
          </div>
        </>
      ) : null}
      {state.kind !== 'choosing' ? (
        <div className="capture-step__actions">
          <TouchButton variant="secondary" data-testid="studio-receipt-camera" onPress={onCamera}>
            {t('photo.studio.useCamera')}
          </TouchButton>
        </div>
      ) : null}
    </section>
  );
}
