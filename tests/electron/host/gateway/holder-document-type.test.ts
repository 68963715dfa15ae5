import { describe, expect, it } from 'vitest';
import { holderDocumentType } from '../../../../electron/host/gateway/police-gateway';
import { IssueCertificateRequest } from '../../../../electron/host/gateway/wire-schemas';

// A certificate request names the holder's document with the back-end's identifier, never the printed words.

describe('holderDocumentType', () => {
  it.each([
    ['resident', '410402199001011230', 'residentIdCard'],
    [null, '410402199001011230', 'residentIdCard'],
    ['hmt', '810000199507200020', 'hmtResidencePermit'],
    [null, '810000199507200020', 'hmtResidencePermit'],
    ['foreigner', '941124198804120029', 'foreignerPermanentResidenceCard'],
    [null, '941124198804120029', 'foreignerPermanentResidenceCard'],
    [null, 'SWE110085031501', 'foreignerPermanentResidenceCard'],
  ] as const)('%s card, %s → %s, a request the back-end accepts', (cardType, idNumber, expected) => {
    expect(holderDocumentType({ cardType, idNumber })).toBe(expected);
    const request = { type: 'noCriminalRecord', kioskId: 'HB-KIOSK-01', holder: { name: '陈思远', idNumber, idDocumentType: holderDocumentType({ cardType, idNumber }) }, facts: { queryDate: '2026-03-02' } };
    expect(IssueCertificateRequest.safeParse(request).success).toBe(true);
  });
});
