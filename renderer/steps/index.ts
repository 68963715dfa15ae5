/**
 * The step library's screens: which component draws each step kind. The
 * mapped type makes the registry complete, and {@link renderStep}'s switch
 * ends in a `never` check, so a kind added to the contract breaks the build
 * until it is drawn. A screen never knows which service it serves: its words
 * come as i18n keys in the step's data.
 */
import { createElement, type ComponentType, type ReactElement } from 'react';
import type { StepKind } from '../../electron/contract';
import type { StepContext, StepProps } from '../flows/step-props';
import { A4PrintStep } from './a4-print/A4PrintStep';
import { AbilityTestStep } from './ability-test/AbilityTestStep';
import { ChoiceStep } from './choice/ChoiceStep';
import { ConsentStep } from './consent/ConsentStep';
import { CounterStep } from './counter/CounterStep';
import { DocumentCaptureStep } from './document-capture/DocumentCaptureStep';
import { DeliveryStep } from './delivery/DeliveryStep';
import { DoneStep } from './done/DoneStep';
import { FailedStep } from './done/FailedStep';
import { FaceCheckFlowStep } from './face-check/FaceCheckFlowStep';
import { FormStep } from './form/FormStep';
import { FingerprintsStep } from './fingerprints/FingerprintsStep';
import { IdentifyStep } from './identify/IdentifyStep';
import { PaymentStep } from './payment/PaymentStep';
import { PhotoFlowStep } from './photo/PhotoFlowStep';
import { QueryStep } from './query/QueryStep';
import { ReceiptPrintStep } from './receipt-print/ReceiptPrintStep';
import { ReferralStep } from './referral/ReferralStep';
import { ReviewStep } from './review/ReviewStep';
import { SelectionStep } from './selection/SelectionStep';
import { SignatureStep } from './signature/SignatureStep';
import { SubmitStep } from './submit/SubmitStep';
import { Waiting } from '../flows/Waiting';
import { useTranslation } from 'react-i18next';
import './step-layout.css';

/**
 * Until the proxy call's own screen (P6, renderer/proxy-call/) is wired in:
 * the kiosk says it is working on the video check, nothing more.
 */
function ProxyCallPending(): ReactElement {
  const { t } = useTranslation();
  return createElement(Waiting, { text: t('attract.hallLoading') });
}

/** A component for every step kind. */
export type StepRegistry = { [K in StepKind]: ComponentType<StepProps<K>> };

/** The library's screens; a service may replace some in its own folder under renderer/flows/. */
export const steps: StepRegistry = {
  identify: IdentifyStep,
  consent: ConsentStep,
  faceCheck: FaceCheckFlowStep,
  choice: ChoiceStep,
  query: QueryStep,
  photo: PhotoFlowStep,
  signature: SignatureStep,
  documentCapture: DocumentCaptureStep,
  review: ReviewStep,
  selection: SelectionStep,
  a4Print: A4PrintStep,
  receiptPrint: ReceiptPrintStep,
  form: FormStep,
  delivery: DeliveryStep,
  counter: CounterStep,
  referral: ReferralStep,
  done: DoneStep,
  failed: FailedStep,
  payment: PaymentStep,
  fingerprints: FingerprintsStep,
  submit: SubmitStep,
  abilityTest: AbilityTestStep,
  proxyCall: ProxyCallPending,
};

/** Draws the view's step with the registry's component for its kind. */
export function renderStep(registry: StepRegistry, context: StepContext): ReactElement {
  const data = context.view.data;
  switch (data.step) {
    case 'identify':
      return createElement(registry.identify, { ...context, data });
    case 'consent':
      return createElement(registry.consent, { ...context, data });
    case 'faceCheck':
      return createElement(registry.faceCheck, { ...context, data });
    case 'choice':
      return createElement(registry.choice, { ...context, data });
    case 'query':
      return createElement(registry.query, { ...context, data });
    case 'fingerprints':
      return createElement(registry.fingerprints, { ...context, data });
    case 'photo':
      return createElement(registry.photo, { ...context, data });
    case 'signature':
      return createElement(registry.signature, { ...context, data });
    case 'documentCapture':
      return createElement(registry.documentCapture, { ...context, data });
    case 'review':
      return createElement(registry.review, { ...context, data });
    case 'selection':
      return createElement(registry.selection, { ...context, data });
    case 'a4Print':
      return createElement(registry.a4Print, { ...context, data });
    case 'receiptPrint':
      return createElement(registry.receiptPrint, { ...context, data });
    case 'form':
      return createElement(registry.form, { ...context, data });
    case 'delivery':
      return createElement(registry.delivery, { ...context, data });
    case 'counter':
      return createElement(registry.counter, { ...context, data });
    case 'referral':
      return createElement(registry.referral, { ...context, data });
    case 'done':
      return createElement(registry.done, { ...context, data });
    case 'failed':
      return createElement(registry.failed, { ...context, data });
    case 'payment':
      return createElement(registry.payment, { ...context, data });
    case 'submit':
      return createElement(registry.submit, { ...context, data });
    case 'abilityTest':
      return createElement(registry.abilityTest, { ...context, data });
    case 'proxyCall':
      return createElement(registry.proxyCall, { ...context, data });
    default: {
      const unknown: never = data;
      throw new Error(`No component draws flow step ${JSON.stringify(unknown)}`);
    }
  }
}
