import { describe, expect, it } from 'vitest';
import type { CertificateCheck } from '../../../../electron/host/gateway/sandbox-certificates';
import { verifyHtml, verifyJson } from '../../../../electron/host/gateway/verify-page';

// The page an employer's phone opens from a certificate's QR code names the certificate in words.

const check = (type: string): CertificateCheck => ({
  type,
  number: 'ZM2026-HB-KIOSK-01-000001',
  issueDate: '2026-12-02',
  issuingOffice: '湖滨派出所',
  holderNameMasked: '陈**',
  holderIdNumberMasked: '4104**********1230',
  keyId: 'sandbox-ed25519-1',
  sealVerified: true,
});

describe('verification page: certificate types in words', () => {
  it.each([
    ['noCriminalRecord', '无犯罪记录证明'],
    ['safeDriving', '驾驶人安全驾驶证明'],
  ])('%s → %s', (type, words) => {
    expect(verifyHtml(check(type))).toContain(words);
    expect(verifyJson(check(type))).toMatchObject({ typeName: words });
  });
});
