/**
 * The flow's standard photo: first the biometric consent (the photo module
 * refuses photos without it), then the photo screen (PhotoStep) for the
 * spec the host's step asks for. The citizen takes photos and chooses one
 * the host accepted; the host passes the step itself on that choice, so
 * this screen only asks for the new view. Nothing here can pass the step:
 * without a camera it says so and sends the citizen to a counter.
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSelector } from '../../../electron/contract';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { ConsentStep } from '../face/ConsentStep';
import { PhotoStep } from './PhotoStep';

type Phase = { kind: 'consent' } | { kind: 'camera' } | { kind: 'take'; camera: CameraSelector | null } | { kind: 'chosen' } | { kind: 'unavailable' };

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
          <PhotoStep api={api} sessionId={sessionId} spec={data.spec} camera={phase.camera} onDone={chosen} />
        </>
      ) : null}
      {phase.kind === 'chosen' ? <Waiting text={t('flow.photo.chosen')} /> : null}
      {phase.kind === 'unavailable' ? (
        <div className="flow-step__problem" data-testid="photo-unavailable" role="alert">
          <h2 className="step__title">{t('flow.photo.unavailableTitle')}</h2>
          <p>{t('flow.photo.unavailable')}</p>
        </div>
      ) : null}
    </section>
  );
}
