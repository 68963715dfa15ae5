/**
 * Who may renew or replace a driving licence, judged on the host from the
 * shared driver record: each sandbox person's case (today 2026-12-01, the
 * flow kit's day) and the edges the sandbox has no person for.
 */
import { describe, expect, it } from 'vitest';
import citizens from '../../../../../resources/sandbox/citizens.json' with { type: 'json' };
import type { SandboxWorld } from '../../../../../electron/host/gateway/operation';
import { driverRecord, type DriverRecordAnswer } from '../../../../../electron/host/services/shared/traffic/driver-record';
import { classCodes, eligibility, newValidity, nextWorkingDay } from '../../../../../electron/host/services/driving-licence-renewal/rules';

const TODAY = '2026-12-01';
const people = citizens.citizens as Record<string, { name: string }>;
const world: SandboxWorld = {
  citizen: (idNumber) => people[idNumber] as ReturnType<SandboxWorld['citizen']>,
  now: () => new Date('2026-12-01T02:00:00Z'),
  today: () => TODAY,
  issuingOffice: '湖滨派出所',
};

const GAO = '410402197908230010'; // expiring in 40 days, check valid
const HAN_MEI = '410403198305170021'; // expired 100 days ago
const FENG = '410402197603020039'; // expired 500 days ago: 注销
const SUN = '410411198507150037'; // 吊销
const LI_DEFU = '410402195304180017'; // 73, expiring in 60 days, annual check valid
const WANG_GUIZHI = '410403195411070020'; // 72, long-term, check lapsed
const XU = '410411198809260039'; // 6 points, valid to 2032
const DENG = '410402199102140058'; // 12 points (满分)
const CHEN = '410402199001011230'; // valid to 2032, 3 points
const MA = '410403195806150041'; // 68, C1 to 2027-03-08
const LIU = '410402198111050033'; // 45, expiring in 30 days, no medical check on record

async function recordOf(idNumber: string): Promise<DriverRecordAnswer> {
  const answer = await driverRecord.sandbox({ idNumber }, world);
  if (!answer.ok) throw new Error(`no sandbox record for ${idNumber}`);
  return answer.value;
}

describe('eligibility: the sandbox people', () => {
  it('高志远 (40 days to expiry): only 期满换证, with his medical check; ten-year term → long-term from the old expiry day', async () => {
    const record = await recordOf(GAO);
    expect(eligibility(record, TODAY)).toEqual({ kind: 'eligible', kinds: ['expiry'], age: 47, medicalCheckNeeded: true });
    expect(newValidity(record, 'expiry', TODAY)).toEqual({ from: '2027-01-10', until: 'long-term' });
  });

  it('韩梅 (expired 100 days ago, 逾期未换证): still 期满换证; the new term starts today', async () => {
    const record = await recordOf(HAN_MEI);
    expect(record.licence.status).toBe('expired');
    expect(eligibility(record, TODAY)).toMatchObject({ kind: 'eligible', kinds: ['expiry'] });
    expect(newValidity(record, 'expiry', TODAY)).toEqual({ from: TODAY, until: 'long-term' });
  });

  it('冯军 (注销, expired 500 days ago) and 孙建军 (吊销): refused', async () => {
    expect(eligibility(await recordOf(FENG), TODAY)).toEqual({ kind: 'refused', reason: 'cancelled', params: {} });
    expect(eligibility(await recordOf(SUN), TODAY)).toEqual({ kind: 'refused', reason: 'revoked', params: {} });
  });

  it('李德福 (73, 60 days to expiry, annual check valid): 期满换证; a six-year licence is followed by ten years', async () => {
    const record = await recordOf(LI_DEFU);
    expect(eligibility(record, TODAY)).toEqual({ kind: 'eligible', kinds: ['expiry'], age: 73, medicalCheckNeeded: true });
    expect(newValidity(record, 'expiry', TODAY)).toEqual({ from: '2027-01-30', until: '2037-01-30' });
  });

  it('王桂芝 (72, long-term licence, check lapsed): refused before any kind, with the check\'s dates', async () => {
    expect(eligibility(await recordOf(WANG_GUIZHI), TODAY)).toEqual({ kind: 'refused', reason: 'medicalLapsedAnnual', params: { checkedOn: '2025-10-07', validUntil: '2026-04-05' } });
  });

  it('许磊 (6 points) and 陈思远 (3 points), years from expiry: 损毁换证 and 补领, no medical check under 70; the old validity kept', async () => {
    const xu = await recordOf(XU);
    expect(eligibility(xu, TODAY)).toEqual({ kind: 'eligible', kinds: ['damaged', 'lost'], age: 38, medicalCheckNeeded: false });
    expect(newValidity(xu, 'lost', TODAY)).toEqual({ from: xu.licence.validFrom, until: xu.licence.validUntil });
    expect(eligibility(await recordOf(CHEN), TODAY)).toMatchObject({ kind: 'eligible', kinds: ['damaged', 'lost'] });
  });

  it('刘振东 (30 days to expiry, no medical check on record): refused as medicalMissing, with no dates to show', async () => {
    const record = await recordOf(LIU);
    expect(record.medicalCheck).toBeNull();
    expect(eligibility(record, TODAY)).toEqual({ kind: 'refused', reason: 'medicalMissing', params: {} });
  });

  it('邓海波 (12 points, 满分): refused, with his points', async () => {
    expect(eligibility(await recordOf(DENG), TODAY)).toEqual({ kind: 'refused', reason: 'pointsExceeded', params: { points: '12' } });
  });

  it('马秀兰 (68, expiry 2027-03-08): the window opens on 2026-12-08, so not yet; 损毁换证 and 补领 without a check', async () => {
    const record = await recordOf(MA);
    expect(eligibility(record, TODAY)).toMatchObject({ kind: 'eligible', kinds: ['damaged', 'lost'], medicalCheckNeeded: false });
    // Her record has no medical check: on the window's first day 期满换证 needs one.
    expect(eligibility(record, '2026-12-08')).toEqual({ kind: 'refused', reason: 'medicalMissing', params: {} });
  });
});

describe('eligibility: the edges', () => {
  const base = async (): Promise<DriverRecordAnswer> => recordOf(GAO);

  it('past expiry by a year is still 期满换证 on the last day, and refused the day after (注销)', async () => {
    const record = { ...(await base()), licence: { ...(await base()).licence, validUntil: '2025-12-01', status: 'expired' as const } };
    expect(eligibility(record, TODAY)).toMatchObject({ kind: 'eligible', kinds: ['expiry'] });
    expect(eligibility(record, '2026-12-02')).toEqual({ kind: 'refused', reason: 'expiredOverYear', params: { validUntil: '2025-12-01' } });
  });

  it('暂扣 and 停止使用 are refused; 12 points on a licence still marked 正常 too', async () => {
    const record = await base();
    expect(eligibility({ ...record, licence: { ...record.licence, status: 'detained' } }, TODAY)).toMatchObject({ kind: 'refused', reason: 'detained' });
    expect(eligibility({ ...record, licence: { ...record.licence, status: 'suspended' } }, TODAY)).toMatchObject({ kind: 'refused', reason: 'suspended' });
    expect(eligibility({ ...record, points: { ...record.points, current: 12 } }, TODAY)).toMatchObject({ kind: 'refused', reason: 'pointsExceeded' });
  });

  it('a medical check found unfit, or none at all, refuses 期满换证', async () => {
    const record = await base();
    expect(eligibility({ ...record, medicalCheck: { ...record.medicalCheck!, conclusion: 'unfit' } }, TODAY)).toMatchObject({ kind: 'refused', reason: 'medicalUnfit' });
    expect(eligibility({ ...record, medicalCheck: null }, TODAY)).toEqual({ kind: 'refused', reason: 'medicalMissing', params: {} });
  });

  it('a check valid until today is still good; the day after it is lapsed', async () => {
    const record = await base();
    const lastDay = { ...record, medicalCheck: { ...record.medicalCheck!, validUntil: TODAY } };
    expect(eligibility(lastDay, TODAY)).toMatchObject({ kind: 'eligible' });
    expect(eligibility(lastDay, '2026-12-02')).toMatchObject({ kind: 'refused', reason: 'medicalLapsed' });
  });

  it('a lapsed check is worded by age: the renewal\'s own under 70, the annual one from 70', async () => {
    const record = await base();
    const lapsed = { ...record, medicalCheck: { ...record.medicalCheck!, validUntil: '2026-11-30' } };
    expect(eligibility(lapsed, TODAY)).toMatchObject({ kind: 'refused', reason: 'medicalLapsed' });
    expect(eligibility({ ...lapsed, birthDate: '1956-11-30' }, TODAY)).toMatchObject({ kind: 'refused', reason: 'medicalLapsedAnnual' });
    expect(eligibility({ ...lapsed, birthDate: '1956-12-02' }, TODAY)).toMatchObject({ kind: 'refused', reason: 'medicalLapsed' });
  });

  it('from 60 a 大型货车 (B2) class must be lowered first; from 70 a motorcycle class (D, E), 低速载货汽车, 三轮汽车 or 轻型牵引挂车 (C3, C4, C6)', async () => {
    const record = await base();
    expect(eligibility({ ...record, birthDate: '1965-01-01', licence: { ...record.licence, classes: 'B2' } }, TODAY)).toEqual({ kind: 'refused', reason: 'classDowngradeDue', params: { classes: 'B2' } });
    expect(eligibility({ ...record, birthDate: '1967-01-01', licence: { ...record.licence, classes: 'B2' } }, TODAY)).toMatchObject({ kind: 'eligible' });
    expect(eligibility({ ...record, birthDate: '1955-01-01', licence: { ...record.licence, classes: 'C1E' } }, TODAY)).toMatchObject({ kind: 'refused', reason: 'classDowngradeDue' });
    for (const classes of ['C1C6', 'C3', 'C4']) {
      expect(eligibility({ ...record, birthDate: '1955-01-01', licence: { ...record.licence, classes } }, TODAY), classes).toEqual({ kind: 'refused', reason: 'classDowngradeDue', params: { classes } });
      expect(eligibility({ ...record, birthDate: '1957-01-01', licence: { ...record.licence, classes } }, TODAY), `${classes} at 69`).toMatchObject({ kind: 'eligible' });
    }
    expect(classCodes('C1C6')).toEqual(['C1', 'C6']);
    expect(classCodes('A2D')).toEqual(['A2', 'D']);
  });
});

describe('collection', () => {
  it('is the next working day: Tuesday → Wednesday, Friday → Monday', () => {
    expect(nextWorkingDay('2026-12-01')).toBe('2026-12-02');
    expect(nextWorkingDay('2026-12-04')).toBe('2026-12-07');
  });
});
