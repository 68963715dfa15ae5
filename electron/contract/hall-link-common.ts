/**
 * The hall link's pieces other contracts build on (the topic root, masked
 * identities), in a module that imports nothing of the contract: hall-link.ts
 * imports events.ts, which imports flows.ts, which imports proxy.ts (the
 * proxyCall step's data), so proxy.ts importing hall-link.ts would be a cycle
 * in which the events' schemas are built before the flow view exists.
 * hall-link.ts re-exports all of it.
 */
import { z } from 'zod';

export const HALL_LINK_ROOT = 'onedoor/v1';

/** `4104**********1230` style: a masked number never carries more than its first 4 and last 4 characters. */
export const MaskedIdNumber = z.string().regex(/^[0-9A-Z]{0,4}\*+[0-9Xx]{0,4}$/);
/** A masked name: the first character and stars (`张*`, `欧阳**`→`欧**`). */
export const MaskedName = z.string().max(16).regex(/^[^*]{0,1}\*+$/);
