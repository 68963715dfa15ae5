import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddingFaceMatcher } from '../../face-analysis/embedding-matcher';
import { loadSampleReferencePhoto, SAMPLE_FACE_CITIZENS } from '../../face-analysis/references';
import { brighten, crop, encodeJpeg, loadJpeg, resize, ROOT, solid } from '../electron/host/face/images';

/** The default `face.matchThreshold`. */
const THRESHOLD = 0.6;
const matcher = createEmbeddingFaceMatcher();
const reference = async (id: string) => {
  const photo = await loadSampleReferencePhoto(id);
  if (!photo.ok) throw new Error(id);
  return photo.value;
};
const sources = JSON.parse(readFileSync(join(ROOT, 'resources/faces/sources.json'), 'utf8')) as { probe: { box: [number, number, number, number] } };

/** Another photo of resident-han's man: the demo's "Selected Face". */
function otherPhotoOfHan(): Uint8Array {
  const [x, y, w, h] = sources.probe.box;
  return encodeJpeg(crop(loadJpeg('node_modules/@vladmandic/human/assets/screenshot-facematch.jpg'), x, y, w, h));
}

beforeAll(async () => {
  await matcher.warm();
}, 60_000);

describe('embedding face matcher (human faceres in Node, WASM backend)', () => {
  it('has a reference photo for every listed sample citizen', async () => {
    for (const id of SAMPLE_FACE_CITIZENS) expect((await loadSampleReferencePhoto(id)).ok).toBe(true);
    expect((await loadSampleReferencePhoto('nobody')).ok).toBe(false);
    expect((await loadSampleReferencePhoto('../etc/passwd')).ok).toBe(false);
  });

  it('scores two augmentations of one face above the threshold', async () => {
    const han = loadJpeg('resources/faces/resident-han.jpg');
    const augmented = encodeJpeg(brighten(resize(crop(han, 6, 4, han.width - 10, han.height - 8), 200, 200), 25), 75);
    const started = Date.now();
    const result = await matcher.compare(await reference('resident-han'), augmented);
    const ms = Date.now() - started;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    console.log(`same face, augmented: similarity ${result.value.similarity} (${ms} ms)`);
    expect(result.value.similarity).toBeGreaterThan(THRESHOLD);
  });

  it('scores a different photo of the same man above the threshold', async () => {
    const result = await matcher.compare(await reference('resident-han'), otherPhotoOfHan());
    expect(result.ok && result.value.similarity).toBeGreaterThan(THRESHOLD);
    if (result.ok) console.log(`same man, other photo: similarity ${result.value.similarity}`);
  });

  it('scores different sample faces below the threshold', async () => {
    const probe = otherPhotoOfHan();
    for (const id of SAMPLE_FACE_CITIZENS.filter((c) => c !== 'resident-han')) {
      const result = await matcher.compare(await reference(id), probe);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      console.log(`${id} vs the man: similarity ${result.value.similarity}`);
      expect(result.value.similarity).toBeLessThan(THRESHOLD);
    }
  });

  it('reports a probe without a face and an unreadable probe as values', async () => {
    const blank = await matcher.compare(await reference('resident-han'), encodeJpeg(solid(320, 240, [250, 250, 250])));
    expect(blank).toMatchObject({ ok: false, error: { reason: 'noFaceInProbe' } });
    const garbage = await matcher.compare(await reference('resident-han'), new Uint8Array([1, 2, 3, 4, 5]));
    expect(garbage).toMatchObject({ ok: false, error: { reason: 'probeUnreadable' } });
  });
});
