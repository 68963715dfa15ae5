/**
 * The hall's sandbox face comparison with the real embedding model (human's
 * faceres in Node): the sandbox's people's reference photos, as the kiosk's
 * sandbox gateway compares them. Loading the model takes a few seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandboxFaceComparison } from '../../../hall/server/proxy/face/sandbox-comparison';
import { createEmbeddingFaceMatcher } from '../../../face-analysis/embedding-matcher';
import { crop, encodeJpeg, loadJpeg, ROOT, solid } from '../../electron/host/face/images';

const HAN = '410402199001011230'; // faceRef resident-han
const MA = '410403195806150041'; // faceRef resident-long-term
const TYPED_ONLY = '410411198507150037'; // no reference photo on file
const BAD_CHECKSUM = '410402198203150016'; // faceRef whose photo does not exist

const matcher = createEmbeddingFaceMatcher();
const compare = createSandboxFaceComparison({ matcher });
const sources = JSON.parse(readFileSync(join(ROOT, 'resources/faces/sources.json'), 'utf8')) as { probe: { box: [number, number, number, number] } };

/** Another photo of resident-han's man (not his reference photo): the human demo's "Selected Face". */
function otherPhotoOfHan(): Uint8Array {
  const [x, y, w, h] = sources.probe.box;
  return encodeJpeg(crop(loadJpeg('node_modules/@vladmandic/human/assets/screenshot-facematch.jpg'), x, y, w, h));
}

beforeAll(async () => {
  await matcher.warm();
}, 60_000);

describe('sandbox face comparison for the hall', () => {
  it("matches a sample citizen's own face against their reference photo, and not another's", async () => {
    const probe = otherPhotoOfHan();
    const own = await compare({ idNumber: HAN, probe });
    expect(own.ok && own.value.match).toBe(true);
    if (own.ok) expect(own.value.score).toBeGreaterThanOrEqual(0.6);
    const other = await compare({ idNumber: MA, probe });
    expect(other.ok && other.value.match).toBe(false);
  }, 60_000);

  it('gives a typed-only person a sample face when told to (tests), by their number', async () => {
    const probe = otherPhotoOfHan();
    expect(await compare({ idNumber: TYPED_ONLY, probe })).toEqual({ ok: false, error: 'notFound' });
    const withFace = createSandboxFaceComparison({ matcher, faceRefs: { [TYPED_ONLY]: 'resident-han' } });
    const result = await withFace({ idNumber: TYPED_ONLY, probe });
    expect(result.ok && result.value.match).toBe(true);
  }, 60_000);

  it('no reference photo on file, or no such person, is notFound; a probe without a face does not match', async () => {
    expect(await compare({ idNumber: BAD_CHECKSUM, probe: otherPhotoOfHan() })).toEqual({ ok: false, error: 'notFound' });
    expect(await compare({ idNumber: '110101190001010000', probe: otherPhotoOfHan() })).toEqual({ ok: false, error: 'notFound' });
    expect(await compare({ idNumber: HAN, probe: encodeJpeg(solid(120, 160, [200, 200, 200])) })).toEqual({ ok: true, value: { match: false, score: 0 } });
  }, 60_000);

  it('an unreadable data file is an unavailable back-end, not a non-match', async () => {
    const broken = createSandboxFaceComparison({ matcher, dataPath: join(ROOT, 'resources/sandbox/no-such-file.json') });
    expect(await broken({ idNumber: HAN, probe: otherPhotoOfHan() })).toEqual({ ok: false, error: 'unavailable' });
  });
});
