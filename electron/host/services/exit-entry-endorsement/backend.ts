/**
 * The back-end calls of 出入境签注: which endorsements the person may have on
 * the permit read from the chip (`exit-entry-endorsement-options`), and the
 * endorsement issued for an application that was paid and submitted
 * (`exit-entry-endorsement-issue`: its 签注编号, first and last day, stay),
 * which the kiosk then writes to the chip. Served by the sandbox from
 * sandbox.json (and the shared 出入境 records); a real gateway answers
 * `POST /v1/ops/<name>` with the same shapes.
 */
import { z } from 'zod';
import { addDays, ageOn } from '../../../../domain/calendar-date';
import { sandboxTable, type BackendOperation, type SandboxWorld } from '../../gateway/operation';
import type { GatewayResult } from '../../gateway/police-gateway';
import { sandboxExitEntryPeople } from '../shared/exit-entry/travel-documents';
import { endorsementFeeCode, ENDORSEMENT_TERM_MONTHS } from './fee-table';
import { endorsementOffers, HK_MACAU_TYPES, type EndorsementFacts, type Offer } from './offers';
import sandboxData from './sandbox.json' with { type: 'json' };

const IdNumber = z.string().regex(/^[0-9]{17}[0-9X]$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const PermitNumber = z.string().regex(/^[A-Z][A-Z0-9]{7,9}$/);
const ChipPermitType = z.enum(['hkMacauPermit', 'taiwanPermit']);
const Destination = z.enum(['hongKong', 'macau', 'taiwan']);
const Entries = z.enum(['single', 'twice', 'multiple']);
// The 赴台 letters the kiosk speaks of (L G T Q) are among the 港澳 ones.
const TypeLetter = z.enum(HK_MACAU_TYPES);

/** A term the kiosk has words for (fee-table.ts). */
const TermMonths = z
  .number()
  .int()
  .refine((months) => (ENDORSEMENT_TERM_MONTHS as readonly number[]).includes(months), 'a term of 3, 6, 12, 24, 36 or 60 months');

export const OfferSchema = z
  .object({ destination: Destination, type: TypeLetter, entries: Entries, termMonths: TermMonths, stayDays: z.number().int().min(1).max(1900) })
  .strict();

export const OptionsRequest = z.object({ idNumber: IdNumber, permitType: ChipPermitType, permitNumber: PermitNumber, hallProvinceCode: z.string().regex(/^\d{2}$/) }).strict();
export type OptionsRequest = z.infer<typeof OptionsRequest>;

export const OptionsAnswer = z
  .object({
    offers: z.array(OfferSchema).max(40),
    refusals: z
      .array(z.object({ destination: Destination, type: TypeLetter, reason: z.enum(['cityNotListed', 'noRelatives', 'noCompany', 'noStayApproval', 'needsPapers', 'suspended', 'notResumed']) }).strict())
      .max(20),
    /** 户籍 in another province and never endorsed before: the first endorsement is the counter's, with a 居住证 (DOMAIN.md §5). */
    nonLocalFirstTime: z.boolean(),
  })
  .strict();
export type OptionsAnswer = z.infer<typeof OptionsAnswer>;

export const IssueRequest = z
  .object({
    idNumber: IdNumber,
    permitNumber: PermitNumber,
    /** The application's idempotency key (the payment step's held application): the same key, the same endorsement. */
    applicationKey: z.string().min(8).max(120),
    destination: Destination,
    type: TypeLetter,
    entries: Entries,
    termMonths: TermMonths,
  })
  .strict();
export type IssueRequest = z.infer<typeof IssueRequest>;

export const IssueAnswer = z
  .object({
    /** 签注编号. */
    number: z.string().regex(/^[A-Z0-9]{8,24}$/),
    validFrom: IsoDate,
    validUntil: IsoDate,
    stayDays: z.number().int().min(1).max(1900),
  })
  .strict();
export type IssueAnswer = z.infer<typeof IssueAnswer>;

const Relatives = z.object({ relation: z.enum(['close', 'sibling']), spouseWithMinorChild: z.boolean().optional() }).strict();
const SandboxPerson = z
  .object({
    relatives: z.object({ hongKong: Relatives.optional(), macau: Relatives.optional() }).strict().optional(),
    registeredCompany: z.boolean().optional(),
    residencePermitCity: z.string().optional(),
    stayApproval: z.object({ destination: z.enum(['hongKong', 'macau']), termMonths: TermMonths }).strict().optional(),
    taiwanEntryPermit: z.object({ purpose: z.literal('T'), entries: z.array(z.enum(['single', 'multiple'])).min(1), stayDays: z.number().int().min(1).max(180) }).strict().optional(),
    endorsedBefore: z.boolean().optional(),
  })
  .strict();
const SandboxTables = z
  .object({
    individualVisit: z.object({ source: z.string(), cities: z.array(z.string()).min(1), multipleEntry: z.object({ source: z.string(), hongKong: z.array(z.string()), macau: z.array(z.string()) }).strict() }).strict(),
    taiwanGroupTour: z.object({ source: z.string(), provinces: z.array(z.string()) }).strict(),
    people: z.record(z.string(), SandboxPerson),
  })
  .strict();
const tables = sandboxTable(SandboxTables, { individualVisit: sandboxData.individualVisit, taiwanGroupTour: sandboxData.taiwanGroupTour, people: sandboxData.people });

/** The facts that decide the endorsements of the person holding `permitNumber`, or notFound when the permit is not theirs (or not valid). */
function endorsementFacts(request: { idNumber: string; permitNumber: string }, world: SandboxWorld): GatewayResult<{ facts: EndorsementFacts; endorsedBefore: boolean; provinceCode: string }> {
  const records = sandboxExitEntryPeople();
  if (!records.ok) return records;
  const known = tables();
  if (!known.ok) return known;
  const citizen = world.citizen(request.idNumber);
  const record = records.value[request.idNumber];
  const permit = record?.documents.find((document) => document.number === request.permitNumber && document.form === 'card' && !document.reportedLost);
  if (!citizen || citizen.holder !== 'resident' || !permit || (permit.type !== 'hkMacauPermit' && permit.type !== 'taiwanPermit')) return { ok: false, error: { kind: 'notFound' } };
  const person = known.value.people[request.idNumber] ?? {};
  const birth = request.idNumber.slice(6, 14);
  return {
    ok: true,
    value: {
      facts: {
        permitType: permit.type,
        registeredProvince: citizen.registeredResidence?.province ?? '',
        registeredCity: citizen.registeredResidence?.city ?? '',
        residencePermitCity: person.residencePermitCity ?? null,
        ageYears: ageOn(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`, world.today()),
        relatives: person.relatives ?? {},
        registeredCompany: person.registeredCompany ?? false,
        stayApproval: person.stayApproval ?? null,
        taiwanEntryPermit: person.taiwanEntryPermit ?? null,
      },
      endorsedBefore: person.endorsedBefore ?? false,
      provinceCode: citizen.registeredResidence?.provinceCode ?? '',
    },
  };
}

function lists() {
  const table = tables();
  if (!table.ok) return table;
  return {
    ok: true as const,
    value: {
      individualVisitCities: table.value.individualVisit.cities,
      multipleEntryCities: { hongKong: table.value.individualVisit.multipleEntry.hongKong, macau: table.value.individualVisit.multipleEntry.macau },
      taiwanGroupTourProvinces: table.value.taiwanGroupTour.provinces,
    },
  };
}

export const endorsementOptions: BackendOperation<OptionsRequest, OptionsAnswer> = {
  name: 'exit-entry-endorsement-options',
  request: OptionsRequest,
  response: OptionsAnswer,
  sandbox: (request, world) => {
    const found = endorsementFacts(request, world);
    if (!found.ok) return found;
    if (found.value.facts.permitType !== request.permitType) return { ok: false, error: { kind: 'notFound' } };
    const rule = lists();
    if (!rule.ok) return rule;
    const { offers, refusals } = endorsementOffers(found.value.facts, rule.value);
    return { ok: true, value: { offers, refusals, nonLocalFirstTime: found.value.provinceCode !== request.hallProvinceCode && !found.value.endorsedBefore } };
  },
};

/** The day `months` months after `day`, less one (an endorsement of 3 months from 2026-03-02 lasts to 2026-06-01). */
export function termEnd(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const total = month - 1 + months;
  const endYear = year + Math.floor(total / 12);
  const endMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  const end = `${endYear}-${String(endMonth).padStart(2, '0')}-${String(Math.min(date, lastDay)).padStart(2, '0')}`;
  return addDays(end, -1);
}

/** The sandbox's 签注编号: the destination's letter, the day, the key's last digits (the same application, the same number). */
function sandboxNumber(request: IssueRequest, today: string): string {
  const letter = { hongKong: 'H', macau: 'M', taiwan: 'T' }[request.destination];
  const digits = request.applicationKey.replace(/[^0-9]/g, '').slice(-6).padStart(6, '0');
  return `Q${letter}${today.replaceAll('-', '')}${digits}`;
}

const sameOffer = (offer: Offer, request: IssueRequest) =>
  offer.destination === request.destination && offer.type === request.type && offer.entries === request.entries && offer.termMonths === request.termMonths;

export const issueEndorsement: BackendOperation<IssueRequest, IssueAnswer> = {
  name: 'exit-entry-endorsement-issue',
  request: IssueRequest,
  response: IssueAnswer,
  sandbox: (request, world) => {
    const found = endorsementFacts(request, world);
    if (!found.ok) return found;
    const rule = lists();
    if (!rule.ok) return rule;
    // Issued only as offered, and only at a price of the table.
    const offer = endorsementOffers(found.value.facts, rule.value).offers.find((candidate) => sameOffer(candidate, request));
    const priced = endorsementFeeCode(request.destination === 'taiwan' ? 'taiwan' : 'hkMacau', request.entries, request.termMonths);
    if (!offer || !priced.ok) return { ok: false, error: { kind: 'notFound' } };
    const today = world.today();
    return { ok: true, value: { number: sandboxNumber(request, today), validFrom: today, validUntil: termEnd(today, request.termMonths), stayDays: offer.stayDays } };
  },
};
