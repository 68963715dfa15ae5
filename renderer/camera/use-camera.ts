/** Opens the configured camera for a <video>, and closes it on unmount. */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { CameraSelector } from '../../electron/contract';
import { cameraProblemOf, type CameraProblem } from './camera-problem';
import { pickCamera } from './select-camera';

export type CameraState = { kind: 'starting' } | { kind: 'live'; width: number; height: number } | { kind: 'problem'; problem: CameraProblem };

/** The camera's state and the video element it plays in. `selector` undefined = wait (config not loaded). */
export function useCamera(selector: CameraSelector | null | undefined, size: { width: number; height: number } = { width: 640, height: 480 }): { state: CameraState; videoRef: RefObject<HTMLVideoElement | null>; retry: () => void } {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const { width, height } = size;

  useEffect(() => {
    if (selector === undefined) return;
    let stream: MediaStream | undefined;
    let cancelled = false;
    const element = videoRef.current;
    const media = navigator.mediaDevices;
    const open = async (): Promise<void> => {
      if (!media?.getUserMedia) {
        setState({ kind: 'problem', problem: 'unsupported' });
        return;
      }
      let deviceId: string | undefined;
      if (selector) {
        const inputs = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
        const picked = pickCamera(inputs, selector);
        if (picked === null) {
          if (!cancelled) setState({ kind: 'problem', problem: 'noCamera' });
          return;
        }
        deviceId = picked;
      }
      const video: MediaTrackConstraints = { width: { ideal: width }, height: { ideal: height }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
      stream = await media.getUserMedia({ video, audio: false });
      if (cancelled) return;
      if (!element) return;
      element.srcObject = stream;
      element.muted = true;
      element.playsInline = true;
      await element.play();
      if (!cancelled) setState({ kind: 'live', width: element.videoWidth || width, height: element.videoHeight || height });
    };
    open().catch((error: unknown) => {
      if (!cancelled) setState({ kind: 'problem', problem: cameraProblemOf(error) });
    });
    return () => {
      cancelled = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (element) element.srcObject = null;
    };
  }, [selector, attempt, width, height]);

  const retry = (): void => {
    setState({ kind: 'starting' });
    setAttempt((n) => n + 1);
  };
  return { state, videoRef, retry };
}
