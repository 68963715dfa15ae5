/**
 * 审验 at 期满换证: a renewal under 162号 art. 63 includes the review (art. 72
 * second paragraph), and the review is not passed while traffic violations
 * are unhandled (art. 73 first paragraph (1) and last paragraph: 未处理完毕的
 * … 不予通过审验). After the driver record, a run that may only be 期满换证
 * asks the back-end for the driver's unhandled violations (the shared
 * `traffic-violations`, by licence: what 交通违法处理 lists and clears); any
 * → the counter with how many and where to handle them, before anything is
 * paid. 损毁换证 (art. 66) and 补领 (art. 69) are not 审验: the step is
 * passed unseen for them.
 */
import type { GatewayResult } from '../../gateway/police-gateway';
import { queryStep, routeFailure, skippedWhen, type FlowContext, type FlowKit, type Route, type StepDefinition } from '../../flows/library';
import { trafficViolations, type ViolationsAnswer } from '../shared/traffic/violations';

/** The unhandled violations that stand against this driver's review (one already on another driver's licence is that driver's). */
export function unhandledViolations(answer: ViolationsAnswer): number {
  return answer.violations.filter((violation) => !violation.onOtherLicence).length;
}

/** Where the answer sends the run: on when nothing is unhandled; the counter with how many otherwise; a failed call retried (then the counter). */
export function routeReview(result: GatewayResult<ViolationsAnswer>, reasonKey: string): Route | { to: 'retry' } {
  if (!result.ok) return routeFailure(result, 'flow.counter.reason.queryFailed') ?? { to: 'retry' };
  const count = unhandledViolations(result.value);
  return count === 0 ? { to: 'next' } : { to: 'counter', reasonKey, reasonParams: { violations: String(count) } };
}

export interface ReviewCheckOptions {
  labelKey: string;
  titleKey: string;
  /** The counter's reason when violations are unhandled (`{{violations}}`: how many). */
  reasonKey: string;
  /** Whether this run is 期满换证 (the only kind the review applies to). */
  applies: (context: FlowContext) => boolean;
}

export function reviewCheckStep(kit: FlowKit, options: ReviewCheckOptions): StepDefinition {
  const step = queryStep<ViolationsAnswer>({
    id: 'violations',
    labelKey: options.labelKey,
    titleKey: options.titleKey,
    run: (context) => kit.gateway.call(trafficViolations, { by: 'licence', idNumber: context.identity?.idNumber ?? '' }),
    route: (result) => routeReview(result, options.reasonKey),
  });
  return skippedWhen(step, (context) => !options.applies(context));
}
