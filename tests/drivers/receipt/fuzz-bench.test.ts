import { describe, expect, it } from 'vitest';
import { benchReceipt } from '../../../scripts/bench-receipt';
import { formatEscPosFuzzReport, runEscPosFuzz } from '../../../scripts/fuzz-escpos';

describe('ESC/POS fuzz and receipt bench (small samples)', () => {
  it('fuzzes 3000 iterations without failures', async () => {
    const report = await runEscPosFuzz({ iterations: 3000, seed: 42 });
    expect(report.failures, formatEscPosFuzzReport(report)).toEqual([]);
    expect(report.roundTrips).toBeGreaterThan(50);
    expect(report.validStatusBytes).toBeGreaterThan(0);
  });

  it('bench returns rows with the agreed shape', () => {
    const rows = benchReceipt({ runs: 3, perRun: 5 });
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(row).toMatchObject({ id: expect.any(String), median: expect.any(Number), unit: expect.any(String), target: expect.any(Number), better: expect.stringMatching(/^(higher|lower)$/) });
      expect(Number.isFinite(row.median)).toBe(true);
      // Repeated runs carry their spread; the one-off first-use figure has none.
      if (row.id.includes('first use')) expect(row).not.toHaveProperty('min');
      else expect(row.min! <= row.median && row.median <= row.max!).toBe(true);
    }
  });
});
