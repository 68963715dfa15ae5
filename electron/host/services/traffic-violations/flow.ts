/**
 * 交通违法处理 (electronic-monitoring violations): identify → consent → face
 * check (the points go on the licence of whoever is at the kiosk) → by my
 * licence or by a plate (+ the VIN's last six) → the driver record (a
 * licence that cannot take points, or 满分, goes to the counter) → the
 * violations and their evidence photos → each taken on here or set aside
 * for the counter (one on another driver's licence is shown, not offered)
 * → 12 points reached with the chosen ones: 满分学习 at the counter → review
 * (fines, 加处罚款, points after) → the decision (back-end, idempotent) →
 * payment of fines + surcharge → the payment sent (refunded when the
 * back-end refuses it) → 罚款核销 (handled: listed no more) → 缴费凭证 →
 * the A4 处罚决定书.
 */
import { err } from '../../../../domain/result';
import { zonedIsoDate } from '../../../../domain/calendar-date';
import { formatChineseDate } from '../../issued/templates/chinese-date';
import {
  a4PrintStep,
  certificateReceipt,
  choiceStep,
  chosen,
  consentStep,
  faceCheckStep,
  factOf,
  feeSlipStep,
  formStep,
  formValues,
  identifyStep,
  issueCertificateDocument,
  paidFee,
  paymentStep,
  queryStep,
  reviewStep,
  selectionOf,
  selectionStep,
  skippedWhen,
  submitStep,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PaymentFeeItem,
  type PaymentOptions,
  type PreparedDocument,
  type SelectionItem,
} from '../../flows/library';
import type { DetailRow } from '../../../contract';
import { holderDocumentType } from '../../gateway/police-gateway';
import type { FeeRule } from '../service-module';
import type { DriverRecordAnswer } from '../shared/traffic/driver-record';
import { trafficViolations, type Violation, type ViolationsAnswer } from '../shared/traffic/violations';
import { violationDecision, violationEvidence, violationPayment, type DecisionAnswer, type EvidenceAnswer, type PaymentRecordAnswer } from './backend';
import decisionTemplate from './decision.template.json' with { type: 'json' };
import { key, legalBasis, notHandleableReason, PLATE_TYPES, pointsAdded, routeLicence, routeSelection, yuan } from './rules';
import { driverRecordStep } from '../shared/traffic/driver-record-step';
import { wording } from './wording';

const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** Fines are not fees: nothing fixed; each run pays its decision's fines and 加处罚款 (extra items). */
export const FINE_RULE: FeeRule = { items: [], exemptions: [], chargedOn: [], freeBasis: '处理交通违法不收费；罚款按处罚决定书缴纳' };

type Decided = Extract<DecisionAnswer, { status: 'decided' }>;

const recordOf = (context: FlowContext) => factOf<DriverRecordAnswer>(context, 'record');
const listOf = (context: FlowContext): Violation[] => factOf<ViolationsAnswer>(context, 'violations')?.violations ?? [];
const byPlate = (context: FlowContext) => chosen(context, 'how') === 'plate';
const decisionOf = (context: FlowContext): Decided | null => {
  const answer = factOf<DecisionAnswer>(context, 'decide');
  return answer?.status === 'decided' ? answer : null;
};
/** The violations taken on, in the list's order. */
export function chosenViolations(context: FlowContext): Violation[] {
  const selection = selectionOf(context, 'select');
  return selection ? listOf(context).filter((violation) => selection.selected.includes(violation.number)) : [];
}
const nameOf = (context: FlowContext) => context.identity?.name ?? recordOf(context)?.name ?? '';

/** `2026-03-02T08:12` as 2026-03-02 08:12. */
const when = (occurredAt: string) => occurredAt.replace('T', ' ');

/** A violation's lines, as the list and the review show them (public: no name, no number of a person). */
export function violationRows(violation: Violation): DetailRow[] {
  return [
    { labelKey: key('item.time'), text: when(violation.occurredAt) },
    { labelKey: key('item.place'), text: violation.place },
    { labelKey: key('item.plate'), text: violation.plate },
    { labelKey: key('item.behaviour'), text: `${violation.behaviour}（${violation.code}）` },
    { labelKey: key('item.fine'), text: yuan(violation.fineFen) },
    { labelKey: key('item.points'), text: String(violation.points) },
    ...(violation.surchargeFen > 0 ? [{ labelKey: key('item.surcharge'), text: yuan(violation.surchargeFen) }] : []),
    ...(violation.decidedOn ? [{ labelKey: key('item.decidedOn'), text: violation.decidedOn }] : []),
  ];
}

function selectionItems(context: FlowContext): SelectionItem[] {
  const record = recordOf(context);
  const evidence = factOf<EvidenceAnswer>(context, 'evidence')?.evidence ?? [];
  return listOf(context).map((violation) => {
    const reasonKey = record ? notHandleableReason(violation, record) : key('notHere.otherLicence');
    const photos = evidence.find((entry) => entry.number === violation.number)?.photos ?? [];
    return {
      id: violation.number,
      rows: violationRows(violation),
      images: photos.map((photo) => ({ dataUrl: `data:${photo.mime};base64,${photo.base64}`, altKey: key('item.photo') })),
      selectable: reasonKey === null,
      reasonKey,
    };
  });
}

/** The fines and 加处罚款 of the decision, as payment items (dynamic amounts, never exempted). */
export function fineItems(context: FlowContext): PaymentFeeItem[] {
  const decision = decisionOf(context);
  if (!decision) return [];
  const list = listOf(context);
  return decision.items.flatMap((item) => {
    const violation = list.find((candidate) => candidate.number === item.number);
    const fine: PaymentFeeItem = {
      code: `fine-${item.number}`,
      name: { 'zh-CN': `罚款（${violation?.plate ?? ''} ${violation?.code ?? ''}）`, en: `Fine (${violation?.plate ?? ''} ${violation?.code ?? ''})` },
      amountFen: item.fineFen,
      basis: violation ? legalBasis(violation) : '《中华人民共和国道路交通安全法》',
      nameKey: key('fee.fine'),
    };
    const surcharge: PaymentFeeItem = {
      code: `surcharge-${item.number}`,
      name: { 'zh-CN': `加处罚款（${violation?.plate ?? ''}）`, en: `Late-payment surcharge (${violation?.plate ?? ''})` },
      amountFen: item.surchargeFen,
      standard: '每日按罚款数额的3%，不超过罚款数额',
      basis: '《中华人民共和国行政处罚法》第七十二条',
      nameKey: key('fee.surcharge'),
    };
    return item.surchargeFen > 0 ? [fine, surcharge] : [fine];
  });
}

const totalOf = (context: FlowContext) => fineItems(context).reduce((sum, item) => sum + item.amountFen, 0);

/** What the back-end gets once paid (encrypted in the outbox, never logged). */
export function paymentApplication(context: FlowContext): Record<string, unknown> {
  const decision = decisionOf(context);
  return {
    kind: 'trafficFinePayment',
    idNumber: context.identity?.idNumber ?? '',
    decisionNumber: decision?.decisionNumber ?? null,
    violations: decision?.items.map((item) => item.number) ?? [],
    amountFen: totalOf(context),
  };
}

const PAYMENT: PaymentOptions = { id: 'pay', labelKey: key('steps.pay'), fee: FINE_RULE, extraItems: fineItems, application: paymentApplication };

/** The decision's paragraphs: each violation's facts, basis and penalty (分别决定，合并执行). */
function decisionParagraphs(context: FlowContext, decision: Decided): string[] {
  const list = listOf(context);
  return decision.items.map((item) => {
    const violation = list.find((candidate) => candidate.number === item.number);
    if (!violation) return '';
    const [day = '', time = ''] = violation.occurredAt.split('T');
    const [hour = '', minute = ''] = time.split(':');
    const penalty = `罚款${yuan(item.fineFen)}${item.points > 0 ? `，记${item.points}分` : '，不记分'}`;
    const late = item.surchargeFen > 0 ? `（原决定日期${formatChineseDate(item.decidedOn)}，逾期未缴纳，依据《中华人民共和国行政处罚法》第七十二条加处罚款${yuan(item.surchargeFen)}）` : '';
    return `${formatChineseDate(day)}${Number(hour)}时${Number(minute)}分，号牌为${violation.plate}的机动车在${violation.place}，实施“${violation.behaviour}”的违法行为（违法代码${violation.code}，记录编号${violation.number}）。依据${legalBasis(violation)}，决定给予${penalty}${late}。`;
  });
}

export function trafficViolationsFlow(kit: FlowKit): FlowPlan {
  return {
    holderName: (context) => context.identity?.name ?? recordOf(context)?.name ?? null,
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.licence'), key('consent.scope.violations'), key('consent.scope.face')] }),
      faceCheckStep(),
      choiceStep({
        id: 'how',
        labelKey: key('steps.how'),
        titleKey: key('how.title'),
        options: [
          { value: 'licence', labelKey: key('how.licence'), noteKey: key('how.licenceNote') },
          { value: 'plate', labelKey: key('how.plate'), noteKey: key('how.plateNote') },
        ],
      }),
      skippedWhen(
        formStep({
          id: 'vehicle',
          labelKey: key('steps.vehicle'),
          titleKey: key('vehicle.title'),
          back: true,
          fields: [
            { id: 'plate', type: 'text', input: 'plate', maxLength: 8, labelKey: key('vehicle.plate') },
            { id: 'plateType', type: 'choice', labelKey: key('vehicle.plateType'), options: PLATE_TYPES.map((value) => ({ value, labelKey: key(`plateTypes.t${value}`) })) },
            { id: 'vinTail', type: 'text', input: 'vinTail', maxLength: 6, labelKey: key('vehicle.vinTail') },
          ],
        }),
        (context) => !byPlate(context),
      ),
      driverRecordStep(kit, { labelKey: key('steps.record'), titleKey: key('query.record'), noLicenceKey: key('counter.noLicence'), route: (record) => routeLicence(record) }),
      queryStep<ViolationsAnswer>({
        id: 'violations',
        labelKey: key('steps.violations'),
        titleKey: key('query.violations'),
        run: (context) => {
          const vehicle = formValues(context, 'vehicle');
          if (byPlate(context) && vehicle) {
            return kit.gateway.call(trafficViolations, {
              by: 'plate',
              plate: String(vehicle.plate),
              plateType: String(vehicle.plateType),
              vinTail: String(vehicle.vinTail),
              ...(context.identity ? { viewer: context.identity.idNumber } : {}),
            });
          }
          return kit.gateway.call(trafficViolations, { by: 'licence', idNumber: context.identity?.idNumber ?? '' });
        },
        route: (result, context) => {
          if (!result.ok) {
            // A plate and VIN tail that do not belong together answer as an unknown plate (the back-end tells nothing of a stranger's car).
            if (result.error.kind === 'notFound') return byPlate(context) ? { to: 'counter', reasonKey: key('counter.vehicleNotFound') } : { to: 'done', outcome: 'noViolations' };
            return { to: 'retry' };
          }
          return result.value.violations.length === 0 ? { to: 'done', outcome: 'noViolations' } : { to: 'next' };
        },
      }),
      queryStep<EvidenceAnswer>({
        id: 'evidence',
        labelKey: key('steps.violations'),
        titleKey: key('query.evidence'),
        run: (context) => kit.gateway.call(violationEvidence, { idNumber: context.identity?.idNumber ?? '', numbers: listOf(context).map((violation) => violation.number) }),
        // Photos that do not come are no reason to stop: the list is shown without them.
        route: (result) => (result.ok || result.error.kind === 'notFound' ? { to: 'next' } : { to: 'retry' }),
      }),
      selectionStep({
        id: 'select',
        labelKey: key('steps.select'),
        titleKey: key('select.title'),
        minSelected: 0,
        items: selectionItems,
        noteKeys: (context) => [key('select.notePoints'), ...(byPlate(context) ? [key('select.notePlate')] : [])],
        route: (selection, context) => {
          const record = recordOf(context);
          if (!record) return { to: 'failed', reason: 'internal' };
          return routeSelection(
            listOf(context).filter((violation) => selection.selected.includes(violation.number)),
            record,
          );
        },
      }),
      reviewStep({
        labelKey: key('steps.review'),
        titleKey: key('review.title'),
        backTo: 'select',
        rows: (context) => {
          const record = recordOf(context);
          const taken = chosenViolations(context);
          const fines = taken.reduce((sum, violation) => sum + violation.fineFen, 0);
          const surcharge = taken.reduce((sum, violation) => sum + violation.surchargeFen, 0);
          const setAside = (selectionOf(context, 'select')?.setAside.length ?? 0);
          const now = record?.points.current ?? 0;
          return [
            { labelKey: key('review.name'), text: nameOf(context) },
            { labelKey: key('review.idNumber'), text: context.identity?.idNumberMasked ?? '' },
            { labelKey: key('review.count'), text: String(taken.length) },
            { labelKey: key('review.fines'), text: yuan(fines) },
            ...(surcharge > 0 ? [{ labelKey: key('review.surcharge'), text: yuan(surcharge) }] : []),
            { labelKey: key('review.total'), text: yuan(fines + surcharge) },
            { labelKey: key('review.points'), text: `${now} → ${now + pointsAdded(taken)}` },
            ...(setAside > 0 ? [{ labelKey: key('review.setAside'), text: String(setAside) }] : []),
          ];
        },
        noteKeys: () => [key('review.noteDecision'), key('review.noteRights')],
      }),
      queryStep<DecisionAnswer>({
        id: 'decide',
        labelKey: key('steps.decide'),
        titleKey: key('query.decide'),
        run: (context, _kit, requestKey) =>
          kit.gateway.call(violationDecision, { requestKey, idNumber: context.identity?.idNumber ?? '', numbers: chosenViolations(context).map((violation) => violation.number) }),
        route: (result) => {
          if (!result.ok) return result.error.kind === 'notFound' ? { to: 'counter', reasonKey: key('counter.changed') } : { to: 'retry' };
          const answer = result.value;
          switch (answer.status) {
            case 'decided':
              return { to: 'next' };
            case 'refused':
              return { to: 'counter', reasonKey: key(`counter.refused.${answer.reason}`) };
            default: {
              const unknown: never = answer;
              return unknown;
            }
          }
        },
      }),
      paymentStep({ ...PAYMENT, back: false }),
      submitStep({ id: 'submit', labelKey: 'flow.steps.submit', payment: 'pay', application: paymentApplication }),
      queryStep<PaymentRecordAnswer>({
        id: 'settle',
        labelKey: key('steps.settle'),
        titleKey: key('query.settle'),
        run: (context, _kit, requestKey) => {
          const decision = decisionOf(context);
          const paid = paidFee(context, 'pay');
          return kit.gateway.call(violationPayment, {
            requestKey,
            idNumber: context.identity?.idNumber ?? '',
            decisionNumber: decision?.decisionNumber ?? '000000000000000',
            numbers: decision?.items.map((item) => item.number) ?? [],
            orderNo: paid?.orderNo ?? 'nothing-due',
            paidFen: paid?.amountFen ?? 0,
          });
        },
        route: (result) => {
          if (!result.ok) return result.error.kind === 'notFound' ? { to: 'counter', reasonKey: key('counter.settleFailed') } : { to: 'retry' };
          return result.value.status === 'recorded' ? { to: 'next' } : { to: 'counter', reasonKey: key('counter.settleFailed') };
        },
        failedReasonKey: key('counter.settleFailed'),
      }),
      feeSlipStep({ payment: PAYMENT, labelKey: key('steps.feeSlip') }),
      a4PrintStep({
        labelKey: key('steps.print'),
        outcome: 'handled',
        noteKeys: (context) => [key('notes.paid'), ...((selectionOf(context, 'select')?.setAside.length ?? 0) > 0 ? [key('notes.setAside')] : [])],
        mayEnter: (context) => decisionOf(context) !== null,
        prepare: async (context, _kit, requestKey): Promise<PreparedDocument> => {
          const identity = context.identity;
          const record = recordOf(context);
          const decision = decisionOf(context);
          const paid = paidFee(context, 'pay');
          if (!identity || !record || !decision) return err('notAllowed');
          const prepared = await issueCertificateDocument(kit, {
            kind: 'trafficPenaltyDecision',
            template: decisionTemplate,
            idempotencyKey: `${requestKey}-${decision.decisionNumber}`,
            holder: { name: nameOf(context), idNumber: identity.idNumber, idDocumentType: holderDocumentType(identity) },
            facts: { decisionNumber: decision.decisionNumber, violations: decision.items.map((item) => item.number).join(','), totalFen: String(totalOf(context)) },
            vars: (certificate) => ({
              decisionNumber: decision.decisionNumber,
              name: nameOf(context),
              licenceNumber: record.licence.number,
              fileNumber: record.licence.fileNumber,
              classes: record.licence.classes,
              issuingAuthority: record.licence.issuingAuthority,
              violations: decisionParagraphs(context, decision),
              total: yuan(totalOf(context)),
              pointsAfter: String(decision.pointsAfter),
              paidOn: formatChineseDate(zonedIsoDate(kit.now(), kit.timeZone)),
              orderNo: paid?.orderNo ?? '',
              decidedOn: formatChineseDate(decision.decidedOn || certificate.issueDate),
              organ: decision.issuingAuthority,
              reviewOrgan: zh.decision!.reviewOrgan!,
            }),
          });
          // The decision's own number is the one printed (the back-end's certificate record only seals and verifies it).
          return prepared.ok ? { ok: true, value: { ...prepared.value, printedNumber: decision.decisionNumber, request: { ...prepared.value.request, printedNumber: decision.decisionNumber } } } : prepared;
        },
        receipt: certificateReceipt(kit, nameOf),
      }),
    ],
  };
}
