/**
 * The config's `staff` section: the hall's key for matching officer cards
 * (`staffIdKey`, hex; a hall may hand it in its credentials file instead)
 * and the paper the kiosk counts against.
 */
import { z } from 'zod';

export const StaffConfig = z
  .object({
    /** HMAC key (hex, 32+ bytes) the hall's allow-list digests ID numbers with. */
    staffIdKey: z
      .string()
      .regex(/^([0-9a-fA-F]{2}){32,64}$/, 'hex, 32 to 64 bytes')
      .optional(),
    /** Receipts one roll prints (80 m roll ≈ 250). */
    receiptRollCapacity: z.number().int().min(1).max(10_000).default(250),
    /** Sheets the A4 tray holds. */
    a4TrayCapacity: z.number().int().min(1).max(10_000).default(250),
  })
  .strict();
export type StaffConfig = z.infer<typeof StaffConfig>;

export const STAFF_CONFIG_DEFAULTS = (): StaffConfig => StaffConfig.parse({});
