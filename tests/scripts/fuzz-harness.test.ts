/** The shared fuzz scaffolding (scripts/fuzz/): PRNG, loop, mutations, command line and the hang watchdog. */
import { describe, expect, it } from 'vitest';
import { formatReport, fuzzLoop, fuzzLoopSync, emptyStats, reproduceCommand, seededRandom } from '../../scripts/fuzz/harness';
import { flipBit, mutateBytes, randomChunks, truncate } from '../../scripts/fuzz/mutate';
import { parseFuzzArgs, runFuzzerInWorker } from '../../scripts/fuzz/runner';

describe('fuzz harness', () => {
  it('replays the same PRNG stream for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('turns exceptions and slow iterations into failures naming the seed and iteration', () => {
    // A fake clock: iteration 5 "takes" 20 ms, every other one no time at all (no real timing in npm test).
    let now = 0;
    const report = fuzzLoopSync({ iterations: 10, seed: 7, timeGuardMs: 5, clock: () => now }, 1, emptyStats, (it) => {
      if (it.index === 2) throw new Error('boom');
      if (it.index === 5) now += 20;
    });
    expect(report.iterations).toBe(10);
    expect(report.seed).toBe(7);
    expect(report.firstFailingIteration).toBe(2);
    expect(report.failures[0]).toMatch(/^iteration 2 \(seed 7\): threw: Error: boom/);
    expect(report.failures[1]).toBe('iteration 5 (seed 7): took 20.0 ms (hang guard 5 ms)');
    expect(reproduceCommand('x', report)).toBe('npx tsx scripts/fuzz.ts --only x --seed 7 --iterations 3');
    expect(formatReport('x', report, ['a 1'])).toMatch(/^x fuzz: 10 iterations, a 1, 2 failures, /);
  });

  it('stops at maxFailures and awaits only asynchronous iterations', async () => {
    let awaited = 0;
    const report = await fuzzLoop({ iterations: 100, maxFailures: 3 }, 1, emptyStats, (it) => {
      it.label = 'mode';
      it.fail('no');
      return it.index % 2 ? Promise.resolve().then(() => void awaited++) : undefined;
    });
    expect(report.iterations).toBe(3);
    expect(awaited).toBe(1);
    expect(report.failures[0]).toBe('iteration 0 (seed 1, mode): no');
  });

  it('mutates and chunks reproducibly', () => {
    const input = Uint8Array.from({ length: 64 }, (_, i) => i);
    const a = mutateBytes(seededRandom(3), input);
    expect(mutateBytes(seededRandom(3), input)).toEqual(a);
    expect(mutateBytes(seededRandom(3), input, [truncate], 1).length).toBeLessThanOrEqual(64);
    const flipped = mutateBytes(seededRandom(5), input, [flipBit], 1);
    expect(flipped.length).toBe(64);
    expect([...flipped].filter((b, i) => b !== input[i])).toHaveLength(1);
    const chunks = randomChunks(seededRandom(9), input, 4, 64);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(input));
  });
});

describe('fuzz command line', () => {
  it('reads --iterations, --only, --seed and --hang-ms', () => {
    expect(parseFuzzArgs([])).toEqual({ ok: true, value: { iterations: 1_000_000, only: [], hangMs: 60_000 } });
    expect(parseFuzzArgs(['--iterations', '500', '--only', 'hid,contract', '--seed', '0', '--hang-ms', '100'])).toEqual({
      ok: true,
      value: { iterations: 500, only: ['hid', 'contract'], seed: 0, hangMs: 100 },
    });
    expect(parseFuzzArgs(['--only', 'nope']).ok).toBe(false);
    expect(parseFuzzArgs(['--iterations', '0']).ok).toBe(false);
    expect(parseFuzzArgs(['--iterations', '1e3x']).ok).toBe(false);
    expect(parseFuzzArgs(['--frobnicate']).ok).toBe(false);
  });

  it('terminates a fuzzer that stops making progress and reports where', async () => {
    const registry = new URL('./fixtures/hanging-registry.ts', import.meta.url).href;
    const hung = await runFuzzerInWorker(registry, 'hangs', { iterations: 10, seed: 4 }, 1500);
    expect(hung.report.failures).toEqual([expect.stringMatching(/^iteration 3 \(seed 4\): hang: no progress for 1500 ms; worker terminated$/)]);
    expect(hung.report.firstFailingIteration).toBe(3);
    const passed = await runFuzzerInWorker(registry, 'passes', { iterations: 50 }, 1500);
    expect(passed).toEqual({ report: expect.objectContaining({ iterations: 50, failures: [] }), text: 'passes: 50 iterations, 0 failures' });
  }, 30_000);
});
