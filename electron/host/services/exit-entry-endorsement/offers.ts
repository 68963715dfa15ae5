/**
 * Which endorsements a person may have (the back-end's rule, run by the
 * sandbox; a real back-end decides the same from its own records): the
 * types, entries and terms of the 内地居民往来港澳签注 and 大陆居民赴台签注
 * rules, and why each type not offered is not. Pure: facts in, offers out.
 * Sources in README.md.
 */
import type { EndorsementDestination, EndorsementEntries } from '../../flows/library';

/** Type letters on the 往来港澳通行证 (L 团队旅游, G 个人旅游, T 探亲, S 商务, D 逗留, Q 其他). */
export const HK_MACAU_TYPES = ['L', 'G', 'T', 'S', 'D', 'Q'] as const;
/** Type letters on the 往来台湾通行证 the kiosk speaks of (L 团队旅游, G 个人旅游, T 探亲, Q 其他 and the 台办-approved ones, all at the counter). */
export const TAIWAN_TYPES = ['L', 'G', 'T', 'Q'] as const;
export type EndorsementTypeLetter = (typeof HK_MACAU_TYPES)[number] | (typeof TAIWAN_TYPES)[number];

/** One endorsement the person may have here: where, which type, entries, term and stay. */
export interface Offer {
  destination: EndorsementDestination;
  type: EndorsementTypeLetter;
  entries: EndorsementEntries;
  termMonths: number;
  /** Days each stay may last (for 三个月多次 探亲: from the first entry). */
  stayDays: number;
}

/** Why a type is not offered at the kiosk. */
export type RefusalReason =
  /** 个人旅游: the 户籍 (or 居住证) city is not one of the 个人游 cities. */
  | 'cityNotListed'
  /** 探亲: no relatives in Hong Kong / Macau on record, or no 入台许可 for 探亲. */
  | 'noRelatives'
  /** 商务: not the staff of a company registered (备案) for business endorsements. */
  | 'noCompany'
  /** 逗留: no stay approved by Hong Kong / Macau (work, study, dependants) on record. */
  | 'noStayApproval'
  /** 其他 (and 赴台 应邀, 商务, 学习…): the papers for the reason are checked at the counter. */
  | 'needsPapers'
  /** 赴台个人旅游: suspended since 2019-08-01. */
  | 'suspended'
  /** 赴台团队旅游: resumed only for the residents of the provinces announced. */
  | 'notResumed';

export interface Refusal {
  destination: EndorsementDestination;
  type: EndorsementTypeLetter;
  reason: RefusalReason;
}

/** What the back-end knows of the person that decides their endorsements. */
export interface EndorsementFacts {
  permitType: 'hkMacauPermit' | 'taiwanPermit';
  /** The 户籍's province and city, and the city of a 居住证 held, if any. */
  registeredProvince: string;
  registeredCity: string;
  residencePermitCity: string | null;
  ageYears: number;
  /** Relatives in Hong Kong / Macau: `close` (配偶, 父母, 子女…), `sibling` (兄弟姐妹, 祖父母, 孙子女). */
  relatives: Partial<Record<'hongKong' | 'macau', { relation: 'close' | 'sibling'; spouseWithMinorChild?: boolean }>>;
  registeredCompany: boolean;
  /** A stay approved by Hong Kong / Macau: where and for how many months. */
  stayApproval: { destination: 'hongKong' | 'macau'; termMonths: number } | null;
  /** The 入台许可 for 探亲 on record: the entries it allows and the stay. */
  taiwanEntryPermit: { purpose: 'T'; entries: readonly ('single' | 'multiple')[]; stayDays: number } | null;
}

/** The rule's lists: the 个人游 cities, the 一签多行 cities, the provinces whose 赴台团队游 resumed. */
export interface EndorsementLists {
  individualVisitCities: readonly string[];
  multipleEntryCities: Readonly<Record<'hongKong' | 'macau', readonly string[]>>;
  taiwanGroupTourProvinces: readonly string[];
}

export interface Offers {
  offers: Offer[];
  refusals: Refusal[];
}

const offer = (destination: EndorsementDestination, type: EndorsementTypeLetter, entries: EndorsementEntries, termMonths: number, stayDays: number): Offer => ({ destination, type, entries, termMonths, stayDays });

/** 团队旅游 and 个人旅游 to Hong Kong: 3 months or 1 year, once or twice; to Macau: 3 months or 1 year, once; 7 days a stay. */
function tourOffers(destination: 'hongKong' | 'macau', type: 'L' | 'G'): Offer[] {
  const entries: EndorsementEntries[] = destination === 'hongKong' ? ['single', 'twice'] : ['single'];
  return [3, 12].flatMap((months) => entries.map((entry) => offer(destination, type, entry, months, 7)));
}

function hkMacauOffers(facts: EndorsementFacts, lists: EndorsementLists): Offers {
  const offers: Offer[] = [];
  const refusals: Refusal[] = [];
  const cities = [facts.registeredCity, facts.residencePermitCity].filter((city): city is string => city !== null && city !== '');
  for (const destination of ['hongKong', 'macau'] as const) {
    offers.push(...tourOffers(destination, 'L'));
    if (cities.some((city) => lists.individualVisitCities.includes(city))) {
      offers.push(...tourOffers(destination, 'G'));
      if (cities.some((city) => lists.multipleEntryCities[destination].includes(city))) offers.push(offer(destination, 'G', 'multiple', 12, 7));
    } else refusals.push({ destination, type: 'G', reason: 'cityNotListed' });
    const relatives = facts.relatives[destination];
    if (!relatives) refusals.push({ destination, type: 'T', reason: 'noRelatives' });
    else {
      offers.push(offer(destination, 'T', 'single', 3, 14));
      if (relatives.relation === 'close') {
        offers.push(offer(destination, 'T', 'multiple', 3, 90));
        if (facts.ageYears >= 60 || relatives.spouseWithMinorChild) offers.push(offer(destination, 'T', 'multiple', 12, 90));
      }
    }
    if (facts.registeredCompany) offers.push(offer(destination, 'S', 'single', 3, 7), offer(destination, 'S', 'multiple', 3, 7), offer(destination, 'S', 'multiple', 12, 7));
    else refusals.push({ destination, type: 'S', reason: 'noCompany' });
    const stay = facts.stayApproval?.destination === destination ? facts.stayApproval : null;
    if (stay) offers.push(offer(destination, 'D', 'multiple', stay.termMonths, stay.termMonths * 30));
    else refusals.push({ destination, type: 'D', reason: 'noStayApproval' });
    refusals.push({ destination, type: 'Q', reason: 'needsPapers' });
  }
  return { offers, refusals };
}

function taiwanOffers(facts: EndorsementFacts, lists: EndorsementLists): Offers {
  const offers: Offer[] = [];
  const refusals: Refusal[] = [{ destination: 'taiwan', type: 'G', reason: 'suspended' }];
  // 团队旅游: 6 months, once (a tour leader's multiple-entry one is the counter's).
  if (lists.taiwanGroupTourProvinces.includes(facts.registeredProvince)) offers.push(offer('taiwan', 'L', 'single', 6, 15));
  else refusals.push({ destination: 'taiwan', type: 'L', reason: 'notResumed' });
  const permit = facts.taiwanEntryPermit;
  if (permit) {
    if (permit.entries.includes('single')) offers.push(offer('taiwan', 'T', 'single', 6, permit.stayDays));
    if (permit.entries.includes('multiple')) offers.push(offer('taiwan', 'T', 'multiple', 12, permit.stayDays));
  } else refusals.push({ destination: 'taiwan', type: 'T', reason: 'noRelatives' });
  refusals.push({ destination: 'taiwan', type: 'Q', reason: 'needsPapers' });
  return { offers, refusals };
}

/** The endorsements the person may have on this permit, and why not the others. */
export function endorsementOffers(facts: EndorsementFacts, lists: EndorsementLists): Offers {
  return facts.permitType === 'hkMacauPermit' ? hkMacauOffers(facts, lists) : taiwanOffers(facts, lists);
}
