/**
 * The receipt printer's section of the devices config (DevicesConfig.receiptPrinter),
 * as plain TypeScript; the host's zod schema mirrors it and fills the defaults.
 */
import type { PaperWidthMm } from './paper';
import type { PaperState } from './status';

/** The thermal receipt printer. */
export interface ReceiptPrinterConfig {
  /** Device id in snapshots and events; default `receiptPrinter`. */
  id?: string;
  enabled: boolean;
  mode: 'simulated' | 'serial';
  /** Serial path (`/dev/ttyUSB0`, `COM3`); required in serial mode. */
  path?: string;
  baudRate: number;
  paperWidthMm: PaperWidthMm;
  /** How often to poll `DLE EOT` while idle, in ms; 0 disables polling. */
  statusPollMs: number;
  simulator?: {
    /** Initial paper state of the simulated printer. */
    paper?: PaperState;
    coverOpen?: boolean;
  };
}

/** Defaults the host's schema applies; exported for the CLI and tests. */
export const RECEIPT_PRINTER_DEFAULTS = {
  baudRate: 115_200,
  paperWidthMm: 80,
  statusPollMs: 2000,
} as const satisfies Partial<ReceiptPrinterConfig>;
