/**
 * The rules of 出入境证件申请 that need no back-end: which reasons a held
 * document allows (首次申请, 换发, 补发), when a document is due for 换发,
 * who is a minor, the 工本费 of each document and the expected day of
 * collection in working days. Sources in README.md.
 */
import { addDays, ageOn, type IsoDate } from '../../../../domain/calendar-date';
import { validateIdNumber } from '../../../../domain/id-number';
import type { Route } from '../../flows/library';
import { resolveBound } from '../../flows/library/form/fields';
import type { FeeItem, FeeRule } from '../service-module';
import { heldDocument, type ExitEntryRecordAnswer, type TravelDocument, type TravelDocumentType } from '../shared/exit-entry/travel-documents';

export const SERVICE_ID = 'exit-entry-application';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;

/** 首次申请 (none held), 换发 (held: expired, due or pages full), 补发 (held and lost). */
export const REASONS = ['first', 'renewal', 'lost'] as const;
export type Reason = (typeof REASONS)[number];

/** Below this age the guardian applies with the child and fingerprints are not taken here (README: 指纹, 监护人). */
export const ADULT_AGE = 16;

/** 普通护照和出入境通行证签发管理办法 art. 10, 往来港澳通行证 换发 rules: 有效期不足6个月 → 换发. */
export const RENEWAL_WINDOW_MONTHS = 6;

/** The day from which a document valid until `validUntil` may be renewed (six calendar months before, the day clamped to the month). */
export function renewableFrom(validUntil: IsoDate): IsoDate {
  return resolveBound({ fromToday: { months: -RENEWAL_WINDOW_MONTHS } }, validUntil);
}

/** Why a held document may be renewed now, or null when it may not (yet). */
export type RenewalGround = 'expired' | 'expiringSoon' | 'pagesFull' | 'bookletToCard';

export function renewalGround(document: TravelDocument, today: IsoDate): RenewalGround | null {
  if (document.status === 'expired') return 'expired';
  if (document.status !== 'valid') return null;
  if (document.type === 'passport' && document.pagesFull) return 'pagesFull';
  if (document.type !== 'passport' && document.form === 'booklet') return 'bookletToCard';
  return renewableFrom(document.validUntil) <= today ? 'expiringSoon' : null;
}

/**
 * The reasons the record allows for `document`: 首次申请 when none is held
 * (or only a cancelled one); 换发 and 补发 when one is held (换发 before its
 * time is refused with the dates, at the reason); only 补发 when the one held
 * was already reported lost.
 */
export function reasonsAllowed(record: ExitEntryRecordAnswer | undefined, document: TravelDocumentType | null): Reason[] {
  if (!record || !document) return [];
  const held = heldDocument(record, document);
  if (!held || held.status === 'cancelled') return ['first'];
  if (held.status === 'reportedLost') return ['lost'];
  return ['renewal', 'lost'];
}

/** After the document: one already being made goes to the counter. */
export function routeDocument(record: ExitEntryRecordAnswer | undefined, document: TravelDocumentType | null): Route {
  if (!record || !document) return { to: 'failed', reason: 'internal' };
  if (record.applicationsInProgress.includes(document)) return { to: 'counter', reasonKey: key(`counter.inProgress.${document}`) };
  return { to: 'next' };
}

/** After the reason: 换发 of a document that is not due goes to the counter with its dates (and what to do instead). */
export function routeReason(record: ExitEntryRecordAnswer | undefined, document: TravelDocumentType | null, reason: Reason | null, today: IsoDate): Route {
  if (!record || !document || !reason) return { to: 'failed', reason: 'internal' };
  const held = heldDocument(record, document);
  if (reason === 'renewal' && held && renewalGround(held, today) === null) {
    return { to: 'counter', reasonKey: key('counter.notYetDue'), reasonParams: { validUntil: held.validUntil, renewableFrom: renewableFrom(held.validUntil) } };
  }
  return { to: 'next' };
}

/** The applicant's age today from the birth date in their ID number (null for a number that does not parse). */
export function ageOf(idNumber: string, today: IsoDate): number | null {
  const info = validateIdNumber(idNumber);
  return info.ok ? ageOn(info.birthDate, today) : null;
}

/** Under 16: a guardian applies with them, signs for them, and no fingerprints are taken. */
export function isMinor(idNumber: string, today: IsoDate): boolean {
  const age = ageOf(idNumber, today);
  return age !== null && age < ADULT_AGE;
}

const PASSPORT: FeeItem = {
  code: 'passport',
  name: { 'zh-CN': '普通护照工本费', en: 'Passport fee' },
  amountFen: 12000,
  basis: '发改价格〔2019〕914号：普通护照每本120元（2019年7月1日起）',
};
const HK_MACAU: FeeItem = {
  code: 'hkMacauPermit',
  name: { 'zh-CN': '往来港澳通行证工本费', en: 'Hong Kong and Macau travel permit fee' },
  amountFen: 6000,
  basis: '发改价格〔2019〕914号：往来港澳通行证每证60元（2019年7月1日起）',
};
const TAIWAN: FeeItem = {
  code: 'taiwanPermit',
  name: { 'zh-CN': '往来台湾通行证工本费', en: 'Taiwan travel permit fee' },
  amountFen: 6000,
  basis: '发改价格规〔2019〕1931号：电子往来台湾通行证每证60元（此前发改价格〔2017〕1186号为80元）',
};

/** The 工本费 of a document: the same for 首次申请, 换发 and 补发, and for a minor. */
export function documentFee(document: TravelDocumentType): FeeItem {
  switch (document) {
    case 'passport':
      return PASSPORT;
    case 'hkMacauPermit':
      return HK_MACAU;
    case 'taiwanPermit':
      return TAIWAN;
    default: {
      const unknown: never = document;
      throw new Error(`unknown travel document ${String(unknown)}`);
    }
  }
}

/** One of the three is paid (the payment's ledger records which); the home screen lists their range. */
export const EXIT_ENTRY_FEE: FeeRule = { items: [PASSPORT, HK_MACAU, TAIWAN], exemptions: [], chargedOn: [], oneOf: true };

/** `days` working days after `day`, Saturdays and Sundays skipped (public holidays are the hall's to announce). */
export function addWorkingDays(day: IsoDate, days: number): IsoDate {
  let current = day;
  for (let left = days; left > 0; ) {
    current = addDays(current, 1);
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}
