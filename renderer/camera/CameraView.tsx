/** The live preview (mirrored, as a mirror would show it) with a face oval or a page frame, and camera problems in words. */
import type { ReactElement, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../ui/TouchButton';
import type { CameraState } from './use-camera';
import './camera.css';

/** Props of {@link CameraView}. */
export interface CameraViewProps {
  state: CameraState;
  videoRef: RefObject<HTMLVideoElement | null>;
  guide: 'face' | 'page';
  /** Highlights the guide when the face is placed well. */
  good?: boolean;
  onRetry: () => void;
  children?: ReactNode;
}

/** `data-testid="camera-view"`, with `camera-problem` when the camera cannot be used. */
export function CameraView({ state, videoRef, guide, good = false, onRetry, children }: CameraViewProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="camera-view" data-testid="camera-view" data-camera-state={state.kind}>
      <video ref={videoRef} className={`camera-view__video${guide === 'face' ? ' camera-view__video--mirror' : ''}`} muted playsInline aria-hidden="true" />
      <div className={`camera-view__guide camera-view__guide--${guide}${good ? ' camera-view__guide--good' : ''}`} aria-hidden="true" />
      {state.kind === 'starting' ? <p className="camera-view__status">{t('camera.starting')}</p> : null}
      {state.kind === 'problem' ? (
        <div className="camera-view__problem" role="alert" data-testid="camera-problem" data-problem={state.problem}>
          <p>{t(`camera.problem.${state.problem}`)}</p>
          <TouchButton variant="secondary" onPress={onRetry}>
            {t('camera.retry')}
          </TouchButton>
        </div>
      ) : null}
      {children}
    </div>
  );
}
