/**
 * The rules of 交通违法处理 at the kiosk, pure (README.md cites each):
 * whose licence may take points here, which violations are handled here
 * (简易程序, the driver's own, a vehicle the licence's classes cover), and
 * when the 12 points of a 记分周期 send the driver to 满分学习 instead.
 */
import type { Route } from '../../flows/library';
import type { DriverRecordAnswer } from '../shared/traffic/driver-record';
import type { Violation } from '../shared/traffic/violations';

export const SERVICE_ID = 'traffic-violations';
export const key = (path: string) => `svc.${SERVICE_ID}.${path}`;

/** 记分周期满分 (《道路交通安全违法行为记分管理办法》 art. 3, 17). */
export const FULL_POINTS = 12;
/** The largest fine decided in the 简易程序 (《行政处罚法》 art. 51: 200 元 for a person). */
export const SUMMARY_FINE_LIMIT_FEN = 20_000;

/** Where the driver record sends the run: on, or the counter with why (a licence that cannot take points here, or 满分). */
export function routeLicence(record: DriverRecordAnswer): Route {
  const { status } = record.licence;
  switch (status) {
    case 'normal':
    case 'expired':
      // 逾期未换证 still takes points (the licence is not yet 注销); the renewal is another service.
      return record.points.current >= FULL_POINTS ? { to: 'counter', reasonKey: key('counter.fullPoints') } : { to: 'next' };
    case 'pointsExceeded':
      return { to: 'counter', reasonKey: key('counter.fullPoints') };
    case 'revoked':
    case 'cancelled':
    case 'detained':
    case 'suspended':
      return { to: 'counter', reasonKey: key('counter.licenceNotValid') };
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

/** 号牌种类 (GA 24.7) the kiosk asks for, and the 准驾车型 (申领和使用规定 附件) that may drive each. */
export const PLATE_TYPES = ['02', '52', '01', '51'] as const;
const LARGE = ['A1', 'A2', 'A3', 'B1', 'B2'];
const SMALL = [...LARGE, 'C1', 'C2'];
const CLASSES_FOR: Record<string, readonly string[]> = { '01': LARGE, '51': LARGE, '02': SMALL, '52': SMALL };

/** The licence's classes (e.g. `A2D`, `C1`) as a list. */
export function licenceClasses(classes: string): string[] {
  return classes.match(/[A-Z]\d?/g) ?? [];
}

/** Whether a licence of `classes` may drive a vehicle with plates of `plateType` (unknown types: no). */
export function classCovers(classes: string, plateType: string): boolean {
  const allowed = CLASSES_FOR[plateType];
  return allowed !== undefined && licenceClasses(classes).some((held) => allowed.includes(held));
}

/** Why a violation cannot be handled here (the i18n key of the reason), or null when it can. */
export function notHandleableReason(violation: Violation, record: DriverRecordAnswer): string | null {
  if (violation.onOtherLicence) return key('notHere.otherLicence');
  if (violation.fineFen > SUMMARY_FINE_LIMIT_FEN) return key('notHere.generalProcedure');
  if (!classCovers(record.licence.classes, violation.plateType)) return key('notHere.classNotCovered');
  return null;
}

/** Points the chosen violations add (one decided earlier already counted them). */
export function pointsAdded(violations: readonly Violation[]): number {
  return violations.filter((violation) => violation.decidedOn === null).reduce((sum, violation) => sum + violation.points, 0);
}

/** After the choice: nothing taken on → the counter; reaching 12 points → 满分学习 and the counter; else on. */
export function routeSelection(chosen: readonly Violation[], record: DriverRecordAnswer): Route {
  if (chosen.length === 0) return { to: 'counter', reasonKey: key('counter.allSetAside') };
  if (record.points.current + pointsAdded(chosen) >= FULL_POINTS) return { to: 'counter', reasonKey: key('counter.wouldReachTwelve'), reasonParams: { points: String(record.points.current) } };
  return { to: 'next' };
}

/** 《道路交通安全法》 articles a violation's decision rests on, by 违法代码 (the back-end's table; the sandbox's codes only). */
const LEGAL_BASIS: Record<string, string> = {
  '16250': '《中华人民共和国道路交通安全法》第三十八条、第九十条',
  '13450': '《中华人民共和国道路交通安全法》第三十八条、第九十条',
  '13522': '《中华人民共和国道路交通安全法》第四十二条、第九十条',
  '10390': '《中华人民共和国道路交通安全法》第五十六条、第九十三条',
};
/** 《道路交通安全违法行为记分管理办法》 articles, by points (12: art. 8 … 1: art. 12). */
const POINTS_ARTICLE: Record<number, string> = { 12: '第八条', 9: '第九条', 6: '第十条', 3: '第十一条', 1: '第十二条' };

/** The decision's 法律依据 for one violation. */
export function legalBasis(violation: Pick<Violation, 'code' | 'points'>): string {
  const law = LEGAL_BASIS[violation.code] ?? '《中华人民共和国道路交通安全法》第九十条';
  const points = POINTS_ARTICLE[violation.points];
  return points ? `${law}，《道路交通安全违法行为记分管理办法》${points}` : law;
}

/** 元 as printed: 200元, 50.5元. */
export const yuan = (fen: number): string => `${(fen / 100).toFixed(2).replace(/\.?0+$/, '')}元`;
