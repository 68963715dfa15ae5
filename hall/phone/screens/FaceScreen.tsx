/**
 * The principal's face check on their own phone: the kiosk renderer's
 * camera pieces (preview, face loop, quality gates, frame answers), with
 * the hall as the trusted side instead of the kiosk host. The hall asks for
 * frames at moments it chooses and judges them; the page only answers and
 * guides. Until it matches, the page learns nothing about the principal.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedFaceChallenge } from '../../../electron/contract/domain';
import type { PhoneFaceVerdict } from '../../contract/proxy-api';
import { answerFrameRequests } from '../../../renderer/camera/frame-answers';
import { fitJpeg, grabFrame } from '../../../renderer/camera/frame';
import type { FrameObservation } from '../../../renderer/camera/observation';
import { mainFace, qualityIssues, type QualityIssue } from '../../../renderer/camera/quality';
import { useCamera } from '../../../renderer/camera/use-camera';
import { useFaceLoop } from '../../../renderer/camera/use-face-loop';
import type { PhoneApi } from '../api/phone-api';

/** Consecutive good frames before the challenge starts (as at the kiosk). */
const GOOD_FRAMES_TO_START = 4;
/** The contract's largest frame is 110 000 characters. */
const MAX_PROBE_CHARS = 100_000;

export interface FaceScreenProps {
  api: Pick<PhoneApi, 'challenge' | 'frame' | 'verify'>;
  onVerified: () => void;
  /** No tries left: the hall ended the case. */
  onFailed: () => void;
}

type Phase =
  | { kind: 'positioning' }
  | { kind: 'challenge'; challenge: IssuedFaceChallenge; actionsSeen: number }
  | { kind: 'verifying' }
  | { kind: 'notMatched'; verdict: Extract<PhoneFaceVerdict, { outcome: 'notMatched' }> }
  | { kind: 'error' };

/** `data-testid="face-screen"`, `data-phase`. */
export function FaceScreen({ api, onVerified, onFailed }: FaceScreenProps): ReactElement {
  const { t } = useTranslation();
  const { state, videoRef, retry } = useCamera(null, { width: 640, height: 480 });
  const [phase, setPhase] = useState<Phase>({ kind: 'positioning' });
  const [issues, setIssues] = useState<QualityIssue[]>(['noFace']);
  const phaseRef = useRef<Phase>(phase);
  const goodRun = useRef(0);
  const runId = useRef(0);
  const go = useCallback((next: Phase) => {
    phaseRef.current = next;
    setPhase(next);
  }, []);
  useEffect(
    () => () => {
      runId.current++;
    },
    [],
  );

  const verify = useCallback(
    async (challengeId: string) => {
      go({ kind: 'verifying' });
      const verdict = await api.verify(challengeId);
      if (!verdict.ok) return go({ kind: 'error' });
      if (verdict.value.outcome === 'match') return onVerified();
      if (verdict.value.attemptsLeft === 0) return onFailed();
      go({ kind: 'notMatched', verdict: verdict.value });
    },
    [api, go, onVerified, onFailed],
  );

  const startChallenge = useCallback(async () => {
    const issued = await api.challenge();
    if (!issued.ok) return issued.error === 'tooManyAttempts' || issued.error === 'caseEnded' ? onFailed() : go({ kind: 'error' });
    const challenge = issued.value;
    go({ kind: 'challenge', challenge, actionsSeen: 0 });
    const run = ++runId.current;
    const canvas = document.createElement('canvas');
    const end = await answerFrameRequests(challenge.frameRequest, {
      send: async (nonce, jpeg) => {
        const answer = await api.frame({ challengeId: challenge.challengeId, nonce, jpeg });
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
        if (current.kind === 'challenge') go({ ...current, actionsSeen });
      },
    });
    if (end.kind === 'stopped') return;
    void verify(challenge.challengeId);
  }, [api, go, onFailed, verify, videoRef]);

  const onFrame = useCallback(
    (observation: FrameObservation) => {
      const current = phaseRef.current;
      const found = qualityIssues(observation);
      if (current.kind === 'positioning') {
        setIssues(found);
        if (found.length === 0 && mainFace(observation)) {
          goodRun.current++;
          if (goodRun.current === GOOD_FRAMES_TO_START) void startChallenge();
        } else goodRun.current = 0;
      } else if (current.kind === 'challenge') setIssues(found.filter((issue) => issue === 'noFace' || issue === 'manyFaces'));
    },
    [startChallenge],
  );

  const running = state.kind === 'live' && (phase.kind === 'positioning' || phase.kind === 'challenge');
  const { detector } = useFaceLoop(videoRef, running, onFrame);

  const again = (): void => {
    goodRun.current = 0;
    runId.current++;
    setIssues(['noFace']);
    go({ kind: 'positioning' });
  };

  const good = phase.kind === 'challenge' || (phase.kind === 'positioning' && issues.length === 0);
  return (
    <section className="screen" data-testid="face-screen" data-phase={phase.kind}>
      <h1 className="screen__title">{t('face.title')}</h1>
      <div className="face__view" data-camera-state={state.kind}>
        <video ref={videoRef} className="face__video" muted playsInline aria-hidden="true" />
        <div className={`face__oval${good ? ' face__oval--good' : ''}`} aria-hidden="true" />
      </div>
      {state.kind === 'problem' ? (
        <div role="alert" data-testid="camera-problem" data-problem={state.problem}>
          <p className="screen__lead screen__lead--problem">{t(`camera.problem.${state.problem}`)}</p>
          <button type="button" className="button" onClick={retry}>
            {t('camera.retry')}
          </button>
        </div>
      ) : (
        <p className={`screen__lead face__guidance${good ? ' face__guidance--good' : ''}`} data-testid="face-guidance" aria-live="assertive">
          {guidance()}
        </p>
      )}
      {phase.kind === 'notMatched' || phase.kind === 'error' ? (
        <div data-testid="face-result">
          {phase.kind === 'notMatched' ? <p className="screen__note">{t('face.attemptsLeft', { count: phase.verdict.attemptsLeft })}</p> : null}
          <button type="button" className="button" data-testid="face-retry" onClick={again}>
            {t('face.retry')}
          </button>
        </div>
      ) : null}
    </section>
  );

  function guidance(): string {
    if (state.kind === 'starting') return t('camera.starting');
    if (detector.kind === 'failed') return t('face.modelsFailed');
    if (detector.kind === 'loading') return t('face.loadingModels');
    switch (phase.kind) {
      case 'positioning':
        return issues.length === 0 ? t('face.good') : t(`face.guidance.${issues[0]!}`);
      case 'challenge': {
        const actions = phase.challenge.actions;
        const action = actions[Math.min(phase.actionsSeen, actions.length - 1)]!;
        return issues[0] ? `${t(`face.challenge.${action}`)} — ${t(`face.guidance.${issues[0]}`)}` : t(`face.challenge.${action}`);
      }
      case 'verifying':
        return t('face.verifying');
      case 'notMatched':
        return phase.verdict.reasonKey && isGuidance(phase.verdict.reasonKey) ? `${t('face.notMatched')} ${t(`face.guidance.${phase.verdict.reasonKey}`)}` : t('face.notMatched');
      case 'error':
        return t('face.failed');
      default: {
        const never: never = phase;
        return never;
      }
    }
  }
}

const GUIDANCE: ReadonlySet<string> = new Set<QualityIssue>(['noFace', 'manyFaces', 'closer', 'farther', 'centre', 'lookStraight', 'openEyes', 'holdStill', 'tooDark', 'tooBright']);
/** The hall's reason is worded only when it is one the principal can act on and the page has words for. */
function isGuidance(key: string): key is QualityIssue {
  return GUIDANCE.has(key);
}
