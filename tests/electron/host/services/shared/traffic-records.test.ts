import { describe, expect, it } from 'vitest';
import citizens from '../../../../../resources/sandbox/citizens.json' with { type: 'json' };
import type { SandboxWorld } from '../../../../../electron/host/gateway/operation';
import { driverRecord, scoringCycle } from '../../../../../electron/host/services/shared/traffic/driver-record';
import { trafficViolations } from '../../../../../electron/host/services/shared/traffic/violations';

const TODAY = '2026-12-03';
const people = citizens.citizens as Record<string, { name: string }>;
const world: SandboxWorld = {
  citizen: (idNumber) => people[idNumber] as ReturnType<SandboxWorld['citizen']>,
  now: () => new Date('2026-12-02T22:00:00Z'),
  today: () => TODAY,
  issuingOffice: '湖滨派出所',
};

const GAO = '410402197908230010'; // licence expiring in 40 days
const HAN_MEI = '410403198305170021'; // expired 100 days ago
const WANG_GUIZHI = '410403195411070020'; // 70+, medical check lapsed
const XU = '410411198809260039'; // owns 豫D12345 and 豫DA5678
const CHEN = '410402199001011230'; // a 豫DA5678 parking violation is on his licence

describe('the shared driver record in the sandbox', () => {
  it('states dates relative to the back-end today, and the latest medical check', async () => {
    const answer = await driverRecord.sandbox({ idNumber: GAO }, world);
    expect(answer.ok && answer.value.licence.validUntil).toBe('2027-01-12');
    expect(answer.ok && answer.value.name).toBe('高志远');
    expect(answer.ok && answer.value.birthDate).toBe('1979-08-23');
    expect(answer.ok && answer.value.medicalCheck).toEqual({ institution: '平顶山市第一人民医院体检中心', checkedOn: '2026-11-21', validUntil: '2027-05-20', conclusion: 'fit' });
    const expired = await driverRecord.sandbox({ idNumber: HAN_MEI }, world);
    expect(expired.ok && expired.value.licence).toMatchObject({ validUntil: '2026-08-25', status: 'expired' });
    const lapsed = await driverRecord.sandbox({ idNumber: WANG_GUIZHI }, world);
    expect(lapsed.ok && lapsed.value.licence.validUntil).toBe('long-term');
    expect(lapsed.ok && lapsed.value.medicalCheck?.validUntil).toBe('2026-04-07');
  });

  it('answers notFound for a citizen who holds no licence, and for a stranger', async () => {
    expect(await driverRecord.sandbox({ idNumber: '410402198506110029' }, world)).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await driverRecord.sandbox({ idNumber: '11010519491231002X' }, world)).toEqual({ ok: false, error: { kind: 'notFound' } });
  });

  it('puts the 记分周期 from the last anniversary of the first issue, for twelve months', () => {
    expect(scoringCycle('2012-07-20', TODAY)).toEqual({ cycleFrom: '2026-07-20', cycleTo: '2027-07-19' });
    expect(scoringCycle('2013-12-03', TODAY)).toEqual({ cycleFrom: '2026-12-03', cycleTo: '2027-12-02' });
    expect(scoringCycle('2013-12-04', TODAY)).toEqual({ cycleFrom: '2025-12-04', cycleTo: '2026-12-03' });
    // First issued on 29 February: in a common year the cycle turns on 1 March.
    expect(scoringCycle('2008-02-29', '2026-03-01')).toEqual({ cycleFrom: '2026-03-01', cycleTo: '2027-02-28' });
    expect(scoringCycle('2008-02-29', '2028-02-29')).toEqual({ cycleFrom: '2028-02-29', cycleTo: '2029-02-28' });
  });
});

describe('the shared violations query in the sandbox', () => {
  it("by licence: the owner's vehicles' unattributed violations, never one on another driver's licence", async () => {
    const answer = await trafficViolations.sandbox({ by: 'licence', idNumber: XU }, world);
    expect(answer.ok && answer.value.violations.map((v) => v.number).sort()).toEqual(['4104027300011490', '4104027300012861', '4104027300013077']);
    expect(answer.ok && answer.value.violations.find((v) => v.number === '4104027300012861')).toMatchObject({ occurredAt: '2026-11-12T08:12', fineFen: 20000, points: 6, photoCount: 3, onOtherLicence: false, decidedOn: null });
    const chen = await trafficViolations.sandbox({ by: 'licence', idNumber: CHEN }, world);
    expect(chen.ok && chen.value.violations.map((v) => v.number).sort()).toEqual(['4104027300010233', '4104027300012555']);
  });

  it('by plate and VIN tail: every violation of the car, marked when it is on another licence', async () => {
    const answer = await trafficViolations.sandbox({ by: 'plate', plate: '豫DA5678', plateType: '02', vinTail: '039926' }, world);
    expect(answer.ok && answer.value.violations.map((v) => [v.number, v.onOtherLicence])).toEqual([
      ['4104027300011490', false],
      ['4104027300010233', true],
    ]);
  });

  it('answers a wrong VIN tail exactly as an unknown plate', async () => {
    const wrong = await trafficViolations.sandbox({ by: 'plate', plate: '豫DA5678', plateType: '02', vinTail: '000000' }, world);
    const unknown = await trafficViolations.sandbox({ by: 'plate', plate: '豫DZ0000', plateType: '02', vinTail: '039926' }, world);
    expect(wrong).toEqual(unknown);
    expect(wrong).toEqual({ ok: false, error: { kind: 'notFound' } });
  });
});
