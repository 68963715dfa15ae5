/**
 * 驾驶证期满换证 / 损毁换证 / 补领: identify (the ID card, or the number
 * typed) → consent → face check → the back-end's driver record, judged on
 * the host (rules.ts: every refusal goes to the counter with why, before
 * anything is paid) → for 期满换证, the 审验's unhandled violations
 * (review-check.ts) → the kind, only those the record allows → photo (the
 * 驾驶证 spec, or a photo studio's 回执) → collection (hall or EMS) → review
 * (with the medical check used) → signature on the 申请表 → 10 元 (+ EMS) →
 * submission → 缴费凭证 → 领证回执 (受理编号 as a code128 barcode, the new
 * validity, where and when to collect; name and number masked).
 */
import { ageOn, zonedIsoDate, type IsoDate } from '../../../../domain/calendar-date';
import { maskIdNumber, maskName } from '../../../../domain/mask';
import {
  abilityResult,
  abilityTestStep,
  choiceStep,
  chosen,
  chosenPhoto,
  consentStep,
  deliveryChoice,
  deliveryStep,
  faceCheckStep,
  factOf,
  feeSlipStep,
  identifyStep,
  paymentStep,
  photoStep,
  receiptPrintStep,
  reviewStep,
  signatureOf,
  signatureStep,
  submitStep,
  submittedApplication,
  type ChoiceOption,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
  type Route,
} from '../../flows/library';
import type { DetailRow } from '../../../contract';
import type { FeeRule } from '../service-module';
import type { DriverRecordAnswer } from '../shared/traffic/driver-record';
import { eligibility, newValidity, nextWorkingDay, RENEWAL_KINDS, type NewValidity, type RenewalKind } from './rules';
import { driverRecordStep } from '../shared/traffic/driver-record-step';
import { reviewCheckStep } from './review-check';
import { wording } from './wording';

export const SERVICE_ID = 'driving-licence-renewal';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** The EMS fee for posting the new licence (the province's 政务寄递 rate, as id-card-renewal assumes; a site with another rate changes it here). */
export const EMS_FEE = { code: 'ems', amountFen: 1500 } as const;

/** 工本费 10 元 for each of the three kinds (发改价格〔2004〕2831号; README.md). */
export const LICENCE_FEE: FeeRule = {
  items: [{ code: 'licence', name: { 'zh-CN': '机动车驾驶证工本费', en: 'Driving licence fee' }, amountFen: 1000, basis: '发改价格〔2004〕2831号：机动车驾驶证工本费每证10元' }],
  exemptions: [],
  chargedOn: ['applied'],
};

const recordOf = (context: FlowContext) => factOf<DriverRecordAnswer>(context, 'record');
const kindOf = (context: FlowContext): RenewalKind | null => {
  const value = chosen(context, 'kind');
  return (RENEWAL_KINDS as readonly string[]).includes(value ?? '') ? (value as RenewalKind) : null;
};
const todayOf = (kit: FlowKit): IsoDate => zonedIsoDate(kit.now(), kit.timeZone);

/** Where the record sends the citizen: on to the kind, or the counter with why (the reason's dates and points only). */
export function routeRecord(record: DriverRecordAnswer, today: IsoDate): Route {
  const judged = eligibility(record, today);
  switch (judged.kind) {
    case 'eligible':
      return { to: 'next' };
    case 'refused':
      return { to: 'counter', reasonKey: key(`counter.${judged.reason}`), reasonParams: judged.params };
  }
}

/** The kinds offered: those the record allows today (none once refused: the run is at the counter). */
export function kindsOffered(record: DriverRecordAnswer | undefined, today: IsoDate): RenewalKind[] {
  if (!record) return [];
  const judged = eligibility(record, today);
  return judged.kind === 'eligible' ? judged.kinds : [];
}

/** The holder's name: the card's, or the record's for a typed number. */
const holderName = (context: FlowContext): string | null => context.identity?.name ?? recordOf(context)?.name ?? null;

const validityText = (validity: NewValidity): string => `${validity.from} 至 ${validity.until === 'long-term' ? zh.receipt!.longTerm! : validity.until}`;

/** The medical check this application uses, as shown and printed (institution and dates only), or null when none is needed. */
function medicalText(context: FlowContext, today: IsoDate): string | null {
  const record = recordOf(context);
  if (!record) return null;
  const judged = eligibility(record, today);
  const check = record.medicalCheck;
  if (judged.kind !== 'eligible' || !judged.medicalCheckNeeded || !check) return null;
  return zh.medical!.value!.replace('{{institution}}', check.institution).replace('{{checkedOn}}', check.checkedOn).replace('{{validUntil}}', check.validUntil);
}

/**
 * What the back-end gets (encrypted in the outbox, never logged): who
 * applies for what, the photo by hash, the medical check used, how the new
 * licence is collected.
 */
export function renewalApplication(context: FlowContext, today: IsoDate): Record<string, unknown> {
  const record = recordOf(context);
  const kind = kindOf(context);
  const delivery = deliveryChoice(context, 'delivery');
  const photo = chosenPhoto(context, 'photo');
  return {
    kind: 'drivingLicenceRenewal',
    idNumber: context.identity?.idNumber ?? '',
    renewal: kind,
    licence: record ? { fileNumber: record.licence.fileNumber, classes: record.licence.classes, validUntil: record.licence.validUntil } : null,
    newValidity: record && kind ? newValidity(record, kind, today) : null,
    medicalCheck: record?.medicalCheck && medicalText(context, today) !== null ? { institution: record.medicalCheck.institution, checkedOn: record.medicalCheck.checkedOn } : null,
    photoSha256: photo?.sha256 ?? null,
    delivery: delivery ? (delivery.method === 'hall' ? { method: 'hall', hall: delivery.hall } : { method: 'ems', recipient: delivery.recipient }) : null,
    signedAt: signatureOf(context, 'sign')?.signedAt ?? null,
    abilityTest: abilityTestSummary(context),
  };
}

/** Whether this run's driver takes the 三力测试: 期满换证 at 70 or over. */
export function needsAbilityTest(context: FlowContext, today: IsoDate): boolean {
  const record = recordOf(context);
  return kindOf(context) === 'expiry' && record !== undefined && ageOn(record.birthDate, today) >= 70;
}

/** The 三力测试 as the application states it (scores only), or null when it was not taken. */
function abilityTestSummary(context: FlowContext): { passed: boolean; total: number; testedAt: string } | null {
  const result = abilityResult(context);
  return result ? { passed: result.passed, total: result.total, testedAt: result.testedAt } : null;
}

/** The receipt's lines, as printed (masked name and number only) and shown. */
export function receiptLines(context: FlowContext, today: IsoDate): Array<{ key: string; label: string; value: string }> {
  const receipt = zh.receipt!;
  const record = recordOf(context);
  const kind = kindOf(context);
  const submitted = submittedApplication(context, 'submit');
  const delivery = deliveryChoice(context, 'delivery');
  const name = holderName(context);
  return [
    { key: 'kind', label: receipt.kind!, value: kind ? zh.kinds![kind]! : '' },
    { key: 'name', label: receipt.name!, value: name ? maskName(name) : '' },
    { key: 'licenceNumber', label: receipt.licenceNumber!, value: context.identity ? maskIdNumber(context.identity.idNumber) : '' },
    { key: 'classes', label: receipt.classes!, value: record?.licence.classes ?? '' },
    { key: 'acceptanceNumber', label: receipt.acceptanceNumber!, value: submitted?.receiptNumber ?? receipt.pending! },
    { key: 'newValidity', label: receipt.newValidity!, value: record && kind ? validityText(newValidity(record, kind, today)) : '' },
    { key: 'readyOn', label: receipt.readyOn!, value: nextWorkingDay(today) },
    delivery?.method === 'ems'
      ? { key: 'collectAt', label: receipt.collectAt!, value: receipt.ems! }
      : { key: 'collectAt', label: receipt.collectAt!, value: delivery ? `${delivery.hall.name} ${delivery.hall.window}` : '' },
  ];
}

export function drivingLicenceRenewalFlow(kit: FlowKit): FlowPlan {
  const payment: PaymentOptions = {
    id: 'pay',
    labelKey: key('steps.pay'),
    fee: LICENCE_FEE,
    extraItems: (context) => {
      const delivery = deliveryChoice(context, 'delivery');
      return delivery?.method === 'ems' ? [{ code: delivery.fee.code, name: { 'zh-CN': 'EMS邮寄费', en: 'EMS postage' }, amountFen: delivery.fee.amountFen, basis: '中国邮政EMS政务寄递资费' }] : [];
    },
    application: (context) => renewalApplication(context, todayOf(kit)),
  };
  const reviewRows = (context: FlowContext): DetailRow[] => {
    const record = recordOf(context);
    const kind = kindOf(context);
    if (!record || !kind) return [];
    const today = todayOf(kit);
    const delivery = deliveryChoice(context, 'delivery');
    const name = holderName(context);
    const medical = medicalText(context, today);
    const emsFen = delivery?.method === 'ems' ? delivery.fee.amountFen : 0;
    return [
      { labelKey: key('review.kind'), textKey: key(`kinds.${kind}`) },
      { labelKey: key('review.name'), text: name ? maskName(name) : '' },
      { labelKey: key('review.licenceNumber'), text: context.identity?.idNumberMasked ?? '' },
      { labelKey: key('review.classes'), text: record.licence.classes },
      { labelKey: key('review.validUntil'), text: record.licence.validUntil === 'long-term' ? zh.receipt!.longTerm! : record.licence.validUntil },
      { labelKey: key('review.newValidity'), text: validityText(newValidity(record, kind, today)) },
      medical === null ? { labelKey: key('review.medical'), textKey: key('medical.notNeeded') } : { labelKey: key('review.medical'), text: medical },
      delivery?.method === 'ems' ? { labelKey: key('review.collect'), textKey: key('receipt.ems') } : { labelKey: key('review.collect'), text: delivery ? `${delivery.hall.name} ${delivery.hall.window}` : '' },
      { labelKey: key('review.fee'), text: `¥${((LICENCE_FEE.items[0]!.amountFen + emsFen) / 100).toFixed(2)}` },
    ];
  };
  return {
    holderName,
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.record'), key('consent.scope.medical'), key('consent.scope.violations'), key('consent.scope.face')] }),
      faceCheckStep(),
      driverRecordStep(kit, { labelKey: key('steps.record'), titleKey: key('query.record'), noLicenceKey: key('counter.noLicence'), route: (record) => routeRecord(record, todayOf(kit)) }),
      // 审验 (162号 art. 72–73): 期满换证 is refused while violations are unhandled, known before anything is paid.
      reviewCheckStep(kit, {
        labelKey: key('steps.violations'),
        titleKey: key('query.violations'),
        reasonKey: key('counter.unhandledViolations'),
        applies: (context) => kindsOffered(recordOf(context), todayOf(kit)).includes('expiry'),
      }),
      choiceStep({
        id: 'kind',
        labelKey: key('steps.kind'),
        titleKey: key('kind.title'),
        options: (context): ChoiceOption[] => kindsOffered(recordOf(context), todayOf(kit)).map((kind) => ({ value: kind, labelKey: key(`kind.${kind}`), noteKey: key(`kind.${kind}Note`) })),
      }),
      // 三力测试 (记忆力、判断力、反应力): drivers aged 70 or more take it for 期满换证 (162号 art. 73); a fail goes to the counter.
      abilityTestStep({
        labelKey: key('steps.abilityTest'),
        failed: { to: 'counter', reasonKey: key('counter.abilityFailed') },
        failedNoteKey: key('abilityTest.failedNote'),
        applies: (context) => needsAbilityTest(context, todayOf(kit)),
      }),
      photoStep({ id: 'photo', labelKey: key('steps.photo'), titleKey: key('photo.title'), spec: 'drivingLicence', maxTakes: 5, studioReceipt: true }),
      deliveryStep({
        id: 'delivery',
        labelKey: key('steps.delivery'),
        titleKey: key('delivery.title'),
        emsFee: EMS_FEE,
        back: true,
        prefill: (context): Record<string, string> => {
          const name = holderName(context);
          return name ? { name } : {};
        },
      }),
      reviewStep({ labelKey: key('steps.review'), titleKey: key('review.title'), rows: reviewRows, noteKeys: () => [key('review.noteCheck')], backTo: 'delivery' }),
      signatureStep({ id: 'sign', labelKey: key('steps.sign'), titleKey: key('sign.title'), documentKey: key('sign.document'), back: true }),
      paymentStep(payment),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application: payment.application! }),
      feeSlipStep({ payment, labelKey: key('steps.feeSlip') }),
      receiptPrintStep({
        id: 'receipt',
        labelKey: key('steps.receipt'),
        titleKey: key('receipt.title'),
        outcome: 'applied',
        rows: (context) => receiptLines(context, todayOf(kit)).map((line) => ({ labelKey: key(`receipt.${line.key}`), text: line.value })),
        slip: (context) => {
          const submitted = submittedApplication(context, 'submit');
          const kind = kindOf(context);
          const notes = [zh.receipt!.noteCollect!, ...(kind === 'lost' ? [zh.receipt!.noteLost!] : [zh.receipt!.noteOld!])];
          return {
            sessionId: context.sessionId,
            title: zh.receipt!.title!,
            lines: receiptLines(context, todayOf(kit)).map(({ label, value }) => ({ label, value })),
            ...(submitted?.receiptNumber ? { codeFormat: 'code128' as const, code: submitted.receiptNumber } : {}),
            notes,
          };
        },
      }),
    ],
  };
}
