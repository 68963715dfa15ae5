/**
 * Where the renderer puts the face when it cuts a standard photo from a frame
 * (DOMAIN.md §3). These only aim the crop; the host's photo.check decides.
 */
import type { PhotoSpecId } from '../../../electron/contract';

/** Output size, face width and eye line to aim for, and the JPEG size range (bytes). */
export interface CropTarget {
  width: number;
  height: number;
  faceWidth: number;
  /** Eye line from the top, in output pixels. */
  eyeY: number;
  bytes: { min: number; max: number } | null;
}

export const CROP_TARGETS: Readonly<Record<PhotoSpecId, CropTarget>> = {
  residentId: { width: 358, height: 441, faceWidth: 207, eyeY: 200, bytes: null },
  drivingLicence: { width: 260, height: 378, faceWidth: 177, eyeY: 140, bytes: { min: 15 * 1024, max: 29 * 1024 } },
  exitEntry: { width: 390, height: 520, faceWidth: 240, eyeY: 250, bytes: { min: 22 * 1024, max: 76 * 1024 } },
};

/** The source rectangle (frame pixels) that maps the face onto the target. */
export function cropRect(face: { left: number; right: number; eyeY: number; centreX: number }, target: CropTarget): { x: number; y: number; width: number; height: number } {
  const scale = target.faceWidth / Math.max(1, face.right - face.left);
  const width = target.width / scale;
  const height = target.height / scale;
  return { x: face.centreX - width / 2, y: face.eyeY - target.eyeY / scale, width, height };
}

/** Draws the crop onto a new canvas of the target size, white where the frame ends. */
export function cutPhoto(frame: HTMLCanvasElement, face: { left: number; right: number; eyeY: number; centreX: number }, target: CropTarget): HTMLCanvasElement {
  const rect = cropRect(face, target);
  const out = document.createElement('canvas');
  out.width = target.width;
  out.height = target.height;
  const context = out.getContext('2d');
  if (!context) return out;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(frame, rect.x, rect.y, rect.width, rect.height, 0, 0, target.width, target.height);
  return out;
}
