import { describe, expect, it } from 'vitest';
import { formatRow, meetsTarget, spread } from '../../scripts/bench/row';

describe('a benchmark row', () => {
  it('reports the median, min and max of the repeated runs', () => {
    expect(spread([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(() => spread([])).toThrow(/no measurements/);
  });

  it('passes or fails on the median against the target, in the direction that is better', () => {
    const lower = { id: 'x', median: 300, unit: 'ms', target: 300, better: 'lower' as const };
    expect(meetsTarget(lower)).toBe(true);
    expect(meetsTarget({ ...lower, median: 300.1 })).toBe(false);
    expect(meetsTarget({ ...lower, better: 'higher', median: 299 })).toBe(false);
  });

  it('prints one table line: figures, a dash where a row has one measurement, the target and the verdict', () => {
    const line = formatRow({ id: 'documents.render.certificate (warm)', ...spread([60.4, 50.5, 145]), unit: 'ms', target: 300, better: 'lower' });
    expect(line).toMatch(/^documents\.render\.certificate \(warm\)\s+60\.4\s+50\.5\s+145 ms\s+≤ 300\s+pass$/);
    expect(formatRow({ id: 'cold', median: 2500, unit: 'ms', target: 2000, better: 'lower' })).toMatch(/2500\s+—\s+— ms\s+≤ 2000\s+FAIL$/);
  });
});
