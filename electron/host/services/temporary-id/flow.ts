/**
 * identify → consent → face check → the back-end says whether an ID card
 * application of the citizen's is in progress here (else the counter, with
 * why and what to do) → photo (GA 461, or a studio's 回执) → signature on
 * the 申领登记表 → 10 元 (the application held until paid) → submission →
 * 缴费凭证 → 领证回执: when and where to collect the card, or at the counter
 * at once where the hall has a 临时身份证 printer (site setting).
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { DetailRow } from '../../../contract';
import {
  chosenPhoto,
  consentStep,
  faceCheckStep,
  factOf,
  feeSlipStep,
  identifyStep,
  paymentStep,
  photoStep,
  queryStep,
  receiptPrintStep,
  routeFailure,
  signatureOf,
  signatureStep,
  submitStep,
  submittedApplication,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
  type Route,
} from '../../flows/library';
import type { GatewayResult } from '../../gateway/police-gateway';
import type { FeeRule } from '../service-module';
import { temporaryIdEligibility, type EligibilityAnswer, type RefusalReason } from './backend';
import type { TemporaryIdSettings } from './settings';
import { wording } from './wording';

export const SERVICE_ID = 'temporary-id';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zhSlip = (wording['zh-CN'] as Record<string, Record<string, string>>).slip!;

/**
 * 发改价格〔2003〕2322号: 临时第二代居民身份证 10 元 a card. Its 低保 and
 * hardship relief covers only first applications and renewals of the ID
 * card itself, so a temporary card has no exemption.
 */
export const TEMPORARY_ID_FEE: FeeRule = {
  items: [
    {
      code: 'temporaryCard',
      name: { 'zh-CN': '临时居民身份证工本费', en: 'Temporary ID card fee' },
      amountFen: 1000,
      basis: '《国家发展改革委、财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）：临时居民身份证每证10元',
    },
  ],
  exemptions: [],
  chargedOn: ['applicationAccepted'],
};

type Eligible = Extract<EligibilityAnswer, { status: 'eligible' }>;

/** The eligibility query's answer when the citizen may apply; null otherwise. */
function eligibleOf(context: FlowContext): Eligible | null {
  const answer = factOf<EligibilityAnswer>(context, 'eligibility');
  return answer?.status === 'eligible' ? answer : null;
}

/** The counter's reason for each refusal: why, and what to do instead. */
export function refusalReasonKey(reason: RefusalReason): string {
  switch (reason) {
    case 'noApplication':
      return key('refusal.noApplication');
    case 'otherRegistration':
      return key('refusal.otherRegistration');
    default: {
      const unknown: never = reason;
      throw new Error(`unknown refusal ${String(unknown)}`);
    }
  }
}

/** Where the eligibility answer leads: on when eligible, else the counter with the reason; a person unknown to the 户籍 record too. */
export function routeEligibility(result: GatewayResult<EligibilityAnswer>): Route | { to: 'retry' } {
  if (!result.ok) return routeFailure(result, key('refusal.notFound'))!;
  return result.value.status === 'eligible' ? { to: 'next' } : { to: 'counter', reasonKey: refusalReasonKey(result.value.reason) };
}

/**
 * What the back-end gets (encrypted in the outbox, never logged): who
 * applies, for which card application, the chosen photo (by its id and
 * hash; the photo module hands its bytes over) and when they signed.
 */
function application(context: FlowContext, settings: TemporaryIdSettings): Record<string, unknown> {
  const eligible = eligibleOf(context);
  const photo = chosenPhoto(context, 'photo');
  return {
    kind: 'temporaryIdCard',
    idNumber: context.identity?.idNumber ?? '',
    name: eligible?.name ?? context.identity?.name ?? '',
    idCardApplication: eligible?.application.acceptanceNumber ?? null,
    photo: photo ? { candidateId: photo.candidateId, sha256: photo.sha256 } : null,
    signedAt: signatureOf(context, 'sign')?.signedAt ?? null,
    issue: settings.counterPrinter ? 'counterNow' : 'collect',
  };
}

/** The collection receipt's lines, each once for the screen (keys) and the slip (Chinese). */
interface ReceiptLine {
  label: string;
  value: { text: string } | { word: string };
}

function receiptLines(context: FlowContext, kit: FlowKit, settings: TemporaryIdSettings): ReceiptLine[] {
  const eligible = eligibleOf(context);
  const receiptNumber = submittedApplication(context, 'submit')?.receiptNumber ?? null;
  const place = [kit.hallName, kit.window].filter(Boolean).join(' ');
  return [
    { label: 'acceptanceNumber', value: receiptNumber ? { text: receiptNumber } : { word: 'pending' } },
    ...(settings.counterPrinter
      ? [{ label: 'collectNow', value: { word: 'atOnce' } }]
      : [{ label: 'collectOn', value: { text: eligible?.expectedOn ?? '' } }]),
    { label: 'collectAt', value: { text: place } },
    { label: 'validity', value: { word: 'validityText' } },
  ];
}

function screenRows(lines: ReceiptLine[]): DetailRow[] {
  return lines.map(({ label, value }) => ({ labelKey: key(`slip.${label}`), ...('text' in value ? { text: value.text } : { textKey: key(`slip.${value.word}`) }) }));
}

export function temporaryIdFlow(kit: FlowKit, settings: TemporaryIdSettings): FlowPlan {
  const payment: PaymentOptions = {
    id: 'pay',
    labelKey: key('steps.pay'),
    fee: TEMPORARY_ID_FEE,
    application: (context) => application(context, settings),
  };
  return {
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.application'), key('consent.scope.face'), key('consent.scope.photo')] }),
      faceCheckStep(),
      // Eligibility before anything is paid: the back-end knows the card application and the 户籍地.
      queryStep<EligibilityAnswer>({
        id: 'eligibility',
        labelKey: key('steps.eligibility'),
        titleKey: key('query.eligibility'),
        run: (context) => kit.gateway.call(temporaryIdEligibility, { idNumber: context.identity?.idNumber ?? '' }),
        route: (result) => routeEligibility(result),
      }),
      photoStep({ id: 'photo', labelKey: key('steps.photo'), titleKey: key('photo.title'), spec: 'residentId', maxTakes: 5, studioReceipt: true }),
      signatureStep({ id: 'sign', labelKey: key('steps.sign'), titleKey: key('sign.title'), documentKey: key('sign.document') }),
      paymentStep(payment),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application: payment.application! }),
      feeSlipStep({ payment, labelKey: key('steps.feeSlip') }),
      receiptPrintStep({
        labelKey: key('steps.slip'),
        titleKey: key('slip.title'),
        outcome: 'applicationAccepted',
        rows: (context) => screenRows(receiptLines(context, kit, settings)),
        slip: (context) => {
          const eligible = eligibleOf(context);
          const receiptNumber = submittedApplication(context, 'submit')?.receiptNumber ?? null;
          const name = eligible?.name ?? context.identity?.name ?? null;
          return {
            sessionId: context.sessionId,
            title: zhSlip.title!,
            lines: [
              ...(name ? [{ label: zhSlip.name!, value: maskName(name) }] : []),
              ...(context.identity ? [{ label: zhSlip.idNumber!, value: maskIdNumber(context.identity.idNumber) }] : []),
              ...receiptLines(context, kit, settings).map(({ label, value }) => ({ label: zhSlip[label]!, value: 'text' in value ? value.text : zhSlip[value.word]! })),
            ],
            ...(receiptNumber ? { codeFormat: 'code128' as const, code: receiptNumber } : {}),
            notes: [zhSlip.bring!, zhSlip.returnCard!],
          };
        },
      }),
    ],
  };
}
