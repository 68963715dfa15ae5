/** A small sample of the endorsement writer fuzzer (`npm run fuzz` runs a million). */
import { describe, expect, it } from 'vitest';
import { formatEndorsementFuzzReport, runEndorsementFuzz } from '../../scripts/fuzz-endorsement';

describe('endorsement writer fuzz (sample)', () => {
  it('fuzzes 3000 inputs without failures, refusing damaged records and accepting some mutations', () => {
    const report = runEndorsementFuzz({ iterations: 3000, seed: 17 });
    expect(report.failures, formatEndorsementFuzzReport(report)).toEqual([]);
    expect(report.roundTrips).toBe(3000);
    expect(report.cardAnswers).toBe(3000);
    expect(report.refused).toBeGreaterThan(3000);
    expect(report.accepted).toBeGreaterThan(0);
  });
});
