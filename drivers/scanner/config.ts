/**
 * The code scanner's section of the devices config (DevicesConfig.scanner),
 * as plain TypeScript; the host's zod schema mirrors it and fills the defaults.
 */

/** What the scanner sends after each code (its "suffix" setting; CR is the usual factory default). */
export type LineSuffix = 'CR' | 'LF' | 'CRLF';

/** A QR/barcode scanner in serial line mode. */
export interface ScannerConfig {
  /** Device id in snapshots and events; default `scanner`. */
  id?: string;
  enabled: boolean;
  mode: 'simulated' | 'serial';
  /** Serial path (`/dev/ttyACM0`, `COM4`); required in serial mode. */
  path?: string;
  /** Line speed; serial scanners usually ship at 9600. */
  baudRate: number;
  suffix: LineSuffix;
  /** Longest code accepted, in bytes (UTF-8); longer lines are dropped. */
  maxLength: number;
}

/** Defaults the host's schema applies; exported for the CLI and tests. */
export const SCANNER_DEFAULTS = {
  baudRate: 9600,
  suffix: 'CR',
  maxLength: 4096,
} as const satisfies Partial<ScannerConfig>;

/** The bytes of a suffix. */
export function suffixBytes(suffix: LineSuffix): Uint8Array {
  switch (suffix) {
    case 'CR':
      return Uint8Array.of(0x0d);
    case 'LF':
      return Uint8Array.of(0x0a);
    case 'CRLF':
      return Uint8Array.of(0x0d, 0x0a);
    default: {
      const unreachable: never = suffix;
      return unreachable;
    }
  }
}
