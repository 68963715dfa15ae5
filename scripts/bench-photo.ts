/**
 * The host's standard-photo work on a camera-size JPEG, without the face
 * model (the landmarks are the drawn portrait's own): `npx tsx
 * scripts/bench-photo.ts [--runs N]`.
 * - photo.decode.1280x720: a 1280×720 camera JPEG to RGBA (what the host does
 *   to every face-check frame and every photo it is sent).
 * - photo.standard.1280x720: the same JPEG to a checked 驾驶证 photo: decode,
 *   crop and resize to 260×378, the spec's checks, JPEG encoding fitted to
 *   the spec's 14–30 KB at quality ≥ 70.
 * Both through libvips (sharp), as the host does them (decode-jpeg.ts,
 * standard-photo.ts). The baseline before libvips, the same work on the
 * pure-TypeScript route (the hand-written decoder, a bilinear resize,
 * jpeg-js, quality read back from the tables), is in docs/reliability.md.
 */
import { pathToFileURL } from 'node:url';
import { landmarksOf } from '../electron/host/capture/photo/handlers';
import { checkPhoto } from '../electron/host/capture/photo/checks';
import { decodeJpeg } from '../face-analysis/decode-jpeg';
import { PHOTO_SPECS } from '../electron/host/capture/photo/spec';
import { makeStandardPhoto } from '../electron/host/capture/photo/standard-photo';
import { cameraFrame } from '../tests/electron/host/capture/photo/camera-frame';
import { spread, type BenchRow } from './bench/row';

/** A 1280×720 camera frame (JPEG, quality 90) with a head 260 px wide. */
const frameOf = () => cameraFrame({ width: 1280, height: 720, faceWidth: 260, crownY: 100, noise: 8, quality: 90 });

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

/** Decode and standard-photo times over `runs` runs each (median, min, max). */
export async function benchPhoto(options: { runs?: number } = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? 15;
  const frame = frameOf();
  const spec = PHOTO_SPECS.drivingLicence;
  const crop = frame.crop('drivingLicence');
  const face = landmarksOf([frame.faceIn('drivingLicence', crop)]);
  const decodeTimes = await time(runs, async () => {
    const decoded = await decodeJpeg(frame.jpeg);
    if (!decoded.ok) throw new Error(decoded.error.detail);
  });
  const standard = async () => {
    const photo = await makeStandardPhoto(frame.jpeg, crop, spec);
    if (!photo.ok) throw new Error(photo.error.detail);
    return checkPhoto(spec, { image: photo.value.image, jpegBytes: photo.value.jpeg.length, jpegQuality: photo.value.quality, face });
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
