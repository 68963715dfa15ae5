/**
 * One party's video in the call: the stream plays in a <video> (the agent's
 * own preview muted, so the kiosk does not hear itself), with who it is and,
 * when the path to them is broken, that it is reconnecting or cut off.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerState } from '../../proxy-call/mesh-types';

export interface PeerTileProps {
  /** `principal`, `officer` or `self`: the tile's test id is `proxy-tile-<who>`. */
  who: 'principal' | 'officer' | 'self';
  label: string;
  stream: MediaStream | null;
  state: PeerState | 'self';
  muted?: boolean;
}

export function PeerTile({ who, label, stream, state, muted = false }: PeerTileProps): ReactElement {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return undefined;
    element.srcObject = stream;
    return () => {
      element.srcObject = null;
    };
  }, [stream]);

  const notice =
    state === 'reconnecting'
      ? t('flow.proxyCall.call.reconnecting', { who: label })
      : state === 'lost'
        ? t('flow.proxyCall.call.lost', { who: label })
        : stream
          ? null
          : t('flow.proxyCall.call.noVideo');
  return (
    <figure className={`proxy-tile proxy-tile--${who}`} data-testid={`proxy-tile-${who}`} data-state={state}>
      <video ref={video} className="proxy-tile__video" autoPlay playsInline muted={muted} aria-label={label} />
      {notice ? (
        <p className="proxy-tile__notice" role={state === 'lost' ? 'alert' : 'status'}>
          {notice}
        </p>
      ) : null}
      <figcaption className="proxy-tile__label">{label}</figcaption>
    </figure>
  );
}
