/**
 * Dates in the sandbox's tables: `YYYY-MM-DD`, or relative to the back-end's
 * today (`+45d`, `-100d`), so a case ("a licence expiring in 40 days") never
 * rots with the calendar.
 */
import { z } from 'zod';
import { addDays, type IsoDate } from '../../../domain/calendar-date';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE = /^[+-]\d{1,5}d$/;

export const SandboxDate = z.union([z.string().regex(ISO_DATE), z.string().regex(RELATIVE)]);

/** The calendar date `value` means on `today`. */
export function resolveSandboxDate(value: string, today: IsoDate): IsoDate {
  return RELATIVE.test(value) ? addDays(today, Number(value.slice(0, -1))) : value;
}
