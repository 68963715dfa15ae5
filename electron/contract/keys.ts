/** The identifiers flow data is made of: i18n keys and service-defined values (shared by flows.ts and form.ts). */
import { z } from 'zod';

/** An i18n key: dotted words (a service's keys start `svc.<serviceId>.`). */
export const MessageKey = z.string().min(1).max(160).regex(/^[A-Za-z0-9_.-]+$/);
/** A value a service defines (a choice's option, an outcome): a short identifier. */
export const ValueId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
