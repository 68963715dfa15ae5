/**
 * identify → capture the proof papers with the document camera → two
 * fingerprints → sign the application → pay the fee → submit → the 缴费凭证
 * on the receipt printer (none when exempt) → the signed application on A4. A demonstration of the four capabilities every 户政,
 * 交管 and 出入境 service builds on, run only on a simulated kiosk.
 */
import { err, ok } from '../../../../domain/result';
import { maskIdNumber } from '../../../../domain/mask';
import { documentSignature } from '../../issued';
import {
  a4PrintStep,
  capturedDocuments,
  documentCaptureStep,
  feeSlipStep,
  fingerprintsOf,
  fingerprintsStep,
  identifyStep,
  paidFee,
  paymentStep,
  queryStep,
  signatureOf,
  signatureStep,
  submitStep,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentOptions,
} from '../../flows/library';
import type { FeeRule } from '../service-module';
import { feeExemption, type ExemptionAnswer } from './backend';
import template from './application.template.json' with { type: 'json' };

export const SERVICE_ID = 'capability-demo';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;

export const DEMO_FEE: FeeRule = {
  items: [{ code: 'demo', name: { 'zh-CN': '演示工本费', en: 'Demonstration fee' }, amountFen: 1000, basis: '模拟收费，非真实收费项目' }],
  exemptions: [
    { code: 'dibao', name: { 'zh-CN': '最低生活保障对象', en: 'Minimum living allowance' }, payPercent: 0, basis: '模拟：低保对象免收' },
    { code: 'hardship', name: { 'zh-CN': '生活困难人员', en: 'Hardship' }, payPercent: 50, basis: '模拟：困难人员减半' },
  ],
  chargedOn: ['applicationPrinted'],
};

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/** The application's lines as printed: what each capability produced, no raw biometric data. */
function applicationVars(context: FlowContext) {
  const papers = capturedDocuments(context, 'papers');
  const prints = fingerprintsOf(context, 'prints');
  const paid = paidFee(context, 'pay');
  return {
    name: context.identity?.name ?? '',
    idNumber: context.identity ? maskIdNumber(context.identity.idNumber) : '',
    papers: papers && papers.papers.length > 0 ? papers.papers.map((p) => `${p.pages}页`).join('，') : '无',
    fingerprints: prints ? `已采集${prints.prints.length}枚${prints.exemptions.length > 0 ? `，免采${prints.exemptions.length}枚` : ''}` : '无',
    payment: paid ? (paid.status === 'paid' ? `${yuan(paid.amountFen)}，订单号${paid.orderNo ?? ''}` : '免缴') : '未缴',
  };
}

/** The exemption the back-end applied (the query step's fact), or none. */
function exemptionOf(context: FlowContext): string | null {
  const answer = context.facts.exemption as ExemptionAnswer | undefined;
  return answer && answer.exemption !== 'none' ? answer.exemption : null;
}

/**
 * What the back-end gets (encrypted in the outbox, never logged): who
 * applies, and what was captured, counted; no images, prints or strokes.
 */
function demoApplication(context: FlowContext): Record<string, unknown> {
  const papers = capturedDocuments(context, 'papers');
  const prints = fingerprintsOf(context, 'prints');
  return {
    idNumber: context.identity?.idNumber ?? '',
    name: context.identity?.name ?? '',
    paperPages: papers ? papers.papers.reduce((sum, p) => sum + p.pages, 0) : 0,
    fingerprints: prints ? prints.prints.length : 0,
    signedAt: signatureOf(context, 'sign')?.signedAt ?? null,
  };
}

export function capabilityDemoFlow(kit: FlowKit): FlowPlan {
  // The fee slip prints what this step charged: both read the same options.
  const pay: PaymentOptions = { id: 'pay', labelKey: key('steps.pay'), fee: DEMO_FEE, exemption: exemptionOf, application: demoApplication };
  return {
    steps: [
      identifyStep(),
      documentCaptureStep({ id: 'papers', labelKey: key('steps.papers'), titleKey: key('papers.title'), documents: [{ value: 'proof', labelKey: key('papers.proof'), minPages: 1, maxPages: 2 }] }),
      fingerprintsStep({ id: 'prints', labelKey: key('steps.prints'), compareWithCard: true }),
      signatureStep({ id: 'sign', labelKey: key('steps.sign'), titleKey: key('sign.title'), documentKey: key('sign.document') }),
      queryStep<ExemptionAnswer>({
        id: 'exemption',
        labelKey: key('steps.exemption'),
        titleKey: key('query.exemption'),
        run: (context) => kit.gateway.call(feeExemption, { idNumber: context.identity?.idNumber ?? '' }),
        // Someone the back-end does not know has no exemption: they pay the full fee.
        route: (result) => (result.ok || result.error.kind === 'notFound' ? { to: 'next' } : { to: 'retry' }),
      }),
      paymentStep(pay),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: pay.id, application: demoApplication }),
      feeSlipStep({ id: 'feeSlip', payment: pay, labelKey: key('steps.feeSlip') }),
      a4PrintStep({
        id: 'form',
        labelKey: key('steps.form'),
        outcome: 'applicationPrinted',
        prepare: async (context) => {
          const signed = signatureOf(context, 'sign');
          if (!signed) return err('notAllowed');
          // A demonstration has no back-end number: the form carries the run's own (YS = 演示).
          const number = `YS${context.flowId.replace(/[^0-9a-zA-Z]/g, '').slice(0, 10).toUpperCase()}`;
          return ok({
            printedNumber: number,
            verifyCode: null,
            request: {
              kind: 'capabilityDemoApplication',
              template,
              printedNumber: number,
              vars: applicationVars(context),
              signature: documentSignature(signed.signature, new Date(signed.signedAt), kit.timeZone),
            },
          });
        },
      }),
    ],
  };
}
