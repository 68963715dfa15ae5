/**
 * The devices section of the kiosk config, as plain TypeScript. The host's
 * zod schema mirrors these types (and fills the defaults below); drivers never
 * import zod schemas from the host.
 */
import type { HidLengthPrefix } from '../transport/hid-reports';
import type { ReceiptPrinterConfig } from '../receipt/config';
import type { ScannerConfig } from '../scanner/config';
import type { FingerprintConfig } from '../fingerprint/config';
import type { EndorsementWriterConfig } from '../endorsement/config';

/** HID report layout of a HID-attached reader (vendor-specific, DOMAIN.md §1). */
export interface HidReportConfig {
  reportId: number;
  reportSize: number;
  lengthPrefix: HidLengthPrefix;
}

/** The resident ID card reader. */
export interface IdCardDeviceConfig {
  /** Device id in snapshots and events; default `idcard`. */
  id?: string;
  enabled: boolean;
  mode: 'simulated' | 'serial' | 'hid';
  /** Serial path (`/dev/ttyUSB0`, `COM3`) or hidraw path. */
  path?: string;
  /** With productId: find the device by USB identity after re-enumeration. */
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  /** Line speed; 115200 is the normal setting. */
  baudRate: number;
  /** Probe the other standard speeds when the reader does not answer at `baudRate`. */
  autoBaud: boolean;
  /** How often the reader polls for a card (DOMAIN.md: about once a second). */
  pollIntervalMs: number;
  /** Use command 30 10 (text + photo + fingerprint) instead of 30 01. */
  readFingerprint: boolean;
  hid?: HidReportConfig;
  simulator?: {
    /** The simulator paces its replies like a line at this speed. */
    paceBaud: number;
    /** Sample card name placed on the simulated reader at start. */
    initialCard?: string;
  };
}

/** Every device the kiosk may drive. More kinds join as optional keys. */
export interface DevicesConfig {
  idcard?: IdCardDeviceConfig;
  receiptPrinter?: ReceiptPrinterConfig;
  scanner?: ScannerConfig;
  fingerprint?: FingerprintConfig;
  /** 签注写卡: the electronic permit's contactless writer; absent on a kiosk without one. */
  endorsementWriter?: EndorsementWriterConfig;
}

/** Defaults the host's schema applies; exported for the CLI and tests. */
export const ID_CARD_DEFAULTS = {
  baudRate: 115_200,
  autoBaud: true,
  pollIntervalMs: 1000,
  readFingerprint: false,
  hid: { reportId: 0, reportSize: 64, lengthPrefix: 'u8' },
  simulator: { paceBaud: 115_200 },
} as const satisfies Partial<IdCardDeviceConfig>;
