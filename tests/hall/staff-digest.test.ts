import { describe, expect, it } from 'vitest';
import { staffIdDigest as hallDigest } from '../../hall/server/auth/staff-identity';
import { hashPin } from '../../hall/server/auth/secrets';
import { staffIdDigest as kioskDigest } from '../../electron/host/staff/allow-list';

const KEY = 'a1'.repeat(32);

describe("an officer's card digest and PIN hash, as the hall makes them and a kiosk checks them", () => {
  it('the hall and the kiosk compute the same slow digest, case-blind in the check letter, keyed by the hall', () => {
    const digest = hallDigest(KEY, '41040219900101123x');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(kioskDigest(KEY, '41040219900101123X')).toBe(digest);
    expect(kioskDigest('b2'.repeat(32), '41040219900101123X')).not.toBe(digest);
  });

  it('a PIN hash copied to kiosks is argon2id at 64 MiB and 3 passes', async () => {
    expect(await hashPin('246810')).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
  });
});
