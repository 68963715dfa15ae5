/** The 签注 rule (居住证暂行条例 art. 10): due in the month before the year is full; late is still endorsed (补办). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveBound } from '../../../../../electron/host/flows/library/form/fields';
import { dueFrom, endorsementDecision, type PermitRecord } from '../../../../../electron/host/services/residence-permit-endorsement/endorsement-rule';

const plusDays = (date: string, days: number) => resolveBound({ fromToday: { days } }, date);
const record = (endorsedUntil: string, lastEndorsedOn: string | null = '2025-12-21'): PermitRecord => ({ endorsedUntil, lastEndorsedOn, registration: 'continuing' });

describe('endorsementDecision', () => {
  it('due from one month before the year is full, to its last day; the next year follows on', () => {
    expect(endorsementDecision(record('2026-12-21'), '2026-11-20')).toEqual({ status: 'alreadyEndorsed', dueFrom: '2026-11-21' });
    expect(endorsementDecision(record('2026-12-21'), '2026-11-21')).toEqual({ status: 'due', newEndorsedUntil: '2027-12-21' });
    expect(endorsementDecision(record('2026-12-21'), '2026-12-21')).toEqual({ status: 'due', newEndorsedUntil: '2027-12-21' });
  });

  it('late: still endorsed (补办), a year from today', () => {
    expect(endorsementDecision(record('2026-12-21'), '2026-12-22')).toEqual({ status: 'late', newEndorsedUntil: '2027-12-22' });
  });

  it('a first-year permit before its window is too early, not already endorsed', () => {
    expect(endorsementDecision(record('2027-03-31', null), '2026-12-01')).toEqual({ status: 'tooEarly', dueFrom: '2027-02-28' });
  });

  it('a lapsed 居住登记 is refused whatever the dates', () => {
    expect(endorsementDecision({ ...record('2026-12-21'), registration: 'lapsed' }, '2026-12-01')).toEqual({ status: 'registrationLapsed' });
  });

  it('for any dates: endorsable exactly from dueFrom on, and the new date is always after today', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => plusDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), fc.boolean(), (until, offset, endorsedBefore) => {
        const today = plusDays(until, offset);
        const decision = endorsementDecision(record(until, endorsedBefore ? plusDays(until, -365) : null), today);
        const endorsable = decision.status === 'due' || decision.status === 'late';
        expect(endorsable).toBe(today >= dueFrom(until));
        if (endorsable) expect(decision.newEndorsedUntil > today).toBe(true);
        if (decision.status === 'alreadyEndorsed') expect(endorsedBefore).toBe(true);
      }),
    );
  });
});
