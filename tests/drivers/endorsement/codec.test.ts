/** The endorsement writer's codec: APDUs, BER-TLV and the permit's records round-trip; any bytes decode to a value or a clear error, never a throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCommand, decodeResponse, encodeCommand, encodeResponse } from '../../../drivers/endorsement/apdu';
import { meaningOf } from '../../../drivers/endorsement/protocol';
import { decodeEndorsement, decodePermit, encodeEndorsement, encodePermit, type EndorsementRecord, type PermitRecord } from '../../../drivers/endorsement/records';
import { decodeTlvs, encodeTlv } from '../../../drivers/endorsement/tlv';

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const permit: fc.Arbitrary<PermitRecord> = fc.record({
  permitType: fc.constantFrom('hkMacauPermit' as const, 'taiwanPermit' as const),
  permitNumber: fc.tuple(fc.constantFrom(...'CLTW'), fc.stringMatching(/^\d{8}$/)).map(([l, d]) => l + d),
  name: fc.array(fc.constantFrom(...'陈思远吴国强郑丽赵欣欧阳娜仁·'), { minLength: 1, maxLength: 30 }).map((c) => c.join('')),
  birthDate: isoDate,
  validUntil: isoDate,
});
const endorsement: fc.Arbitrary<EndorsementRecord> = fc
  .record({
    destination: fc.constantFrom('hongKong' as const, 'macau' as const, 'taiwan' as const),
    type: fc.constantFrom(...'LGTSDQ'),
    entries: fc.constantFrom('single' as const, 'twice' as const, 'multiple' as const),
    from: isoDate,
    until: isoDate,
    stayDays: fc.integer({ min: 1, max: 999 }),
    number: fc.stringMatching(/^[A-Z0-9]{1,20}$/),
  })
  .map(({ from, until, ...rest }) => ({ ...rest, validFrom: from < until ? from : until, validUntil: from < until ? until : from }));
const bytes = fc.uint8Array({ maxLength: 300 });

describe('APDU', () => {
  it('round-trips every short command', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 255 }), fc.option(fc.integer({ min: 1, max: 256 }), { nil: undefined }), (cla, ins, p1, p2, data, le) => {
        const command = { cla, ins, p1, p2, data, ...(le === undefined ? {} : { le }) };
        expect(decodeCommand(encodeCommand(command))).toEqual({ ok: true, value: command });
      }),
    );
  });

  it('round-trips responses and reads SW1 SW2', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 256 }), fc.integer({ min: 0, max: 0xffff }), (data, sw) => {
        expect(decodeResponse(encodeResponse({ data, sw }))).toEqual({ ok: true, value: { data, sw } });
      }),
    );
    expect(decodeResponse(Uint8Array.of(0x6a))).toEqual({ ok: false, error: { kind: 'tooShort', length: 1 } });
  });

  it('maps the status words the writer acts on', () => {
    expect([0x9000, 0x6a82, 0x6a83, 0x6982, 0x6a84, 0x6300, 0x63c2, 0x6581, 0x6d00].map(meaningOf)).toEqual(['ok', 'notFound', 'endOfRecords', 'security', 'chipFull', 'writeFailed', 'writeFailed', 'writeFailed', 'refused']);
  });
});

describe('BER-TLV', () => {
  it('round-trips one- and two-byte tags with short, 81 and 82 lengths', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 0x1e }).map((t) => t | 0x80), fc.integer({ min: 0, max: 0x7f }).map((t) => 0x5f00 | t)), fc.uint8Array({ maxLength: 400 }), (tag, value) => {
        const decoded = decodeTlvs(encodeTlv(tag, value));
        expect(decoded.ok && decoded.value).toEqual([{ tag, constructed: false, value }]);
      }),
    );
  });
});

describe('permit and endorsement records', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(permit, (p) => {
        expect(decodePermit(encodePermit(p))).toEqual({ ok: true, value: p });
      }),
    );
    fc.assert(
      fc.property(endorsement, (e) => {
        expect(decodeEndorsement(encodeEndorsement(e))).toEqual({ ok: true, value: e });
      }),
    );
  });

  it('decode any byte string to a value or a clear error, never a throw', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        for (const decoded of [decodeTlvs(b), decodePermit(b), decodeEndorsement(b), decodeCommand(b), decodeResponse(b)]) {
          expect(typeof decoded.ok).toBe('boolean');
          if (!decoded.ok) expect(typeof decoded.error.kind).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse a damaged permit record with what is wrong', () => {
    const good = encodePermit({ permitType: 'hkMacauPermit', permitNumber: 'C38816402', name: '陈思远', birthDate: '1990-01-01', validUntil: '2034-12-31' });
    expect(decodePermit(good.slice(0, 10))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    const badDate = good.slice();
    badDate[badDate.length - 1] = 0x32; // 2034-12-32
    expect(decodePermit(badDate)).toEqual({ ok: false, error: { kind: 'badField', tag: 0x84, message: 'valid-until date is not valid' } });
    expect(decodePermit(encodeTlv(0x71, new Uint8Array(0)))).toEqual({ ok: false, error: { kind: 'missingTag', tag: 0x70 } });
  });
});
