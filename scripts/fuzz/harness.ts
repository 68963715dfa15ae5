/**
 * What every fuzzer in `npm run fuzz` shares: a seeded PRNG, the iteration
 * loop with its per-iteration time guard, failure collection with the seed
 * that reproduces them, progress for the hang watchdog (runner.ts) and the
 * one-line report format.
 *
 * One PRNG stream runs through a whole run, so a failure at iteration i is
 * reproduced by the same seed with `--iterations i+1`.
 */
import { seededRandom as seededPrng } from '../../drivers/seeded-random';

/** A seeded PRNG: uniform in [0, 1). */
export type Random = () => number;

/** mulberry32 (drivers/seeded-random.ts): fast, 32-bit state, good enough to drive mutations. */
export function seededRandom(seed: number): Random {
  return seededPrng(seed);
}

/** An integer in [0, n). */
export const int = (random: Random, n: number): number => Math.floor(random() * n);

/** One element of a non-empty list. */
export const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

/** How long and how to fuzz; the same for every fuzzer. */
export interface FuzzOptions {
  iterations: number;
  /** Seed of the run's PRNG; each fuzzer has its own default. */
  seed?: number;
  /** Longest an iteration may take before it counts as a hang. Default 1000 ms (an iteration normally takes well under 1 ms; GC pauses reach a few hundred). */
  timeGuardMs?: number;
  /** The clock the time guard reads (ms); `performance.now` by default, a fake one in tests. */
  clock?: () => number;
  /** Stop after this many failures. Default 10. */
  maxFailures?: number;
  /** For a watchdog in another thread: slot 0 receives the number of the iteration in progress + 1, slot 1 the seed. */
  progress?: Int32Array;
}

/** What every fuzz report holds; `failures` empty means it passed. */
export interface FuzzStats {
  /** The seed the run used. */
  seed: number;
  iterations: number;
  elapsedMs: number;
  /** Slowest single iteration. */
  maxIterationMs: number;
  /** Index of the first iteration that failed, for `--iterations i+1`. */
  firstFailingIteration?: number;
  failures: string[];
}

/** The counters every report starts with. */
export function emptyStats(seed: number): FuzzStats {
  return { seed, iterations: 0, elapsedMs: 0, maxIterationMs: 0, failures: [] };
}

/** Handed to a fuzzer's body once per iteration. */
export interface Iteration {
  readonly index: number;
  readonly random: Random;
  /** Shown in failure messages next to the seed, e.g. the iteration's mode. */
  label?: string;
  /** Records a failure of this iteration (with the seed and iteration number). */
  fail(what: string): void;
}

interface Loop<R extends FuzzStats> {
  report: R;
  random: Random;
  /** Starts iteration i, or returns undefined when the run is over. */
  begin(i: number): { iteration: Iteration; started: number } | undefined;
  threw(iteration: Iteration, error: unknown): void;
  end(iteration: Iteration, started: number): void;
  finish(): R;
}

function loop<R extends FuzzStats>(options: FuzzOptions, defaultSeed: number, makeReport: (seed: number) => R): Loop<R> {
  const seed = options.seed ?? defaultSeed;
  const guard = options.timeGuardMs ?? 1000;
  const clock = options.clock ?? (() => performance.now());
  const maxFailures = options.maxFailures ?? 10;
  const random = seededRandom(seed);
  const report = makeReport(seed);
  if (options.progress) Atomics.store(options.progress, 1, seed | 0);
  const began = clock();
  return {
    report,
    random,
    begin(i) {
      if (i >= options.iterations || report.failures.length >= maxFailures) return undefined;
      if (options.progress) Atomics.store(options.progress, 0, i + 1);
      report.iterations++;
      const iteration: Iteration = {
        index: i,
        random,
        fail: (what) => {
          report.firstFailingIteration ??= i;
          report.failures.push(`iteration ${i} (seed ${seed}${iteration.label ? `, ${iteration.label}` : ''}): ${what}`);
        },
      };
      return { iteration, started: clock() };
    },
    threw(iteration, error) {
      iteration.fail(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
    end(iteration, started) {
      const took = clock() - started;
      report.maxIterationMs = Math.max(report.maxIterationMs, took);
      if (took > guard) iteration.fail(`took ${took.toFixed(1)} ms (hang guard ${guard} ms)`);
    },
    finish() {
      report.elapsedMs = clock() - began;
      return report;
    },
  };
}

/**
 * Runs a synchronous fuzzer body `options.iterations` times; never throws
 * (an exception is a failure of its iteration).
 */
export function fuzzLoopSync<R extends FuzzStats>(
  options: FuzzOptions,
  defaultSeed: number,
  makeReport: (seed: number) => R,
  body: (iteration: Iteration, report: R) => void,
): R {
  const run = loop(options, defaultSeed, makeReport);
  for (let i = 0; ; i++) {
    const next = run.begin(i);
    if (!next) break;
    try {
      body(next.iteration, run.report);
    } catch (error) {
      run.threw(next.iteration, error);
    }
    run.end(next.iteration, next.started);
  }
  return run.finish();
}

/** The same for a body that may be asynchronous; sync iterations are not awaited. */
export async function fuzzLoop<R extends FuzzStats>(
  options: FuzzOptions,
  defaultSeed: number,
  makeReport: (seed: number) => R,
  body: (iteration: Iteration, report: R) => void | Promise<void>,
): Promise<R> {
  const run = loop(options, defaultSeed, makeReport);
  for (let i = 0; ; i++) {
    const next = run.begin(i);
    if (!next) break;
    try {
      const pending = body(next.iteration, run.report);
      if (pending) await pending;
    } catch (error) {
      run.threw(next.iteration, error);
    }
    run.end(next.iteration, next.started);
  }
  return run.finish();
}

/**
 * The one report line: `<name> fuzz: N iterations, <counters>, F failures,
 * T s (slowest iteration M ms)`, then one line per failure.
 */
export function formatReport(name: string, r: FuzzStats, counters: readonly string[]): string {
  const line =
    `${name} fuzz: ${r.iterations} iterations, ${counters.map((c) => `${c}, `).join('')}` +
    `${r.failures.length} failures, ${(r.elapsedMs / 1000).toFixed(1)} s (slowest iteration ${r.maxIterationMs.toFixed(1)} ms)`;
  return r.failures.length === 0 ? line : `${line}\n${r.failures.map((f) => `  ${f}`).join('\n')}`;
}

/** The command that replays a failed run up to its first failure. */
export function reproduceCommand(name: string, r: FuzzStats): string | undefined {
  if (r.firstFailingIteration === undefined) return undefined;
  return `npx tsx scripts/fuzz.ts --only ${name} --seed ${r.seed} --iterations ${r.firstFailingIteration + 1}`;
}
