/** A small sample of the fingerprint fuzzer (`npm run fuzz` runs a million). */
import { describe, expect, it } from 'vitest';
import { formatFingerprintFuzzReport, runFingerprintFuzz } from '../../scripts/fuzz-fingerprint';

describe('fingerprint FP-HID fuzz (sample)', () => {
  it('fuzzes 3000 inputs without failures, refusing damaged reports and captures', () => {
    const report = runFingerprintFuzz({ iterations: 3000, seed: 14 });
    expect(report.failures, formatFingerprintFuzzReport(report)).toEqual([]);
    expect(report.validReports).toBe(6000);
    expect(report.rejectedReports).toBeGreaterThan(8000);
    expect(report.acceptedMutations).toBeGreaterThan(0);
    expect(report.damagedCaptures).toBeGreaterThan(100);
  });
});
