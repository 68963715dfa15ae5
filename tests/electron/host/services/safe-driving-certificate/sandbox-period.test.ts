import { describe, expect, it } from 'vitest';
import { driverSafetyRecord } from '../../../../../electron/host/services/safe-driving-certificate/backend';
import type { SandboxWorld } from '../../../../../electron/host/gateway/operation';

const HAN = '410402199001011230'; // shared/traffic/sandbox.json: C1, violations 2026-05-11 and 2024-09-02, an accident 2025-01-18

/** 2026-12-03 06:00 in Beijing: UTC is still on 2026-12-02. */
const world: SandboxWorld = {
  citizen: (idNumber) => (idNumber === HAN ? ({ name: '陈思远' } as ReturnType<SandboxWorld['citizen']>) : undefined),
  now: () => new Date('2026-12-02T22:00:00Z'),
  today: () => '2026-12-03',
  issuingOffice: '湖滨派出所',
};

describe('driver-safety-record in the sandbox', () => {
  it("ends the period on the back-end's calendar day, not UTC's", async () => {
    const answer = await driverSafetyRecord.sandbox({ idNumber: HAN, years: 3, requestKey: 'k-0001' }, world);
    expect(answer).toMatchObject({ ok: true, value: { periodFrom: '2023-12-03', periodTo: '2026-12-03', violations: 2, accidents: 1, points: 3 } });
  });
});

describe('driver-safety-record on the shared 车驾管 drivers', () => {
  const WANG_GUIZHI = '410403195411070020'; // long-term licence, no history on record
  const everyone: SandboxWorld = { ...world, citizen: (idNumber) => ({ name: idNumber === WANG_GUIZHI ? '王桂芝' : '某人' }) as ReturnType<SandboxWorld['citizen']> };

  it('a long-term licence and no history: 长期, nothing counted', async () => {
    const answer = await driverSafetyRecord.sandbox({ idNumber: WANG_GUIZHI, years: 3, requestKey: 'k-0002' }, everyone);
    expect(answer).toMatchObject({ ok: true, value: { name: '王桂芝', licence: { validUntil: 'long-term', status: 'normal' }, violations: 0, accidents: 0, points: 0 } });
    expect(driverSafetyRecord.response.safeParse((answer as { value: unknown }).value).success).toBe(true);
  });

  it('someone the shared table does not list holds no licence', async () => {
    expect(await driverSafetyRecord.sandbox({ idNumber: '410402198506110029', years: 1, requestKey: 'k-0003' }, everyone)).toEqual({ ok: false, error: { kind: 'notFound' } });
  });
});
