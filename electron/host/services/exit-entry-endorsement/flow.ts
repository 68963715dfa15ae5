/**
 * 出入境签注 (港澳 / 赴台) for the electronic permit: identify → consent → face
 * check → the 出入境 record (restricted → the counter, discreetly) → which
 * permit (the record's valid card-type permits) → the permit on the
 * endorsement writer (its chip must say the record's number) → the
 * back-end's endorsements for this person → where (港 / 澳) → which type
 * (the ones not offered say why and lead to the counter) → entries and term
 * → review → fee → submission → the endorsement issued → written to the
 * chip (the counter writes it when the chip will not take it: it is issued
 * and paid) → 缴费凭证 → the slip. Eligibility is known before anything is paid.
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { DetailRow } from '../../../contract';
import {
  choiceStep,
  chosen,
  consentStep,
  endorsementWriteStep,
  endorsementWritten,
  faceCheckStep,
  factOf,
  feeSlipStep,
  heldApplicationKey,
  identifyStep,
  paymentStep,
  permitOnWriter,
  permitOnWriterStep,
  queryStep,
  receiptPrintStep,
  reviewStep,
  routeFailure,
  skippedWhen,
  submitStep,
  submittedApplication,
  type ChipEndorsement,
  type ChoiceOption,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
  type PermitOnWriter,
  type Route,
  type WriterProblem,
  type WriterPromptKeys,
} from '../../flows/library';
import type { FeeRule } from '../service-module';
import { exitEntryRecordOf, exitEntryRecordStep } from '../shared/exit-entry/record-step';
import type { ExitEntryRecordAnswer, TravelDocument } from '../shared/exit-entry/travel-documents';
import { endorsementOptions, issueEndorsement, type IssueAnswer, type OptionsAnswer } from './backend';
import { endorsementFeeCode, ENDORSEMENT_FEE_ITEMS, feeFen, type FeeCode } from './fee-table';
import type { Offer, RefusalReason } from './offers';
import { wording } from './wording';

export const SERVICE_ID = 'exit-entry-endorsement';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;
/** The zh-CN words at a dotted path of the wording (what the slip prints). */
function zhPath(path: string): string {
  let node: unknown = wording['zh-CN'];
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : '';
}

/** 签注费: one item of the table per endorsement (fee-table.ts); the payment step charges the one chosen. */
export const ENDORSEMENT_FEE: FeeRule = { items: ENDORSEMENT_FEE_ITEMS, exemptions: [], chargedOn: [], listedFen: 1500 };

type PermitType = 'hkMacauPermit' | 'taiwanPermit';

// ---- what earlier steps found ---------------------------------------------

/** The record's permits with a chip that may take an endorsement: card-type, valid. */
export function chipPermits(record: ExitEntryRecordAnswer | undefined): TravelDocument[] {
  return (record?.documents ?? []).filter((document) => (document.type === 'hkMacauPermit' || document.type === 'taiwanPermit') && document.form === 'card' && document.status === 'valid');
}

/** Where the record sends the citizen: on when a card-type permit is valid; else the counter, saying why and what to do. */
export function routeRecord(record: ExitEntryRecordAnswer): Route {
  if (chipPermits(record).length > 0) return { to: 'next' };
  const permits = record.documents.filter((document) => document.type === 'hkMacauPermit' || document.type === 'taiwanPermit');
  if (permits.some((document) => document.form === 'booklet' && document.status === 'valid')) return { to: 'counter', reasonKey: key('counter.bookletPermit') };
  if (permits.length > 0) return { to: 'counter', reasonKey: key('counter.permitNotValid') };
  return { to: 'counter', reasonKey: key('counter.noPermit') };
}

/** The permit chosen (or the only one the record holds). */
export function permitTypeOf(context: FlowContext): PermitType | null {
  const value = chosen(context, 'permit');
  if (value === 'hkMacauPermit' || value === 'taiwanPermit') return value;
  const permits = chipPermits(exitEntryRecordOf(context));
  return permits.length === 1 ? (permits[0]!.type as PermitType) : null;
}

/** The record's number of the chosen permit. */
const recordedPermitNumber = (context: FlowContext): string | null => chipPermits(exitEntryRecordOf(context)).find((document) => document.type === permitTypeOf(context))?.number ?? null;

/** A permit read from the chip passes only when it is the one the record holds for this person. */
export function routePermitRead(permit: PermitOnWriter, context: FlowContext): Route {
  const expected = recordedPermitNumber(context);
  if (expected === null || permit.permitNumber !== expected || permit.permitType !== permitTypeOf(context)) return { to: 'counter', reasonKey: key('counter.wrongCard') };
  return { to: 'next' };
}

const optionsOf = (context: FlowContext) => factOf<OptionsAnswer>(context, 'options');
const permitRead = (context: FlowContext) => permitOnWriter(context, 'card');

/** Where the back-end's answer leads: the counter for a first endorsement away from home, or when nothing may be had here. */
export function routeOptions(answer: OptionsAnswer): Route {
  if (answer.nonLocalFirstTime) return { to: 'counter', reasonKey: key('counter.nonLocalFirstTime') };
  if (answer.offers.length === 0) return { to: 'counter', reasonKey: key('counter.nothingOffered') };
  return { to: 'next' };
}

type Destination = Offer['destination'];
const DESTINATIONS: readonly Destination[] = ['hongKong', 'macau', 'taiwan'];

/** Where the citizen may go with an endorsement offered (港 / 澳 for the 港澳 permit; 台湾 alone for the other). */
export const destinationsOffered = (answer: OptionsAnswer | undefined): Destination[] => DESTINATIONS.filter((destination) => answer?.offers.some((offer) => offer.destination === destination));

export function destinationOf(context: FlowContext): Destination | null {
  const value = chosen(context, 'destination');
  if (value === 'hongKong' || value === 'macau' || value === 'taiwan') return value;
  const offered = destinationsOffered(optionsOf(context));
  return offered.length === 1 ? offered[0]! : null;
}

/** The family of type letters (their words): 港澳 or 台湾. */
const familyOf = (destination: Destination | null) => (destination === 'taiwan' ? 'taiwan' : 'hkMacau');

/** The types for the destination: those offered first (they go on), then those refused (they lead to the counter with why). */
export function typeOptions(context: FlowContext): ChoiceOption[] {
  const answer = optionsOf(context);
  const destination = destinationOf(context);
  if (!answer || !destination) return [];
  const family = familyOf(destination);
  const offered = [...new Set(answer.offers.filter((offer) => offer.destination === destination).map((offer) => offer.type))];
  const refused = answer.refusals.filter((refusal) => refusal.destination === destination && !offered.includes(refusal.type));
  return [
    ...offered.map((type) => ({ value: type, labelKey: key(`type.${family}.${type}`), noteKey: key(`type.${family}.${type}Note`) })),
    ...refused.map((refusal) => ({ value: refusal.type, labelKey: key(`type.${family}.${refusal.type}`), noteKey: key(`refusal.${refusal.reason}`) })),
  ];
}

/** A type not offered leads to the counter with the back-end's reason. */
export function routeType(type: string, context: FlowContext): Route {
  const answer = optionsOf(context);
  const destination = destinationOf(context);
  const offered = answer?.offers.some((offer) => offer.destination === destination && offer.type === type) ?? false;
  if (offered) return { to: 'next' };
  const refusal = answer?.refusals.find((candidate) => candidate.destination === destination && candidate.type === type);
  return { to: 'counter', reasonKey: key(`counter.refused.${(refusal?.reason ?? 'needsPapers') satisfies RefusalReason}`) };
}

/** The value of a term option: entries and months, e.g. `twice-12`. */
export const termValue = (offer: Pick<Offer, 'entries' | 'termMonths'>) => `${offer.entries}-${offer.termMonths}`;

/** The offers for the chosen destination and type. */
const typeOffers = (context: FlowContext): Offer[] => {
  const destination = destinationOf(context);
  const type = chosen(context, 'type');
  return optionsOf(context)?.offers.filter((offer) => offer.destination === destination && offer.type === type) ?? [];
};

/** The endorsement chosen: destination, type, entries and term, with its stay. */
export function chosenOffer(context: FlowContext): Offer | null {
  const term = chosen(context, 'term');
  return typeOffers(context).find((offer) => termValue(offer) === term) ?? null;
}

/** The fee item of an offer (every offer the back-end makes is in the table: the issue call checks it too). */
export function offerFeeCode(offer: Offer): FeeCode | null {
  const code = endorsementFeeCode(offer.destination === 'taiwan' ? 'taiwan' : 'hkMacau', offer.entries, offer.termMonths);
  return code.ok ? code.value : null;
}

/** The term options: each offer for the type, its fee beside it; an offer the table cannot price is never shown. */
export function termOptions(context: FlowContext): ChoiceOption[] {
  return typeOffers(context).flatMap((offer) => {
    const code = offerFeeCode(offer);
    return code ? [{ value: termValue(offer), labelKey: key(`term.${offer.entries}${offer.termMonths}`), noteKey: key(`price.${code}`) }] : [];
  });
}

// ---- application, endorsement, slip ---------------------------------------

/** What the back-end gets (encrypted in the outbox, never logged): who, which permit, which endorsement. */
export function endorsementApplication(context: FlowContext): Record<string, unknown> {
  const offer = chosenOffer(context);
  return {
    kind: 'exitEntryEndorsement',
    idNumber: context.identity?.idNumber ?? '',
    permitType: permitTypeOf(context),
    permitNumber: permitRead(context)?.permitNumber ?? null,
    endorsement: offer ? { destination: offer.destination, type: offer.type, entries: offer.entries, termMonths: offer.termMonths } : null,
  };
}

const PAYMENT: PaymentOptions = {
  id: 'pay',
  labelKey: key('steps.pay'),
  fee: ENDORSEMENT_FEE,
  itemCodes: (context) => {
    const offer = chosenOffer(context);
    const code = offer ? offerFeeCode(offer) : null;
    return code ? [code] : [];
  },
  back: true,
  application: endorsementApplication,
};

const issuedOf = (context: FlowContext) => factOf<IssueAnswer>(context, 'issue');

/** The endorsement to write: the back-end's number and dates for the offer chosen. */
export function chipEndorsement(context: FlowContext): ChipEndorsement | null {
  const offer = chosenOffer(context);
  const issued = issuedOf(context);
  if (!offer || !issued) return null;
  return { destination: offer.destination, type: offer.type, entries: offer.entries, validFrom: issued.validFrom, validUntil: issued.validUntil, stayDays: issued.stayDays, number: issued.number };
}

/** A permit number as printed outside the citizen's own screen: the letter and two digits, the last two (C38****02). */
export function maskPermitNumber(number: string): string {
  return number.length <= 5 ? number : `${number.slice(0, 3)}${'*'.repeat(number.length - 5)}${number.slice(-2)}`;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}元`;

/** The slip's lines, as printed (masked name and numbers only) and shown. */
export function receiptLines(context: FlowContext, kit: Pick<FlowKit, 'window'>): Array<{ key: string; label: string; value: string }> {
  const receipt = zh.receipt!;
  const offer = chosenOffer(context);
  const issued = issuedOf(context);
  const written = endorsementWritten(context, 'write');
  const permit = permitRead(context);
  const name = context.identity?.name ?? exitEntryRecordOf(context)?.name ?? null;
  const code = offer ? offerFeeCode(offer) : null;
  const family = familyOf(offer?.destination ?? null);
  return [
    { key: 'holder', label: receipt.holder!, value: name ? maskName(name) : '' },
    { key: 'idNumber', label: receipt.idNumber!, value: context.identity ? maskIdNumber(context.identity.idNumber) : '' },
    { key: 'permitNumber', label: receipt.permitNumber!, value: permit ? maskPermitNumber(permit.permitNumber) : '' },
    { key: 'destination', label: receipt.destination!, value: offer ? zhPath(`destination.${offer.destination}`) : '' },
    { key: 'type', label: receipt.type!, value: offer ? zhPath(`type.${family}.${offer.type}`) : '' },
    { key: 'entries', label: receipt.entries!, value: offer ? zhPath(`term.${offer.entries}${offer.termMonths}`) : '' },
    { key: 'number', label: receipt.number!, value: issued?.number ?? '' },
    { key: 'validity', label: receipt.validity!, value: issued ? `${issued.validFrom} 至 ${issued.validUntil}` : '' },
    { key: 'stay', label: receipt.stay!, value: issued ? `${issued.stayDays}天` : '' },
    { key: 'fee', label: receipt.fee!, value: code ? yuan(feeFen(code)) : '' },
    { key: 'chip', label: receipt.chip!, value: written?.written ? receipt.chipWritten! : receipt.chipNotWritten!.replace('{{window}}', kit.window) },
  ];
}

const receiptRows = (context: FlowContext, kit: FlowKit): DetailRow[] => receiptLines(context, kit).map((line) => ({ labelKey: key(`receipt.${line.key}`), text: line.value }));

/** The review before paying: what will be issued and what it costs. */
export function reviewRows(context: FlowContext): DetailRow[] {
  const offer = chosenOffer(context);
  const permit = permitRead(context);
  const code = offer ? offerFeeCode(offer) : null;
  if (!offer) return [];
  const family = familyOf(offer.destination);
  return [
    { labelKey: key('review.permit'), text: permit ? maskPermitNumber(permit.permitNumber) : '' },
    { labelKey: key('review.destination'), textKey: key(`destination.${offer.destination}`) },
    { labelKey: key('review.type'), textKey: key(`type.${family}.${offer.type}`) },
    { labelKey: key('review.entries'), textKey: key(`term.${offer.entries}${offer.termMonths}`) },
    { labelKey: key('review.stay'), text: String(offer.stayDays) },
    { labelKey: key('review.fee'), text: code ? yuan(feeFen(code)) : '' },
  ];
}

/** The words of a writer step (the reading and the writing share the problems). */
const writerKeys = (step: 'card' | 'write'): WriterPromptKeys => ({
  promptKey: key(`${step}.prompt`),
  placedKey: key(`${step}.placed`),
  counterKey: key(`${step}.counter`),
  busyKey: key(`${step}.busy`),
  problemKeys: Object.fromEntries((['noCard', 'notAPermit', 'unreadable', 'cardRemoved', 'writeFailed', 'chipFull', 'deviceDown'] as const).map((problem) => [problem, key(`writer.${problem}`)])) as Record<WriterProblem, string>,
});

export function exitEntryEndorsementFlow(kit: FlowKit): FlowPlan {
  return {
    holderName: (context) => context.identity?.name ?? exitEntryRecordOf(context)?.name ?? null,
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.record'), key('consent.scope.face'), key('consent.scope.chip')] }),
      faceCheckStep(),
      exitEntryRecordStep(kit, { labelKey: key('steps.record'), titleKey: key('query.record'), noRecordKey: key('counter.noRecord'), restrictedKey: key('counter.restricted'), route: (record) => routeRecord(record) }),
      skippedWhen(
        choiceStep({
          id: 'permit',
          labelKey: key('steps.permit'),
          titleKey: key('permit.title'),
          options: (context) => chipPermits(exitEntryRecordOf(context)).map((document) => ({ value: document.type, labelKey: key(`permit.${document.type}`) })),
        }),
        (context) => chipPermits(exitEntryRecordOf(context)).length === 1,
      ),
      permitOnWriterStep({ id: 'card', labelKey: key('steps.card'), ...writerKeys('card'), counterReasonKey: key('counter.writer'), check: routePermitRead }),
      queryStep<OptionsAnswer>({
        id: 'options',
        labelKey: key('steps.options'),
        titleKey: key('query.options'),
        run: (context) =>
          kit.gateway.call(endorsementOptions, {
            idNumber: context.identity?.idNumber ?? '',
            permitType: permitTypeOf(context) ?? 'hkMacauPermit',
            permitNumber: permitRead(context)?.permitNumber ?? '',
            hallProvinceCode: kit.homeProvinceCode,
          }),
        route: (result) => routeFailure(result, key('counter.noRecord')) ?? routeOptions((result as { value: OptionsAnswer }).value),
      }),
      skippedWhen(
        choiceStep({
          id: 'destination',
          labelKey: key('steps.destination'),
          titleKey: key('destination.title'),
          options: (context) => destinationsOffered(optionsOf(context)).map((destination) => ({ value: destination, labelKey: key(`destination.${destination}`) })),
        }),
        (context) => destinationsOffered(optionsOf(context)).length === 1,
      ),
      choiceStep({ id: 'type', labelKey: key('steps.type'), titleKey: key('type.title'), options: typeOptions, route: routeType, back: true }),
      choiceStep({ id: 'term', labelKey: key('steps.term'), titleKey: key('term.title'), options: termOptions, back: true }),
      reviewStep({ labelKey: key('steps.review'), titleKey: key('review.title'), rows: reviewRows, noteKeys: () => [key('review.note')], backTo: 'type' }),
      paymentStep(PAYMENT),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application: endorsementApplication }),
      // The endorsement the paid application became (the same key, the same endorsement): what the chip gets.
      queryStep<IssueAnswer>({
        id: 'issue',
        labelKey: key('steps.issue'),
        titleKey: key('query.issue'),
        failedReasonKey: key('counter.issueFailed'),
        run: (context) => {
          const offer = chosenOffer(context);
          return kit.gateway.call(issueEndorsement, {
            idNumber: context.identity?.idNumber ?? '',
            permitNumber: permitRead(context)?.permitNumber ?? '',
            applicationKey: submittedApplication(context, 'submit')?.applicationKey ?? heldApplicationKey(context, 'pay'),
            destination: offer?.destination ?? 'hongKong',
            type: offer?.type ?? 'L',
            entries: offer?.entries ?? 'single',
            termMonths: offer?.termMonths ?? 3,
          });
        },
        route: (result) => routeFailure(result, key('counter.issueFailed')) ?? { to: 'next' },
      }),
      endorsementWriteStep({ id: 'write', labelKey: key('steps.write'), ...writerKeys('write'), permitNumber: (context) => permitRead(context)?.permitNumber ?? '', endorsement: chipEndorsement }),
      feeSlipStep({ payment: PAYMENT, labelKey: key('steps.feeSlip') }),
      receiptPrintStep({
        id: 'receipt',
        labelKey: key('steps.receipt'),
        titleKey: key('receipt.title'),
        outcome: 'endorsed',
        rows: (context) => receiptRows(context, kit),
        slip: (context) => {
          const issued = issuedOf(context);
          const written = endorsementWritten(context, 'write')?.written ?? false;
          return {
            sessionId: context.sessionId,
            title: zh.receipt!.title!,
            lines: receiptLines(context, kit).map(({ label, value }) => ({ label, value })),
            ...(issued ? { codeFormat: 'code128' as const, code: issued.number } : {}),
            notes: written ? [zh.receipt!.noteWritten!] : [zh.receipt!.noteNotWritten!.replace('{{window}}', kit.window)],
          };
        },
        // Not written: the endorsement is issued and paid, the counter writes it (a ticket, with why).
        then: (context) => (endorsementWritten(context, 'write')?.written ? { to: 'done', outcome: 'endorsed' } : { to: 'counter', reasonKey: key('counter.writeAtCounter') }),
      }),
    ],
  };
}
