/**
 * Makes the sandbox's photo studio photos (resources/sandbox/studio-photos/<spec>.jpg),
 * `npx tsx scripts/make-studio-photos.ts`: the e2e tests' portrait (a face from the demo
 * images inside @vladmandic/human, MIT, on a drawn head in front of a plain backdrop:
 * tests/e2e/fixtures/portrait-video.ts), aimed as the renderer aims a crop (the face model's
 * landmarks, the crown found in the pixels: renderer/steps/photo/targets.ts), then cut,
 * scaled and encoded by the host's own standard-photo pipeline for each spec. Each photo is
 * checked with the real face model before it is written: the sandbox hands out photos the
 * host accepts. Not a real person's ID photo. What the face model found in each photo is kept in
 * faces.json beside them, for tests that stand in for the model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhotoSpecId } from '../electron/contract';
import { checkPhoto } from '../electron/host/capture/photo/checks';
import { landmarksOf } from '../electron/host/capture/photo/handlers';
import { PHOTO_SPECS } from '../electron/host/capture/photo/spec';
import { makeStandardPhoto } from '../electron/host/capture/photo/standard-photo';
import { loadFaceAnalyzer } from '../face-analysis/human-node';
import { resourcesPath } from '../drivers/resources-dir';
import { backgroundBeside, CROP_TARGETS, cropRect, findCrown, guessedCrown } from '../renderer/steps/photo/targets';
import { encodeJpeg } from '../tests/electron/host/face/images';
import { portraitFrame } from '../tests/e2e/fixtures/portrait-video';

const dir = resourcesPath('sandbox', 'studio-photos');
mkdirSync(dir, { recursive: true });
const analyzer = await loadFaceAnalyzer();
const frame = portraitFrame('plain');
const [face] = await analyzer.detect(frame, { embedding: false });
if (!face) throw new Error('the face model finds no face in the portrait');
const background = backgroundBeside(frame, face);
const crown = (background && findCrown(frame, face, background)) ?? guessedCrown(face);
const jpeg = encodeJpeg(frame, 95);
const faces: Record<string, unknown> = {};
for (const spec of Object.keys(PHOTO_SPECS) as PhotoSpecId[]) {
  const rect = cropRect(face, crown, CROP_TARGETS[spec]);
  const photo = await makeStandardPhoto(jpeg, { x: rect.x, y: rect.y, width: rect.width }, PHOTO_SPECS[spec]);
  if (!photo.ok) throw new Error(`${spec}: ${photo.error.detail}`);
  const found = landmarksOf(await analyzer.detect(photo.value.image, { embedding: false }));
  const rules = checkPhoto(PHOTO_SPECS[spec], { image: photo.value.image, jpegBytes: photo.value.jpeg.length, jpegQuality: photo.value.quality, face: found });
  const failed = rules.filter((rule) => !rule.passed).map((rule) => `${rule.rule} ${rule.measured}`);
  if (failed.length > 0) throw new Error(`${spec}: fails ${failed.join(', ')}`);
  writeFileSync(join(dir, `${spec}.jpg`), photo.value.jpeg);
  const one = (await analyzer.detect(photo.value.image, { embedding: false }))[0]!;
  faces[spec] = { left: one.left, right: one.right, eyeY: one.eyeY, chinY: one.chinY, centreX: one.centreX };
  console.log(`${spec}: ${photo.value.image.width}×${photo.value.image.height}, ${photo.value.jpeg.length} bytes, quality ${photo.value.quality}`);
}
writeFileSync(join(dir, 'faces.json'), `${JSON.stringify(faces, null, 2)}\n`);
process.exit(0);
