/**
 * The face check: live preview with the oval, quality guidance until the face
 * is well placed, then the host's liveness challenge (blink / turn, in the
 * host's random order). During it the host asks for camera frames at moments
 * it chooses and measures them itself; this step only answers, shows which
 * action the host still waits for, and asks for the verdict when the host
 * wants no more frames. The renderer's own face measures only guide the
 * citizen on screen. Failures can be retried until the host offers staff help.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSelector, FaceVerifyResult, IssuedFaceChallenge, KioskApi } from '../../../electron/contract';
import { CameraView } from '../../camera/CameraView';
import { answerFrameRequests } from '../../camera/frame-answers';
import { fitJpeg, grabFrame } from '../../camera/frame';
import type { FrameObservation } from '../../camera/observation';
import { mainFace, qualityIssues, type QualityIssue } from '../../camera/quality';
import { useCamera } from '../../camera/use-camera';
import { useFaceLoop } from '../../camera/use-face-loop';
import { useFacePresence } from '../../camera/use-face-presence';
import { useIdleHold } from '../../app/idle/IdleContext';
import { TouchButton } from '../../ui/TouchButton';
import '../capture-step.css';

/** Consecutive good frames before the challenge starts. */
export const GOOD_FRAMES_TO_START = 4;
/** Largest frame sent to the host (base64 characters). */
const MAX_PROBE_CHARS = 100_000;

/** How the face check ended. */
export type FaceCheckOutcome = 'verified' | 'helpRequested';

/** Props of {@link FaceCheckStep}. */
export interface FaceCheckStepProps {
  api: KioskApi;
  sessionId: string;
  /** The face camera from `camera.config` (null = any camera). */
  camera: CameraSelector | null;
  onDone: (outcome: FaceCheckOutcome) => void;
}

type Phase =
  | { kind: 'positioning' }
  | { kind: 'challenge'; challenge: IssuedFaceChallenge; actionsSeen: number; startedAt: number }
  | { kind: 'verifying' }
  | { kind: 'result'; result: FaceVerifyResult; timedOut: boolean }
  | { kind: 'helpRequested' }
  | { kind: 'error'; messageKey: string };

/** `data-testid="face-check"`; `data-phase` tells tests where it is. */
export function FaceCheckStep({ api, sessionId, camera, onDone }: FaceCheckStepProps): ReactElement {
  const { t } = useTranslation();
  const { state, videoRef, retry } = useCamera(camera, undefined, { api, role: 'face' });
  const [phase, setPhase] = useState<Phase>({ kind: 'positioning' });
  const [issues, setIssues] = useState<QualityIssue[]>(['noFace']);
  const goodRun = useRef(0);
  /** Bumped to stop answering the host's frame requests (retry, unmount). */
  const runId = useRef(0);
  const phaseRef = useRef(phase);
  useEffect(() => {
    phaseRef.current = phase;
  }, [phase]);
  // The host is comparing: the citizen waits on the kiosk, so the idle timer waits too.
  useIdleHold(phase.kind === 'verifying');
  const seenFace = useFacePresence();

  useEffect(
    () => () => {
      runId.current++;
    },
    [],
  );

  const verify = useCallback(
    async (challengeId: string, timedOut: boolean) => {
      phaseRef.current = { kind: 'verifying' };
      setPhase({ kind: 'verifying' });
      const outcome = await api.call('face.verify', { sessionId, challengeId });
      if (!outcome.ok) setPhase({ kind: 'error', messageKey: outcome.error.messageKey });
      else setPhase({ kind: 'result', result: outcome.value, timedOut });
    },
    [api, sessionId],
  );

  const startChallenge = useCallback(async () => {
    const outcome = await api.call('face.challenge', { sessionId });
    if (!outcome.ok) {
      setPhase({ kind: 'error', messageKey: outcome.error.messageKey });
      return;
    }
    const challenge = outcome.value;
    const next: Phase = { kind: 'challenge', challenge, actionsSeen: 0, startedAt: Date.now() };
    phaseRef.current = next;
    setPhase(next);
    const run = ++runId.current;
    const canvas = document.createElement('canvas');
    const end = await answerFrameRequests(challenge.frameRequest, {
      send: async (nonce, jpeg) => {
        const answer = await api.call('face.frame', { sessionId, challengeId: challenge.challengeId, nonce, jpeg });
        return answer.ok ? answer.value : null;
      },
      grab: () => {
        const video = videoRef.current;
        const frame = video ? grabFrame(video, canvas) : null;
        return frame ? fitJpeg(frame.canvas, MAX_PROBE_CHARS) : null;
      },
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      stopped: () => runId.current !== run,
      onProgress: (actionsSeen) => {
        const current = phaseRef.current;
        if (current.kind !== 'challenge') return;
        const progressed: Phase = { ...current, actionsSeen };
        phaseRef.current = progressed;
        setPhase(progressed);
      },
    });
    if (end.kind === 'stopped') return;
    void verify(challenge.challengeId, end.actionsSeen < challenge.actions.length);
  }, [api, sessionId, videoRef, verify]);

  const onFrame = useCallback(
    (observation: FrameObservation) => {
      seenFace(observation);
      const current = phaseRef.current;
      const found = qualityIssues(observation);
      const face = mainFace(observation);
      if (current.kind === 'positioning') {
        setIssues(found);
        if (found.length === 0 && face) {
          goodRun.current++;
          if (goodRun.current === GOOD_FRAMES_TO_START) void startChallenge();
        } else goodRun.current = 0;
        return;
      }
      // During the challenge the renderer's own look only guides the citizen on screen.
      if (current.kind === 'challenge') setIssues(found.filter((issue) => issue === 'noFace' || issue === 'manyFaces'));
    },
    [startChallenge, seenFace],
  );

  const running = state.kind === 'live' && (phase.kind === 'positioning' || phase.kind === 'challenge');
  const { detector, latest } = useFaceLoop(videoRef, running, onFrame);
  const seen = latest ? mainFace(latest) : undefined;
  /** Measures of the main face, for installers and tests (no image, no identity). */
  const measures = seen && latest ? [seen.yaw, seen.pitch, seen.roll, seen.eyeOpenness * 100, seen.sharpness, seen.brightness, ((seen.right - seen.left) / latest.width) * 100, latest.detectMs].map((n) => Math.round(n)).join(' ') : '';

  useEffect(() => {
    if (phase.kind === 'result' && phase.result.outcome === 'match') onDone('verified');
  }, [phase, onDone]);

  const again = (): void => {
    goodRun.current = 0;
    runId.current++;
    setIssues(['noFace']);
    setPhase({ kind: 'positioning' });
  };

  const callHelp = async (): Promise<void> => {
    await api.call('help.request', { sessionId, reason: 'faceCheckFailed', step: 'face-check' });
    setPhase({ kind: 'helpRequested' });
    onDone('helpRequested');
  };

  const good = phase.kind === 'positioning' ? issues.length === 0 : phase.kind === 'challenge';
  return (
    <section className="capture-step" data-testid="face-check" data-phase={phase.kind} data-detector={detector.kind} data-measures={measures}>
      <h2 className="capture-step__title">{t('face.check.title')}</h2>
      <CameraView state={state} videoRef={videoRef} guide="face" good={good} onRetry={retry} />
      <p className={`capture-step__guidance capture-step__guidance--${good ? 'good' : 'bad'}`} data-testid="face-guidance" aria-live="assertive">
        {guidanceText()}
      </p>
      {phase.kind === 'result' ? resultView(phase.result, phase.timedOut) : null}
      {phase.kind === 'error' ? (
        <div className="capture-step__actions">
          <TouchButton data-testid="face-retry" onPress={again}>
            {t('face.check.retry')}
          </TouchButton>
        </div>
      ) : null}
    </section>
  );

  function guidanceText(): string {
    if (detector.kind === 'failed') return t('camera.modelsFailed');
    if (state.kind !== 'live') return '';
    if (detector.kind === 'loading') return t('camera.loadingModels');
    switch (phase.kind) {
      case 'positioning':
        return issues.length === 0 ? t('face.check.good') : `${t(`face.guidance.${issues[0]!}`)}`;
      case 'challenge': {
        const actions = phase.challenge.actions;
        const action = actions[Math.min(phase.actionsSeen, actions.length - 1)]!;
        const seconds = Math.max(0, Math.ceil((phase.challenge.timeoutMs - (Date.now() - phase.startedAt)) / 1000));
        const hint = issues[0] ? ` — ${t(`face.guidance.${issues[0]}`)}` : '';
        return `${t(`face.check.challenge.${action}`)} (${t('face.check.remaining', { seconds })})${hint}`;
      }
      case 'verifying':
        return t('face.check.verifying');
      case 'result':
        return phase.result.outcome === 'match' ? t('face.check.match') : phase.result.outcome === 'noMatch' ? t('face.check.noMatch') : t('face.check.refusedTitle');
      case 'helpRequested':
        return t('face.check.helpRequested');
      case 'error':
        return t(phase.messageKey);
      default: {
        const never: never = phase;
        return never;
      }
    }
  }

  function resultView(result: FaceVerifyResult, timedOut: boolean): ReactElement | null {
    if (result.outcome === 'match') return null;
    return (
      <div data-testid="face-result" data-outcome={result.outcome} aria-live="polite">
        {result.outcome === 'refused' ? (
          <p className="capture-step__text" data-testid="face-refused-reason" data-reason={result.reasonKey}>
            {timedOut ? `${t('face.check.timedOut')} ` : ''}
            {t(result.reasonKey)}
          </p>
        ) : null}
        {result.helpOffered ? <p className="capture-step__text">{t('face.check.helpOffered')}</p> : <p className="capture-step__text">{t('face.check.attemptsLeft', { count: result.attemptsLeft })}</p>}
        <div className="capture-step__actions">
          {result.attemptsLeft > 0 ? (
            <TouchButton data-testid="face-retry" onPress={again}>
              {t('face.check.retry')}
            </TouchButton>
          ) : null}
          {result.helpOffered ? (
            <TouchButton variant="help" data-testid="face-help" onPress={callHelp}>
              {t('face.check.help')}
            </TouchButton>
          ) : null}
        </div>
      </div>
    );
  }
}
