/**
 * Events a flow machine receives: the citizen's (validated against the
 * contract's FlowEvent) and the host's own, which the renderer cannot send:
 * the session's identity (or its change after identify), the face
 * module's verdict and the photo module's takes and accepted choice.
 */
import type { FaceCheckOutcome, FingerCode, FlowEvent, Identity, PhotoSpecId } from '../../contract';
import type { ProxyHallEvent } from './library/proxy-call';

/** Sent by the host when the session's identity is set or changes at identify (card read, number typed). */
export interface IdentityEvent {
  type: 'IDENTITY';
  identity: Identity | null;
}

/**
 * Sent by the host when another identity (a card placed, a number typed)
 * arrives after the run's identity was fixed at identify: the run ends.
 */
export interface IdentityChangedEvent {
  type: 'IDENTITY_CHANGED';
}

/** Sent by the host's face module; never accepted from the renderer. */
export interface FaceResultEvent {
  type: 'FACE_RESULT';
  outcome: FaceCheckOutcome;
  /** Tries the face module still allows; 0 sends the citizen to a counter. */
  attemptsLeft: number;
}

/** Sent by the host's photo module when a photo of `spec` was made and checked (`photo.check`). */
export interface PhotoTakenEvent {
  type: 'PHOTO_TAKEN';
  spec: PhotoSpecId;
}

/**
 * Sent by the host's photo module when the citizen chose a candidate the
 * host checked and accepted (`photo.choose`); never accepted from the
 * renderer. The bytes stay in the session's data; the flow keeps their hash.
 */
export interface PhotoAcceptedEvent {
  type: 'PHOTO_ACCEPTED';
  spec: PhotoSpecId;
  candidateId: string;
  /** SHA-256 of the chosen photo's JPEG bytes, lower-case hex. */
  sha256: string;
}

/**
 * Sent by the document module (`document.submit`) when it checked and kept a
 * page of `paper` for the document capture step `stepId`; never accepted
 * from the renderer. The bytes stay in the session's data.
 */
export interface PageAcceptedEvent {
  type: 'PAGE_ACCEPTED';
  stepId: string;
  paper: string;
  pageId: string;
  /** SHA-256 of the kept page's JPEG bytes, lower-case hex. */
  sha256: string;
}

/** Sent by the document module when the citizen deleted a kept page (`document.deletePage`). */
export interface PageDeletedEvent {
  type: 'PAGE_DELETED';
  stepId: string;
  paper: string;
  pageId: string;
}

/**
 * Sent by the host when the kiosk's code scanner read a code while a payment
 * step waits: the citizen's 付款码 (the step checks its form and charges it).
 * The payment step's own watcher sends PAYMENT_CONFIRMED when the payment
 * service signs that its order is paid; neither comes from the renderer.
 */
export interface PaymentCodeEvent {
  type: 'PAYMENT_CODE';
  authCode: string;
}

/**
 * Sent by the host when the kiosk's code scanner read a code while a form
 * step that takes scans is current (`formStep({ scanField })`): e.g. the
 * 受理编号 printed as a barcode on a receipt. Never from the renderer.
 */
export interface CodeScannedEvent {
  type: 'CODE_SCANNED';
  text: string;
}

/**
 * Sent by the host's fingerprint capture (fingerprint-to-flow.ts) about the
 * capture numbered `capture` of the current fingerprint step; never
 * accepted from the renderer. A print's template stays in the session's
 * data; the flow keeps its hash.
 */
export type FingerprintEvent =
  | { type: 'FINGERPRINT_PROGRESS'; capture: number; quality: number | null }
  | { type: 'FINGERPRINT_CAPTURED'; capture: number; finger: FingerCode; quality: number; templateSha256: string }
  | { type: 'FINGERPRINT_FAILED'; capture: number; reason: 'timeout' | 'noDevice' | 'deviceError' }
  /** The 1:1 comparison with the card's prints (compareWithCard): the verdict and score only. */
  | {
      type: 'FINGERPRINT_COMPARED';
      capture: number;
      outcome: 'match' | 'noMatch' | 'skipped' | 'unavailable';
      score?: number;
      reason?: 'noCard' | 'noCardPrints' | 'cardPrintsUnreadable';
    };

export type HostFlowEvent = IdentityEvent | IdentityChangedEvent | FaceResultEvent | PhotoTakenEvent | PhotoAcceptedEvent | PageAcceptedEvent | PageDeletedEvent | PaymentCodeEvent | CodeScannedEvent | FingerprintEvent | ProxyHallEvent;

/** Everything a flow machine can receive. */
export type FlowMachineEvent = FlowEvent | HostFlowEvent;
