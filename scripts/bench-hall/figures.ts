/**
 * The hall benchmarks' figures: percentiles of repeated runs and the rows they
 * add to bench-results.json. A row has the kiosk benchmarks' shape
 * (`scripts/bench/row.ts`): `median` holds the figure the target applies to
 * (the p95 or p99 its id names), min/max the spread, plus `p50`, `runs` and
 * the `commit` measured.
 */
import { execFileSync } from 'node:child_process';
import type { BenchRow } from '../bench/row';

export interface HallBenchRow extends BenchRow {
  p50?: number;
  runs?: number;
  commit: string;
  /** Counts that explain the figure (e.g. duplicates ignored), not compared with a target. */
  detail?: Record<string, number>;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('a benchmark produced no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** A latency row: the `p`th percentile against `target` ms, with p50 and the spread. */
export function latencyRow(id: string, samples: readonly number[], p: 95 | 99, target: number): HallBenchRow {
  return {
    id: `${id}.p${p}`,
    median: round(percentile(samples, p)),
    unit: 'ms',
    target,
    better: 'lower',
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    p50: round(percentile(samples, 50)),
    runs: samples.length,
    commit: currentCommit(),
  };
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

let commit: string | null = null;
/** The short commit measured (`unknown` outside a git checkout). */
export function currentCommit(): string {
  if (commit === null) {
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      commit = 'unknown';
    }
  }
  return commit;
}

/** Milliseconds since `start` (performance.now()). */
export function since(start: number): number {
  return performance.now() - start;
}
