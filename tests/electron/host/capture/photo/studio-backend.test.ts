/** The studio-photo back-end call is bound to the person: a receipt is found only for the ID number it was registered under. */
import { describe, expect, it } from 'vitest';
import { studioPhoto } from '../../../../../electron/host/capture/photo/studio-backend';
import type { SandboxWorld } from '../../../../../electron/host/gateway/operation';

const world: SandboxWorld = { citizen: () => undefined, now: () => new Date('2026-12-01T02:00:00Z'), today: () => '2026-12-01', issuingOffice: '测试' };
const CHEN = '410402199001011230'; // the receipt's holder
const OTHER = '410404197001010098'; // someone else who read the code off the receipt

describe('studio-photo (sandbox)', () => {
  it("gives the holder their photo, and anyone else the same answer as a made-up code", async () => {
    const own = await studioPhoto.sandbox({ receiptCode: 'SB2026RID00000000001', spec: 'residentId', idNumber: CHEN }, world);
    expect(own).toMatchObject({ ok: true, value: { status: 'found', spec: 'residentId' } });
    const other = await studioPhoto.sandbox({ receiptCode: 'SB2026RID00000000001', spec: 'residentId', idNumber: OTHER }, world);
    const madeUp = await studioPhoto.sandbox({ receiptCode: 'SB2026RID99999999999', spec: 'residentId', idNumber: OTHER }, world);
    expect(other).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(madeUp).toEqual(other);
  });

  it('refuses a request without the holder (the contract the real back-end answers to)', () => {
    expect(studioPhoto.request.safeParse({ receiptCode: 'SB2026RID00000000001', spec: 'residentId' }).success).toBe(false);
  });
});
