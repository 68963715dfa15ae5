/**
 * 出入境证件申请's rules without a back-end: the reasons a held document
 * allows, when 换发 is due (有效期不足6个月, pages full, a booklet permit),
 * an application in progress, who is a minor, the fee per document and the
 * working days.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDigit } from '../../../../../domain/id-number';
import { addWorkingDays, ageOf, documentFee, EXIT_ENTRY_FEE, isMinor, reasonsAllowed, renewableFrom, renewalGround, routeDocument, routeReason } from '../../../../../electron/host/services/exit-entry-application/rules';
import { TRAVEL_DOCUMENT_TYPES, type ExitEntryRecordAnswer, type TravelDocument } from '../../../../../electron/host/services/shared/exit-entry/travel-documents';

const TODAY = '2026-12-01';
const passport = (over: Partial<TravelDocument> = {}): TravelDocument => ({ type: 'passport', number: 'E12345678', form: 'booklet', issuedOn: '2020-01-01', validUntil: '2030-01-01', status: 'valid', pagesFull: false, ...over });
const record = (documents: TravelDocument[], inProgress: ExitEntryRecordAnswer['applicationsInProgress'] = []): ExitEntryRecordAnswer => ({
  name: '测试',
  pinyin: null,
  documents,
  applicationsInProgress: inProgress,
  registeredCity: '平顶山市',
  exitRestricted: false,
});

describe('the reasons a record allows', () => {
  it('none held → 首次申请 only; held → 换发 or 补发; reported lost → 补发 only; cancelled counts as none', () => {
    expect(reasonsAllowed(record([]), 'passport')).toEqual(['first']);
    expect(reasonsAllowed(record([passport()]), 'passport')).toEqual(['renewal', 'lost']);
    expect(reasonsAllowed(record([passport()]), 'hkMacauPermit')).toEqual(['first']);
    expect(reasonsAllowed(record([passport({ status: 'reportedLost' })]), 'passport')).toEqual(['lost']);
    expect(reasonsAllowed(record([passport({ status: 'cancelled' })]), 'passport')).toEqual(['first']);
    expect(reasonsAllowed(undefined, 'passport')).toEqual([]);
  });

  it('the newest document of the type decides', () => {
    const old = passport({ number: 'E00000001', issuedOn: '2010-01-01', validUntil: '2020-01-01', status: 'expired' });
    expect(reasonsAllowed(record([old, passport({ status: 'reportedLost' })]), 'passport')).toEqual(['lost']);
  });
});

describe('换发: when it is due', () => {
  it('expired; valid with less than six months left; a passport with full pages; a booklet permit (to the card)', () => {
    expect(renewalGround(passport({ status: 'expired', validUntil: '2026-01-01' }), TODAY)).toBe('expired');
    expect(renewalGround(passport({ validUntil: '2027-05-31' }), TODAY)).toBe('expiringSoon');
    expect(renewalGround(passport({ validUntil: '2027-06-01' }), TODAY)).toBe('expiringSoon');
    expect(renewalGround(passport({ validUntil: '2027-06-02' }), TODAY)).toBeNull();
    expect(renewalGround(passport({ pagesFull: true }), TODAY)).toBe('pagesFull');
    expect(renewalGround(passport({ type: 'hkMacauPermit', number: 'W12345678' }), TODAY)).toBe('bookletToCard');
    expect(renewalGround(passport({ type: 'hkMacauPermit', form: 'card', number: 'C12345678' }), TODAY)).toBeNull();
    expect(renewalGround(passport({ status: 'reportedLost' }), TODAY)).toBeNull();
  });

  it('six calendar months before expiry, the day clamped to the month', () => {
    expect(renewableFrom('2027-06-01')).toBe('2026-12-01');
    expect(renewableFrom('2027-08-31')).toBe('2027-02-28');
  });

  it('换发 before its time → the counter with the dates; 补发 and a due 换发 go on', () => {
    const held = record([passport({ validUntil: '2030-01-01' })]);
    expect(routeReason(held, 'passport', 'renewal', TODAY)).toEqual({
      to: 'counter',
      reasonKey: 'svc.exit-entry-application.counter.notYetDue',
      reasonParams: { validUntil: '2030-01-01', renewableFrom: '2029-07-01' },
    });
    expect(routeReason(held, 'passport', 'lost', TODAY)).toEqual({ to: 'next' });
    expect(routeReason(record([passport({ pagesFull: true })]), 'passport', 'renewal', TODAY)).toEqual({ to: 'next' });
    expect(routeReason(record([]), 'passport', 'first', TODAY)).toEqual({ to: 'next' });
  });
});

describe('an application already being made', () => {
  it('for the document chosen → the counter with why (its own words per document); for another → on', () => {
    expect(routeDocument(record([], ['hkMacauPermit']), 'hkMacauPermit')).toEqual({ to: 'counter', reasonKey: 'svc.exit-entry-application.counter.inProgress.hkMacauPermit' });
    expect(routeDocument(record([], ['hkMacauPermit']), 'passport')).toEqual({ to: 'next' });
  });
});

describe('minors', () => {
  it('age from the ID number\'s birth date on the hall\'s today; under 16 is a minor (the birthday itself counts)', () => {
    expect(ageOf('410402201405200011', TODAY)).toBe(12);
    expect(isMinor('410402201405200011', TODAY)).toBe(true);
    const sixteenToday = `41040220101201001${checkDigit('41040220101201001')}`;
    expect(isMinor(sixteenToday, '2026-12-01')).toBe(false);
    expect(isMinor(sixteenToday, '2026-11-30')).toBe(true);
    expect(isMinor('not a number', TODAY)).toBe(false);
  });
});

describe('fees', () => {
  it('passport 120 元, each permit 60 元, whatever the reason; the rule lists all three with their basis', () => {
    expect(documentFee('passport').amountFen).toBe(12000);
    expect(documentFee('hkMacauPermit').amountFen).toBe(6000);
    expect(documentFee('taiwanPermit').amountFen).toBe(6000);
    expect(EXIT_ENTRY_FEE.items.map((item) => item.code)).toEqual([...TRAVEL_DOCUMENT_TYPES]);
    for (const item of EXIT_ENTRY_FEE.items) expect(item.basis).toMatch(/发改价格/);
    expect(EXIT_ENTRY_FEE.exemptions).toEqual([]);
  });
});

describe('working days', () => {
  it('skips Saturdays and Sundays', () => {
    expect(addWorkingDays('2026-12-01', 7)).toBe('2026-12-10');
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07');
  });

  it('never lands on a weekend, and five working days are one week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 30 }), (offset, days) => {
        const start = new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
        const end = addWorkingDays(start, days);
        const weekday = new Date(`${end}T00:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6).toBe(false);
        if (weekday !== 0 && weekday !== 6 && new Date(`${start}T00:00:00Z`).getUTCDay() % 6 !== 0) {
          const week = addWorkingDays(start, 5);
          expect((Date.parse(week) - Date.parse(start)) / 86_400_000).toBe(7);
        }
      }),
    );
  });
});
