/**
 * Who may record the annual check here, from the shared driver record (host
 * rules, sources in README.md): a driver aged 70 or over (art. 74), whose
 * licence may still be used (not 吊销, 注销, 暂扣, 停止使用, 超分 or expired:
 * those are settled at the counter first), with an electronic medical check
 * from a certified institution that is fit and still valid today.
 */
import { addDays, type IsoDate } from '../../../../domain/calendar-date';
import type { DriverRecordAnswer } from '../shared/traffic/driver-record';

export const ANNUAL_CHECK_AGE = 70;
/** Art. 74: the 身体条件证明 is due within 30 days after each 记分周期 ends. */
export const DUE_DAYS_AFTER_CYCLE = 30;

export type Refusal = 'notNeeded' | 'licenceNotUsable' | 'noMedicalCheck' | 'medicalCheckLapsed' | 'medicalCheckUnfit';
export type Eligibility = { kind: 'eligible'; nextDueBy: IsoDate } | { kind: 'refused'; reason: Refusal };

/** Full years from `birthDate` to `today`. */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function eligibility(record: DriverRecordAnswer, today: IsoDate): Eligibility {
  if (ageOn(record.birthDate, today) < ANNUAL_CHECK_AGE) return { kind: 'refused', reason: 'notNeeded' };
  switch (record.licence.status) {
    case 'normal':
      break;
    case 'pointsExceeded':
    case 'expired':
    case 'revoked':
    case 'cancelled':
    case 'detained':
    case 'suspended':
      return { kind: 'refused', reason: 'licenceNotUsable' };
    default: {
      const unknown: never = record.licence.status;
      throw new Error(`unknown licence status ${String(unknown)}`);
    }
  }
  const check = record.medicalCheck;
  if (!check) return { kind: 'refused', reason: 'noMedicalCheck' };
  if (check.conclusion === 'unfit') return { kind: 'refused', reason: 'medicalCheckUnfit' };
  if (check.validUntil < today) return { kind: 'refused', reason: 'medicalCheckLapsed' };
  return { kind: 'eligible', nextDueBy: nextDueBy(record.points.cycleTo) };
}

/**
 * When the next 身体条件证明 is due: art. 74 says within 30 days after the
 * 记分周期 ends, so after the current one (`cycleTo`). The conservative
 * reading (README.md): a check recorded today may have been owed for the
 * cycle before, and an early reminder costs the driver less than a late one.
 */
export function nextDueBy(cycleTo: IsoDate): IsoDate {
  return addDays(cycleTo, DUE_DAYS_AFTER_CYCLE);
}
