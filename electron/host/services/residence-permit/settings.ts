/**
 * Site settings of 居住证申领 (`services.settings.residence-permit`). The
 * 条例 asks only for 本人相片 (art. 9); cities mostly take the ID card's
 * photo standard, so that is the default, and a city with its own standard
 * names another spec here (DOMAIN.md §3).
 */
import { z } from 'zod';
import { PhotoSpecId } from '../../../contract';

export const ResidencePermitSettings = z
  .object({
    /** The photo standard the city's 居住证 uses. */
    photoSpec: PhotoSpecId.default('residentId'),
  })
  .strict()
  .default({ photoSpec: 'residentId' });
export type ResidencePermitSettings = z.infer<typeof ResidencePermitSettings>;
