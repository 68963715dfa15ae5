import { describe, expect, it } from 'vitest';
import { judgeMemory, memoryGrowth, type MemorySample } from '../../scripts/soak/memory';
import { parseSoakOptions } from '../../scripts/soak/options';

const samples = (rss: (session: number) => number): MemorySample[] =>
  Array.from({ length: 51 }, (_, i) => ({ session: i * 20, atMs: i * 1000, hostRssKb: rss(i * 20), rendererHeapUsedKb: 5000 }));

describe('the soak\'s memory growth after the warm-up', () => {
  it('sees a steady leak in the fitted line, whatever the last sample happens to be', () => {
    // 380 MB at session 100, +20 kB per session, the last sample caught low.
    const growth = memoryGrowth(samples((s) => (s === 1000 ? 370_000 : 380_000 + 20 * (s - 100))), 100)!;
    expect(growth.fromSession).toBe(100);
    expect(growth.hostRssKb.endpointGrowthPercent).toBeLessThan(0);
    expect(growth.hostRssKb.slopeKbPerSession).toBeGreaterThan(15);
    expect(growth.hostRssKb.fittedGrowthPercent).toBeGreaterThan(3.5);
  });

  it('calls a flat host that breathes by ±20 MB flat, though two single samples differ by 11 %', () => {
    const growth = memoryGrowth(samples((s) => 380_000 + (s % 40 === 0 ? 20_000 : -20_000)), 100)!;
    expect(Math.abs(growth.hostRssKb.fittedGrowthPercent)).toBeLessThan(1);
    expect(growth.hostRssKb.endpointGrowthPercent).toBeCloseTo(11.1, 0);
    expect(growth.rendererHeapKb).toMatchObject({ slopeKbPerSession: 0, fittedGrowthPercent: 0 });
  });

  it('judges growth of 5 % or more on the fitted line as an error, only over 200 or more sessions after the warm-up', () => {
    const leaking = samples((s) => 380_000 + 30 * (s - 100));
    const judged = judgeMemory(memoryGrowth(leaking, 100));
    expect(judged).toEqual({ judged: true, errors: [expect.stringMatching(/^host RSS grew 7\.1\d? % after the warm-up \(fitted over sessions 100→1000; limit 5 %\)$/)] });
    const flat = samples(() => 380_000);
    expect(judgeMemory(memoryGrowth(flat, 100))).toEqual({ judged: true, errors: [] });
    // A short run: the same leak is reported, not judged (the host is still settling).
    const short = leaking.filter((s) => s.session <= 200);
    expect(judgeMemory(memoryGrowth(short, 20))).toEqual({ judged: false, why: expect.stringContaining('only 180 sessions after the warm-up') });
    // Two samples are always one line: not judged, however far apart.
    const two = leaking.filter((s) => s.session === 100 || s.session === 1000);
    expect(judgeMemory(memoryGrowth(two, 100))).toEqual({ judged: false, why: 'fewer than three memory samples after the warm-up' });
    expect(judgeMemory(null)).toMatchObject({ judged: false });
  });

  it('warms up over the first tenth of the run unless told otherwise', () => {
    expect(parseSoakOptions(['--sessions', '1000'])).toEqual({ options: { sessions: 1000, warmup: 100, sampleEvery: 5, heapCensus: 0, out: 'soak-results.json' } });
    expect(parseSoakOptions(['--sessions', '50', '--warmup', '60'])).toMatchObject({ options: { warmup: 50 } });
    expect(parseSoakOptions(['--sessions', 'many'])).toEqual({ error: '--sessions must be an integer ≥ 1' });
  });
});
