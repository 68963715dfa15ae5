/**
 * A standard photo (居民身份证 / 驾驶证 / 出入境): live guidance, take a
 * photo: the camera frame goes to the host with where to cut it (by the
 * face's landmarks); the host makes the photo, checks it, says which rule
 * failed and sends the photo back to be shown. The citizen may retake (up to
 * the host's limit) and chooses one passing photo.
 */
import { useCallback, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSelector, KioskApi, PhotoCheckResult, PhotoSpecId } from '../../../electron/contract';
import { CameraView } from '../../camera/CameraView';
import { fitJpeg } from '../../camera/frame';
import type { FaceSeen, FrameObservation } from '../../camera/observation';
import { mainFace, qualityIssues, type QualityIssue } from '../../camera/quality';
import { useCamera } from '../../camera/use-camera';
import { useFaceLoop } from '../../camera/use-face-loop';
import { useFacePresence } from '../../camera/use-face-presence';
import { useIdleHold } from '../../app/idle/IdleContext';
import { TouchButton } from '../../ui/TouchButton';
import { PhotoRules } from './PhotoRules';
import { CROP_TARGETS, photoCrop } from './targets';
import '../capture-step.css';
import './PhotoStep.css';

/** The frame's base64 fits photo.check's cap (200 000) with room to spare. */
const MAX_FRAME_CHARS = 190_000;

/** Props of {@link PhotoStep}. */
export interface PhotoStepProps {
  api: KioskApi;
  sessionId: string;
  spec: PhotoSpecId;
  camera: CameraSelector | null;
  onDone: (candidateId: string) => void;
}

interface Candidate {
  url: string;
  result: PhotoCheckResult;
}

/** `data-testid="photo-step"`. */
export function PhotoStep({ api, sessionId, spec, camera, onDone }: PhotoStepProps): ReactElement {
  const { t } = useTranslation();
  const { state, videoRef, retry } = useCamera(camera, undefined, { api, role: 'face' });
  const [issues, setIssues] = useState<QualityIssue[]>(['noFace']);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [chosen, setChosen] = useState(false);
  const last = useRef<{ face: FaceSeen; canvas: HTMLCanvasElement } | null>(null);

  // Checking a photo with the host holds the idle timer; a face in view counts as presence.
  useIdleHold(checking);
  const seenFace = useFacePresence();
  const onFrame = useCallback((observation: FrameObservation, canvas: HTMLCanvasElement) => {
    seenFace(observation);
    const found = qualityIssues(observation);
    setIssues(found);
    const face = mainFace(observation);
    if (face && found.length === 0) {
      const copy = last.current?.canvas ?? document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      copy.getContext('2d')?.drawImage(canvas, 0, 0);
      last.current = { face, canvas: copy };
    }
  }, [seenFace]);
  const { detector } = useFaceLoop(videoRef, state.kind === 'live' && !chosen, onFrame);
  const retakesLeft = candidates.at(-1)?.result.retakesLeft;
  const exhausted = retakesLeft === 0;

  const take = async (): Promise<void> => {
    const frame = last.current;
    if (!frame) return;
    setChecking(true);
    setMessage(null);
    const crop = photoCrop(frame.canvas, frame.face, CROP_TARGETS[spec]);
    // The best quality the call can carry: the host cuts, scales and encodes the photo from this frame.
    const jpeg = fitJpeg(frame.canvas, MAX_FRAME_CHARS, 0.98);
    const outcome = await api.call('photo.check', { sessionId, spec, frame: jpeg, crop });
    setChecking(false);
    if (!outcome.ok) {
      setMessage(outcome.error.messageKey);
      return;
    }
    // Shown is the host's own photo: the very file kept if the citizen chooses it.
    setCandidates((list) => [...list, { url: `data:image/jpeg;base64,${outcome.value.jpeg}`, result: outcome.value }]);
    setSelected(candidates.length);
  };

  const choose = async (candidate: Candidate): Promise<void> => {
    const outcome = await api.call('photo.choose', { sessionId, spec, candidateId: candidate.result.candidateId });
    if (!outcome.ok) {
      setMessage(outcome.error.messageKey);
      return;
    }
    setChosen(true);
    onDone(candidate.result.candidateId);
  };

  const current = selected === null ? undefined : candidates[selected];
  const ready = issues.length === 0 && detector.kind === 'ready';
  return (
    <section className="capture-step" data-testid="photo-step" data-spec={spec}>
      <h2 className="capture-step__title">{t(`photo.title.${spec}`)}</h2>
      <p className="capture-step__text">{t('photo.hint')}</p>
      {!chosen ? <CameraView state={state} videoRef={videoRef} guide="face" good={ready} onRetry={retry} /> : null}
      <p className={`capture-step__guidance capture-step__guidance--${ready ? 'good' : 'bad'}`} data-testid="photo-guidance" aria-live="assertive">
        {chosen ? t('photo.chosen') : checking ? t('photo.checking') : detector.kind === 'loading' ? t('camera.loadingModels') : ready ? t('face.check.good') : t(`face.guidance.${issues[0] ?? 'noFace'}`)}
      </p>
      {message ? (
        <p role="alert" className="capture-step__text">
          {t(message)}
        </p>
      ) : null}
      {!chosen ? (
        <div className="capture-step__actions">
          {/* Once the host's retakes are used up, retake is no longer offered at all (issue #5). */}
          {!exhausted ? (
            <TouchButton data-testid="photo-take" disabled={!ready || checking} onPress={take}>
              {candidates.length === 0 ? t('photo.take') : t('photo.retake')}
            </TouchButton>
          ) : null}
          {current?.result.passed ? (
            <TouchButton variant="secondary" data-testid="photo-choose" onPress={() => choose(current)}>
              {t('photo.choose')}
            </TouchButton>
          ) : null}
        </div>
      ) : null}
      {retakesLeft !== undefined ? (
        <p className="capture-step__text" data-testid="photo-retakes">
          {exhausted ? t('photo.retakesExhausted') : t('photo.retakesLeft', { count: retakesLeft })}
        </p>
      ) : null}
      {current ? (
        <div className="photo-result" data-testid="photo-result" data-passed={current.result.passed}>
          <img className="photo-result__image" src={current.url} alt="" />
          <div>
            <p className="capture-step__text">{current.result.passed ? t('photo.passed') : t('photo.failed')}</p>
            <PhotoRules rules={current.result.rules} />
          </div>
        </div>
      ) : null}
      {candidates.length > 1 ? (
        <div>
          <p className="capture-step__text">{t('photo.candidates')}</p>
          <div className="photo-candidates">
            {candidates.map((candidate, i) => (
              <button key={candidate.result.candidateId} type="button" className="photo-candidates__item" aria-pressed={i === selected} onClick={() => setSelected(i)}>
                <img src={candidate.url} alt={`${i + 1}`} />
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}
