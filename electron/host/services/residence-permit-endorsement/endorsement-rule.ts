/**
 * The back-end's rule for the annual 签注 of a 居住证 (居住证暂行条例 art. 10):
 * endorsed once a year; a holder who keeps living here endorses within the
 * month before each full year of residence; a late endorsement is still
 * made (补办签注: the permit works again, the years of residence count anew
 * from that day). The sandbox answers with it; a real back-end applies its
 * own, the kiosk only routes on the answer.
 */
import type { IsoDate } from '../../../../domain/calendar-date';
import { resolveBound } from '../../flows/library/form/fields';

/** What the back-end holds about one 居住证. */
export interface PermitRecord {
  /** The last day of the current year of residence (签注有效期至). */
  endorsedUntil: IsoDate;
  /** When it was last endorsed; null: never (still in its first year). */
  lastEndorsedOn: IsoDate | null;
  /** Whether the holder's 居住登记 here continues. */
  registration: 'continuing' | 'lapsed';
}

export type EndorsementDecision =
  | { status: 'due'; newEndorsedUntil: IsoDate }
  | { status: 'late'; newEndorsedUntil: IsoDate }
  | { status: 'alreadyEndorsed'; dueFrom: IsoDate }
  | { status: 'tooEarly'; dueFrom: IsoDate }
  | { status: 'registrationLapsed' };

const plus = (date: IsoDate, fromToday: { years?: number; months?: number; days?: number }) => resolveBound({ fromToday }, date);

/** The first day the next 签注 can be made: one month before the year is full. */
export function dueFrom(endorsedUntil: IsoDate): IsoDate {
  return plus(endorsedUntil, { months: -1 });
}

export function endorsementDecision(permit: PermitRecord, today: IsoDate): EndorsementDecision {
  if (permit.registration === 'lapsed') return { status: 'registrationLapsed' };
  const opens = dueFrom(permit.endorsedUntil);
  if (today < opens) return permit.lastEndorsedOn === null ? { status: 'tooEarly', dueFrom: opens } : { status: 'alreadyEndorsed', dueFrom: opens };
  if (today <= permit.endorsedUntil) return { status: 'due', newEndorsedUntil: plus(permit.endorsedUntil, { years: 1 }) };
  // 补办: the year of residence counts from today.
  return { status: 'late', newEndorsedUntil: plus(today, { years: 1 }) };
}
