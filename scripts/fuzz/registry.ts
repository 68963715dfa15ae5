/**
 * The fuzzers `npm run fuzz` runs, in order. Each one drives one wire
 * decoder or message schema with generated and mutated input.
 */
import { formatAppendedAddressFuzzReport, runAppendedAddressFuzz } from '../fuzz-appended-address';
import { formatContractFuzzReport, runContractFuzz } from '../fuzz-contract';
import { formatEndorsementFuzzReport, runEndorsementFuzz } from '../fuzz-endorsement';
import { formatEscPosFuzzReport, runEscPosFuzz } from '../fuzz-escpos';
import { formatFingerprintFuzzReport, runFingerprintFuzz } from '../fuzz-fingerprint';
import { formatFuzzReport, runGa467Fuzz } from '../fuzz-ga467';
import { formatHidFuzzReport, runHidFuzz } from '../fuzz-hid';
import { formatScannerFuzzReport, runScannerFuzz } from '../fuzz-scanner';
import { formatPaymentFuzzReport, runPaymentFuzz } from '../fuzz-payment';
import type { FuzzOptions, FuzzStats } from './harness';

export interface Fuzzer {
  /** The name `--only` takes. */
  name: string;
  /** What is fuzzed, for the line printed before the run. */
  title: (iterations: number) => string;
  run(options: FuzzOptions): Promise<FuzzStats>;
  format(report: FuzzStats): string;
}

function fuzzer<R extends FuzzStats>(
  name: string,
  title: (iterations: number) => string,
  run: (options: FuzzOptions) => R | Promise<R>,
  format: (report: R) => string,
): Fuzzer {
  return { name, title, run: async (options) => run(options), format: (report) => format(report as R) };
}

export const FUZZERS: readonly Fuzzer[] = [
  fuzzer('ga467', (n) => `GA 467 frame decoder, ${n} streams…`, runGa467Fuzz, formatFuzzReport),
  fuzzer('appended-address', (n) => `GA 467 appended address (30 03) decoder, ${n} answers…`, runAppendedAddressFuzz, formatAppendedAddressFuzzReport),
  fuzzer('escpos', (n) => `ESC/POS status decoder and receipt parser, ${n} inputs…`, runEscPosFuzz, formatEscPosFuzzReport),
  fuzzer('hid', (n) => `HID report de-framing, ${n} report sequences…`, runHidFuzz, formatHidFuzzReport),
  fuzzer('scanner', (n) => `QR/barcode scanner line decoder, ${n} streams…`, runScannerFuzz, formatScannerFuzzReport),
  fuzzer('payment', (n) => `Payment notification decoder (signed order states), ${n} messages…`, runPaymentFuzz, formatPaymentFuzzReport),
  fuzzer('fingerprint', (n) => `Fingerprint scanner FP-HID reports and chunk reassembly, ${n} inputs…`, runFingerprintFuzz, formatFingerprintFuzzReport),
  fuzzer('endorsement', (n) => `Endorsement writer APDUs, BER-TLV permit and endorsement records, simulated card, ${n} inputs…`, runEndorsementFuzz, formatEndorsementFuzzReport),
  fuzzer('contract', (n) => `Contract messages (host dispatch and renderer decoding), ${n} messages…`, runContractFuzz, formatContractFuzzReport),
];
