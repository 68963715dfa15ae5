/**
 * `npm run bench:proxy`: the 可视化代办 call's figures on the product's
 * hall, kiosk, phone page and console (see `scripts/bench-proxy/call-bench.ts`):
 * link opened → all media flowing through TURN, broken into its steps, and
 * CPU per party during a call. Needs root (a network namespace for coturn),
 * coturn, espeak-ng, ffmpeg and Chromium.
 *
 * `tsx scripts/bench-proxy.ts [--runs N] [--call-seconds S]`. Prints a table
 * and merges its rows by id into bench-results.json (the other rows stay).
 * Exits 1 when a figure misses its target or the bench could not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRow, meetsTarget, TABLE_HEADER } from './bench/row';
import type { HallBenchRow } from './bench-hall/figures';
import { RETIRED_IDS } from './bench-proxy/call-phases';
import { benchProxyCall } from './bench-proxy/call-bench';

const ROOT = join(import.meta.dirname, '..');
const argValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const runs = Number(argValue('--runs') ?? 5);
const callSeconds = Number(argValue('--call-seconds') ?? 20);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(callSeconds) || callSeconds < 3) {
  console.error('--runs needs a whole number ≥ 1, --call-seconds a whole number ≥ 3');
  process.exit(2);
}

// The kiosk screen measured is this checkout's: built now (the hall builds its console and phone page itself).
const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-renderer.mjs')], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(`${build.stdout}${build.stderr}\nThe kiosk renderer did not build. 终端界面构建失败。`);
  process.exit(1);
}

console.log(`\nProxy call on the product: hall, kiosk host, three Chromium parties through coturn in a network namespace (relay only), ${runs} calls, CPU over ${callSeconds} s`);
let rows: HallBenchRow[] = [];
try {
  rows = await benchProxyCall({ runs, callSeconds, log: (line) => console.log(line) });
} catch (error) {
  console.log(`  did not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

console.log(`\n${TABLE_HEADER}`);
for (const row of rows) console.log(formatRow(row));

const resultsPath = join(ROOT, 'bench-results.json');
let earlier: HallBenchRow[] = [];
if (existsSync(resultsPath)) {
  try {
    const parsed: unknown = JSON.parse(readFileSync(resultsPath, 'utf8'));
    if (Array.isArray(parsed)) earlier = (parsed as HallBenchRow[]).filter((row) => !RETIRED_IDS.includes(row.id));
  } catch {
    // An unreadable file is replaced.
  }
}
const fresh = new Map(rows.map((row) => [row.id, row]));
const merged = [...earlier.map((row) => fresh.get(row.id) ?? row), ...rows.filter((row) => !earlier.some((e) => e.id === row.id))];
writeFileSync(resultsPath, JSON.stringify(merged, null, 2) + '\n');
const missed = rows.filter((row) => !meetsTarget(row));
console.log(`\n${rows.length} proxy call figures written to bench-results.json; ${rows.length - missed.length} meet their target, ${missed.length} miss.`);
process.exit(missed.length > 0 ? 1 : 0);
