/** A small sample of the appended-address fuzzer (`npm run fuzz` runs a million). */
import { describe, expect, it } from 'vitest';
import { formatAppendedAddressFuzzReport, runAppendedAddressFuzz } from '../../scripts/fuzz-appended-address';

describe('appended address (30 03) fuzz (sample)', () => {
  it('fuzzes 3000 answers without failures, refusing wrong lengths and bad text', () => {
    const report = runAppendedAddressFuzz({ iterations: 3000, seed: 30 });
    expect(report.failures, formatAppendedAddressFuzzReport(report)).toEqual([]);
    expect(report.roundTrips).toBe(3000);
    expect(report.refused).toBeGreaterThan(1000);
    expect(report.accepted).toBeGreaterThan(100);
  });
});
