/**
 * A camera frame for the host's standard photo: a drawn head and shoulders
 * in front of a plain backdrop, with a little sensor noise, as a JPEG; the
 * crop the renderer would send for a spec (renderer/steps/photo/targets.ts);
 * and the face the host's model would find in the photo cut by that crop.
 */
import type { PhotoCrop, PhotoSpecId } from '../../../../../electron/contract';
import type { DetectedFace } from '../../../../../face-analysis/human-node';
import { PHOTO_SPECS } from '../../../../../electron/host/capture/photo/spec';
import { CROP_TARGETS, cropRect } from '../../../../../renderer/steps/photo/targets';
import { encodeJpeg } from '../../face/images';
import { drawPortrait, type Portrait } from './draw';

/** A frame and what goes with it. */
export interface CameraFrame {
  jpeg: Uint8Array;
  /** Where the renderer would cut `spec`'s photo. */
  crop(spec: PhotoSpecId): PhotoCrop;
  /** The face as the host's model would report it in the photo cut by `crop` for `spec`. */
  faceIn(spec: PhotoSpecId, crop: PhotoCrop): DetectedFace;
}

/** A 640×480 frame like the kiosk camera's (face 190 px wide, crown 73 px down), unless told otherwise. */
export function cameraFrame(options: Partial<Portrait> & { noise?: number; quality?: number } = {}): CameraFrame {
  const { noise = 8, quality = 92, ...drawn } = options;
  const width = drawn.width ?? 640;
  const faceWidth = drawn.faceWidth ?? 190;
  const crownY = drawn.crownY ?? 73;
  const portrait: Portrait = { width, height: 480, background: [240, 240, 238], centreX: width / 2, crownY, faceWidth, chinY: crownY + Math.round(faceWidth * 1.33), ...drawn };
  const { image, face } = drawPortrait(portrait);
  let seed = 7;
  for (let i = 0; i < image.data.length; i++) {
    if (i % 4 === 3) continue;
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    image.data[i] = Math.max(0, Math.min(255, image.data[i]! + ((seed >> 16) % (noise + 1)) - noise / 2));
  }
  const foreheadY = portrait.crownY + (portrait.chinY - portrait.crownY) * 0.22;
  return {
    jpeg: encodeJpeg(image, quality),
    crop(spec) {
      const rect = cropRect({ ...face, foreheadY }, portrait.crownY, CROP_TARGETS[spec]);
      return { x: rect.x, y: rect.y, width: rect.width };
    },
    faceIn(spec, crop) {
      const scale = PHOTO_SPECS[spec].size.width / crop.width;
      const x = (v: number) => (v - crop.x) * scale;
      const y = (v: number) => (v - crop.y) * scale;
      const [left, right] = [x(face.left), x(face.right)];
      return {
        score: 0.99,
        box: { x: left, y: y(foreheadY), width: right - left, height: y(face.chinY) - y(foreheadY) },
        left,
        right,
        eyeY: y(face.eyeY),
        chinY: y(face.chinY),
        foreheadY: y(foreheadY),
        centreX: x(face.centreX),
        eyeOpenness: 0.3,
        yaw: 0,
        embedding: [],
        real: 1,
        live: 1,
      };
    },
  };
}
