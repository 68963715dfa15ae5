/**
 * The `npm run fuzz` command line: runs the chosen fuzzers one after another,
 * each in a worker thread watched by a hang watchdog. A fuzzer that makes no
 * progress (no new iteration) for `--hang-ms` is terminated and counted as
 * failed, with the seed and iteration that reproduce the hang; the in-loop
 * time guard (harness.ts) catches slow iterations that do finish.
 *
 *   npx tsx scripts/fuzz.ts [--iterations N] [--only name[,name…]] [--seed S] [--hang-ms MS]
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { emptyStats, reproduceCommand, type FuzzOptions, type FuzzStats } from './harness';
import type { Fuzzer } from './registry';
import type { WorkerInput, WorkerOutput } from './worker';
import { err, ok, type Result } from '../../domain/result';

export const FUZZER_NAMES = ['ga467', 'appended-address', 'escpos', 'hid', 'scanner', 'payment', 'fingerprint', 'endorsement', 'contract'] as const;

export interface CliOptions {
  iterations: number;
  only: string[];
  seed?: number;
  hangMs: number;
}

const USAGE = `usage: npx tsx scripts/fuzz.ts [--iterations N] [--only ${FUZZER_NAMES.join('|')}[,…]] [--seed S] [--hang-ms MS]`;

/** What is wrong with the command line: a bad value for a known flag, or an unknown flag; the message is for the user. */
export type FuzzArgsProblem = { kind: 'badValue' | 'unknownArgument'; message: string };

/** Reads the command line; an error is a message for the user. */
export function parseFuzzArgs(argv: readonly string[]): Result<CliOptions, FuzzArgsProblem> {
  const options: CliOptions = { iterations: 1_000_000, only: [], hangMs: 60_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const integer = (min: number): number | undefined => {
      const n = Number(value);
      return value !== undefined && value.trim() !== '' && Number.isSafeInteger(n) && n >= min ? n : undefined;
    };
    switch (flag) {
      case '--iterations': {
        const n = integer(1);
        if (n === undefined) return err({ kind: 'badValue', message: '--iterations must be a positive integer' });
        options.iterations = n;
        break;
      }
      case '--seed': {
        const n = integer(0);
        if (n === undefined || n > 0xffffffff) return err({ kind: 'badValue', message: '--seed must be an integer 0..4294967295' });
        options.seed = n;
        break;
      }
      case '--hang-ms': {
        const n = integer(1);
        if (n === undefined) return err({ kind: 'badValue', message: '--hang-ms must be a positive integer' });
        options.hangMs = n;
        break;
      }
      case '--only': {
        const names = (value ?? '').split(',').filter(Boolean);
        const unknown = names.filter((n) => !(FUZZER_NAMES as readonly string[]).includes(n));
        if (names.length === 0 || unknown.length > 0) return err({ kind: 'badValue', message: `--only takes ${FUZZER_NAMES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}` });
        options.only.push(...names);
        break;
      }
      default:
        return err({ kind: 'unknownArgument', message: `unknown argument ${flag}` });
    }
    i++;
  }
  return ok(options);
}

/** The outcome of one fuzzer run in a worker. */
export interface WorkerRun {
  report: FuzzStats;
  text: string;
}

/** How long a worker may take to load before its first iteration. */
const STARTUP_BUDGET_MS = 60_000;

/**
 * Runs fuzzer `name` of the registry module at `registry` (a file URL) in a
 * worker thread. Never rejects: a hang, a crash of the worker or an exit
 * without a report comes back as a failed report.
 */
export function runFuzzerInWorker(registry: string, name: string, options: Omit<FuzzOptions, 'progress'>, hangMs: number): Promise<WorkerRun> {
  const progress = new SharedArrayBuffer(8);
  const counter = new Int32Array(progress);
  const failed = (what: string, at?: number): WorkerRun => {
    // The seed the fuzzer chose (its default unless given), as the worker published it.
    const report = emptyStats(Atomics.load(counter, 1) >>> 0);
    report.iterations = Atomics.load(counter, 0);
    if (at !== undefined) report.firstFailingIteration = at;
    report.failures.push(what);
    return { report, text: `${name} fuzz: FAILED after ${report.iterations} iterations: ${what}` };
  };
  // tsx's loader is registered inside the worker: Node 20 does not pass it on to workers.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const source = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const workerData: WorkerInput = { registry, name, options, progress };
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(source, { eval: true, workerData });
    const settle = (run: WorkerRun): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      resolve(run);
    };
    let last = -1;
    const created = Date.now();
    let lastChange = created;
    const watchdog = setInterval(() => {
      const now = Atomics.load(counter, 0);
      if (now !== last) {
        last = now;
        lastChange = Date.now();
        return;
      }
      if (Date.now() - lastChange < hangMs) return;
      // Still loading (tsx and the registry, slow on a busy machine): not a hang until the start-up budget is spent.
      if (now === 0 && Date.now() - created < Math.max(hangMs, STARTUP_BUDGET_MS)) return;
      const iteration = Math.max(0, now - 1);
      settle(failed(`iteration ${iteration} (seed ${Atomics.load(counter, 1) >>> 0}): hang: no progress for ${hangMs} ms; worker terminated`, iteration));
      void worker.terminate();
    }, Math.min(500, hangMs));
    worker.on('message', (message: WorkerOutput) => settle(message));
    worker.on('error', (error) => settle(failed(`worker crashed: ${error.stack ?? error.message}`)));
    worker.on('exit', (code) => settle(failed(`worker exited (code ${code}) without a report`)));
  });
}

/** Runs the CLI; resolves with the exit code (and exits when `exit` is true). */
export async function runCli(argv: readonly string[], exit = true): Promise<number> {
  const parsed = parseFuzzArgs(argv);
  if (!parsed.ok) {
    console.error(`${parsed.error.message}\n${USAGE}`);
    if (exit) process.exit(64);
    return 64;
  }
  const { iterations, only, seed, hangMs } = parsed.value;
  const registry = new URL('./registry.ts', import.meta.url).href;
  const { FUZZERS } = (await import(registry)) as { FUZZERS: readonly Fuzzer[] };
  const chosen = FUZZERS.filter((f) => only.length === 0 || only.includes(f.name));
  let failed = false;
  for (const [k, f] of chosen.entries()) {
    console.log(`${k === 0 ? '' : '\n'}${f.title(iterations)}`);
    const run = await runFuzzerInWorker(registry, f.name, seed === undefined ? { iterations } : { iterations, seed }, hangMs);
    console.log(run.text);
    const again = reproduceCommand(f.name, run.report);
    if (again) console.log(`reproduce: ${again}`);
    failed ||= run.report.failures.length > 0;
  }
  const code = failed ? 1 : 0;
  if (exit) process.exit(code);
  return code;
}
