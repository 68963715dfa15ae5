/**
 * Makes the sandbox's photo studio photos (resources/sandbox/studio-photos/<spec>.jpg):
 * the drawn portrait the photo tests use (tests/electron/host/capture/photo/camera-frame.ts),
 * cut, scaled and encoded by the host's own standard-photo pipeline for each spec, and checked
 * with the drawn face's landmarks before it is written. `npx tsx scripts/make-studio-photos.ts`.
 * The portrait is drawn, not a person: the real face model may not find a face in it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhotoSpecId } from '../electron/contract';
import { checkPhoto } from '../electron/host/capture/photo/checks';
import { landmarksOf } from '../electron/host/capture/photo/handlers';
import { PHOTO_SPECS } from '../electron/host/capture/photo/spec';
import { makeStandardPhoto } from '../electron/host/capture/photo/standard-photo';
import { resourcesPath } from '../drivers/resources-dir';
import { cameraFrame } from '../tests/electron/host/capture/photo/camera-frame';

const dir = resourcesPath('sandbox', 'studio-photos');
mkdirSync(dir, { recursive: true });
const frame = cameraFrame();
for (const spec of Object.keys(PHOTO_SPECS) as PhotoSpecId[]) {
  const crop = frame.crop(spec);
  const photo = await makeStandardPhoto(frame.jpeg, crop, PHOTO_SPECS[spec]);
  if (!photo.ok) throw new Error(`${spec}: ${photo.detail}`);
  const rules = checkPhoto(PHOTO_SPECS[spec], { image: photo.image, jpegBytes: photo.jpeg.length, jpegQuality: photo.quality, face: landmarksOf([frame.faceIn(spec, crop)]) });
  const failed = rules.filter((rule) => !rule.passed).map((rule) => rule.rule);
  if (failed.length > 0) throw new Error(`${spec}: fails ${failed.join(', ')}`);
  writeFileSync(join(dir, `${spec}.jpg`), photo.jpeg);
  console.log(`${spec}: ${photo.image.width}×${photo.image.height}, ${photo.jpeg.length} bytes, quality ${photo.quality}`);
}
