/**
 * The host's standard-photo work on a camera-size JPEG, without the face
 * model (the landmarks are the drawn portrait's own): `npx tsx
 * scripts/bench-photo.ts [--runs N]`.
 * - photo.decode.1280x720: a 1280×720 camera JPEG to RGBA (what the host does
 *   to every face-check frame and every photo it is sent).
 * - photo.standard.1280x720: the same JPEG to a checked 驾驶证 photo: decode,
 *   crop and resize to 260×378, the spec's checks, JPEG encoding fitted to
 *   the spec's 14–30 KB at quality ≥ 70.
 * This version measures the pure-TypeScript route (the hand-written decoder,
 * a bilinear resize, jpeg-js for encoding, quality read back from the
 * quantisation tables): the baseline before the host used libvips.
 */
import { pathToFileURL } from 'node:url';
import { CROP_TARGETS, cropRect } from '../renderer/steps/photo/targets';
import { checkPhoto } from '../electron/host/photo/checks';
import { decodeJpeg, type RgbaImage } from '../electron/host/photo/jpeg-decode';
import { estimateJpegQuality } from '../electron/host/photo/jpeg-quality';
import { PHOTO_SPECS } from '../electron/host/photo/spec';
import { crop, encodeJpeg, resize } from '../tests/electron/host/face/images';
import { drawPortrait } from '../tests/electron/host/photo/draw';
import { spread, type BenchRow } from './bench/row';

const FRAME = { width: 1280, height: 720 } as const;

/** A camera-like frame: a drawn head and shoulders with a little sensor noise, as a JPEG at quality 90. */
export function cameraFrame(): { jpeg: Uint8Array; crop: { x: number; y: number; width: number; height: number }; landmarks: ReturnType<typeof drawPortrait>['face'] } {
  const crownY = 100;
  const chinY = crownY + Math.round(260 * 1.33);
  const { image, face } = drawPortrait({ ...FRAME, background: [240, 240, 238], centreX: 640, crownY, faceWidth: 260, chinY });
  let seed = 7;
  for (let i = 0; i < image.data.length; i++) {
    if (i % 4 === 3) continue;
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    image.data[i] = Math.max(0, Math.min(255, image.data[i]! + ((seed >> 16) % 9) - 4));
  }
  const foreheadY = crownY + (chinY - crownY) * 0.22;
  const rect = cropRect({ ...face, foreheadY }, crownY, CROP_TARGETS.drivingLicence);
  return { jpeg: encodeJpeg(image, 90), crop: { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) }, landmarks: face };
}

const time = async (runs: number, work: () => unknown): Promise<number[]> => {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
};

/** The old route's decode, throwing (a benchmark has no refusals to handle). */
function decode(jpeg: Uint8Array): RgbaImage {
  const decoded = decodeJpeg(jpeg, { maxPixels: 4_000_000 });
  if (!decoded.ok) throw new Error(decoded.detail);
  return decoded.image;
}

/** Decode and standard-photo times over `runs` runs each (median, min, max). */
export async function benchPhoto(options: { runs?: number } = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? 15;
  const frame = cameraFrame();
  const spec = PHOTO_SPECS.drivingLicence;
  const target = CROP_TARGETS.drivingLicence;
  const decodeTimes = await time(runs, () => decode(frame.jpeg));
  const standard = async () => {
    const image = decode(frame.jpeg);
    const { x, y, width, height } = frame.crop;
    const photo = resize(crop(image, x, y, width, height), target.width, target.height);
    const scale = target.width / width;
    const face = { left: (frame.landmarks.left - x) * scale, right: (frame.landmarks.right - x) * scale, eyeY: (frame.landmarks.eyeY - y) * scale, chinY: (frame.landmarks.chinY - y) * scale, centreX: (frame.landmarks.centreX - x) * scale };
    let jpeg = new Uint8Array();
    for (const quality of [98, 95, 92, 90, 85, 80, 75, 70]) {
      jpeg = encodeJpeg(photo, quality);
      if (jpeg.length <= spec.fileBytes!.max!) break;
    }
    const estimated = estimateJpegQuality(jpeg);
    return checkPhoto(spec, { image: photo, jpegBytes: jpeg.length, jpegQuality: estimated.ok ? estimated.quality : null, face });
  };
  const failed = (await standard()).filter((rule) => !rule.passed);
  // A photo that fails would time a different path (and means the drawn frame is wrong).
  if (failed.length > 0) throw new Error(`the benchmark's photo fails: ${failed.map((rule) => `${rule.rule} ${rule.measured}`).join(', ')}`);
  const standardTimes = await time(runs, standard);
  return [
    { id: 'photo.decode.1280x720', ...spread(decodeTimes), unit: 'ms', target: 50, better: 'lower' },
    { id: 'photo.standard.1280x720', ...spread(standardTimes), unit: 'ms', target: 150, better: 'lower' },
  ];
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--runs');
  const rows = await benchPhoto({ runs: at > 0 ? Number(process.argv[at + 1]) : 15 });
  for (const row of rows) console.log(`${row.id.padEnd(42)} ${row.median.toFixed(1).padStart(8)} ${row.unit}  (min ${row.min?.toFixed(1)}, max ${row.max?.toFixed(1)})  target ≤ ${row.target}  ${row.median <= row.target ? 'ok' : 'ABOVE TARGET'}`);
  process.exit(rows.every((row) => row.median <= row.target) ? 0 : 1);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
