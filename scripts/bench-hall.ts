/**
 * The hall's scale benchmarks (issue 18), against a real PostgreSQL and a real
 * Mosquitto started here:
 *   stats    — the console's statistics over 10 M journal rows (p95 ≤ 300 ms)
 *   kiosks   — 2,000 kiosks on one broker, help call press → console (p99 ≤ 500 ms)
 *   journal  — 1,000 kiosks' day of journal rows, exactly once across a broker restart
 *
 * `tsx scripts/bench-hall.ts [--rows N] [--only stats|kiosks|journal]`. Prints
 * a table and updates bench-results.json (read, merge by id, write: the kiosk
 * rows stay). Exits 1 when a figure misses its target or a part could not run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRow, meetsTarget, TABLE_HEADER } from './bench/row';
import type { HallBenchRow } from './bench-hall/figures';
import { benchHallStats } from './bench-hall/stats';
import { benchHelpCalls } from './bench-hall/help-calls';
import { benchJournalReplication } from './bench-hall/journal-replication';

const ROOT = join(import.meta.dirname, '..');
const argValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const rowsArg = Number(argValue('--rows') ?? 10_000_000);
const kiosksArg = Number(argValue('--kiosks') ?? 2000);
const only = (argValue('--only') ?? '').split(',').filter((p) => p !== '');
if (!Number.isInteger(rowsArg) || rowsArg < 1000) {
  console.error('--rows needs a whole number ≥ 1000');
  process.exit(2);
}
if (!Number.isInteger(kiosksArg) || kiosksArg < 10) {
  console.error('--kiosks needs a whole number ≥ 10');
  process.exit(2);
}
const log = (line: string) => console.log(line);

const parts: Array<{ name: string; key: string; run: () => Promise<HallBenchRow[]> }> = [
  { name: `Statistics over ${rowsArg.toLocaleString('en')} journal rows`, key: 'stats', run: () => benchHallStats({ rows: rowsArg, kiosks: 2000, runs: 25, log }) },
  { name: `${kiosksArg.toLocaleString('en')} kiosks through the real hall: help call press → console`, key: 'kiosks', run: () => benchHelpCalls({ kiosks: kiosksArg, calls: 250, processes: 2, log }) },
  { name: 'Journal replication through the real ingest across a broker restart', key: 'journal', run: () => benchJournalReplication({ kiosks: Math.ceil(kiosksArg / 2), rowsPerKiosk: 60, batchSize: 20, log }) },
];
const chosen = parts.filter((p) => only.length === 0 || only.includes(p.key));
if (chosen.length === 0) {
  console.error(`--only takes ${parts.map((p) => p.key).join(', ')}`);
  process.exit(2);
}

const rows: HallBenchRow[] = [];
const failures: string[] = [];
for (const part of chosen) {
  console.log(`\n${part.name}`);
  try {
    rows.push(...(await part.run()));
  } catch (error) {
    failures.push(`${part.name}: ${error instanceof Error ? error.message : String(error)}`);
    console.log(`  did not run: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

console.log(`\n${TABLE_HEADER}`);
for (const row of rows) console.log(formatRow(row));

const resultsPath = join(ROOT, 'bench-results.json');
let earlier: HallBenchRow[] = [];
if (existsSync(resultsPath)) {
  try {
    const parsed: unknown = JSON.parse(readFileSync(resultsPath, 'utf8'));
    if (Array.isArray(parsed)) earlier = parsed as HallBenchRow[];
  } catch {
    // An unreadable file is replaced.
  }
}
const fresh = new Map(rows.map((row) => [row.id, row]));
const merged = [...earlier.map((row) => fresh.get(row.id) ?? row), ...rows.filter((row) => !earlier.some((e) => e.id === row.id))];
writeFileSync(resultsPath, JSON.stringify(merged, null, 2) + '\n');

const missed = rows.filter((row) => !meetsTarget(row));
console.log(`\n${rows.length} hall figures written to bench-results.json; ${rows.length - missed.length} meet their target, ${missed.length} miss.`);
if (failures.length > 0) console.log(`Parts that could not run:\n  ${failures.join('\n  ')}`);
process.exit(missed.length > 0 || failures.length > 0 ? 1 : 0);
