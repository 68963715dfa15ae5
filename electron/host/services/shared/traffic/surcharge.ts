/**
 * 加处罚款 (late-payment surcharge) on a fine: 《行政处罚法》 (2021) art. 72
 * (1): 3% of the fine for each day after the due date, never more than the
 * fine; the due date is 15 days after the decision was served (art. 67).
 * The back-end computes it; the sandbox uses this, and so may a test.
 */
import { addDays } from '../../../../../domain/calendar-date';

/** Days allowed to pay after the decision (《行政处罚法》 art. 67). */
export const PAYMENT_DAYS = 15;

/** The last day to pay a fine decided on `decidedOn` without surcharge. */
export const paymentDueOn = (decidedOn: string): string => addDays(decidedOn, PAYMENT_DAYS);

/** Whole days from `from` to `to` (positive when `to` is later). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The surcharge on `fineFen` decided on `decidedOn` (null: not decided yet) when paid on `today`, in fen. */
export function surchargeFen(fineFen: number, decidedOn: string | null, today: string): number {
  if (decidedOn === null) return 0;
  const lateDays = daysBetween(paymentDueOn(decidedOn), today);
  if (lateDays <= 0) return 0;
  // 3% a day, rounded down to the fen, capped at the fine itself.
  return Math.min(fineFen, Math.floor((fineFen * 3 * lateDays) / 100));
}
