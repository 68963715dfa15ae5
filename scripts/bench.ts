/**
 * `npm run bench`: runs every benchmark, prints one table (median, min, max,
 * target, pass/fail) and writes bench-results.json at the repo root as an
 * array of `{ id, median, unit, target, better }` (plus min/max where measured).
 * Timings are medians of repeated runs or ratios measured in one run; none of
 * them is asserted in `npm test`.
 *
 * `npm run bench -- --only <id-prefix>` (repeatable, or comma-separated) runs
 * only the benchmarks whose row ids start with a prefix (e.g. `face.flow`,
 * `session.wipe`, `ui.`), prints only those rows, and updates them in an
 * existing bench-results.json, keeping the other rows as they were.
 *
 * The hall's rows (`hall.stats.`, `hall.help.`, `hall.journal.`) come after
 * the kiosk rows from `scripts/bench-hall.ts` (also `npm run bench:hall`),
 * run against a real PostgreSQL and Mosquitto; the command exits non-zero
 * when a hall figure misses its target. The 可视化代办 call's rows (`proxy.call.`)
 * come last, from `scripts/bench-proxy.ts` (also `npm run bench:proxy`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDocumentCamera } from './bench-document-camera';
import { benchCapabilities } from './bench-capabilities';
import { benchDocuments } from './bench-documents';
import { benchFaceDetection } from './bench-face';
import { benchFaceFlow } from './bench-face-flow';
import { benchGa467Decoder } from './bench-ga467';
import { benchIdCardPty } from './bench-idcard-pty';
import { benchPhoto } from './bench-photo';
import { benchReceipt } from './bench-receipt';
import { benchUi } from './bench-ui';
import { benchWipe } from './bench-wipe';
import { hallPartsFor, runHallBench } from './bench/hall-part';
import { proxyBenchWanted, runProxyBench } from './bench/proxy-part';
import { formatRow, meetsTarget, TABLE_HEADER, type BenchRow } from './bench/row';

const ROOT = join(import.meta.dirname, '..');

/** Each suite with the prefix its row ids share (what `--only` matches). */
const suites: Array<{ name: string; ids: string; run: () => Promise<BenchRow[]> | BenchRow[] }> = [
  { name: 'ID card decoder', ids: 'ga467.', run: () => benchGa467Decoder({ runs: 7 }) },
  { name: 'ID card read over a pty', ids: 'idcard.', run: () => benchIdCardPty({ runs: 9 }) },
  { name: 'Receipt encoding', ids: 'receipt.', run: () => benchReceipt({}) },
  { name: 'A4 document rendering', ids: 'documents.', run: () => benchDocuments({ runs: 15 }) },
  { name: 'Capability demo (payment order → QR, signature → PDF)', ids: 'capabilities.', run: () => benchCapabilities({ runs: 15 }) },
  { name: 'Standard photo on the host (camera JPEG)', ids: 'photo.', run: () => benchPhoto({ runs: 15 }) },
  { name: 'Document camera page to the straightened page', ids: 'doccam.', run: () => benchDocumentCamera({ runs: 15 }) },
  { name: 'Face detection (Chromium)', ids: 'face.detect.', run: () => benchFaceDetection({ frames: 40 }) },
  { name: 'Kiosk UI (start-up, first-load JS, touch to paint)', ids: 'ui.', run: () => benchUi({ startupRuns: 5, touchRuns: 3, rounds: 6 }) },
  { name: 'Face check, first frame to result (Chromium)', ids: 'face.flow.', run: () => benchFaceFlow({ cold: 3, warm: 6 }) },
  { name: 'Session wipe, cancel tap to clean attract', ids: 'session.wipe.', run: () => benchWipe({ runs: 12 }) },
];

/** `--only` prefixes (none = everything). */
const only = process.argv.flatMap((arg, at) => (process.argv[at - 1] === '--only' ? arg.split(',') : arg.startsWith('--only=') ? arg.slice(7).split(',') : [])).filter((p) => p !== '');
if (process.argv.includes('--only') && only.length === 0) {
  console.error('--only needs a row id prefix, e.g. --only face.flow');
  process.exit(2);
}
const wanted = (id: string): boolean => only.length === 0 || only.some((prefix) => id.startsWith(prefix));
const chosen = suites.filter((suite) => only.length === 0 || only.some((prefix) => suite.ids.startsWith(prefix) || prefix.startsWith(suite.ids)));
const hallParts = hallPartsFor(only);
const proxyWanted = proxyBenchWanted(only);
if (chosen.length === 0 && hallParts.length === 0 && !proxyWanted) {
  console.error(`no benchmark matches --only ${only.join(',')}; row id prefixes: ${suites.map((s) => s.ids).join(' ')} hall.stats. hall.help. hall.journal. proxy.call.`);
  process.exit(2);
}

const rows: BenchRow[] = [];
const failures: string[] = [];
if (chosen.length > 0) console.log(TABLE_HEADER);
for (const suite of chosen) {
  try {
    for (const row of await suite.run()) {
      if (!wanted(row.id)) continue;
      rows.push(row);
      console.log(formatRow(row));
    }
  } catch (error) {
    failures.push(`${suite.name}: ${error instanceof Error ? error.message : String(error)}`);
    console.log(`${suite.name.padEnd(48)} did not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const resultsPath = join(ROOT, 'bench-results.json');
/** With --only, the rows of an earlier full run stay, with the ones just measured replaced or added. */
function merged(fresh: readonly BenchRow[]): BenchRow[] {
  if (only.length === 0 || !existsSync(resultsPath)) return [...fresh];
  let earlier: BenchRow[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(resultsPath, 'utf8'));
    if (Array.isArray(parsed)) earlier = parsed as BenchRow[];
  } catch {
    // An unreadable file is replaced.
  }
  const byId = new Map(fresh.map((row) => [row.id, row]));
  const out = earlier.map((row) => byId.get(row.id) ?? row);
  for (const row of fresh) if (!earlier.some((e) => e.id === row.id)) out.push(row);
  return out;
}
if (chosen.length > 0) {
  writeFileSync(resultsPath, JSON.stringify(merged(rows), null, 2) + '\n');
  const missed = rows.filter((row) => !meetsTarget(row));
  console.log(`\n${rows.length} figures ${only.length === 0 ? 'written to' : 'updated in'} bench-results.json; ${rows.length - missed.length} meet their target, ${missed.length} miss.`);
  if (failures.length > 0) console.log(`Benchmarks that could not run:\n  ${failures.join('\n  ')}`);
}
// The hall's rows are merged into the file just written; a missed hall target fails the command.
const hallExit = hallParts.length > 0 ? runHallBench(ROOT, hallParts) : 0;
// Then the 可视化代办 call's rows (coturn in a namespace, three Chromium parties), merged the same way.
const proxyExit = proxyWanted ? runProxyBench(ROOT) : 0;
process.exit(failures.length > 0 || hallExit !== 0 || proxyExit !== 0 ? 1 : 0);
