/**
 * `fingerprint info|capture`: checks an FP-HID fingerprint scanner
 * (docs/fingerprint-protocol.md) found by hidraw path or VID:PID, or the
 * simulator (`--simulate`, which places a finger of `--quality` by itself).
 * `capture` prints the quality and the template's size and SHA-256 prefix,
 * never the template itself (biometric data).
 */
import { createHash } from 'node:crypto';
import { createHidFingerprintScanner } from '../fingerprint/hid-scanner';
import type { FingerprintScanner } from '../fingerprint/scanner';
import type { FingerprintDeviceInfo } from '../fingerprint/protocol';
import type { Timers } from '../manager/timers';
import { createFingerprintSimulator, SIMULATED_FINGERPRINT_USB } from '../fingerprint/simulator';
import { describeOptionError, parseOptions, positiveInt } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';

export const FINGERPRINT_HELP = `Usage: fingerprint <info|capture> (--path P | --vid V --pid P | --simulate) [options]

Checks a fingerprint scanner speaking FP-HID v1 (docs/fingerprint-protocol.md).

Commands:
  info                   the scanner's protocol version, firmware, sensor size, dpi, serial number
  capture                waits for a finger; prints its quality (0-100) and the template's size

Options:
  --path P               hidraw or platform path of the scanner
  --vid V --pid P        find it by USB vendor and product id (hex, e.g. 1209 and 0001)
  --simulate             use the built-in simulator (a finger is placed by itself)
  --quality Q            simulator only: the placed finger's quality, 0-100 (default 86)
  --timeout-ms T         how long to wait for a finger (default 15000)
  --json                 print one JSON object
  -h, --help             show this help

Exit codes: 0 ok, 2 no scanner, no answer, no finger in time or a scanner error, 64 bad usage.`;

const hex = (raw: string | boolean | undefined): number | undefined | null => {
  if (raw === undefined) return undefined;
  return typeof raw === 'string' && /^(0x)?[0-9a-f]{1,4}$/i.test(raw) ? parseInt(raw.replace(/^0x/i, ''), 16) : null;
};

/** Timers that keep the process alive while a capture waits (the manager's are unref'd). */
const cliTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `fingerprint info`'s line (also the maintenance screen's). */
export function describeFingerprintInfo(info: FingerprintDeviceInfo): string {
  return `FP-HID v${info.protocolVersion}, firmware ${info.firmware}, sensor ${info.imageWidth}×${info.imageHeight} at ${info.dpi} dpi, serial ${info.serialNumber || '-'}`;
}

/** Runs `fingerprint …`. */
export async function runFingerprint(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(FINGERPRINT_HELP);
    return EXIT.ok;
  }
  if (command !== 'info' && command !== 'capture') {
    io.err(`${command === undefined ? 'missing command' : `unknown fingerprint command "${command}"`}\n\n${FINGERPRINT_HELP}`);
    return EXIT.usage;
  }
  const parsed = parseOptions(rest, { path: { type: 'string' }, vid: { type: 'string' }, pid: { type: 'string' }, simulate: { type: 'boolean' }, quality: { type: 'string' }, 'timeout-ms': { type: 'string' }, json: { type: 'boolean' } });
  if (!parsed.ok) {
    io.err(`${describeOptionError(parsed.error)}\n\n${FINGERPRINT_HELP}`);
    return EXIT.usage;
  }
  const v = parsed.value.values;
  if (v.help) {
    io.out(FINGERPRINT_HELP);
    return EXIT.ok;
  }
  const vendorId = hex(v.vid);
  const productId = hex(v.pid);
  const timeout = positiveInt('timeout-ms', v['timeout-ms'], 15_000);
  const quality = v.quality === undefined ? 86 : Number(v.quality);
  const usage = (message: string): ExitCode => {
    io.err(`${message}\n\n${FINGERPRINT_HELP}`);
    return EXIT.usage;
  };
  if (vendorId === null || productId === null) return usage('--vid and --pid are hexadecimal, e.g. 1209');
  if (!timeout.ok) return usage(describeOptionError(timeout.error));
  if (!Number.isInteger(quality) || quality < 0 || quality > 100) return usage('--quality must be an integer 0-100');
  const where = [v.simulate === true, typeof v.path === 'string', vendorId !== undefined || productId !== undefined].filter(Boolean).length;
  if (where !== 1 || ((vendorId === undefined) !== (productId === undefined))) return usage('give exactly one of --path, --vid with --pid, or --simulate');

  let scanner: FingerprintScanner;
  if (v.simulate) {
    const sim = createFingerprintSimulator({ settleMs: 200, timers: cliTimers });
    sim.placeFinger(quality);
    scanner = createHidFingerprintScanner({ path: SIMULATED_FINGERPRINT_USB.path, timers: cliTimers }, sim.hid);
  } else {
    scanner = createHidFingerprintScanner(typeof v.path === 'string' ? { path: v.path, timers: cliTimers } : { vendorId: vendorId!, productId: productId!, timers: cliTimers });
  }
  try {
    const opened = await scanner.open();
    if (!opened.ok) {
      io.err(`error: ${opened.error.kind}: ${opened.error.message}`);
      return EXIT.deviceError;
    }
    const info = opened.value;
    if (command === 'info') {
      io.out(v.json ? JSON.stringify(info) : describeFingerprintInfo(info));
      return EXIT.ok;
    }
    if (!v.json) io.err('请按压手指 (place a finger on the scanner)…');
    const captured = await scanner.capture({ timeoutMs: timeout.value });
    if (!captured.ok) {
      io.err(`error: ${captured.error.kind}: ${captured.error.message}`);
      return EXIT.deviceError;
    }
    const digest = createHash('sha256').update(captured.value.template).digest('hex').slice(0, 16);
    const result = { quality: captured.value.quality, templateBytes: captured.value.template.length, templateSha256Prefix: digest };
    io.out(v.json ? JSON.stringify(result) : `quality ${result.quality}/100, template ${result.templateBytes} bytes (sha256 ${digest}…)`);
    return EXIT.ok;
  } finally {
    await scanner.close();
  }
}
