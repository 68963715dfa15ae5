/**
 * The step registry: which component draws each FlowStep. The mapped type
 * makes the registry complete, and {@link renderStep}'s switch ends in a
 * `never` check, so a step added to the contract breaks the build until it
 * is drawn.
 */
import { createElement, type ComponentType, type ReactElement } from 'react';
import type { FlowStep } from '../../electron/contract';
import type { StepContext, StepProps } from '../flows/step-props';
import { QueryConsentStep } from './consent/QueryConsentStep';
import { CounterStep } from './counter/CounterStep';
import { DoneStep } from './done/DoneStep';
import { FailedStep } from './done/FailedStep';
import { FaceCheckFlowStep } from './face-check/FaceCheckFlowStep';
import { IdentifyStep } from './identify/IdentifyStep';
import { PrintStep } from './print/PrintStep';
import { PurposeStep } from './purpose/PurposeStep';
import { QueryStep } from './query/QueryStep';
import { ReferralStep } from './referral/ReferralStep';
import { ReviewStep } from './review/ReviewStep';
import './steps.css';

/** A component for every step. */
export type StepRegistry = { [S in FlowStep]: ComponentType<StepProps<S>> };

/** The reusable steps; a service may replace some in its own folder. */
export const steps: StepRegistry = {
  identify: IdentifyStep,
  consent: QueryConsentStep,
  faceCheck: FaceCheckFlowStep,
  choosePurpose: PurposeStep,
  query: QueryStep,
  review: ReviewStep,
  print: PrintStep,
  done: DoneStep,
  counter: CounterStep,
  referral: ReferralStep,
  failed: FailedStep,
};

/** Draws the view's step with the registry's component. */
export function renderStep(registry: StepRegistry, context: StepContext): ReactElement {
  const data = context.view.data;
  switch (data.step) {
    case 'identify':
      return createElement(registry.identify, { ...context, data });
    case 'consent':
      return createElement(registry.consent, { ...context, data });
    case 'faceCheck':
      return createElement(registry.faceCheck, { ...context, data });
    case 'choosePurpose':
      return createElement(registry.choosePurpose, { ...context, data });
    case 'query':
      return createElement(registry.query, { ...context, data });
    case 'review':
      return createElement(registry.review, { ...context, data });
    case 'print':
      return createElement(registry.print, { ...context, data });
    case 'done':
      return createElement(registry.done, { ...context, data });
    case 'counter':
      return createElement(registry.counter, { ...context, data });
    case 'referral':
      return createElement(registry.referral, { ...context, data });
    case 'failed':
      return createElement(registry.failed, { ...context, data });
    default: {
      const unknown: never = data;
      throw new Error(`No component draws flow step ${JSON.stringify(unknown)}`);
    }
  }
}
