/** One party's video with its name, and how its connection is when it is not flowing. */
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerState } from '../../../renderer/proxy-call/mesh-types';

export interface VideoTileProps {
  label: string;
  stream: MediaStream | null;
  /** Own preview: muted and mirrored. */
  self?: boolean;
  state?: PeerState;
  /** What to say while nobody is there yet. */
  waitingText?: string;
  testId: string;
}

export function VideoTile({ label, stream, self = false, state, waitingText, testId }: VideoTileProps): ReactElement {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    // Autoplay may be refused until a tap; the element's autoPlay retries then. (Some DOMs answer no promise.)
    if (stream) void Promise.resolve(element.play() as Promise<void> | undefined).catch(() => undefined);
  }, [stream]);
  const status = state === undefined || state === 'connected' ? null : state === 'reconnecting' ? t('call.reconnecting') : state === 'lost' ? t('call.lost') : (waitingText ?? t('call.connecting'));
  return (
    <figure className={`tile${self ? ' tile--self' : ''}`} data-testid={testId} data-state={state ?? 'self'}>
      <video ref={video} className="tile__video" autoPlay playsInline muted={self} />
      <figcaption className="tile__label">{label}</figcaption>
      {status ? <p className="tile__status">{status}</p> : null}
    </figure>
  );
}
