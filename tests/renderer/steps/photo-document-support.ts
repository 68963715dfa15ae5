/**
 * A fake camera for the photo and document step tests: navigator.mediaDevices
 * with a stream whose tracks record stop(), a <video> that "plays", and a
 * canvas without a 2D context (jsdom has none; the steps cope with that).
 */
import { vi } from 'vitest';
import type { FrameObservation } from '../../../renderer/camera/observation';

/** The fake stream's controls. */
export interface FakeCamera {
  getUserMedia: ReturnType<typeof vi.fn>;
  /** How many tracks were stopped (the step let go of the camera). */
  stopped(): number;
  restore(): void;
}

/** Installs the fake; `failWith` makes getUserMedia reject with that DOMException name. */
export function installFakeCamera(failWith?: string): FakeCamera {
  let stops = 0;
  const track = { kind: 'video', stop: () => void (stops += 1) };
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  const getUserMedia = vi.fn(async () => {
    if (failWith) throw new DOMException('fake camera', failWith);
    return stream;
  });
  const enumerateDevices = vi.fn(async () => [{ kind: 'videoinput', deviceId: 'cam-1', label: 'Fake camera', groupId: 'g' }]);
  const previous = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia, enumerateDevices } });
  const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  return {
    getUserMedia,
    stopped: () => stops,
    restore() {
      play.mockRestore();
      getContext.mockRestore();
      if (previous) Object.defineProperty(navigator, 'mediaDevices', previous);
      else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
    },
  };
}

/** One well-placed face in a 640×480 frame: no quality issue. */
export function goodObservation(): FrameObservation {
  return {
    width: 640,
    height: 480,
    detectMs: 5,
    at: 0,
    faces: [
      {
        score: 0.98,
        box: { x: 220, y: 120, width: 200, height: 240 },
        left: 220,
        right: 420,
        eyeY: 220,
        chinY: 320,
        foreheadY: 140,
        centreX: 320,
        yaw: 0,
        pitch: 0,
        roll: 0,
        eyeOpenness: 0.3,
        sharpness: 50,
        brightness: 128,
        antispoof: 0.9,
        liveness: 0.9,
      },
    ],
  };
}

/** A base64 string the contract accepts as a JPEG (≥ 16 chars, base64 alphabet). */
export function fakeJpeg(n: number): string {
  return `/9j/4AAQSkZJRgABAQ${String(n).padStart(4, '0')}AAAA`;
}
