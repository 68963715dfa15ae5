/**
 * The step library: the pieces a service builds its flow from, each generic
 * and configured by the service (docs/adding-a-service.md).
 */
export { identifyStep, publicIdentity, type IdentifyOptions } from './identify';
export { consentStep, type ConsentOptions } from './consent';
export { faceCheckStep } from './face-check';
export { choiceStep, chosen, type ChoiceOption, type ChoiceOptions } from './choice';
export { queryStep, routeFailure, type QueryOptions } from './query';
export { photoStep, chosenPhoto, type ChosenPhoto, type PhotoOptions } from './photo';
export { signatureStep, signatureOf, type Signed, type SignatureFact, type SignatureOptions, type SignatureRefusal } from './signature';
export { checkSignature, canonicalSignatureJson, MIN_EXTENT, MIN_TOTAL_LENGTH, type CheckedSignature, type SignatureProblem } from './signature-check';
export { documentCaptureStep, capturedDocuments, type AssembledPaper, type CapturedDocuments, type DocumentCaptureOptions, type DocumentPages, type PaperSpec } from './document-capture';
export { paymentStep, paidFee, feeDue, heldApplicationKey, type PaidFee, type PaymentFeeItem, type PaymentOptions } from './payment';
export { submitStep, submittedApplication, type SubmitOptions, type SubmittedApplication } from './submit';
export { applicationOf, attachmentSteps, type AttachmentDesk, type AttachmentRef } from './attachments';
export { reviewStep, type ReviewOptions } from './review';
export { selectionStep, selectionOf, selectionFrom, type SelectionFact, type SelectionItem, type SelectionOptions } from './selection';
export { fingerprintsStep, fingerprintsOf, currentFinger, FINGER_ORDER, type FingerprintsFact, type FingerprintsOptions, type FingerPrint } from './fingerprints';
export { a4PrintStep, type A4PrintOptions, type PreparedDocument } from './a4-print';
export { receiptPrintStep, type ReceiptPrintOptions } from './receipt-print';
export { feeSlipStep, feeSlipRequest, type FeeSlipOptions } from './fee-slip';
export { formStep, formValues, type FormOptions } from './form';
export type { DateBound, FormFieldSpec } from './form/fields';
export { deliveryStep, deliveryChoice, type DeliveryChoice, type DeliveryOptions } from './delivery';
export { LIBRARY_OUTCOMES, outcomeKey, type LibraryOutcome } from './side-steps';
export { buildFlow, FlowPlanError, type BuiltFlow } from './build-machine';
export { factOf, initialContext, type FlowContext, type FlowInput, type PrintRecord } from './context';
export type { FlowKit, DocumentDesk, DocumentRequest, A4Outcome } from './kit';
export type { FlowPlan, Route, StepDefinition, StepView, StepWiring } from './step';
export { skippedWhen } from './skip';
export { issueCertificateDocument, certificateReceipt, type CertificateDocument } from './certificate';
export { abilityTestStep, abilityResult, MAX_REFUSED_ROUNDS, MAX_PRACTICE_RUNS, type AbilityTestOptions, type AbilityResult, type AbilityAttempt } from './ability-test';
export { roundQuestions, correctChoice, ROUND_SIZES } from './ability-questions';
export { markRound, subScore, totalScore, ABILITY_LIMITS, PASS_MARK, POINTS_PER_QUESTION, type Implausible, type SubScore } from './ability-score';
export type { ChipEndorsement, ChipPermitType, EndorsementDestination, EndorsementEntries, EndorsementWriterDesk, PermitOnWriter, WriterProblem, WrittenEndorsement } from './endorsement-writer';
export { permitOnWriterStep, permitOnWriter, PLACED, TO_COUNTER, type PermitOnWriterOptions, type WriterPromptKeys } from './permit-on-writer';
export { endorsementWriteStep, endorsementWritten, type EndorsementWriteOptions, type EndorsementWritten } from './endorsement-write';
export { proxyCallStep, phaseOf, mandateOf, agentSignatureOf, proxyPhaseOf, type ProxyCallOptions, type ProxyCallFact, type ProxyDesk, type ProxyHallUpdate, type ProxyHallEvent, type ProxyOpenRequest, type OpenRefusedReason, type AgentSignature } from './proxy-call';
export { passByMandate, passedByMandate, type PassedByMandate } from './mandate';
export { mandated, type FlowContinuation } from './context';
