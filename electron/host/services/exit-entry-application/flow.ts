/**
 * 出入境证件申请 (普通护照, 往来港澳通行证, 往来台湾通行证; 首次申请, 换发,
 * 补发; 全国通办: any resident, wherever their 户籍): identify (a card, even
 * an expired one, or a typed number: a child often has none) → consent →
 * face check → the 出入境 record (出境限制 → the counter, discreetly) → the
 * document (one being made → the counter) → the reason the record allows
 * (换发 before its time → the counter with the dates) → under 16: the
 * guardian, checked by the back-end → the check (补发: the lost document is
 * declared lost at once; when the document will be ready) → photo → two
 * fingerprints from 16 → the form (pinyin, occupation, emergency contact) →
 * collection → signature (the guardian's for a child) → the fee → submission
 * → 缴费凭证 → 受理回执. Nothing irreversible (the loss declaration, the
 * payment) happens before the guardian is confirmed.
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import { zonedIsoDate } from '../../../../domain/calendar-date';
import type { DetailRow, FormValues } from '../../../contract';
import {
  choiceStep,
  chosen,
  chosenPhoto,
  consentStep,
  deliveryChoice,
  deliveryStep,
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
  routeFailure,
  signatureOf,
  signatureStep,
  skippedWhen,
  submitStep,
  submittedApplication,
  type ChoiceOption,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
} from '../../flows/library';
import { EMS_POSTING_OFFER, postingFeeItems } from '../shared/ems-posting';
import { exitEntryRecordOf, exitEntryRecordStep } from '../shared/exit-entry/record-step';
import { heldDocument, TRAVEL_DOCUMENT_TYPES, type TravelDocumentType } from '../shared/exit-entry/travel-documents';
import { checkGuardian, GUARDIAN_RELATIONS, reportLost, schedule, type GuardianAnswer, type GuardianRelation, type ReportLostAnswer, type ScheduleAnswer } from './backend';
import { proposePinyin } from './pinyin';
import { documentFee, EXIT_ENTRY_FEE, isMinor, reasonsAllowed, REASONS, routeDocument, routeReason, SERVICE_ID, type Reason } from './rules';
import { wording } from './wording';

const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** 职业 on the application form (README: the categories). */
export const OCCUPATIONS = ['civilServant', 'enterprise', 'institution', 'student', 'farmer', 'retired', 'freelance', 'unemployed', 'other'] as const;
/** The emergency contact's relation to the applicant. */
export const CONTACT_RELATIONS = ['spouse', 'parent', 'child', 'sibling', 'relative', 'friend'] as const;

const asDocument = (value: string | null): TravelDocumentType | null => ((TRAVEL_DOCUMENT_TYPES as readonly string[]).includes(value ?? '') ? (value as TravelDocumentType) : null);
const asReason = (value: string | null): Reason | null => ((REASONS as readonly string[]).includes(value ?? '') ? (value as Reason) : null);
export const documentOf = (context: FlowContext): TravelDocumentType | null => asDocument(chosen(context, 'document'));
export const reasonOf = (context: FlowContext): Reason | null => asReason(chosen(context, 'reason'));

/** What the check step found: the loss declaration (补发 of a document not yet reported lost) and the schedule. */
export interface CheckFact {
  lostReport: ReportLostAnswer | null;
  schedule: ScheduleAnswer;
}
const checkOf = (context: FlowContext) => factOf<CheckFact>(context, 'check');

/** The guardian the back-end confirmed (a child's application), else null. */
export function confirmedGuardian(context: FlowContext): (Extract<GuardianAnswer, { verdict: 'confirmed' }> & { idNumber: string; phone: string }) | null {
  const answer = factOf<GuardianAnswer>(context, 'guardianCheck');
  const values = formValues(context, 'guardian');
  if (!answer || answer.verdict !== 'confirmed' || !values) return null;
  return { ...answer, idNumber: String(values.idNumber ?? ''), phone: String(values.phone ?? '') };
}

/** The applicant's name: the card's, or the back-end's for a typed number. */
export const holderName = (context: FlowContext): string | null => context.identity?.name ?? exitEntryRecordOf(context)?.name ?? null;

/** The pinyin shown first: the one on the last document, else a proposal from the Chinese name, else nothing (typed). */
export function pinyinPrefill(context: FlowContext): FormValues {
  const held = exitEntryRecordOf(context)?.pinyin;
  if (held) return { surname: held.surname, givenName: held.givenName };
  const name = holderName(context);
  const proposed = name ? proposePinyin(name) : null;
  return proposed ? { surname: proposed.surname, givenName: proposed.givenName } : {};
}

/**
 * What the back-end gets (encrypted in the outbox, never logged): who
 * applies for what and why, the pinyin and form, the guardian, the photo
 * and prints by hash, how the document is collected, when it was signed.
 */
export function exitEntryApplication(context: FlowContext): Record<string, unknown> {
  const form = formValues(context, 'applicant') ?? {};
  const guardian = confirmedGuardian(context);
  const delivery = deliveryChoice(context, 'delivery');
  const prints = fingerprintsOf(context, 'prints');
  const check = checkOf(context);
  const signed = signatureOf(context, 'sign');
  return {
    kind: 'exitEntryDocument',
    idNumber: context.identity?.idNumber ?? '',
    document: documentOf(context),
    reason: reasonOf(context),
    crossProvince: check?.schedule.crossProvince ?? false,
    lostReportNumber: check?.lostReport?.reportNumber ?? null,
    pinyin: { surname: form.surname ?? null, givenName: form.givenName ?? null },
    occupation: form.occupation ?? null,
    emergencyContact: { name: form.contactName ?? null, phone: form.contactPhone ?? null, relation: form.contactRelation ?? null },
    guardian: guardian ? { idNumber: guardian.idNumber, relation: guardian.relation, phone: guardian.phone } : null,
    photoSha256: chosenPhoto(context, 'photo')?.sha256 ?? null,
    fingerprints: prints ? prints.prints.map((p) => ({ finger: p.finger, templateSha256: p.templateSha256 })) : [],
    fingerprintExemptions: prints ? prints.exemptions : [],
    delivery: delivery ? (delivery.method === 'hall' ? { method: 'hall', hall: delivery.hall } : { method: 'ems', recipient: delivery.recipient }) : null,
    signedBy: guardian ? 'guardian' : 'applicant',
    signedAt: signed?.signedAt ?? null,
  };
}

export const PAYMENT: PaymentOptions = {
  id: 'pay',
  labelKey: key('steps.pay'),
  fee: EXIT_ENTRY_FEE,
  itemCodes: (context) => {
    const document = documentOf(context);
    return document ? [documentFee(document).code] : [];
  },
  extraItems: (context) => postingFeeItems(deliveryChoice(context, 'delivery')),
  application: exitEntryApplication,
};

/** The receipt's lines, as printed (masked name and numbers only) and shown. */
export function receiptLines(context: FlowContext): Array<{ key: string; label: string; value: string }> {
  const receipt = zh.receipt!;
  const document = documentOf(context);
  const reason = reasonOf(context);
  const check = checkOf(context);
  const delivery = deliveryChoice(context, 'delivery');
  const guardian = confirmedGuardian(context);
  const name = holderName(context);
  return [
    { key: 'document', label: receipt.document!, value: document ? zh.documents![document]! : '' },
    { key: 'kind', label: receipt.kind!, value: reason ? zh.kinds![reason]! : '' },
    { key: 'name', label: receipt.name!, value: name ? maskName(name) : '' },
    { key: 'idNumber', label: receipt.idNumber!, value: context.identity ? maskIdNumber(context.identity.idNumber) : '' },
    ...(guardian ? [{ key: 'guardian', label: receipt.guardian!, value: `${maskName(guardian.guardianName)}（${zh.relations![guardian.relation]!}）` }] : []),
    { key: 'acceptanceNumber', label: receipt.acceptanceNumber!, value: submittedApplication(context, 'submit')?.receiptNumber ?? receipt.pending! },
    { key: 'expectedOn', label: receipt.expectedOn!, value: check?.schedule.expectedReadyOn ?? '' },
    delivery?.method === 'ems'
      ? { key: 'collectAt', label: receipt.collectAt!, value: receipt.ems! }
      : { key: 'collectAt', label: receipt.collectAt!, value: delivery ? `${delivery.hall.name} ${delivery.hall.window}` : '' },
    ...(check?.schedule.crossProvince ? [{ key: 'crossProvince', label: receipt.crossProvince!, value: receipt.crossProvinceValue! }] : []),
    ...(check?.lostReport ? [{ key: 'lostReported', label: receipt.lostReported!, value: `${check.lostReport.reportNumber}（${check.lostReport.reportedOn}）` }] : []),
  ];
}

/** The notes under the receipt: how to collect; for 补发, that the lost document is invalid for good. */
export function receiptNotes(context: FlowContext): string[] {
  const receipt = zh.receipt!;
  return [
    deliveryChoice(context, 'delivery')?.method === 'ems' ? receipt.noteEms! : receipt.noteCollect!,
    ...(reasonOf(context) === 'renewal' ? [receipt.noteRenewal!] : []),
    ...(reasonOf(context) === 'lost' ? [receipt.noteLost!] : []),
  ];
}

const receiptRows = (context: FlowContext): DetailRow[] => receiptLines(context).map((line) => ({ labelKey: key(`receipt.${line.key}`), text: line.value }));

const relationOptions = GUARDIAN_RELATIONS.map((relation: GuardianRelation) => ({ value: relation, labelKey: key(`relations.${relation}`) }));

export function exitEntryApplicationFlow(kit: FlowKit): FlowPlan {
  const today = () => zonedIsoDate(kit.now(), kit.timeZone);
  const minor = (context: FlowContext) => isMinor(context.identity?.idNumber ?? '', today());
  return {
    holderName,
    steps: [
      identifyStep({ acceptExpired: true }),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.record'), key('consent.scope.face'), key('consent.scope.capture')] }),
      faceCheckStep(),
      exitEntryRecordStep(kit, {
        labelKey: key('steps.record'),
        titleKey: key('query.record'),
        noRecordKey: key('counter.noRecord'),
        restrictedKey: key('counter.restricted'),
        route: () => ({ to: 'next' }),
      }),
      choiceStep({
        id: 'document',
        labelKey: key('steps.document'),
        titleKey: key('document.title'),
        options: TRAVEL_DOCUMENT_TYPES.map((document) => ({ value: document, labelKey: key(`documents.${document}`), noteKey: key(`document.${document}Note`) })),
        // Told the value chosen: the context holds it only once the step is left.
        route: (value, context) => routeDocument(exitEntryRecordOf(context), asDocument(value)),
      }),
      choiceStep({
        id: 'reason',
        labelKey: key('steps.reason'),
        titleKey: key('reason.title'),
        back: true,
        options: (context): ChoiceOption[] =>
          reasonsAllowed(exitEntryRecordOf(context), documentOf(context)).map((reason) => ({ value: reason, labelKey: key(`kinds.${reason}`), noteKey: key(`reason.${reason}Note`) })),
        route: (value, context) => routeReason(exitEntryRecordOf(context), documentOf(context), asReason(value), today()),
      }),
      skippedWhen(
        formStep({
          id: 'guardian',
          labelKey: key('steps.guardian'),
          titleKey: key('guardian.title'),
          fields: [
            { id: 'idNumber', type: 'text', input: 'idNumber', maxLength: 18, labelKey: key('guardian.idNumber') },
            { id: 'relation', type: 'choice', labelKey: key('guardian.relation'), options: relationOptions },
            { id: 'phone', type: 'phone', labelKey: key('guardian.phone') },
          ],
        }),
        (context) => !minor(context),
      ),
      skippedWhen(
        queryStep<GuardianAnswer>({
          id: 'guardianCheck',
          labelKey: key('steps.guardianCheck'),
          titleKey: key('query.guardian'),
          run: (context) => {
            const values = formValues(context, 'guardian') ?? {};
            return kit.gateway.call(checkGuardian, { childIdNumber: context.identity?.idNumber ?? '', guardianIdNumber: String(values.idNumber ?? ''), relation: values.relation as GuardianRelation });
          },
          route: (result) => {
            if (!result.ok) return routeFailure(result, key('counter.guardianNotConfirmed')) ?? { to: 'retry' };
            return result.value.verdict === 'confirmed' ? { to: 'next' } : { to: 'counter', reasonKey: key('counter.guardianNotConfirmed') };
          },
        }),
        (context) => !minor(context),
      ),
      // 补发: the lost document is declared lost now (invalid at once; idempotent by the run's key); and when the new one will be ready.
      queryStep<CheckFact>({
        id: 'check',
        labelKey: key('steps.check'),
        titleKey: key('query.check'),
        run: async (context, _kit, requestKey) => {
          const idNumber = context.identity?.idNumber ?? '';
          const document = documentOf(context) ?? 'passport';
          const record = exitEntryRecordOf(context);
          const held = record ? heldDocument(record, document) : null;
          let lostReport: ReportLostAnswer | null = null;
          if (reasonOf(context) === 'lost' && held && held.status !== 'reportedLost') {
            const reported = await kit.gateway.call(reportLost, { idNumber, document, documentNumber: held.number, requestKey });
            if (!reported.ok) return reported;
            lostReport = reported.value;
          }
          const when = await kit.gateway.call(schedule, { idNumber, document, hallProvinceCode: kit.homeProvinceCode });
          return when.ok ? { ok: true, value: { lostReport, schedule: when.value } } : when;
        },
        route: (result) => (result.ok ? { to: 'next' } : { to: 'retry' }),
        // Journaled: the declaration goes to the outbox with its number (the back-end already holds it; this is the kiosk's record).
        onRouted: (route, result, context) => {
          if (route.to !== 'next' || !result.ok || !result.value.lostReport || !context.identity) return;
          kit.applications.submit(
            { serviceId: SERVICE_ID, payload: { kind: 'travelDocumentLostReported', idNumber: context.identity.idNumber, document: documentOf(context), reportNumber: result.value.lostReport.reportNumber, reportedOn: result.value.lostReport.reportedOn } },
            `${context.flowId}-lost`,
          );
        },
      }),
      photoStep({ id: 'photo', labelKey: key('steps.photo'), titleKey: key('photo.title'), spec: 'exitEntry', maxTakes: 5, studioReceipt: true }),
      skippedWhen(fingerprintsStep({ id: 'prints', labelKey: key('steps.prints'), compareWithCard: false, noFingerReasonKey: key('counter.noFinger') }), minor),
      formStep({
        id: 'applicant',
        labelKey: key('steps.applicant'),
        titleKey: key('applicant.title'),
        back: true,
        prefill: pinyinPrefill,
        fields: [
          { id: 'surname', type: 'text', input: 'latin', maxLength: 40, labelKey: key('applicant.surname') },
          { id: 'givenName', type: 'text', input: 'latin', maxLength: 40, labelKey: key('applicant.givenName') },
          { id: 'occupation', type: 'choice', labelKey: key('applicant.occupation'), options: OCCUPATIONS.map((value) => ({ value, labelKey: key(`occupations.${value}`) })) },
          { id: 'contactName', type: 'text', input: 'chineseName', maxLength: 20, labelKey: key('applicant.contactName') },
          { id: 'contactPhone', type: 'phone', labelKey: key('applicant.contactPhone') },
          { id: 'contactRelation', type: 'choice', labelKey: key('applicant.contactRelation'), options: CONTACT_RELATIONS.map((value) => ({ value, labelKey: key(`contactRelations.${value}`) })) },
        ],
      }),
      deliveryStep({
        id: 'delivery',
        labelKey: key('steps.delivery'),
        titleKey: key('delivery.title'),
        emsFee: EMS_POSTING_OFFER,
        back: true,
        // A child's document goes to the guardian: their name first; an adult's own. Both changeable.
        prefill: (context): FormValues => {
          const name = confirmedGuardian(context)?.guardianName ?? holderName(context);
          return name ? { name } : {};
        },
      }),
      // The guardian signs the form for a child under 16 (the applicant's own signature from 16).
      signatureStep({ id: 'sign', labelKey: key('steps.sign'), titleKey: (context) => key(minor(context) ? 'sign.guardianTitle' : 'sign.title'), documentKey: key('sign.document'), back: true }),
      paymentStep(PAYMENT),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application: exitEntryApplication }),
      feeSlipStep({ payment: PAYMENT, labelKey: key('steps.feeSlip') }),
      receiptPrintStep({
        id: 'receipt',
        labelKey: key('steps.receipt'),
        titleKey: key('receipt.title'),
        outcome: 'applied',
        rows: receiptRows,
        slip: (context) => {
          const submitted = submittedApplication(context, 'submit');
          return {
            sessionId: context.sessionId,
            title: zh.receipt!.title!,
            lines: receiptLines(context).map(({ label, value }) => ({ label, value })),
            ...(submitted?.receiptNumber ? { codeFormat: 'code128' as const, code: submitted.receiptNumber } : {}),
            notes: receiptNotes(context),
          };
        },
      }),
    ],
  };
}
