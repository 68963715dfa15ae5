/**
 * identify → consent → face check → the back-end's check of the 居住证 (held
 * here, 居住登记 continuing, this year's 签注 due) → the citizen checks the
 * new date → the 签注 is recorded by the back-end → a slip. Every refusal
 * goes to the counter with a reason saying why and what to do instead; the
 * run's outcome `endorsed` is what the journal records.
 */
import { zonedIsoDate } from '../../../../domain/calendar-date';
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { DetailRow } from '../../../contract';
import { factOf, consentStep, faceCheckStep, identifyStep, queryStep, receiptPrintStep, reviewStep, routeFailure, type FlowContext, type FlowKit, type FlowPlan, type Route } from '../../flows/library';
import type { GatewayResult } from '../../gateway/police-gateway';
import { endorsementCheck, endorsePermit, type CheckAnswer, type EligibleAnswer, type EndorseAnswer } from './backend';
import { wording } from './wording';

export const SERVICE_ID = 'residence-permit-endorsement';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as { slip: Record<string, string> };

/** The check's answer when the permit may be endorsed now, else null (the flow never gets past the check then). */
export function eligibleOf(context: FlowContext): EligibleAnswer | null {
  const answer = factOf<CheckAnswer>(context, 'check');
  return answer && (answer.status === 'due' || answer.status === 'late') ? answer : null;
}

/** Where the check's answer leads: on when it can be endorsed now, else the counter with the reason. */
export function routeCheck(result: GatewayResult<CheckAnswer>): Route | { to: 'retry' } {
  if (!result.ok) return routeFailure(result, key('counter.notFound')) ?? { to: 'retry' };
  const answer = result.value;
  switch (answer.status) {
    case 'due':
    case 'late':
      return { to: 'next' };
    case 'noPermit':
    case 'registrationLapsed':
      return { to: 'counter', reasonKey: key(`counter.${answer.status}`) };
    case 'alreadyEndorsed':
    case 'tooEarly':
      // Until when it is good, and from when to come back (dates only: public).
      return { to: 'counter', reasonKey: key(`counter.${answer.status}`), reasonParams: { until: answer.endorsedUntil, dueFrom: answer.dueFrom } };
    default: {
      const unknown: never = answer;
      return unknown;
    }
  }
}

/** What the citizen checks before the 签注 is made (masked). */
export function reviewRows(answer: EligibleAnswer | null): DetailRow[] {
  if (!answer) return [];
  return [
    { labelKey: key('review.holder'), text: maskName(answer.holderName) },
    { labelKey: key('review.permitNumber'), text: maskIdNumber(answer.permitNumber) },
    { labelKey: key('review.endorsedUntil'), text: answer.endorsedUntil },
    { labelKey: key('review.newEndorsedUntil'), text: answer.newEndorsedUntil },
    { labelKey: key('review.fee'), textKey: key('review.free') },
  ];
}

/** The slip's lines, in Chinese as printed: the holder and numbers masked, the 签注编号 in full (the citizen's reference). */
function slipLines(answer: EligibleAnswer, endorsed: EndorseAnswer, idNumber: string, endorsedOn: string): Array<{ label: string; value: string }> {
  const slip = zh.slip;
  return [
    { label: slip.holder!, value: maskName(answer.holderName) },
    { label: slip.idNumber!, value: maskIdNumber(idNumber) },
    { label: slip.permitNumber!, value: maskIdNumber(answer.permitNumber) },
    { label: slip.endorsedOn!, value: endorsedOn },
    { label: slip.newEndorsedUntil!, value: endorsed.endorsedUntil },
    { label: slip.endorsementNumber!, value: endorsed.endorsementNumber },
  ];
}

export function endorsementFlow(kit: FlowKit): FlowPlan {
  return {
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.permit'), key('consent.scope.face')] }),
      faceCheckStep(),
      queryStep<CheckAnswer>({
        id: 'check',
        labelKey: key('steps.check'),
        titleKey: key('query.check'),
        run: (context) => kit.gateway.call(endorsementCheck, { idNumber: context.identity?.idNumber ?? '' }),
        route: routeCheck,
      }),
      reviewStep({
        labelKey: key('steps.review'),
        titleKey: key('review.title'),
        rows: (context) => reviewRows(eligibleOf(context)),
        noteKeys: (context) => [key(`review.notes.${eligibleOf(context)?.status ?? 'due'}`)],
        // Back would only ask the back-end again; leaving is the kiosk's exit.
        backTo: false,
      }),
      queryStep<EndorseAnswer>({
        id: 'endorse',
        labelKey: key('steps.endorse'),
        titleKey: key('query.endorse'),
        // The request key is the run's own (`<flowId>-endorse`): a retry endorses once.
        run: (context, _kit, requestKey) =>
          kit.gateway.call(endorsePermit, { idNumber: context.identity?.idNumber ?? '', permitNumber: eligibleOf(context)?.permitNumber ?? '', idempotencyKey: requestKey }),
        route: (result) => (result.ok ? { to: 'next' } : (routeFailure(result, key('counter.endorseFailed')) ?? { to: 'retry' })),
        failedReasonKey: key('counter.endorseFailed'),
      }),
      receiptPrintStep({
        labelKey: key('steps.slip'),
        titleKey: key('slip.title'),
        outcome: 'endorsed',
        rows: (context) => {
          const endorsed = factOf<EndorseAnswer>(context, 'endorse');
          const answer = eligibleOf(context);
          if (!endorsed || !answer) return [];
          return [
            { labelKey: key('slip.holder'), text: maskName(answer.holderName) },
            { labelKey: key('slip.permitNumber'), text: maskIdNumber(answer.permitNumber) },
            { labelKey: key('slip.newEndorsedUntil'), text: endorsed.endorsedUntil },
            { labelKey: key('slip.endorsementNumber'), text: endorsed.endorsementNumber },
          ];
        },
        slip: (context) => {
          const endorsed = factOf<EndorseAnswer>(context, 'endorse');
          const answer = eligibleOf(context);
          const idNumber = context.identity?.idNumber ?? '';
          return {
            sessionId: context.sessionId,
            title: zh.slip.title!,
            lines: endorsed && answer ? slipLines(answer, endorsed, idNumber, zonedIsoDate(kit.now(), kit.timeZone)) : [],
            ...(endorsed ? { codeFormat: 'code128' as const, code: endorsed.endorsementNumber } : {}),
            notes: [zh.slip.nextNote!, zh.slip.freeNote!],
          };
        },
      }),
    ],
  };
}
