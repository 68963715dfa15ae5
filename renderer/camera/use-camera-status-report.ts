/**
 * Reports the cameras to the host whenever the host becomes available (start,
 * reconnect, host restart) and whenever the system's media devices change.
 * Without `navigator.mediaDevices` (an insecure page, a test DOM) it reports
 * nothing: the host then keeps the camera `starting`, which already greys the
 * services that need it.
 */
import { useEffect } from 'react';
import type { KioskApi } from '../../electron/contract';
import { checkCameras } from './report-camera-status';

/** Keeps the host's camera status in step with the system's video inputs while `available`. */
export function useCameraStatusReport(api: KioskApi, available: boolean): void {
  useEffect(() => {
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!available || typeof media?.enumerateDevices !== 'function') return;
    let latest = 0;
    let cancelled = false;
    const check = (): void => {
      const run = ++latest;
      void checkCameras(api, media, () => cancelled || run !== latest);
    };
    check();
    media.addEventListener?.('devicechange', check);
    return () => {
      cancelled = true;
      media.removeEventListener?.('devicechange', check);
    };
  }, [api, available]);
}
