/**
 * One party's picture in the call. The own preview is `muted` (no echo);
 * a peer's video plays with sound. `label` names the party for screen
 * readers (e.g. 「委托人 Principal」).
 */
import { useEffect, useRef } from 'react';

export interface PeerVideoProps {
  stream: MediaStream | null;
  muted: boolean;
  label: string;
  className?: string;
}

export function PeerVideo({ stream, muted, label, className }: PeerVideoProps) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    // React does not keep the `muted` attribute in step; the property is what the browser obeys.
    if (videoRef.current) videoRef.current.muted = muted;
  }, [muted]);
  return <video ref={videoRef} className={className} aria-label={label} data-live={stream !== null} autoPlay playsInline muted={muted} />;
}
