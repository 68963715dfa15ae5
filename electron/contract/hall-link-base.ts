/**
 * The hall link's leaf pieces (the topic root, masked identities), apart
 * from hall-link.ts so that proxy.ts (and through it flows.ts, events.ts)
 * can use them without an import cycle: hall-link.ts reads `Events`.
 */
import { z } from 'zod';

export const HALL_LINK_ROOT = 'onedoor/v1';

/** `4104**********1230` style: a masked number never carries more than its first 4 and last 4 characters. */
export const MaskedIdNumber = z.string().regex(/^[0-9A-Z]{0,4}\*+[0-9Xx]{0,4}$/);
/** A masked name: the first character and stars (`张*`, `欧阳**`→`欧**`). */
export const MaskedName = z.string().max(16).regex(/^[^*]{0,1}\*+$/);
