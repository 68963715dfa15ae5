/**
 * The endorsement fee table (发改价格〔2017〕1186号) as properties over
 * destinations, entries and terms: every combination the back-end may offer
 * has exactly one fee, multiple-entry fees grow with the term and never
 * fall below a two-entry one, nothing outside the table is priced, and the
 * sandbox's offers (every person, every permit) are all priced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENDORSEMENT_FEE_ITEMS,
  ENDORSEMENT_TERM_MONTHS,
  endorsementFeeCode,
  endorsementFeeFen,
  FEE_CODES,
  MAX_TERM_MONTHS,
  type Destination,
  type Entries,
} from '../../../../../electron/host/services/exit-entry-endorsement/fee-table';
import {
  endorsementOffers,
  type EndorsementFacts,
} from '../../../../../electron/host/services/exit-entry-endorsement/offers';

const destination = fc.constantFrom<Destination>('hkMacau', 'taiwan');
const entries = fc.constantFrom<Entries>('single', 'twice', 'multiple');
const term = fc.integer({ min: 1, max: MAX_TERM_MONTHS });
const fen = (d: Destination, e: Entries, months: number) => {
  const fee = endorsementFeeFen(d, e, months);
  return fee.ok ? fee.value : null;
};

describe('the endorsement fee table', () => {
  it('has one item per code, each priced in whole yuan with its basis', () => {
    expect(ENDORSEMENT_FEE_ITEMS.map((item) => item.code)).toEqual([...FEE_CODES]);
    for (const item of ENDORSEMENT_FEE_ITEMS) {
      expect(item.amountFen % 100).toBe(0);
      expect(item.basis).toContain('发改价格〔2017〕1186号');
    }
  });

  it("the notice's prices: 港澳 15 / 30 / 80 / 120 / 160 / 240 元, 赴台 15 / 80 元", () => {
    expect(fen('hkMacau', 'single', 3)).toBe(1500);
    expect(fen('hkMacau', 'twice', 12)).toBe(3000);
    expect(fen('hkMacau', 'multiple', 3)).toBe(8000);
    expect(fen('hkMacau', 'multiple', 12)).toBe(8000);
    expect(fen('hkMacau', 'multiple', 13)).toBe(12000);
    expect(fen('hkMacau', 'multiple', 24)).toBe(12000);
    expect(fen('hkMacau', 'multiple', 25)).toBe(16000);
    expect(fen('hkMacau', 'multiple', 35)).toBe(16000);
    expect(fen('hkMacau', 'multiple', 36)).toBe(24000);
    expect(fen('hkMacau', 'multiple', 60)).toBe(24000);
    expect(fen('taiwan', 'single', 6)).toBe(1500);
    expect(fen('taiwan', 'multiple', 12)).toBe(8000);
    expect(fen('taiwan', 'multiple', 36)).toBe(8000);
  });

  it('every combination has exactly one fee item, or none, the same every time', () => {
    fc.assert(
      fc.property(destination, entries, term, (d, e, months) => {
        const code = endorsementFeeCode(d, e, months);
        const again = endorsementFeeCode(d, e, months);
        expect(again).toEqual(code);
        if (code.ok) expect(ENDORSEMENT_FEE_ITEMS.filter((item) => item.code === code.value)).toHaveLength(1);
      }),
    );
  });

  it('single and twice do not depend on the term', () => {
    fc.assert(
      fc.property(destination, fc.constantFrom<Entries>('single', 'twice'), term, term, (d, e, a, b) => {
        expect(fen(d, e, a)).toBe(fen(d, e, b));
      }),
    );
  });

  it('multiple-entry fees grow (never fall) with the term, and cost at least a two-entry one', () => {
    fc.assert(
      fc.property(destination, term, term, (d, a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        expect(fen(d, 'multiple', longer)!).toBeGreaterThanOrEqual(fen(d, 'multiple', shorter)!);
        expect(fen(d, 'multiple', shorter)!).toBeGreaterThanOrEqual(fen(d, 'single', shorter)!);
        if (d === 'hkMacau') expect(fen(d, 'multiple', shorter)!).toBeGreaterThan(fen(d, 'twice', shorter)!);
      }),
    );
  });

  it('nothing outside the table is priced: no term, a fraction, beyond five years, 赴台 二次', () => {
    fc.assert(
      fc.property(
        destination,
        entries,
        fc.oneof(
          fc.integer({ min: -1000, max: 0 }),
          fc.integer({ min: MAX_TERM_MONTHS + 1, max: 10_000 }),
          fc.double({ min: 0.01, max: 59.99, noInteger: true }),
        ),
        (d, e, months) => {
          expect(endorsementFeeCode(d, e, months)).toEqual({ ok: false, error: 'noSuchEndorsement' });
        },
      ),
    );
    fc.assert(
      fc.property(term, (months) => {
        expect(endorsementFeeCode('taiwan', 'twice', months).ok).toBe(false);
      }),
    );
  });

  it("every offer the back-end's rule can make is priced", () => {
    const facts = fc.record<EndorsementFacts>({
      permitType: fc.constantFrom('hkMacauPermit', 'taiwanPermit'),
      registeredProvince: fc.constantFrom('河南省', '福建省', '上海市', '广东省'),
      registeredCity: fc.constantFrom('平顶山市', '郑州市', '深圳市', '福州市', '上海市'),
      residencePermitCity: fc.option(fc.constantFrom('深圳市', '珠海市', '洛阳市'), { nil: null }),
      ageYears: fc.integer({ min: 16, max: 95 }),
      relatives: fc.record(
        {
          hongKong: fc.record({
            relation: fc.constantFrom<'close' | 'sibling'>('close', 'sibling'),
            spouseWithMinorChild: fc.boolean(),
          }),
          macau: fc.record({ relation: fc.constantFrom<'close' | 'sibling'>('close', 'sibling') }),
        },
        { requiredKeys: [] },
      ),
      registeredCompany: fc.boolean(),
      stayApproval: fc.option(
        fc.record({
          destination: fc.constantFrom<'hongKong' | 'macau'>('hongKong', 'macau'),
          termMonths: fc.constantFrom(...ENDORSEMENT_TERM_MONTHS),
        }),
        { nil: null },
      ),
      taiwanEntryPermit: fc.option(
        fc.record({
          purpose: fc.constant<'T'>('T'),
          entries: fc.subarray<'single' | 'multiple'>(['single', 'multiple'], { minLength: 1 }),
          stayDays: fc.integer({ min: 1, max: 180 }),
        }),
        { nil: null },
      ),
    });
    const lists = {
      individualVisitCities: ['郑州市', '深圳市', '福州市', '上海市'],
      multipleEntryCities: { hongKong: ['深圳市'], macau: [] },
      taiwanGroupTourProvinces: ['福建省', '上海市'],
    };
    fc.assert(
      fc.property(facts, (person) => {
        const { offers, refusals } = endorsementOffers(person, lists);
        for (const offer of offers) {
          expect(
            endorsementFeeCode(offer.destination === 'taiwan' ? 'taiwan' : 'hkMacau', offer.entries, offer.termMonths)
              .ok,
          ).toBe(true);
          expect(ENDORSEMENT_TERM_MONTHS).toContain(offer.termMonths);
        }
        // A type is offered or refused with a reason, never both, for each destination.
        for (const refusal of refusals)
          expect(offers.some((offer) => offer.destination === refusal.destination && offer.type === refusal.type)).toBe(
            false,
          );
        // 赴台个人旅游 is never offered (suspended since 2019-08-01).
        expect(offers.some((offer) => offer.destination === 'taiwan' && offer.type === 'G')).toBe(false);
      }),
    );
  });
});
