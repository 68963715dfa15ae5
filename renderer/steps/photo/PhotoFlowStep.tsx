/**
 * The flow's standard photo: first the biometric consent (the photo module
 * refuses photos without it), then the photo screen (PhotoStep) for the
 * spec the host's step asks for. The citizen takes photos and chooses one
 * the host accepted; the host passes the step itself on that choice, so
 * this screen only asks for the new view. Nothing here can pass the step:
 * without a camera it says so and sends the citizen to a counter.
 * When the step takes studio receipts (`studioReceipt`), the citizen may
 * bring a photo studio's 数码照片回执 instead (StudioReceipt), even without
 * a camera; a receipt scanned while the camera is up opens that screen with
 * the host's answer.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSelector, StudioPhotoOutcome } from '../../../electron/contract';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import { ConsentStep } from '../face/ConsentStep';
import { PhotoStep } from './PhotoStep';
import { StudioReceipt } from './StudioReceipt';

type Phase =
  | { kind: 'consent' }
  | { kind: 'camera' }
  | { kind: 'take'; camera: CameraSelector | null }
  | { kind: 'studio'; camera: CameraSelector | null | undefined; initial?: StudioPhotoOutcome }
  | { kind: 'chosen' }
  | { kind: 'unavailable' };

/** `data-testid="photo-flow-step"` with `data-phase`. */
export function PhotoFlowStep({ view, data, api, sessionId, refresh }: StepProps<'photo'>): ReactElement {
  const { t } = useTranslation();
  // Chosen already (the host is moving on): wait, even on a fresh mount.
  const [phase, setPhase] = useState<Phase>(data.chosen ? { kind: 'chosen' } : { kind: 'consent' });
  useStepVoice(view, phase.kind === 'consent' ? 'voice.flow.photoConsent' : phase.kind === 'take' ? 'voice.flow.photo' : null, phase.kind === 'consent');

  const granted = useCallback(() => {
    setPhase({ kind: 'camera' });
    void api.call('camera.config', {}).then((outcome) => setPhase(outcome.ok ? { kind: 'take', camera: outcome.value.face } : { kind: 'unavailable' }));
  }, [api]);

  const chosen = useCallback(() => {
    setPhase({ kind: 'chosen' });
    void refresh();
  }, [refresh]);

  // A receipt scanned while the camera screen is up: show what the host fetched.
  const receiptsOpen = data.studioReceipt && (phase.kind === 'take' || phase.kind === 'unavailable');
  useEffect(() => {
    if (!receiptsOpen) return undefined;
    const camera = phase.kind === 'take' ? phase.camera : undefined;
    return api.on('photo.studioScanned', (payload) => {
      if (payload.sessionId === sessionId) setPhase({ kind: 'studio', camera, initial: payload.outcome });
    });
  }, [api, sessionId, receiptsOpen, phase]);
  const openStudio = () => setPhase({ kind: 'studio', camera: phase.kind === 'take' ? phase.camera : undefined });
  const studioOffer = receiptsOpen ? (
    <TouchButton variant="secondary" data-testid="photo-studio-offer" onPress={openStudio}>
      {t('photo.studio.offer')}
    </TouchButton>
  ) : null;

  return (
    <section className="step flow-step" data-testid="photo-flow-step" data-phase={phase.kind} data-spec={data.spec}>
      <h1 className="step__title">{t(data.titleKey)}</h1>
      {phase.kind === 'consent' ? <ConsentStep api={api} sessionId={sessionId} onGranted={granted} onRefused={() => undefined} /> : null}
      {phase.kind === 'camera' ? <Waiting text={t('flow.photo.preparing')} /> : null}
      {phase.kind === 'take' ? (
        <>
          <p className="step__lead" data-testid="photo-flow-lead">
            {t('flow.photo.lead', { count: data.maxTakes })}
          </p>
          {studioOffer}
          <PhotoStep api={api} sessionId={sessionId} spec={data.spec} camera={phase.camera} onDone={chosen} />
        </>
      ) : null}
      {phase.kind === 'studio' ? (
        <StudioReceipt
          api={api}
          sessionId={sessionId}
          spec={data.spec}
          {...(phase.initial ? { initial: phase.initial } : {})}
          onDone={chosen}
          // Without a camera (undefined: never asked, or none) the camera screen says so.
          onCamera={() => setPhase(phase.camera === undefined ? { kind: 'unavailable' } : { kind: 'take', camera: phase.camera })}
        />
      ) : null}
      {phase.kind === 'chosen' ? <Waiting text={t('flow.photo.chosen')} /> : null}
      {phase.kind === 'unavailable' ? (
        <div className="flow-step__problem" data-testid="photo-unavailable" role="alert">
          <h2 className="step__title">{t('flow.photo.unavailableTitle')}</h2>
          <p>{t('flow.photo.unavailable')}</p>
          {studioOffer}
        </div>
      ) : null}
    </section>
  );
}
