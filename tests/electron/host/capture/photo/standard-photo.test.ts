/**
 * The host makes the standard photo (electron/host/capture/photo/standard-photo.ts,
 * photo.check): from a 640×480 camera frame and the crop the renderer would
 * suggest, each spec's photo has the spec's pixel size, a file in the spec's
 * byte range at a quality not below its minimum (read back from the file's
 * own quantisation tables), and passes every rule; the reply carries that
 * very file, and it is what is kept. Hostile frames and crops are refused
 * as values.
 */
import pino from 'pino';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PhotoCrop, PhotoSpecId } from '../../../../../electron/contract';
import { defaultConfig } from '../../../../../electron/host/config/load';
import { faceData } from '../../../../../electron/host/face/session-data';
import { createPhotoHandlers } from '../../../../../electron/host/capture/photo/handlers';
import { PHOTO_SPECS } from '../../../../../electron/host/capture/photo/spec';
import { withJfifDensity } from '../../../../../electron/host/capture/photo/jfif-density';
import { makeStandardPhoto } from '../../../../../electron/host/capture/photo/standard-photo';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { cameraFrame } from './camera-frame';
import { claimingSize, PNG_BYTES, soiThenNoise } from './hostile-jpegs';
import { estimateJpegQuality } from './jpeg-quality';

const SPECS: PhotoSpecId[] = ['residentId', 'drivingLicence', 'exitEntry'];
const frame = cameraFrame();

/** photo.check handlers over a fresh session with biometric consent; the face model is replaced by the drawn face, moved into the photo. */
function photoCheck() {
  const sessions = createSessionStore();
  const started = sessions.start({ language: 'zh-CN', elderMode: false });
  if (!started.ok) throw new Error('no session');
  const { sessionId } = started.value;
  faceData(sessions.get(sessionId)!).setConsent('biometric', { granted: true, recordedAt: new Date().toISOString() });
  let current: { spec: PhotoSpecId; crop: PhotoCrop } | null = null;
  let n = 0;
  const handlers = createPhotoHandlers({
    config: defaultConfig(),
    sessions,
    logger: pino({ level: 'silent' }),
    detectFaces: async () => (current ? [frame.faceIn(current.spec, current.crop)] : []),
    newId: () => `c${++n}`,
  });
  return {
    sessions,
    sessionId,
    check: (spec: PhotoSpecId, jpeg: Uint8Array = frame.jpeg, crop: PhotoCrop = frame.crop(spec)) => {
      current = { spec, crop };
      return handlers['photo.check']({ sessionId, spec, frame: Buffer.from(jpeg).toString('base64'), crop });
    },
  };
}

describe('the standard photo the host makes', () => {
  it.each(SPECS)('%s: spec size, file in range at the spec quality, every rule passed, and the reply is the kept file', async (spec) => {
    const { check, sessions, sessionId } = photoCheck();
    const reply = await check(spec);
    if (!reply.ok) throw new Error(reply.error.messageKey);
    const failed = reply.value.rules.filter((rule) => !rule.passed).map((rule) => `${rule.rule} ${rule.measured} [${rule.min}…${rule.max}]`);
    expect(failed).toEqual([]);
    expect(reply.value.passed).toBe(true);

    const jpeg = new Uint8Array(Buffer.from(reply.value.jpeg, 'base64'));
    const specOf = PHOTO_SPECS[spec];
    const made = await makeStandardPhoto(frame.jpeg, frame.crop(spec), specOf);
    if (!made.ok) throw new Error(made.error.detail);
    expect([made.value.image.width, made.value.image.height]).toEqual([specOf.size.width, specOf.size.height]);
    // The file's own tables say the quality the host reports, and it meets the spec.
    const quality = estimateJpegQuality(jpeg);
    expect(quality).toMatchObject({ ok: true, value: { exact: true } });
    const rule = (name: string) => reply.value.rules.find((r) => r.rule === name);
    expect(rule('jpegQuality')?.measured).toBe(quality.ok ? quality.value.quality : NaN);
    expect(rule('fileSize')?.measured).toBe(jpeg.length);
    if (specOf.minQuality !== null) expect(quality.ok && quality.value.quality).toBeGreaterThanOrEqual(specOf.minQuality);
    if (specOf.fileBytes) {
      expect(jpeg.length).toBeGreaterThanOrEqual(specOf.fileBytes.min!);
      expect(jpeg.length).toBeLessThanOrEqual(specOf.fileBytes.max!);
    }
    // The candidate kept for the session is the file sent back.
    expect(Buffer.from(faceData(sessions.get(sessionId)!).candidates(spec)[0]!.jpeg).equals(Buffer.from(jpeg))).toBe(true);
  });

  it.each([
    ['residentId', 350],
    ['drivingLicence', 300],
    ['exitEntry', 300],
  ] as const)('%s: the file states its print density, %i dpi (GA 461: 358×441 at 350 dpi), as another reader sees it', async (spec, dpi) => {
    const { check } = photoCheck();
    const reply = await check(spec);
    if (!reply.ok) throw new Error(reply.error.messageKey);
    const metadata = await sharp(Buffer.from(reply.value.jpeg, 'base64')).metadata();
    expect(metadata.density).toBe(dpi);
    expect([metadata.width, metadata.height]).toEqual([PHOTO_SPECS[spec].size.width, PHOTO_SPECS[spec].size.height]);
  });

  it('a JPEG that already has a JFIF segment gets its density replaced, not a second segment', async () => {
    const withJfif = withJfifDensity(frame.jpeg, 96);
    expect((await sharp(withJfif).metadata()).density).toBe(96);
    const set = withJfifDensity(withJfif, 350);
    expect((await sharp(set).metadata()).density).toBe(350);
    expect(set.length).toBe(withJfif.length);
    expect(withJfifDensity(PNG_BYTES, 350)).toBe(PNG_BYTES);
  });

  it('a crop reaching above the frame is filled from the frame\'s top edge: the backdrop stays plain', async () => {
    const high = cameraFrame({ crownY: 20 });
    const crop = high.crop('exitEntry');
    expect(crop.y).toBeLessThan(0);
    const made = await makeStandardPhoto(high.jpeg, crop, PHOTO_SPECS.exitEntry);
    if (!made.ok) throw new Error(made.error.detail);
    const { width, data } = made.value.image;
    const row = (y: number) => Array.from({ length: 20 }, (_, i) => data[(y * width + 10 + i) * 4]!);
    for (const value of [...row(0), ...row(5)]) expect(Math.abs(value - 240)).toBeLessThanOrEqual(8);
  });

  it('a frame that is no JPEG, truncated, noise, or claims a huge size is refused as "unreadable", and uses no retake', async () => {
    const { check } = photoCheck();
    const hostile = [PNG_BYTES, frame.jpeg.subarray(0, frame.jpeg.length >> 1), soiThenNoise(), claimingSize(frame.jpeg, 30_000, 30_000)];
    for (const jpeg of hostile) expect(await check('drivingLicence', jpeg)).toMatchObject({ ok: false, error: { messageKey: 'photo.unreadable' } });
    const reply = await check('drivingLicence');
    expect(reply).toMatchObject({ ok: true, value: { retakesLeft: 6 } });
  });

  it('a crop the frame cannot fill is refused as "unreadable"', async () => {
    const { check } = photoCheck();
    expect(await check('residentId', frame.jpeg, { x: 900, y: 0, width: 300 })).toMatchObject({ ok: false, error: { messageKey: 'photo.unreadable' } });
    expect(await check('residentId', frame.jpeg, { x: 0, y: 0, width: 20 })).toMatchObject({ ok: false, error: { messageKey: 'photo.unreadable' } });
    expect(await makeStandardPhoto(frame.jpeg, { x: 900, y: 0, width: 300 }, PHOTO_SPECS.residentId)).toMatchObject({ ok: false, error: { reason: 'badCrop' } });
  });
});
