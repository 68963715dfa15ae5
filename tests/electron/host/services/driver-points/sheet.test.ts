/** The 驾驶人信息单's screen rows when a driver has more violations than the screen lists, and the fines in yuan. */
import { describe, expect, it } from 'vitest';
import { FlowStepData } from '../../../../../electron/contract';
import type { DriverSheet } from '../../../../../electron/host/services/driver-points/query';
import { SCREEN_VIOLATIONS, sheetRows, slipContent, yuan } from '../../../../../electron/host/services/driver-points/sheet';
import type { Violation } from '../../../../../electron/host/services/shared/traffic/violations';

const violation = (day: number): Violation => ({
  number: `41040273000${String(10000 + day)}`,
  plate: '豫D12345',
  plateType: '02',
  occurredAt: `2026-11-${String(day).padStart(2, '0')}T08:00`,
  place: '平顶山市新华区建设路',
  code: '1345',
  behaviour: '驾驶机动车违反禁止标线指示的',
  fineFen: 10000,
  points: 1,
  photoCount: 2,
  onOtherLicence: false,
  decidedOn: null,
  surchargeFen: 0,
});

const sheet = (count: number): DriverSheet => ({
  record: {
    name: '许磊',
    birthDate: '1988-09-26',
    licence: { number: '410411198809260039', fileNumber: '410400377265', classes: 'C1', firstIssuedOn: '2010-08-16', validFrom: '2022-10-23', validUntil: '2032-10-23', status: 'normal', issuingAuthority: '河南省平顶山市公安局交通警察支队' },
    points: { current: count, cycleFrom: '2026-08-16', cycleTo: '2027-08-15' },
    medicalCheck: null,
  },
  violations: Array.from({ length: count }, (_, i) => violation(20 - i)),
});

describe('driver-points sheet', () => {
  it(`lists the first ${SCREEN_VIOLATIONS} violations on screen and says how many more are on paper; the view stays within its schema`, () => {
    const rows = sheetRows(sheet(9));
    expect(rows.filter((row) => row.labelKey.endsWith('violationWhen'))).toHaveLength(SCREEN_VIOLATIONS);
    expect(rows.at(-1)).toEqual({ labelKey: 'svc.driver-points.sheet.moreViolations', text: '4' });
    expect(FlowStepData.safeParse({ step: 'review', titleKey: 'svc.driver-points.sheet.title', rows, noteKeys: [] }).success).toBe(true);
    // The slip and the A4 sheet list every one.
    expect(slipContent(sheet(9)).lines.filter((line) => line.label.startsWith('违法'))).toHaveLength(9);
  });

  it('exactly as many as the screen lists: no "more" row', () => {
    expect(sheetRows(sheet(SCREEN_VIOLATIONS)).some((row) => row.labelKey.endsWith('moreViolations'))).toBe(false);
  });

  it('fines in yuan, cents only when there are some', () => {
    expect([yuan(20000), yuan(5000), yuan(5050), yuan(0)]).toEqual(['200', '50', '50.50', '0']);
  });
});
