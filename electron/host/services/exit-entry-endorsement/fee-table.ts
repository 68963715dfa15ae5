/**
 * The endorsement fee table (签注费), one price per (destination, entries,
 * term): 赴港澳 一次 15 元, 二次 30 元, 多次 by term 80 元 (≤ 1 年) / 120 元
 * (1–2 年, 2 年 included) / 160 元 (2–3 年, 3 年 excluded) / 240 元 (≥ 3 年),
 * 发改价格〔2017〕1186号 (unchanged by 〔2019〕914号, which lowered only the
 * permit itself); 赴台 一次 15 元, 多次 80 元 whatever the term (〔2017〕1186号).
 * There is no 赴台 二次 endorsement: it has no price, so nothing offers it.
 * Sources in README.md.
 */
import type { Result } from '../../../../domain/result';
import type { FeeItem } from '../service-module';

export type Destination = 'hkMacau' | 'taiwan';
export type Entries = 'single' | 'twice' | 'multiple';

/** The fee items, one per price line of the notice (codes are the payment step's). */
export const FEE_CODES = ['hkMacauSingle', 'hkMacauTwice', 'hkMacauMultiple1y', 'hkMacauMultiple2y', 'hkMacauMultipleUnder3y', 'hkMacauMultipleLong', 'taiwanSingle', 'taiwanMultiple'] as const;
export type FeeCode = (typeof FEE_CODES)[number];

const BASIS_HK_MACAU = '发改价格〔2017〕1186号 附件：内地居民赴港澳签注收费标准';
const BASIS_TAIWAN = '发改价格〔2017〕1186号 附件：大陆居民前往台湾签注收费标准';

export const ENDORSEMENT_FEE_ITEMS: readonly (FeeItem & { code: FeeCode })[] = [
  { code: 'hkMacauSingle', name: { 'zh-CN': '赴港澳一次有效签注', en: 'Hong Kong/Macau endorsement, one entry' }, amountFen: 1500, basis: BASIS_HK_MACAU },
  { code: 'hkMacauTwice', name: { 'zh-CN': '赴港澳二次有效签注', en: 'Hong Kong/Macau endorsement, two entries' }, amountFen: 3000, basis: BASIS_HK_MACAU },
  { code: 'hkMacauMultiple1y', name: { 'zh-CN': '赴港澳多次有效签注（一年以内）', en: 'Hong Kong/Macau multiple-entry endorsement, up to 1 year' }, amountFen: 8000, basis: BASIS_HK_MACAU },
  { code: 'hkMacauMultiple2y', name: { 'zh-CN': '赴港澳多次有效签注（一年以上两年以内）', en: 'Hong Kong/Macau multiple-entry endorsement, over 1 and up to 2 years' }, amountFen: 12000, basis: BASIS_HK_MACAU },
  { code: 'hkMacauMultipleUnder3y', name: { 'zh-CN': '赴港澳多次有效签注（两年以上不满三年）', en: 'Hong Kong/Macau multiple-entry endorsement, over 2 and under 3 years' }, amountFen: 16000, basis: BASIS_HK_MACAU },
  { code: 'hkMacauMultipleLong', name: { 'zh-CN': '赴港澳多次有效签注（三年以上）', en: 'Hong Kong/Macau multiple-entry endorsement, 3 years or more' }, amountFen: 24000, basis: BASIS_HK_MACAU },
  { code: 'taiwanSingle', name: { 'zh-CN': '赴台一次有效签注', en: 'Taiwan endorsement, one entry' }, amountFen: 1500, basis: BASIS_TAIWAN },
  { code: 'taiwanMultiple', name: { 'zh-CN': '赴台多次有效签注', en: 'Taiwan multiple-entry endorsement' }, amountFen: 8000, basis: BASIS_TAIWAN },
];

/** Why a combination has no price: it is not an endorsement anyone issues. */
export type NotPriced = 'noSuchEndorsement';

/**
 * The fee item of an endorsement valid `termMonths` months with `entries`,
 * or why none: a term of no months, 赴台 二次, or a multiple-entry term
 * beyond the longest any endorsement has (five years, the permit's shortest life).
 */
export function endorsementFeeCode(destination: Destination, entries: Entries, termMonths: number): Result<FeeCode, NotPriced> {
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) return { ok: false, error: 'noSuchEndorsement' };
  switch (destination) {
    case 'hkMacau':
      switch (entries) {
        case 'single':
          return { ok: true, value: 'hkMacauSingle' };
        case 'twice':
          return { ok: true, value: 'hkMacauTwice' };
        case 'multiple':
          // 短期 (≤ 1 年) / 1–2 年 (2 年 included) / 2–3 年 (3 年 excluded) / 长期 (≥ 3 年).
          if (termMonths <= 12) return { ok: true, value: 'hkMacauMultiple1y' };
          if (termMonths <= 24) return { ok: true, value: 'hkMacauMultiple2y' };
          if (termMonths < 36) return { ok: true, value: 'hkMacauMultipleUnder3y' };
          return { ok: true, value: 'hkMacauMultipleLong' };
        default: {
          const unknown: never = entries;
          return unknown;
        }
      }
    case 'taiwan':
      switch (entries) {
        case 'single':
          return { ok: true, value: 'taiwanSingle' };
        case 'twice':
          return { ok: false, error: 'noSuchEndorsement' };
        case 'multiple':
          return { ok: true, value: 'taiwanMultiple' };
        default: {
          const unknown: never = entries;
          return unknown;
        }
      }
    default: {
      const unknown: never = destination;
      return unknown;
    }
  }
}

/** The longest term an endorsement is issued for, in months. */
export const MAX_TERM_MONTHS = 60;

/** The terms endorsements are issued for, in months (三个月 … 五年): the back-end's answers use these only, and each has its words. */
export const ENDORSEMENT_TERM_MONTHS = [3, 6, 12, 24, 36, 60] as const;
export type EndorsementTermMonths = (typeof ENDORSEMENT_TERM_MONTHS)[number];

/** The price of a fee item, in fen. */
export function feeFen(code: FeeCode): number {
  return ENDORSEMENT_FEE_ITEMS.find((item) => item.code === code)!.amountFen;
}

/** The fee of an endorsement, in fen, or why it has none. */
export function endorsementFeeFen(destination: Destination, entries: Entries, termMonths: number): Result<number, NotPriced> {
  const code = endorsementFeeCode(destination, entries, termMonths);
  return code.ok ? { ok: true, value: feeFen(code.value) } : code;
}
