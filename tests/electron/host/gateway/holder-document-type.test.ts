import { describe, expect, it } from 'vitest';
import { holderDocumentTypeOf } from '../../../../electron/host/gateway/police-gateway';
import { IssueCertificateRequest } from '../../../../electron/host/gateway/wire-schemas';

// A certificate request names the holder's document with the back-end's identifier, never the printed words.

describe('holderDocumentTypeOf', () => {
  it.each([
    ['resident', 'residentIdCard'],
    [null, 'residentIdCard'],
    ['hmt', 'hmtResidencePermit'],
    ['foreigner', 'foreignPermanentResidenceCard'],
  ] as const)('%s → %s, a request the back-end accepts', (cardType, expected) => {
    expect(holderDocumentTypeOf(cardType)).toBe(expected);
    const request = { type: 'noCriminalRecord', kioskId: 'HB-KIOSK-01', holder: { name: '陈思远', idNumber: '410402199001011230', idDocumentType: holderDocumentTypeOf(cardType) }, facts: { queryDate: '2026-03-02' } };
    expect(IssueCertificateRequest.safeParse(request).success).toBe(true);
  });
});
