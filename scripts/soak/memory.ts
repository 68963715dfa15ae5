/** Memory figures of the soak: the host's resident set and the renderer's JS heap, with a growth slope. */
import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** One memory sample, taken after `session` sessions. */
export interface MemorySample {
  session: number;
  atMs: number;
  hostRssKb: number;
  rendererHeapUsedKb: number;
}

/** VmRSS of a process from /proc/<pid>/status, in kB. */
export function processRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

/** The page's JS heap in use after a forced garbage collection (DevTools protocol), in kB. */
export async function rendererHeapKb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return Math.round(usage.usedSize / 1024);
}

/** The least-squares line through `points`: its slope and its value at `x` (flat through the mean with fewer than two distinct x). */
export function fitLine(points: ReadonlyArray<readonly [number, number]>): { slope: number; at(x: number): number } {
  const n = points.length;
  const mx = n ? points.reduce((s, [x]) => s + x, 0) / n : 0;
  const my = n ? points.reduce((s, [, y]) => s + y, 0) / n : 0;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return { slope, at: (x) => my + slope * (x - mx) };
}

/** The soak's target: memory may grow less than this after the warm-up (fitted, see {@link MemoryFigure}). */
export const MEMORY_GROWTH_LIMIT_PERCENT = 5;

/** One memory figure after warm-up. */
export interface MemoryFigure {
  first: number;
  last: number;
  max: number;
  slopeKbPerSession: number;
  /** last / first − 1, in %: two single samples, each of which breathes with the GC and the allocator. */
  endpointGrowthPercent: number;
  /**
   * The least-squares line's rise over the post-warm-up range, in % of its value
   * at the warm-up: the growth the soak judges, steadier than two single samples.
   */
  fittedGrowthPercent: number;
}

/**
 * Sessions that must follow the warm-up before growth is judged: over a short
 * run the host is still settling (JIT, caches, allocator), which a line through
 * a few samples reads as growth.
 */
export const MEMORY_JUDGED_FROM_SESSIONS = 200;

/** Whether the run's memory meets {@link MEMORY_GROWTH_LIMIT_PERCENT}, or why it is not judged. */
export type MemoryVerdict = { judged: true; errors: string[] } | { judged: false; why: string };

/** Judges host RSS and renderer heap growth after the warm-up (fitted line), for runs long enough to judge. */
export function judgeMemory(growth: MemoryGrowth | null): MemoryVerdict {
  // Three samples at least: two are always one line, one is none.
  if (!growth || growth.samples < 3) return { judged: false, why: 'fewer than three memory samples after the warm-up' };
  if (growth.toSession - growth.fromSession < MEMORY_JUDGED_FROM_SESSIONS) return { judged: false, why: `only ${growth.toSession - growth.fromSession} sessions after the warm-up; the < ${MEMORY_GROWTH_LIMIT_PERCENT} % figure is judged over ${MEMORY_JUDGED_FROM_SESSIONS} or more` };
  const errors: string[] = [];
  for (const [what, figure] of [['host RSS', growth.hostRssKb], ['renderer JS heap', growth.rendererHeapKb]] as const) {
    if (figure.fittedGrowthPercent >= MEMORY_GROWTH_LIMIT_PERCENT) errors.push(`${what} grew ${figure.fittedGrowthPercent} % after the warm-up (fitted over sessions ${growth.fromSession}→${growth.toSession}; limit ${MEMORY_GROWTH_LIMIT_PERCENT} %)`);
  }
  return { judged: true, errors };
}

/** Growth after warm-up: first and last post-warm-up samples and the per-session slope, for host RSS and renderer heap. */
export interface MemoryGrowth {
  fromSession: number;
  toSession: number;
  /** Samples taken at or after the warm-up. */
  samples: number;
  hostRssKb: MemoryFigure;
  rendererHeapKb: MemoryFigure;
}

/** Summarises the samples taken at or after `warmup` sessions. */
export function memoryGrowth(samples: readonly MemorySample[], warmup: number): MemoryGrowth | null {
  const after = samples.filter((s) => s.session >= warmup);
  if (after.length === 0) return null;
  const first = after[0]!;
  const last = after.at(-1)!;
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  const figure = (pick: (s: MemorySample) => number): MemoryFigure => {
    const points = after.map((s) => [s.session, pick(s)] as const);
    const line = fitLine(points);
    const perSession = line.slope;
    const fittedAtWarmup = line.at(first.session);
    return {
      first: pick(first),
      last: pick(last),
      max: Math.max(...after.map(pick)),
      slopeKbPerSession: round(perSession, 1),
      endpointGrowthPercent: round((pick(last) / pick(first) - 1) * 100, 2),
      fittedGrowthPercent: fittedAtWarmup > 0 ? round(((perSession * (last.session - first.session)) / fittedAtWarmup) * 100, 2) : 0,
    };
  };
  return { fromSession: first.session, toSession: last.session, samples: after.length, hostRssKb: figure((s) => s.hostRssKb), rendererHeapKb: figure((s) => s.rendererHeapUsedKb) };
}
