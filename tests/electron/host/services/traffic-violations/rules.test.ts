/** The rules of 交通违法处理, pure: 加处罚款, licence classes, who goes to the counter, the 12-point rule. */
import { describe, expect, it } from 'vitest';
import { classCovers, legalBasis, licenceClasses, routeLicence, routeSelection, yuan } from '../../../../../electron/host/services/traffic-violations/rules';
import { surchargeFen } from '../../../../../electron/host/services/shared/traffic/surcharge';
import { selectionFrom } from '../../../../../electron/host/flows/library';
import type { DriverRecordAnswer } from '../../../../../electron/host/services/shared/traffic/driver-record';
import type { Violation } from '../../../../../electron/host/services/shared/traffic/violations';

const key = (path: string) => `svc.traffic-violations.${path}`;

function record(points: number, status: DriverRecordAnswer['licence']['status'] = 'normal', classes = 'C1'): DriverRecordAnswer {
  return {
    name: '许磊',
    birthDate: '1988-09-26',
    licence: { number: '410411198809260039', fileNumber: '410400377265', classes, firstIssuedOn: '2010-08-16', validFrom: '2022-10-23', validUntil: '2032-10-23', status, issuingAuthority: '河南省平顶山市公安局交通警察支队' },
    points: { current: points, cycleFrom: '2026-08-16', cycleTo: '2027-08-15' },
    medicalCheck: null,
  };
}

function violation(points: number, decidedOn: string | null = null): Violation {
  return { number: '4104027300012861', plate: '豫D12345', plateType: '02', occurredAt: '2026-11-10T08:12', place: '建设路', code: '16250', behaviour: '驾驶机动车违反道路交通信号灯通行的', fineFen: 20_000, points, photoCount: 3, onOtherLicence: false, decidedOn, surchargeFen: 0 };
}

describe('加处罚款 (行政处罚法 art. 67, 72)', () => {
  it('nothing within the 15 days after the decision, nor before one', () => {
    expect(surchargeFen(5000, null, '2026-12-01')).toBe(0);
    expect(surchargeFen(5000, '2026-11-16', '2026-12-01')).toBe(0);
  });
  it('3% of the fine a day after that', () => {
    expect(surchargeFen(5000, '2026-11-15', '2026-12-01')).toBe(150);
    expect(surchargeFen(5000, '2026-10-27', '2026-12-01')).toBe(3000);
  });
  it('never more than the fine', () => {
    expect(surchargeFen(5000, '2026-01-01', '2026-12-01')).toBe(5000);
  });
});

describe('准驾车型 and 号牌种类', () => {
  it('reads combined classes', () => {
    expect(licenceClasses('A2D')).toEqual(['A2', 'D']);
    expect(licenceClasses('C1')).toEqual(['C1']);
  });
  it('a C1 drives small cars (02, 52), not large ones (01, 51); a B2 drives both', () => {
    expect(classCovers('C1', '02')).toBe(true);
    expect(classCovers('C1', '52')).toBe(true);
    expect(classCovers('C1', '01')).toBe(false);
    expect(classCovers('B2', '01')).toBe(true);
    expect(classCovers('D', '02')).toBe(false);
  });
});

describe('routing', () => {
  it('the licence: 满分, revoked, cancelled go to the counter; expired still takes points', () => {
    expect(routeLicence(record(12))).toEqual({ to: 'counter', reasonKey: key('counter.fullPoints') });
    expect(routeLicence(record(3, 'pointsExceeded'))).toEqual({ to: 'counter', reasonKey: key('counter.fullPoints') });
    expect(routeLicence(record(0, 'revoked'))).toEqual({ to: 'counter', reasonKey: key('counter.licenceNotValid') });
    expect(routeLicence(record(0, 'cancelled'))).toEqual({ to: 'counter', reasonKey: key('counter.licenceNotValid') });
    expect(routeLicence(record(3, 'expired'))).toEqual({ to: 'next' });
  });
  it('the choice: reaching 12 with the new points → 满分学习; one decided earlier adds none', () => {
    expect(routeSelection([violation(6)], record(6))).toMatchObject({ to: 'counter', reasonKey: key('counter.wouldReachTwelve'), reasonParams: { points: '6' } });
    expect(routeSelection([violation(3)], record(6))).toEqual({ to: 'next' });
    expect(routeSelection([violation(6, '2026-10-27')], record(6))).toEqual({ to: 'next' });
    expect(routeSelection([], record(0))).toEqual({ to: 'counter', reasonKey: key('counter.allSetAside') });
  });
  it('the legal basis names the article of the 记分管理办法 for the points', () => {
    expect(legalBasis({ code: '16250', points: 6 })).toBe('《中华人民共和国道路交通安全法》第三十八条、第九十条，《道路交通安全违法行为记分管理办法》第十条');
    expect(legalBasis({ code: '10390', points: 0 })).toBe('《中华人民共和国道路交通安全法》第五十六条、第九十三条');
  });
  it('yuan as printed', () => {
    expect(yuan(20_000)).toBe('200元');
    expect(yuan(5050)).toBe('50.5元');
    expect(yuan(0)).toBe('0元');
  });
});

describe('the selection step’s answer', () => {
  const items = [
    { id: 'a', rows: [], images: [], selectable: true, reasonKey: null },
    { id: 'b', rows: [], images: [], selectable: false, reasonKey: 'x.y' },
    { id: 'c', rows: [], images: [], selectable: true, reasonKey: null },
  ];
  it('keeps the items’ order and sets aside the rest', () => {
    expect(selectionFrom(items, ['c', 'a'], 0)).toEqual({ selected: ['a', 'c'], setAside: ['b'] });
  });
  it('refuses an id not offered, a repeat, or too few', () => {
    expect(selectionFrom(items, ['b'], 0)).toBeNull();
    expect(selectionFrom(items, ['a', 'a'], 0)).toBeNull();
    expect(selectionFrom(items, [], 1)).toBeNull();
  });
});
