/**
 * Takes the page by itself once it has lain still for a moment
 * (stillness.ts): while `enabled`, the live video is sampled a few times a
 * second as a tiny grey picture, and `onStill` is called when the watch
 * says so. The manual button stays for those who prefer it.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { DEFAULT_STILLNESS, StillnessWatch, type StillnessRules } from './stillness';

/** The sample's size: enough to see a hand or a page move, cheap to compare. */
const SAMPLE = { width: 64, height: 48 };
const SAMPLE_EVERY_MS = 200;

/** A tiny grey copy of the video's frame; null while there is none (or no canvas, as in jsdom). */
export function sampleVideo(video: HTMLVideoElement | null, canvas: HTMLCanvasElement): Uint8Array | null {
  if (!video || !video.videoWidth || !video.videoHeight) return null;
  canvas.width = SAMPLE.width;
  canvas.height = SAMPLE.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, SAMPLE.width, SAMPLE.height);
  const { data } = context.getImageData(0, 0, SAMPLE.width, SAMPLE.height);
  const grey = new Uint8Array(SAMPLE.width * SAMPLE.height);
  for (let i = 0; i < grey.length; i++) grey[i] = (data[i * 4]! * 77 + data[i * 4 + 1]! * 150 + data[i * 4 + 2]! * 29) >> 8;
  return grey;
}

/** Calls `onStill` when the page in `videoRef` has been still (only while `enabled`). `resetKey` changes forget the scene. */
export function useStillCapture(
  videoRef: RefObject<HTMLVideoElement | null>,
  enabled: boolean,
  onStill: () => void,
  resetKey: string,
  rules: StillnessRules = DEFAULT_STILLNESS,
): void {
  const [watch] = useState(() => new StillnessWatch(rules));
  const latest = useRef(onStill);
  useEffect(() => {
    latest.current = onStill;
  }, [onStill]);

  useEffect(() => {
    watch.reset();
  }, [watch, resetKey]);

  useEffect(() => {
    if (!enabled) return;
    const canvas = document.createElement('canvas');
    const timer = setInterval(() => {
      const sample = sampleVideo(videoRef.current, canvas);
      if (sample && watch.feed(sample, performance.now())) latest.current();
    }, SAMPLE_EVERY_MS);
    return () => clearInterval(timer);
  }, [enabled, videoRef, watch]);
}
