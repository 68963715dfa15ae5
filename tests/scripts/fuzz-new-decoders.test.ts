/** Small samples of the HID, scanner and contract fuzzers (`npm run fuzz` runs a million each). */
import { describe, expect, it } from 'vitest';
import { readInputReport } from '../../drivers/transport/hid-input';
import { describeHidFramingError } from '../../drivers/transport/hid-reports';
import { exampleProblems, formatContractFuzzReport, runContractFuzz } from '../../scripts/fuzz-contract';
import { formatHidFuzzReport, runHidFuzz } from '../../scripts/fuzz-hid';
import { formatScannerFuzzReport, isUtf8, runScannerFuzz } from '../../scripts/fuzz-scanner';
import { seededRandom } from '../../scripts/fuzz/harness';
import { randomBytes } from '../../scripts/fuzz/mutate';
import { FUZZERS } from '../../scripts/fuzz/registry';
import { FUZZER_NAMES } from '../../scripts/fuzz/runner';
import { formatPaymentFuzzReport, runPaymentFuzz } from '../../scripts/fuzz-payment';

describe('HID report de-framing fuzz (sample)', () => {
  it('fuzzes 2000 report sequences without failures', async () => {
    const report = await runHidFuzz({ iterations: 2000, seed: 11 });
    expect(report.failures, formatHidFuzzReport(report)).toEqual([]);
    expect(report.iterations).toBe(2000);
    expect(report.reports).toBeGreaterThan(5000);
    expect(report.foreignReports).toBeGreaterThan(0);
    expect(report.rejectedReports).toBeGreaterThan(0);
    expect(report.transportRuns).toBe(250);
  });

  it('refuses a report that carries more than one report can (found by the fuzzer)', () => {
    // Configured 8-byte reports: a 12-byte unnumbered report, and a u8 prefix claiming 9 of 7 possible bytes.
    expect(readInputReport(new Uint8Array(12), { reportId: 0, reportSize: 8, lengthPrefix: 'none' })).toEqual({
      ok: false,
      error: { kind: 'longerThanReportSize', length: 12, reportSize: 8 },
    });
    const claim = Uint8Array.of(2, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    const refused = readInputReport(claim, { reportId: 2, reportSize: 8, lengthPrefix: 'u8' });
    expect(refused).toEqual({ ok: false, error: { kind: 'lengthBeyondReportSize', declared: 9, reportSize: 8, most: 7 } });
    if (!refused.ok) expect(describeHidFramingError(refused.error)).toBe('HID report says 9 payload bytes but a report of size 8 carries at most 7');
    // Within the size, unchanged: padding after the declared length is still ignored.
    expect(readInputReport(Uint8Array.of(2, 3, 1, 2, 3, 0, 0, 0, 0), { reportId: 2, reportSize: 8, lengthPrefix: 'u8' })).toEqual({ ok: true, value: Uint8Array.of(1, 2, 3) });
    expect(readInputReport(new Uint8Array(8), { reportId: 0, reportSize: 8, lengthPrefix: 'none' })).toEqual({ ok: true, value: new Uint8Array(8) });
  });
});

describe('scanner line decoder fuzz (sample)', () => {
  it('fuzzes 2000 streams without failures', async () => {
    const report = await runScannerFuzz({ iterations: 2000, seed: 12 });
    expect(report.failures, formatScannerFuzzReport(report)).toEqual([]);
    expect(report.codesDecoded).toBe(report.codesSent);
    expect(report.codesSent).toBeGreaterThan(3000);
    expect(report.badLinesSent).toBeGreaterThan(100);
    expect(report.mutatedErrors).toBeGreaterThan(0);
  });

  it("the oracle's UTF-8 validator agrees with a fatal TextDecoder", () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const random = seededRandom(5);
    const samples: Uint8Array[] = [Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xf4, 0x90, 0x80, 0x80), Uint8Array.of(0xe0, 0x80, 0x80), Uint8Array.of(0xf0, 0x9f, 0x98, 0x80), Uint8Array.of(0xc3)];
    for (let k = 0; k < 3000; k++) {
      const bytes = randomBytes(random, 1 + Math.floor(random() * 6));
      samples.push(random() < 0.5 ? bytes.map((b) => (b & 0x3f) | (random() < 0.5 ? 0x80 : 0xc0)) : bytes);
    }
    for (const bytes of samples) {
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      expect(isUtf8(bytes), Buffer.from(bytes).toString('hex')).toBe(valid);
    }
  });
});

describe('contract message fuzz (sample)', () => {
  it('has a valid example for every call and event of the contract', () => {
    expect(exampleProblems()).toEqual([]);
  });

  it('fuzzes 2000 messages without failures, every call and event accepted and refused', async () => {
    const report = await runContractFuzz({ iterations: 2000, seed: 13 });
    expect(report.failures, formatContractFuzzReport(report)).toEqual([]);
    expect(report.validCalls).toBeGreaterThan(300);
    expect(report.refusedParams).toBeGreaterThan(300);
    expect(report.mutatedTexts).toBeGreaterThan(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzz registry', () => {
  it('runs the six fuzzers --only knows, in order', () => {
    expect(FUZZERS.map((f) => f.name)).toEqual([...FUZZER_NAMES]);
  });
});

describe('payment notification fuzz (sample)', () => {
  it('fuzzes 2000 signed messages without failures: only the service’s signature over a well-formed order is accepted', () => {
    const report = runPaymentFuzz({ iterations: 2000, seed: 15 });
    expect(report.failures, formatPaymentFuzzReport(report)).toEqual([]);
    expect(report.accepted).toBeGreaterThan(100);
    expect(report.badSignature).toBeGreaterThan(500);
    expect(report.badResponse).toBeGreaterThan(100);
  });
});
