/**
 * Who may renew or replace a driving licence at the kiosk, decided on the
 * host from the back-end's driver record (公安部令第162号 as cited in
 * README.md): which kinds apply, or why the citizen goes to the counter;
 * the new licence's validity; when it can be collected. Pure functions of
 * the record and the hall's today.
 */
import { addDays, addYears, ageOn, type IsoDate } from '../../../../domain/calendar-date';
import type { DriverRecordAnswer, MedicalCheck } from '../shared/traffic/driver-record';

/** 期满换证 (on expiry), 损毁换证 (damaged), 补领 (lost). */
export const RENEWAL_KINDS = ['expiry', 'damaged', 'lost'] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];

/** 期满换证 may be applied for from this many days before expiry (162号 art. 63). */
export const RENEWAL_WINDOW_DAYS = 90;
/** Past expiry by more than this many years the licence is cancelled (162号 art. 79 (1) 8). */
export const EXPIRED_GRACE_YEARS = 1;
/** From this age the annual medical check is required, and the 三力测试 at renewal (162号 art. 73, 74). */
export const ANNUAL_CHECK_AGE = 70;
/** A full 记分周期 (满分): the licence is held until the study and test (记分管理办法). */
export const FULL_POINTS = 12;

/** Why the kiosk cannot take the application: each has its words at `counter.<reason>`. */
export type Refusal =
  | 'revoked'
  | 'cancelled'
  | 'suspended'
  | 'detained'
  | 'pointsExceeded'
  | 'expiredOverYear'
  | 'classDowngradeDue'
  | 'medicalMissing'
  | 'medicalLapsed'
  | 'medicalLapsedAnnual'
  | 'medicalUnfit';

export type Eligibility =
  | { kind: 'eligible'; kinds: RenewalKind[]; age: number; medicalCheckNeeded: boolean }
  | { kind: 'refused'; reason: Refusal; params: Record<string, string> };

/**
 * Classes a driver aged 60 or more may no longer hold (162号 art. 65 first paragraph: 大型客车,
 * 重型牵引挂车, 城市公交车, 中型客车, 大型货车, 轮式专用机械车, 无轨电车, 有轨电车). 第172号
 * (in force 2025-01-01) is reported to raise this age to 63 for the 大中型客货车 classes; not
 * confirmed in a primary copy here, and 60 only sends more people to the counter (README.md).
 */
const CLASSES_UNTIL_60 = ['A1', 'A2', 'A3', 'B1', 'B2', 'M', 'N', 'P'] as const;
/** Classes a driver aged 70 or more may no longer hold (162号 art. 65 second paragraph: 低速载货汽车 C3, 三轮汽车 C4, 轻型牵引挂车 C6, 普通三轮摩托车 D, 普通二轮摩托车 E). */
const CLASSES_UNTIL_70 = ['C3', 'C4', 'C6', 'D', 'E'] as const;

/** The class codes of `classes` (e.g. A2D → A2, D; C1 → C1). */
export function classCodes(classes: string): string[] {
  return classes.match(/[A-Z]\d?/g) ?? [];
}

/** Whether the driver's age asks for a lower class first (降级换证, a counter job). */
function downgradeDue(classes: string, age: number): boolean {
  const codes = classCodes(classes);
  if (age >= 60 && codes.some((code) => (CLASSES_UNTIL_60 as readonly string[]).includes(code))) return true;
  return age >= 70 && codes.some((code) => (CLASSES_UNTIL_70 as readonly string[]).includes(code));
}

/** The first day 期满换证 may be applied for, or null for a long-term licence. */
export function renewableFrom(record: DriverRecordAnswer): IsoDate | null {
  const until = record.licence.validUntil;
  return until === 'long-term' ? null : addDays(until, -RENEWAL_WINDOW_DAYS);
}

/** The medical check on record, judged for use today: usable, or why not. */
export function judgeMedicalCheck(check: MedicalCheck | null, today: IsoDate): { usable: true } | { usable: false; reason: 'medicalMissing' | 'medicalLapsed' | 'medicalUnfit' } {
  if (!check) return { usable: false, reason: 'medicalMissing' };
  if (check.validUntil < today) return { usable: false, reason: 'medicalLapsed' };
  return check.conclusion === 'fit' ? { usable: true } : { usable: false, reason: 'medicalUnfit' };
}

/**
 * What the record allows today. The kinds never overlap: within the window
 * (or expired less than a year) only 期满换证, which also replaces a damaged
 * or lost licence; before it, 损毁换证 and 补领 (they keep the old validity).
 * A medical check is needed for 期满换证 (art. 63) and, from 70, for anything
 * (art. 74: the annual check); every refusal is known before anything is paid.
 */
export function eligibility(record: DriverRecordAnswer, today: IsoDate): Eligibility {
  const { licence } = record;
  switch (licence.status) {
    case 'revoked':
      return { kind: 'refused', reason: 'revoked', params: {} };
    case 'cancelled':
      return { kind: 'refused', reason: 'cancelled', params: {} };
    case 'suspended':
      return { kind: 'refused', reason: 'suspended', params: {} };
    case 'detained':
      return { kind: 'refused', reason: 'detained', params: {} };
    case 'pointsExceeded':
      return { kind: 'refused', reason: 'pointsExceeded', params: { points: String(record.points.current) } };
    case 'normal':
    case 'expired':
      break;
  }
  if (record.points.current >= FULL_POINTS) return { kind: 'refused', reason: 'pointsExceeded', params: { points: String(record.points.current) } };
  const until = licence.validUntil;
  if (until !== 'long-term' && addYears(until, EXPIRED_GRACE_YEARS) < today) return { kind: 'refused', reason: 'expiredOverYear', params: { validUntil: until } };
  const age = ageOn(record.birthDate, today);
  if (downgradeDue(licence.classes, age)) return { kind: 'refused', reason: 'classDowngradeDue', params: { classes: licence.classes } };

  const from = renewableFrom(record);
  const kinds: RenewalKind[] = from !== null && from <= today ? ['expiry'] : ['damaged', 'lost'];
  const medicalCheckNeeded = kinds.includes('expiry') || age >= ANNUAL_CHECK_AGE;
  if (medicalCheckNeeded) {
    const judged = judgeMedicalCheck(record.medicalCheck, today);
    if (!judged.usable) {
      const check = record.medicalCheck;
      // A lapsed check is worded by age: from 70 the check is annual (art. 74); under 70 it is the renewal's own (art. 63, valid six months by art. 85).
      const reason = judged.reason === 'medicalLapsed' && age >= ANNUAL_CHECK_AGE ? 'medicalLapsedAnnual' : judged.reason;
      return { kind: 'refused', reason, params: check ? { checkedOn: check.checkedOn, validUntil: check.validUntil } : {} };
    }
  }
  return { kind: 'eligible', kinds, age, medicalCheckNeeded };
}

/** The new licence's validity: its first day and its last (or long-term). */
export interface NewValidity {
  from: IsoDate;
  until: IsoDate | 'long-term';
}

/** Whether the licence's term was six years (a first licence) or ten: by its length in days. */
const termYears = (validFrom: IsoDate, validUntil: IsoDate): 6 | 10 => (validUntil >= addYears(validFrom, 8) ? 10 : 6);

/**
 * 期满换证 (art. 62): a six-year licence is followed by ten years, a ten-year
 * one by a long-term licence, when no 记分周期 of the term reached 12 points
 * (a licence at 12 points now is refused before this); the new term starts
 * on the old expiry day, or today when the licence already expired.
 * 损毁换证 and 补领 keep the old validity.
 */
export function newValidity(record: DriverRecordAnswer, kind: RenewalKind, today: IsoDate): NewValidity {
  const { validFrom, validUntil } = record.licence;
  if (kind !== 'expiry' || validUntil === 'long-term') return { from: validFrom, until: validUntil };
  const from = validUntil < today ? today : validUntil;
  return termYears(validFrom, validUntil) === 10 ? { from, until: 'long-term' } : { from, until: addYears(from, 10) };
}

/** The next working day after `today` (Saturday and Sunday skipped; public holidays are the hall's to announce). */
export function nextWorkingDay(today: IsoDate): IsoDate {
  let day = addDays(today, 1);
  for (;;) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return day;
    day = addDays(day, 1);
  }
}
