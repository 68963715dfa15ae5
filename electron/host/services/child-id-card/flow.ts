/**
 * 未满十六周岁 居民身份证首次申领: the guardian identifies and passes the face
 * check (the run's fixed identity is the guardian's), types the child's ID
 * number, and the 户籍 back-end confirms the pair before anything is paid
 * (the child is on the guardian's 户口, under 16, with no card and no
 * application in progress). Then the child's photo and fingerprints, how
 * the card is collected, the guardian's signature, the fee, the submission
 * (the child is the subject, the guardian the applicant as 监护人), the
 * 缴费凭证 and the 领证回执.
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import { addDays, zonedIsoDate } from '../../../../domain/calendar-date';
import type { DetailRow, FormValues } from '../../../contract';
import {
  chosenPhoto,
  consentStep,
  deliveryChoice,
  faceCheckStep,
  factOf,
  feeSlipStep,
  fingerprintsOf,
  fingerprintsStep,
  formStep,
  formValues,
  identifyStep,
  paymentStep,
  photoStep,
  queryStep,
  receiptPrintStep,
  signatureOf,
  signatureStep,
  submitStep,
  submittedApplication,
  deliveryStep,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
} from '../../flows/library';
import type { InfoSlipRequest } from '../../flows/ports';
import type { AuditEvent } from '../../journal/transactions-audit';
import type { FeeRule } from '../service-module';
import { EMS_POSTING_OFFER, postingFeeItems } from '../shared/ems-posting';
import { idCardExemption, idCardFeeRule } from '../shared/id-card-fee';
import { childHousehold, type HouseholdAnswer } from './backend';
import { wording } from './wording';

export const SERVICE_ID = 'child-id-card';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** 首次申领: 20 元, 低保 free, hardship half, EMS posting never reduced (the shared rule, ../shared/id-card-fee.ts). */
export const CHILD_ID_FEE: FeeRule = idCardFeeRule(['firstIssue'], { chargedOn: ['applicationAccepted'] });

/** The child's number as typed (form step `child`), or ''. */
export function childIdNumber(context: FlowContext): string {
  const value = formValues(context, 'child')?.idNumber;
  return typeof value === 'string' ? value : '';
}

/** The back-end's answer when it found the pair eligible, else null. */
export function eligibility(context: FlowContext): Extract<HouseholdAnswer, { verdict: 'eligible' }> | null {
  const answer = factOf<HouseholdAnswer>(context, 'household');
  return answer && answer.verdict === 'eligible' ? answer : null;
}

function exemptionOf(context: FlowContext): string | null {
  return idCardExemption('firstIssue', eligibility(context)?.exemption);
}

/** The guardian as a receipt shows them: masked name, or the masked number when typed (no name). */
function guardianMasked(context: FlowContext): string {
  const identity = context.identity;
  if (!identity) return '';
  return identity.name ? maskName(identity.name) : maskIdNumber(identity.idNumber);
}

/**
 * What the back-end gets (encrypted in the outbox, never logged): the child
 * is the subject of the application, the guardian the applicant; what was
 * captured is referred to by hash, never included raw.
 */
export function childApplication(context: FlowContext): Record<string, unknown> {
  const child = eligibility(context)?.child;
  const prints = fingerprintsOf(context, 'prints');
  const delivery = deliveryChoice(context, 'delivery');
  return {
    // Who submits (the gateway's applicant), as in every application: the guardian.
    idNumber: context.identity?.idNumber ?? '',
    kind: 'firstIssueMinor',
    subject: { role: 'child', idNumber: childIdNumber(context), name: child?.name ?? '', birthDate: child?.birthDate ?? '' },
    applicant: { role: 'guardian', idNumber: context.identity?.idNumber ?? '', name: context.identity?.name ?? null, identifiedBy: context.identity?.source ?? null },
    photoSha256: chosenPhoto(context, 'photo')?.sha256 ?? null,
    fingerprints: prints ? { captured: prints.prints.map((p) => ({ finger: p.finger, templateSha256: p.templateSha256 })), exemptions: prints.exemptions } : null,
    delivery: delivery ? (delivery.method === 'hall' ? { method: 'hall', hall: delivery.hall } : { method: 'ems', recipient: delivery.recipient }) : null,
    signedAt: signatureOf(context, 'sign')?.signedAt ?? null,
  };
}

/**
 * The journal's record of who the application is for and who applies: the
 * child (subject) and the guardian (applicant, the session's identity), both
 * masked, with the household check's verdict. Never a full name or number.
 */
export function partiesEvent(context: FlowContext, answer: HouseholdAnswer | null): AuditEvent {
  const guardian = context.identity;
  return {
    actor: 'host',
    action: 'application.parties',
    sessionId: context.sessionId,
    subject: SERVICE_ID,
    detail: {
      subjectRole: 'child',
      subjectIdNumberMasked: maskIdNumber(childIdNumber(context)),
      subjectNameMasked: answer?.verdict === 'eligible' ? maskName(answer.child.name) : null,
      applicantRole: 'guardian',
      applicantIdNumberMasked: guardian ? maskIdNumber(guardian.idNumber) : null,
      applicantNameMasked: guardian?.name ? maskName(guardian.name) : null,
      household: answer === null ? 'unknown' : answer.verdict === 'eligible' ? 'eligible' : answer.reason,
    },
  };
}

export const PAYMENT: PaymentOptions = {
  id: 'pay',
  labelKey: key('steps.pay'),
  fee: CHILD_ID_FEE,
  extraItems: (context) => postingFeeItems(deliveryChoice(context, 'delivery')),
  exemption: exemptionOf,
  application: childApplication,
};

/** The expected day the card is ready: the back-end's days from today in the hall's zone. */
function expectedOn(context: FlowContext, kit: FlowKit): string {
  const days = eligibility(context)?.readyWithinDays ?? 0;
  return addDays(zonedIsoDate(kit.now(), kit.timeZone), days);
}

/** Where the card is collected, in Chinese (as printed). */
function collectAt(context: FlowContext): string {
  const delivery = deliveryChoice(context, 'delivery');
  if (!delivery) return '';
  return delivery.method === 'hall' ? `${delivery.hall.name} ${delivery.hall.window}` : `${zh.receipt!.ems!}：${maskName(delivery.recipient.name)}`;
}

/** The receipt's lines: the child and guardian masked, the 受理编号, the date and the place. */
export function receiptLines(context: FlowContext, kit: FlowKit): Array<{ label: string; value: string }> {
  const receipt = zh.receipt!;
  const child = eligibility(context)?.child;
  const number = submittedApplication(context, 'submit')?.receiptNumber ?? null;
  return [
    { label: receipt.kind!, value: receipt.kindValue! },
    { label: receipt.child!, value: child ? maskName(child.name) : '' },
    { label: receipt.childId!, value: maskIdNumber(childIdNumber(context)) },
    { label: receipt.guardian!, value: guardianMasked(context) },
    { label: receipt.acceptanceNumber!, value: number ?? receipt.pending! },
    { label: receipt.expectedOn!, value: expectedOn(context, kit) },
    { label: receipt.collectAt!, value: collectAt(context) },
    { label: receipt.validity!, value: receipt.validityValue! },
  ];
}

function receiptRows(context: FlowContext, kit: FlowKit): DetailRow[] {
  const child = eligibility(context)?.child;
  const number = submittedApplication(context, 'submit')?.receiptNumber ?? null;
  const delivery = deliveryChoice(context, 'delivery');
  return [
    { labelKey: key('receipt.kind'), textKey: key('receipt.kindValue') },
    { labelKey: key('receipt.child'), text: child ? maskName(child.name) : '' },
    { labelKey: key('receipt.childId'), text: maskIdNumber(childIdNumber(context)) },
    { labelKey: key('receipt.guardian'), text: guardianMasked(context) },
    number ? { labelKey: key('receipt.acceptanceNumber'), text: number } : { labelKey: key('receipt.acceptanceNumber'), textKey: key('receipt.pending') },
    { labelKey: key('receipt.expectedOn'), text: expectedOn(context, kit) },
    delivery?.method === 'ems' ? { labelKey: key('receipt.collectAt'), textKey: key('receipt.ems') } : { labelKey: key('receipt.collectAt'), text: collectAt(context) },
    { labelKey: key('receipt.validity'), textKey: key('receipt.validityValue') },
  ];
}

function receiptSlip(context: FlowContext, kit: FlowKit): InfoSlipRequest {
  const number = submittedApplication(context, 'submit')?.receiptNumber ?? null;
  const ems = deliveryChoice(context, 'delivery')?.method === 'ems';
  return {
    sessionId: context.sessionId,
    title: zh.receipt!.title!,
    lines: receiptLines(context, kit),
    ...(number ? { codeFormat: 'code128' as const, code: number } : {}),
    notes: [ems ? zh.receipt!.noteEms! : zh.receipt!.noteCollect!],
  };
}

export function childIdCardFlow(kit: FlowKit): FlowPlan {
  return {
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.household'), key('consent.scope.child'), key('consent.scope.face')] }),
      faceCheckStep(),
      formStep({
        id: 'child',
        labelKey: key('steps.child'),
        titleKey: key('child.title'),
        fields: [{ id: 'idNumber', type: 'text', input: 'idNumber', maxLength: 18, labelKey: key('child.idNumber') }],
      }),
      queryStep<HouseholdAnswer>({
        id: 'household',
        labelKey: key('steps.household'),
        titleKey: key('query.household'),
        failedReasonKey: key('reason.queryFailed'),
        run: (context) => kit.gateway.call(childHousehold, { guardianIdNumber: context.identity?.idNumber ?? '', childIdNumber: childIdNumber(context) }),
        route: (result) => {
          if (!result.ok) return result.error.kind === 'notFound' ? { to: 'counter', reasonKey: key('reason.notFound') } : { to: 'retry' };
          return result.value.verdict === 'eligible' ? { to: 'next' } : { to: 'counter', reasonKey: key(`reason.${result.value.reason}`) };
        },
        onRouted: (_route, result, context) => kit.audit?.record(partiesEvent(context, result.ok ? result.value : null)),
      }),
      // No studio receipt (yet): the library fetches a studio photo for the session's fixed identity, the guardian here, never the child.
      photoStep({ id: 'photo', labelKey: key('steps.photo'), titleKey: key('photo.title'), spec: 'residentId', maxTakes: 5 }),
      // The law asks for fingerprints with every application (居民身份证法 art. 3); a child whose prints cannot be taken goes to staff, who record the exemption.
      fingerprintsStep({ id: 'prints', labelKey: key('steps.prints'), compareWithCard: false, noFingerReasonKey: key('reason.noFinger') }),
      deliveryStep({
        id: 'delivery',
        labelKey: key('steps.delivery'),
        titleKey: key('delivery.title'),
        emsFee: EMS_POSTING_OFFER,
        // The card goes to the guardian: their name first, changeable.
        prefill: (context): FormValues => (context.identity?.name ? { name: context.identity.name } : {}),
      }),
      signatureStep({ id: 'sign', labelKey: key('steps.sign'), titleKey: key('sign.title'), documentKey: key('sign.document') }),
      paymentStep(PAYMENT),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application: childApplication }),
      feeSlipStep({ payment: PAYMENT, labelKey: key('steps.feeSlip') }),
      receiptPrintStep({
        id: 'receipt',
        labelKey: key('steps.receipt'),
        titleKey: key('receipt.title'),
        outcome: 'applicationAccepted',
        rows: (context) => receiptRows(context, kit),
        slip: (context) => receiptSlip(context, kit),
      }),
    ],
  };
}
