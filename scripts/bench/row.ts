/** One benchmark figure, as `bench-results.json` records it. */
export interface BenchRow {
  id: string;
  median: number;
  unit: string;
  target: number;
  better: 'higher' | 'lower';
  /** Spread of the repeated runs, where the benchmark has them. */
  min?: number;
  max?: number;
}

/** Whether a row meets its target. */
export function meetsTarget(row: BenchRow): boolean {
  return row.better === 'higher' ? row.median >= row.target : row.median <= row.target;
}

/** One aligned table line for a row. */
export function formatRow(row: BenchRow): string {
  const n = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 3)).padStart(9);
  return `${row.id.padEnd(48)} ${n(row.median)} ${n(row.min)} ${n(row.max)} ${row.unit.padEnd(6)} ${(row.better === 'higher' ? '≥ ' : '≤ ') + String(row.target)}`.padEnd(96) + (meetsTarget(row) ? 'pass' : 'FAIL');
}

/** Header matching {@link formatRow}. */
export const TABLE_HEADER = `${'benchmark'.padEnd(48)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} ${'unit'.padEnd(6)} target`.padEnd(96) + 'result';

/** Median, min and max of a benchmark's repeated runs (the table's three figures). */
export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  if (values.length === 0) throw new Error('a benchmark produced no measurements');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
