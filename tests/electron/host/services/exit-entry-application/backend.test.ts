/** The sandbox's answers for 出入境证件申请's own operations: the loss declaration, the guardian check, the schedule. */
import { describe, expect, it } from 'vitest';
import { checkGuardian, reportLost, schedule } from '../../../../../electron/host/services/exit-entry-application/backend';
import { sandboxGateway } from '../flow-kit';

const LIU_CHILD = '410402201405200011';
const LIU_FATHER = '410402198507060035';

describe('exit-entry-application back-end (sandbox)', () => {
  it('the guardian check confirms 刘建华 as 刘一鸣\'s father (with his name), and no one else, nor another relation', async () => {
    const gateway = sandboxGateway();
    expect(await gateway.call(checkGuardian, { childIdNumber: LIU_CHILD, guardianIdNumber: LIU_FATHER, relation: 'father' })).toEqual({ ok: true, value: { verdict: 'confirmed', guardianName: '刘建华', relation: 'father' } });
    expect(await gateway.call(checkGuardian, { childIdNumber: LIU_CHILD, guardianIdNumber: LIU_FATHER, relation: 'mother' })).toEqual({ ok: true, value: { verdict: 'notConfirmed' } });
    expect(await gateway.call(checkGuardian, { childIdNumber: LIU_CHILD, guardianIdNumber: '410402199001011230', relation: 'father' })).toEqual({ ok: true, value: { verdict: 'notConfirmed' } });
    expect(await gateway.call(checkGuardian, { childIdNumber: '110101190001011237', guardianIdNumber: LIU_FATHER, relation: 'father' })).toMatchObject({ ok: false, error: { kind: 'notFound' } });
  });

  it('the loss declaration: the same number for the same document and day (a retry declares nothing twice)', async () => {
    const gateway = sandboxGateway();
    const request = { idNumber: '41040219920308004X', document: 'hkMacauPermit', documentNumber: 'C60123456', requestKey: 'flow-1-check' } as const;
    const first = await gateway.call(reportLost, request);
    expect(first).toEqual({ ok: true, value: { reportNumber: 'YS20261201C60123456', reportedOn: '2026-12-01' } });
    expect(await gateway.call(reportLost, request)).toEqual(first);
  });

  it('the schedule: 7 working days where the 户籍 is in the hall\'s province, 20 days elsewhere (全国通办)', async () => {
    const gateway = sandboxGateway();
    expect(await gateway.call(schedule, { idNumber: '410402199506120029', document: 'passport', hallProvinceCode: '41' })).toEqual({ ok: true, value: { crossProvince: false, expectedReadyOn: '2026-12-10' } });
    expect(await gateway.call(schedule, { idNumber: '410402199506120029', document: 'passport', hallProvinceCode: '32' })).toEqual({ ok: true, value: { crossProvince: true, expectedReadyOn: '2026-12-21' } });
  });
});
