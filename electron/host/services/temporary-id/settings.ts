/** Site settings of 临时身份证申领 (`services.settings.temporary-id`). */
import { z } from 'zod';

export const TemporaryIdSettings = z
  .object({
    /** The hall has a 临时身份证 printer: the card is issued at the counter at once, not on a later date. */
    counterPrinter: z.boolean().default(false),
  })
  .strict()
  .default({ counterPrinter: false });
export type TemporaryIdSettings = z.infer<typeof TemporaryIdSettings>;
