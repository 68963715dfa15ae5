/**
 * Worker-thread entry of the fuzz runner: runs one fuzzer of a registry
 * module and posts its report back. Progress goes through the shared
 * counter the runner's watchdog reads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FuzzOptions } from './harness';
import type { Fuzzer } from './registry';

export interface WorkerInput {
  /** URL of a module exporting `FUZZERS`. */
  registry: string;
  name: string;
  options: Omit<FuzzOptions, 'progress'>;
  progress: SharedArrayBuffer;
}

export interface WorkerOutput {
  report: Awaited<ReturnType<Fuzzer['run']>>;
  text: string;
}

const input = workerData as WorkerInput;
const { FUZZERS } = (await import(input.registry)) as { FUZZERS: readonly Fuzzer[] };
const fuzzer = FUZZERS.find((f) => f.name === input.name);
if (!fuzzer) throw new Error(`no fuzzer named ${input.name}`);
const report = await fuzzer.run({ ...input.options, progress: new Int32Array(input.progress) });
parentPort!.postMessage({ report, text: fuzzer.format(report) } satisfies WorkerOutput);
