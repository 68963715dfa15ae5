/** Opens the configured camera for a <video>, and closes it on unmount. */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { CameraRole, CameraSelector, KioskApi } from '../../electron/contract';
import { cameraProblemOf, type CameraProblem } from './camera-problem';
import { reportCamera, reportedStateOf, withLabel, type CameraFinding } from './report-camera-status';
import { pickCamera } from './select-camera';

export type CameraState = { kind: 'starting' } | { kind: 'live'; width: number; height: number } | { kind: 'problem'; problem: CameraProblem };

/** Where {@link useCamera} reports what opening the camera found (`devices.reportCamera`). */
export interface CameraReporting {
  api: KioskApi;
  role: CameraRole;
}

/**
 * The camera's state and the video element it plays in. `selector` undefined = wait (config not loaded).
 * With `reporting`, every attempt to open the camera is reported to the host: `online`, or the failure.
 */
export function useCamera(
  selector: CameraSelector | null | undefined,
  size: { width: number; height: number } = { width: 640, height: 480 },
  reporting?: CameraReporting,
): { state: CameraState; videoRef: RefObject<HTMLVideoElement | null>; retry: () => void } {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const reportingRef = useRef(reporting);
  useEffect(() => {
    reportingRef.current = reporting;
  });
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const { width, height } = size;

  useEffect(() => {
    if (selector === undefined) return;
    let stream: MediaStream | undefined;
    let cancelled = false;
    const element = videoRef.current;
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    const report = (finding: CameraFinding): void => {
      const target = reportingRef.current;
      if (target) void reportCamera(target.api, target.role, finding);
    };
    /** Finds and opens the camera; a failure here is the camera's and is reported. */
    const openStream = async (): Promise<MediaStream | null> => {
      if (!media?.getUserMedia) {
        report({ state: 'error' });
        setState({ kind: 'problem', problem: 'unsupported' });
        return null;
      }
      try {
        let deviceId: string | undefined;
        if (selector) {
          const inputs = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
          const picked = pickCamera(inputs, selector);
          if (picked === null) {
            report({ state: 'noDevice' });
            if (!cancelled) setState({ kind: 'problem', problem: 'noCamera' });
            return null;
          }
          deviceId = picked;
        }
        const video: MediaTrackConstraints = { width: { ideal: width }, height: { ideal: height }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
        const opened = await media.getUserMedia({ video, audio: false });
        report(withLabel('online', opened.getVideoTracks()[0]?.label));
        return opened;
      } catch (error) {
        report({ state: reportedStateOf(error) });
        throw error;
      }
    };
    const open = async (): Promise<void> => {
      const opened = await openStream();
      if (!opened) return;
      stream = opened;
      if (cancelled) {
        // Unmounted while the camera was opening: the cleanup has run, so close it here.
        for (const track of opened.getTracks()) track.stop();
        return;
      }
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
