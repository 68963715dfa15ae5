/**
 * The back-end's rule for a first 居住证 (居住证暂行条例 art. 2): a citizen
 * whose 常住户口 is elsewhere, registered as living here (居住登记) for at
 * least half a year, may apply; one who already holds a 居住证 here endorses
 * it instead, one whose application is being made waits for it. Stable
 * work, home or study is what the papers show (the window checks them). The
 * sandbox answers with this rule; a real back-end applies its own, the kiosk
 * only routes on the answer.
 */
import type { IsoDate } from '../../../../domain/calendar-date';
import { resolveBound } from '../../flows/library/form/fields';

/** What the back-end holds about one person in this city. */
export interface ResidenceRecord {
  /** The person's 常住户口 is in this city: a 居住证 is not for them. */
  householdHere: boolean;
  /** The 居住证 they hold here, or null. */
  permitNumber: string | null;
  /** The day an unfinished 居住证 application of theirs here was made, or null. */
  applicationInProgressSince: IsoDate | null;
  /** The first day of their continuing 居住登记 here, or null when there is none. */
  registeredSince: IsoDate | null;
}

export type ApplicationDecision =
  | { status: 'eligible' }
  | { status: 'localResident' }
  | { status: 'alreadyHeld'; permitNumber: string }
  | { status: 'inProgress'; appliedOn: IsoDate }
  | { status: 'notRegistered' }
  | { status: 'tooShort'; registeredSince: IsoDate; applyFrom: IsoDate };

const plus = (date: IsoDate, fromToday: { months?: number; days?: number }) => resolveBound({ fromToday }, date);

/** The first day a 居住登记 since `registeredSince` is half a year old (居住半年以上). */
export function applyFrom(registeredSince: IsoDate): IsoDate {
  return plus(registeredSince, { months: 6 });
}

/** The last day the permit is due (art. 9: made and issued within 15 days of acceptance). */
export function issuedBy(acceptedOn: IsoDate): IsoDate {
  return plus(acceptedOn, { days: 15 });
}

export function applicationDecision(record: ResidenceRecord, today: IsoDate): ApplicationDecision {
  if (record.householdHere) return { status: 'localResident' };
  if (record.permitNumber !== null) return { status: 'alreadyHeld', permitNumber: record.permitNumber };
  if (record.applicationInProgressSince !== null) return { status: 'inProgress', appliedOn: record.applicationInProgressSince };
  if (record.registeredSince === null) return { status: 'notRegistered' };
  const from = applyFrom(record.registeredSince);
  return today >= from ? { status: 'eligible' } : { status: 'tooShort', registeredSince: record.registeredSince, applyFrom: from };
}
