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
import {
  choiceStep,
  consentStep,
  endorsementWriteStep,
  endorsementWritten,
  faceCheckStep,
  feeSlipStep,
  heldApplicationKey,
  identifyStep,
  paymentStep,
  permitOnWriterStep,
  queryStep,
  receiptPrintStep,
  reviewStep,
  routeFailure,
  skippedWhen,
  submitStep,
  submittedApplication,
  type ChipEndorsement,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
  type WriterProblem,
  type WriterPromptKeys,
} from '../../flows/library';
import type { FeeRule } from '../service-module';
import { exitEntryRecordOf, exitEntryRecordStep } from '../shared/exit-entry/record-step';
import { endorsementOptions, issueEndorsement, type IssueAnswer, type OptionsAnswer } from './backend';
import {
  chipPermits,
  chosenOffer,
  destinationsOffered,
  offerFeeCode,
  optionsOf,
  permitRead,
  permitTypeOf,
  routeOptions,
  routePermitRead,
  routeRecord,
  routeType,
  termOptions,
  typeOptions,
} from './choices';
import { ENDORSEMENT_FEE_ITEMS } from './fee-table';
import { key, SERVICE_ID, zhPath } from './keys';
import { issuedOf, receiptLines, receiptRows, reviewRows } from './slip';

export { SERVICE_ID };

/** 签注费: one item of the table per endorsement (fee-table.ts); the payment step charges the one chosen. */
export const ENDORSEMENT_FEE: FeeRule = { items: ENDORSEMENT_FEE_ITEMS, exemptions: [], chargedOn: [], oneOf: true };

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

/** The endorsement to write: the back-end's number and dates for the offer chosen. */
export function chipEndorsement(context: FlowContext): ChipEndorsement | null {
  const offer = chosenOffer(context);
  const issued = issuedOf(context);
  if (!offer || !issued) return null;
  return { destination: offer.destination, type: offer.type, entries: offer.entries, validFrom: issued.validFrom, validUntil: issued.validUntil, stayDays: issued.stayDays, number: issued.number };
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
            title: zhPath('receipt.title'),
            lines: receiptLines(context, kit).map(({ label, value }) => ({ label, value })),
            ...(issued ? { codeFormat: 'code128' as const, code: issued.number } : {}),
            notes: [written ? zhPath('receipt.noteWritten') : zhPath('receipt.noteNotWritten').replace('{{window}}', kit.window)],
          };
        },
        // Not written: the endorsement is issued and paid, the counter writes it (a ticket, with why).
        then: (context) => (endorsementWritten(context, 'write')?.written ? { to: 'done', outcome: 'endorsed' } : { to: 'counter', reasonKey: key('counter.writeAtCounter') }),
      }),
    ],
  };
}
