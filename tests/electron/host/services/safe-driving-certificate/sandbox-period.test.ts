import { describe, expect, it } from 'vitest';
import { driverSafetyRecord } from '../../../../../electron/host/services/safe-driving-certificate/backend';
import type { SandboxWorld } from '../../../../../electron/host/gateway/operation';

const HAN = '410402199001011230'; // sandbox.json: C1, violations 2026-05-11 and 2024-09-02, an accident 2025-01-18

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
