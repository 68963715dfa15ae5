/**
 * The hall's rows of `npm run bench`: `scripts/bench-hall.ts` run as its own
 * process after the kiosk rows (it starts its own PostgreSQL and Mosquitto and
 * merges its rows into bench-results.json by id). Row ids `hall.stats.*`,
 * `hall.help.*`, `hall.journal.*` map to its parts `stats`, `kiosks`, `journal`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PARTS: ReadonlyArray<{ ids: string; part: string }> = [
  { ids: 'hall.stats.', part: 'stats' },
  { ids: 'hall.help.', part: 'kiosks' },
  { ids: 'hall.journal.', part: 'journal' },
];

/** The hall parts an `--only` list selects (all of them with no `--only`); empty when none. */
export function hallPartsFor(only: readonly string[]): string[] {
  if (only.length === 0) return PARTS.map((p) => p.part);
  return PARTS.filter((p) => only.some((prefix) => p.ids.startsWith(prefix) || prefix.startsWith(p.ids))).map((p) => p.part);
}

/** Runs the hall bench for `parts` with its output on ours; its exit code (1 when a hall target is missed). */
export function runHallBench(root: string, parts: readonly string[]): number {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-hall.ts'), '--only', parts.join(',')], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}
