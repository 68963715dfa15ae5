/**
 * The agent's camera and microphone for the call: the kiosk's face camera
 * (as `camera.config` names it) with the microphone, opened once per call
 * and stopped when the call ends.
 */
import type { CameraSelector } from '../../../electron/contract';
import { err, ok, type Result } from '../../../domain/result';
import { cameraProblemOf, type CameraProblem } from '../../camera/camera-problem';
import { pickCamera } from '../../camera/select-camera';

/** Opens the face camera `selector` (null: any camera) and the microphone. */
export async function openCallMedia(
  selector: CameraSelector | null,
  media: MediaDevices | undefined = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices,
): Promise<Result<MediaStream, CameraProblem>> {
  if (!media?.getUserMedia) return err('unsupported');
  try {
    let deviceId: string | undefined;
    if (selector) {
      const picked = pickCamera(
        (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput'),
        selector,
      );
      if (picked === null) return err('noCamera');
      deviceId = picked;
    }
    const video: MediaTrackConstraints = {
      width: { ideal: 640 },
      height: { ideal: 480 },
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    };
    return ok(await media.getUserMedia({ video, audio: { echoCancellation: true, noiseSuppression: true } }));
  } catch (error) {
    return err(cameraProblemOf(error));
  }
}

/** Stops every track of `stream` (the camera light goes off). */
export function stopMedia(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
