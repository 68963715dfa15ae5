/**
 * The flow's face check, drawn with engineer I's steps: first the separate
 * biometric consent (their ConsentStep), then the live check (their
 * FaceCheckStep). The host decides the result and moves the flow itself;
 * this step only asks for the new view once the check said it matched.
 * Nothing here can pass the check: without a camera it says so and sends
 * the citizen to a counter.
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSelector } from '../../../electron/contract';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { ConsentStep } from '../face/ConsentStep';
import { FaceCheckStep, type FaceCheckOutcome } from '../face/FaceCheckStep';
import { FaceUnavailable } from './FaceUnavailable';

type Phase =
  | { kind: 'consent' }
  | { kind: 'refused' }
  | { kind: 'camera' }
  | { kind: 'check'; camera: CameraSelector | null }
  | { kind: 'verified' }
  | { kind: 'unavailable' };

/** `data-testid="face-step"` with `data-phase`. */
export function FaceCheckFlowStep({ view, data, api, sessionId, refresh }: StepProps<'faceCheck'>): ReactElement {
  const { t } = useTranslation();
  // Passed already (the host may still be checking something before it moves on): wait, even on a fresh mount.
  const [phase, setPhase] = useState<Phase>(data.lastOutcome === 'passed' ? { kind: 'verified' } : { kind: 'consent' });
  useStepVoice(
    view,
    phase.kind === 'consent' ? 'voice.flow.faceConsent' : phase.kind === 'check' ? 'voice.flow.faceCheck' : null,
    phase.kind === 'consent',
  );

  const granted = useCallback(() => {
    setPhase({ kind: 'camera' });
    void api
      .call('camera.config', {})
      .then((outcome) =>
        setPhase(outcome.ok ? { kind: 'check', camera: outcome.value.face } : { kind: 'unavailable' }),
      );
  }, [api]);

  const done = useCallback(
    (outcome: FaceCheckOutcome) => {
      if (outcome !== 'verified') return;
      setPhase({ kind: 'verified' });
      void refresh();
    },
    [refresh],
  );

  return (
    <section className="step flow-step" data-testid="face-step" data-phase={phase.kind}>
      {phase.kind === 'consent' || phase.kind === 'refused' ? (
        <ConsentStep
          api={api}
          sessionId={sessionId}
          onGranted={granted}
          onRefused={() => setPhase({ kind: 'refused' })}
        />
      ) : null}
      {phase.kind === 'camera' ? <Waiting text={t('flow.face.preparing')} /> : null}
      {phase.kind === 'check' ? (
        <FaceCheckStep api={api} sessionId={sessionId} camera={phase.camera} onDone={done} />
      ) : null}
      {phase.kind === 'verified' ? <Waiting text={t('flow.face.verified')} /> : null}
      {phase.kind === 'unavailable' ? <FaceUnavailable /> : null}
    </section>
  );
}
