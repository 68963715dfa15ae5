/**
 * The fingerprint scanner's section of the devices config
 * (DevicesConfig.fingerprint), as plain TypeScript; the host's zod schema
 * mirrors it and fills the defaults.
 */

/** A fingerprint scanner speaking FP-HID v1 (docs/fingerprint-protocol.md), or its simulator. */
export interface FingerprintConfig {
  /** Device id in snapshots and events; default `fingerprint`. */
  id?: string;
  enabled: boolean;
  mode: 'simulated' | 'hid';
  /** hidraw or platform path; wins over VID/PID. */
  path?: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  simulator?: {
    /** From finger detected to the answer, while the live quality shows. */
    settleMs: number;
  };
}

export const FINGERPRINT_DEFAULTS = { simulator: { settleMs: 400 } } as const satisfies Partial<FingerprintConfig>;
