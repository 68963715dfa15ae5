/** Runs the face worker over the live video, one frame at a time, while `running`. */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { loadFaceDetector } from './face-detector';
import { grabFrame } from './frame';
import type { FrameObservation } from './observation';

export type DetectorState = { kind: 'loading' } | { kind: 'ready'; backend: string } | { kind: 'failed'; message: string };

/** Called for each analysed frame with the canvas holding that frame. */
export type FrameListener = (observation: FrameObservation, frame: HTMLCanvasElement) => void;

/** Loads the detector once, then analyses frames while `running`; the latest observation is returned. */
export function useFaceLoop(videoRef: RefObject<HTMLVideoElement | null>, running: boolean, onFrame: FrameListener): { detector: DetectorState; latest: FrameObservation | null } {
  const [detector, setDetector] = useState<DetectorState>({ kind: 'loading' });
  const [latest, setLatest] = useState<FrameObservation | null>(null);
  const listener = useRef(onFrame);
  const loaded = useRef<Awaited<ReturnType<typeof loadFaceDetector>> | null>(null);

  useEffect(() => {
    listener.current = onFrame;
  }, [onFrame]);

  useEffect(() => {
    let cancelled = false;
    void loadFaceDetector().then((result) => {
      if (cancelled) {
        if (result.ok) result.value.detector.dispose();
        return;
      }
      loaded.current = result;
      setDetector(result.ok ? { kind: 'ready', backend: result.value.backend } : { kind: 'failed', message: result.error.message });
    });
    return () => {
      cancelled = true;
      if (loaded.current?.ok) loaded.current.value.detector.dispose();
      loaded.current = null;
    };
  }, []);

  useEffect(() => {
    if (!running || detector.kind !== 'ready') return;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const tick = async (): Promise<void> => {
      while (!stopped) {
        const video = videoRef.current;
        const current = loaded.current;
        const frame = video ? grabFrame(video, canvas) : null;
        if (!frame || !current?.ok) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        const at = performance.timeOrigin + performance.now();
        const result = await current.value.detector.detect(frame.image, at);
        if (stopped) return;
        if (result.ok) {
          setLatest(result.value);
          listener.current(result.value, frame.canvas);
        }
        await new Promise((r) => setTimeout(r, 15));
      }
    };
    void tick();
    return () => {
      stopped = true;
    };
  }, [running, detector.kind, videoRef]);

  return { detector, latest };
}
