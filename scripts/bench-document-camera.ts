/**
 * The host's work on one document camera page: `npx tsx
 * scripts/bench-document-camera.ts [--runs N]`.
 * - doccam.page.1280x960: a 1280×960 camera JPEG of an A4 page lying at an
 *   angle on a dark desk (the tests' angled-page.ts) to the kept page, as
 *   `document.submit` does it: decode, the size, light and sharpness checks,
 *   finding the page, the perspective warp, the contrast clean-up and the
 *   JPEG encoding (page-checks.ts).
 * - doccam.straighten.1280x960: of that, finding, warping and cleaning up only.
 */
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { checkPage } from '../electron/host/capture/documents/page-checks';
import { straightenPage } from '../electron/host/capture/documents/straighten-page';
import { angledPageJpeg } from '../tests/electron/host/capture/documents/angled-page';
import { spread, type BenchRow } from './bench/row';

const time = async (runs: number, work: () => Promise<unknown>): Promise<number[]> => {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
};

/** Page and straightening times over `runs` runs each (median, min, max). */
export async function benchDocumentCamera(options: { runs?: number } = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? 15;
  const jpeg = await angledPageJpeg();
  const first = await checkPage(jpeg);
  // A refused or unstraightened page would time a different path (and means the drawn frame is wrong).
  if (!first.ok || first.value.miss !== null) throw new Error(`the benchmark's page was not straightened: ${JSON.stringify(first.ok ? first.value.miss : first.error.reason)}`);
  const pageTimes = await time(runs, () => checkPage(jpeg));
  const straightenTimes = await time(runs, () => straightenPage(sharp(jpeg)));
  return [
    { id: 'doccam.page.1280x960', ...spread(pageTimes), unit: 'ms', target: 400, better: 'lower' },
    { id: 'doccam.straighten.1280x960', ...spread(straightenTimes), unit: 'ms', target: 250, better: 'lower' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--runs');
  const rows = await benchDocumentCamera({ runs: at > 0 ? Number(process.argv[at + 1]) : 15 });
  for (const row of rows) console.log(`${row.id}: median ${row.median.toFixed(1)} ${row.unit} (min ${row.min?.toFixed(1)}, max ${row.max?.toFixed(1)})`);
}
