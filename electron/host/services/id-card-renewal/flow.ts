/**
 * 身份证换领 / 损坏换领 / 补领 (also 异地, 跨省通办): identify (a card, even
 * an expired one, or a typed number when the card is lost) → consent → face
 * check → the back-end's ID card record → the reason, offering only what
 * the record allows → its check (a card not yet due is refused with the
 * date; a lost card is reported invalid at once) → photo → fingerprints →
 * collection → signature → the fee → submission → 缴费凭证 → 领证回执.
 * Eligibility is known before anything is paid.
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import {
  choiceStep,
  chosen,
  consentStep,
  deliveryChoice,
  deliveryStep,
  faceCheckStep,
  factOf,
  feeSlipStep,
  fingerprintsStep,
  identifyStep,
  paymentStep,
  photoStep,
  queryStep,
  receiptPrintStep,
  signatureOf,
  signatureStep,
  submitStep,
  submittedApplication,
  chosenPhoto,
  fingerprintsOf,
  type ChoiceOption,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
  type Route,
} from '../../flows/library';
import type { DetailRow } from '../../../contract';
import type { FeeRule } from '../service-module';
import { EMS_POSTING_OFFER, postingFeeItems } from '../shared/ems-posting';
import { idCardExemption, idCardFeeItem, idCardFeeRule, type IdCardApplicationKind } from '../shared/id-card-fee';
import { renewalRecord, reportLost, type RecordAnswer, type ReportLostAnswer } from './backend';
import { wording } from './wording';

export const SERVICE_ID = 'id-card-renewal';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** 换领 (on expiry), 损坏换领 (damaged), 补领 (lost). */
export const REASONS = ['expiry', 'damaged', 'lost'] as const;
export type Reason = (typeof REASONS)[number];

/** The kind of ID card application each reason is (the shared fee rule's words). */
const APPLICATION_KIND = { expiry: 'expiryRenewal', damaged: 'damagedRenewal', lost: 'lostReplacement' } as const satisfies Record<Reason, IdCardApplicationKind>;

/** 换领 20 元, 补领 and 损坏换领 40 元, 低保 free and hardship half except for 补领 (../shared/id-card-fee.ts, sources in README.md). */
export const RENEWAL_FEE: FeeRule = idCardFeeRule(Object.values(APPLICATION_KIND), {
  // The payment step's ledger records what was paid (one item of the two, or nothing when exempt).
  chargedOn: [],
  oneOf: true,
});

const recordOf = (context: FlowContext) => factOf<RecordAnswer>(context, 'record');
const reasonOf = (context: FlowContext): Reason | null => {
  const value = chosen(context, 'reason');
  return (REASONS as readonly string[]).includes(value ?? '') ? (value as Reason) : null;
};

/**
 * The reasons the record allows: 到期换领 for a card that is not long-term
 * (one not yet due is refused with its date at the check); 损坏换领 while
 * the card is not reported lost; 补领 only for a typed number (a card on the
 * reader is not lost).
 */
export function reasonsAllowed(record: RecordAnswer | undefined, source: 'card' | 'typed' | undefined): Reason[] {
  if (!record) return [];
  const reasons: Reason[] = [];
  if (!record.reportedLost && record.validTo !== 'long-term') reasons.push('expiry');
  if (!record.reportedLost) reasons.push('damaged');
  if (source === 'typed') reasons.push('lost');
  return reasons;
}

/** Where the record sends the citizen: on to the reason, or the counter with why. */
export function routeRecord(record: RecordAnswer, source: 'card' | 'typed' | undefined): Route {
  if (record.applicationInProgress) return { to: 'counter', reasonKey: key('counter.inProgress') };
  if (record.reportedLost && source === 'card') return { to: 'counter', reasonKey: key('counter.lostCardPresented') };
  return reasonsAllowed(record, source).length > 0 ? { to: 'next' } : { to: 'counter', reasonKey: key('counter.noRecord') };
}

/** After the reason: 到期换领 before the window is refused with the dates. */
export function routeReason(record: RecordAnswer | undefined, reason: Reason | null): Route {
  if (!record || !reason) return { to: 'failed', reason: 'internal' };
  if (reason === 'expiry' && !record.renewalDue) {
    return { to: 'counter', reasonKey: key('counter.notYetDue'), reasonParams: { validTo: record.validTo, renewableFrom: record.renewableFrom ?? '' } };
  }
  return { to: 'next' };
}

/** The fee item a reason owes: 20 元 for 换领, 40 元 for 补领 and 损坏换领 (no reason yet: the replacement's). */
export const feeItemOf = (reason: Reason | null): string => idCardFeeItem(APPLICATION_KIND[reason ?? 'lost']).code;

/** The back-end's exemption, for 换领 and 损坏换领 only: a lost card's 补领 is paid in full. */
export function exemptionOf(context: FlowContext): string | null {
  const reason = reasonOf(context);
  return reason ? idCardExemption(APPLICATION_KIND[reason], recordOf(context)?.exemption) : null;
}

/**
 * What the back-end gets (encrypted in the outbox, never logged): who
 * applies, why, the photo and prints by hash, how the card is collected.
 */
export function renewalApplication(context: FlowContext): Record<string, unknown> {
  const delivery = deliveryChoice(context, 'delivery');
  const photo = chosenPhoto(context, 'photo');
  const prints = fingerprintsOf(context, 'prints');
  const lost = factOf<ReportLostAnswer | { reportNumber: null }>(context, 'check');
  return {
    kind: 'idCardRenewal',
    idNumber: context.identity?.idNumber ?? '',
    reason: reasonOf(context),
    crossProvince: recordOf(context)?.crossProvince ?? false,
    lostReportNumber: lost && 'reportNumber' in lost ? lost.reportNumber : null,
    photoSha256: photo?.sha256 ?? null,
    fingerprints: prints ? prints.prints.map((p) => ({ finger: p.finger, templateSha256: p.templateSha256 })) : [],
    fingerprintExemptions: prints ? prints.exemptions : [],
    delivery: delivery ? (delivery.method === 'hall' ? { method: 'hall', hall: delivery.hall } : { method: 'ems', recipient: delivery.recipient }) : null,
    signedAt: signatureOf(context, 'sign')?.signedAt ?? null,
  };
}

const PAYMENT: PaymentOptions = {
  id: 'pay',
  labelKey: key('steps.pay'),
  fee: RENEWAL_FEE,
  itemCodes: (context) => [feeItemOf(reasonOf(context))],
  exemption: exemptionOf,
  extraItems: (context) => postingFeeItems(deliveryChoice(context, 'delivery')),
  application: renewalApplication,
};

/** The holder's name: the card's, or the back-end's for a typed number. */
const holderName = (context: FlowContext): string | null => context.identity?.name ?? recordOf(context)?.name ?? null;

/** The receipt's lines, as printed (masked name and number only) and shown. */
export function receiptLines(context: FlowContext): Array<{ key: string; label: string; value: string }> {
  const receipt = zh.receipt!;
  const record = recordOf(context);
  const reason = reasonOf(context);
  const submitted = submittedApplication(context, 'submit');
  const delivery = deliveryChoice(context, 'delivery');
  const lost = factOf<ReportLostAnswer>(context, 'check');
  const name = holderName(context);
  const lines = [
    { key: 'kind', label: receipt.kind!, value: reason ? zh.kinds![reason]! : '' },
    { key: 'name', label: receipt.name!, value: name ? maskName(name) : '' },
    { key: 'idNumber', label: receipt.idNumber!, value: context.identity ? maskIdNumber(context.identity.idNumber) : '' },
    { key: 'acceptanceNumber', label: receipt.acceptanceNumber!, value: submitted?.receiptNumber ?? receipt.pending! },
    { key: 'expectedOn', label: receipt.expectedOn!, value: record?.expectedReadyOn ?? '' },
    delivery?.method === 'ems'
      ? { key: 'collectAt', label: receipt.collectAt!, value: receipt.ems! }
      : { key: 'collectAt', label: receipt.collectAt!, value: delivery ? `${delivery.hall.name} ${delivery.hall.window}` : '' },
    ...(record?.crossProvince ? [{ key: 'crossProvince', label: receipt.crossProvince!, value: receipt.crossProvinceValue! }] : []),
    ...(reason === 'lost' && lost && 'reportNumber' in lost ? [{ key: 'lostReported', label: receipt.lostReported!, value: `${lost.reportNumber}（${lost.reportedOn}）` }] : []),
  ];
  return lines;
}

/** The screen repeats the slip: its labels by key, its values as printed (public: masked, dates, the 受理编号). */
const receiptRows = (context: FlowContext): DetailRow[] => receiptLines(context).map((line) => ({ labelKey: key(`receipt.${line.key}`), text: line.value }));

export function idCardRenewalFlow(kit: FlowKit): FlowPlan {
  return {
    holderName,
    steps: [
      identifyStep({ acceptExpired: true }),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.record'), key('consent.scope.face'), key('consent.scope.capture')] }),
      faceCheckStep(),
      queryStep<RecordAnswer>({
        id: 'record',
        labelKey: key('steps.record'),
        titleKey: key('query.record'),
        run: (context) => kit.gateway.call(renewalRecord, { idNumber: context.identity?.idNumber ?? '', hallProvinceCode: kit.homeProvinceCode }),
        route: (result, context) => {
          if (!result.ok) return result.error.kind === 'notFound' ? { to: 'counter', reasonKey: key('counter.noRecord') } : { to: 'retry' };
          return routeRecord(result.value, context.identity?.source);
        },
      }),
      choiceStep({
        id: 'reason',
        labelKey: key('steps.reason'),
        titleKey: key('reason.title'),
        options: (context): ChoiceOption[] =>
          reasonsAllowed(recordOf(context), context.identity?.source).map((reason) => ({ value: reason, labelKey: key(`reason.${reason}`), noteKey: key(`reason.${reason}Note`) })),
      }),
      // The reason's check: 到期换领 before its date goes to the counter; 补领 reports the lost card at once (idempotent by the run's key).
      queryStep<ReportLostAnswer | { reportNumber: null }>({
        id: 'check',
        labelKey: key('steps.check'),
        titleKey: key('query.check'),
        run: async (context, _kit, requestKey) => {
          if (reasonOf(context) !== 'lost') return { ok: true, value: { reportNumber: null } };
          return kit.gateway.call(reportLost, { idNumber: context.identity?.idNumber ?? '', requestKey });
        },
        route: (result, context) => (result.ok ? routeReason(recordOf(context), reasonOf(context)) : { to: 'retry' }),
        // Journaled: the report goes to the outbox with its number (the back-end already holds it; this is the kiosk's record).
        onRouted: (route, result, context) => {
          if (route.to !== 'next' || !result.ok || result.value.reportNumber === null || !context.identity) return;
          kit.applications.submit(
            { serviceId: SERVICE_ID, payload: { kind: 'lostCardReported', idNumber: context.identity.idNumber, reportNumber: result.value.reportNumber, reportedOn: result.value.reportedOn } },
            `${context.flowId}-lost`,
          );
        },
      }),
      photoStep({ id: 'photo', labelKey: key('steps.photo'), titleKey: key('photo.title'), spec: 'residentId', maxTakes: 5, studioReceipt: true }),
      // A typed number has no card to compare with: the library skips the comparison then.
      fingerprintsStep({ id: 'prints', labelKey: key('steps.prints'), compareWithCard: true }),
      deliveryStep({ id: 'delivery', labelKey: key('steps.delivery'), titleKey: key('delivery.title'), emsFee: EMS_POSTING_OFFER, back: true, prefill: (context): Record<string, string> => {
          const name = holderName(context);
          return name ? { name } : {};
        } }),
      signatureStep({ id: 'sign', labelKey: key('steps.sign'), titleKey: key('sign.title'), documentKey: key('sign.document'), back: true }),
      paymentStep(PAYMENT),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application: renewalApplication }),
      feeSlipStep({ payment: PAYMENT, labelKey: key('steps.feeSlip') }),
      receiptPrintStep({
        id: 'receipt',
        labelKey: key('steps.receipt'),
        titleKey: key('receipt.title'),
        outcome: 'applied',
        rows: receiptRows,
        slip: (context) => {
          const submitted = submittedApplication(context, 'submit');
          const notes = [zh.receipt!.noteCollect!, ...(reasonOf(context) === 'lost' ? [zh.receipt!.noteLost!] : []), zh.receipt!.noteTemporary!];
          return {
            sessionId: context.sessionId,
            title: zh.receipt!.title!,
            lines: receiptLines(context).map(({ label, value }) => ({ label, value })),
            ...(submitted?.receiptNumber ? { codeFormat: 'code128' as const, code: submitted.receiptNumber } : {}),
            notes,
          };
        },
      }),
    ],
  };
}
