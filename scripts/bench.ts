/**
 * `npm run bench`: runs every benchmark, prints one table (median, min, max,
 * target, pass/fail) and writes bench-results.json at the repo root as an
 * array of `{ id, median, unit, target, better }` (plus min/max where measured).
 * Timings are medians of repeated runs or ratios measured in one run; none of
 * them is asserted in `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDocuments } from './bench-documents';
import { benchFaceDetection } from './bench-face';
import { benchGa467Decoder } from './bench-ga467';
import { benchIdCardPty } from './bench-idcard-pty';
import { benchReceipt } from './bench-receipt';
import { benchUi } from './bench-ui';
import { formatRow, meetsTarget, TABLE_HEADER, type BenchRow } from './bench/row';

const ROOT = join(import.meta.dirname, '..');

const suites: Array<{ name: string; run: () => Promise<BenchRow[]> | BenchRow[] }> = [
  { name: 'ID card decoder', run: () => benchGa467Decoder({ runs: 7 }) },
  { name: 'ID card read over a pty', run: () => benchIdCardPty({ runs: 9 }) },
  { name: 'Receipt encoding', run: () => benchReceipt({}) },
  { name: 'A4 document rendering', run: () => benchDocuments({ runs: 15 }) },
  { name: 'Face detection (Chromium)', run: () => benchFaceDetection({ frames: 40 }) },
  { name: 'Kiosk UI (start-up, first-load JS, touch to paint)', run: () => benchUi({ startupRuns: 5, touchRuns: 3, rounds: 6 }) },
];

const rows: BenchRow[] = [];
const failures: string[] = [];
console.log(TABLE_HEADER);
for (const suite of suites) {
  try {
    for (const row of await suite.run()) {
      rows.push(row);
      console.log(formatRow(row));
    }
  } catch (error) {
    failures.push(`${suite.name}: ${error instanceof Error ? error.message : String(error)}`);
    console.log(`${suite.name.padEnd(48)} did not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
writeFileSync(join(ROOT, 'bench-results.json'), JSON.stringify(rows, null, 2) + '\n');
const missed = rows.filter((row) => !meetsTarget(row));
console.log(`\n${rows.length} figures written to bench-results.json; ${rows.length - missed.length} meet their target, ${missed.length} miss.`);
if (failures.length > 0) console.log(`Benchmarks that could not run:\n  ${failures.join('\n  ')}`);
process.exit(failures.length > 0 ? 1 : 0);
