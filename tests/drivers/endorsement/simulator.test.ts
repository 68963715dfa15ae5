/** The simulated permit card answers a scripted APDU session byte for byte, as docs/endorsement-writer.md says. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/calendar-date';
import { encodeEndorsement, encodePermit } from '../../../drivers/endorsement/records';
import { sampleCards } from '../../../drivers/endorsement/sample-permits';
import { createSimulatedCard } from '../../../drivers/endorsement/simulator';
import { TEST_WRITE_KEY, writeCryptogram } from '../../../drivers/endorsement/protocol';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replaceAll(' ', ''), 'hex'));
const show = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
const samples = sampleCards('2026-12-03');
const sample = (id: string) => samples.find((s) => s.id === id)!;
const CHALLENGE = hex('0102030405060708');
const e = { destination: 'hongKong' as const, type: 'G', entries: 'single' as const, validFrom: '2026-12-03', validUntil: '2027-03-02', stayDays: 7, number: 'HG2026000001' };

describe('simulated permit card', () => {
  it('answers SELECT, READ BINARY, READ RECORD, GET CHALLENGE, EXTERNAL AUTHENTICATE and APPEND RECORD as specified', () => {
    const card = createSimulatedCard(sample('C38816402'), { random: () => CHALLENGE });
    const permit = sample('C38816402').permit!;
    expect(permit).toEqual({ permitType: 'hkMacauPermit', permitNumber: 'C38816402', name: '陈思远', birthDate: '1990-01-01', validUntil: addDays('2026-12-03', 2950) });
    // Before SELECT nothing is readable.
    expect(show(card.answer(hex('00 B0 81 00 00')))).toBe('6985');
    expect(show(card.answer(hex('00 A4 04 0C 08 F0 45 50 45 52 4D 49 54')))).toBe('9000');
    expect(show(card.answer(hex('00 B0 81 00 00')))).toBe(`${show(encodePermit(permit))}9000`);
    expect(show(card.answer(hex('00 B2 01 14 00')))).toBe('6A83');
    expect(show(card.answer(hex('00 B0 85 00 00')))).toBe('6A82');
    // Writing needs the key: refused, then a wrong cryptogram, then the right one.
    const record = encodeEndorsement(e);
    const append = Uint8Array.from([0x00, 0xe2, 0x00, 0x10, record.length, ...record]);
    expect(show(card.answer(append))).toBe('6982');
    expect(show(card.answer(hex('00 84 00 00 08')))).toBe('01020304050607089000');
    expect(show(card.answer(Uint8Array.from([0x00, 0x82, 0x00, 0x01, 0x10, ...new Uint8Array(16)])))).toBe('6300');
    card.answer(hex('00 84 00 00 08'));
    const cryptogram = writeCryptogram(TEST_WRITE_KEY, CHALLENGE, 'C38816402');
    expect(show(card.answer(Uint8Array.from([0x00, 0x82, 0x00, 0x01, 0x10, ...cryptogram])))).toBe('9000');
    expect(show(card.answer(append))).toBe('9000');
    // One write per authentication.
    expect(show(card.answer(append))).toBe('6982');
    expect(show(card.answer(hex('00 B2 01 14 00')))).toBe(`${show(record)}9000`);
    expect(card.endorsements).toEqual([e]);
    // EF.PERMIT is read-only; unknown instructions and classes are refused.
    expect(show(card.answer(hex('00 D6 81 00 01 00')))).toBe('6982');
    expect(show(card.answer(hex('00 CA 00 00 00')))).toBe('6D00');
    expect(show(card.answer(hex('80 B0 81 00 00')))).toBe('6E00');
    expect(show(card.answer(hex('00 B0')))).toBe('6700');
  });

  it('says 6A84 when the chip is full and 6581 when told to fail the next write', () => {
    const full = createSimulatedCard({ ...sample('C60123456'), capacity: 0 }, { random: () => CHALLENGE });
    const auth = (card: ReturnType<typeof createSimulatedCard>, number: string) => {
      card.answer(hex('00 A4 04 0C 08 F0 45 50 45 52 4D 49 54'));
      card.answer(hex('00 84 00 00 08'));
      card.answer(Uint8Array.from([0x00, 0x82, 0x00, 0x01, 0x10, ...writeCryptogram(TEST_WRITE_KEY, CHALLENGE, number)]));
    };
    const record = encodeEndorsement(e);
    const append = Uint8Array.from([0x00, 0xe2, 0x00, 0x10, record.length, ...record]);
    auth(full, 'C60123456');
    expect(show(full.answer(append))).toBe('6A84');
    const failing = createSimulatedCard(sample('C72345678'), { random: () => CHALLENGE });
    failing.failNextWrite();
    auth(failing, 'C72345678');
    expect(show(failing.answer(append))).toBe('6581');
    expect(failing.endorsements).toEqual([]);
  });

  it('a bank card has no permit application; a damaged permit answers a broken record', () => {
    const bank = createSimulatedCard(sample('bank-card'));
    expect(show(bank.answer(hex('00 A4 04 0C 08 F0 45 50 45 52 4D 49 54')))).toBe('6A82');
    const damaged = createSimulatedCard(sample('damaged'));
    expect(show(damaged.answer(hex('00 A4 04 0C 08 F0 45 50 45 52 4D 49 54')))).toBe('9000');
    expect(show(damaged.answer(hex('00 B0 81 00 00')))).toBe('703A80010181 09C30FFF9000'.replace(' ', ''));
  });

  it('holds the sandbox people\'s permits', () => {
    expect(samples.map((s) => [s.id, s.permit?.name, s.permit?.birthDate])).toEqual([
      ['C38816402', '陈思远', '1990-01-01'],
      ['C51234567', '吴国强', '1980-11-25'],
      ['L21234567', '吴国强', '1980-11-25'],
      ['C60123456', '郑丽', '1992-03-08'],
      ['C72345678', '赵欣', '1991-08-15'],
      ['damaged', undefined, undefined],
      ['bank-card', undefined, undefined],
    ]);
    expect(sample('L21234567').permit?.permitType).toBe('taiwanPermit');
  });
});
