/**
 * The police back-end as the kiosk sees it: one small interface, two
 * implementations (the embedded sandbox and an HTTP client for a real
 * gateway, docs/gateway-openapi.yaml). Expected failures are values, never
 * thrown: a timeout, an unavailable back-end, a garbled answer, an unknown person.
 * Services add calls of their own as {@link BackendOperation}s, carried by `call`.
 */
import type { BackendOperation } from './operation';
import type { ApplicationAttachments } from './application-attachments';
import type { Result } from '../../../domain/result';

/** Expected failures of any gateway call. */
export type GatewayFailure =
  | { kind: 'timeout' }
  /** The back-end answered 5xx or could not be reached. */
  | { kind: 'unavailable'; status?: number }
  /** The answer did not match the contract (garbage, wrong shape). */
  | { kind: 'badResponse'; detail: string }
  | { kind: 'notFound' };

export type GatewayFailureKind = GatewayFailure['kind'];

/** A gateway answer: the value or an expected failure. */
export type GatewayResult<T> = Result<T, GatewayFailure>;

/** Who holds the number: a mainland resident, a Hong Kong/Macau/Taiwan resident, a foreigner. */
export type HolderKind = 'resident' | 'hmt' | 'foreigner';

/** 户籍地: where the person's household is registered. */
export interface RegisteredResidence {
  /** Two-digit GB/T 2260 province code, e.g. `41`. */
  provinceCode: string;
  /** e.g. 河南省. */
  province: string;
  /** e.g. 平顶山市. */
  city: string;
  /** e.g. 新华区; absent when the back-end does not say. */
  district?: string;
}

/** What identity lookup returns. */
export interface PersonRecord {
  /** Name as the population database holds it (a typed ID number has none). */
  name: string;
  holder: HolderKind;
  /** Null for people without a mainland 户籍 (foreigners, HMT residents). */
  registeredResidence: RegisteredResidence | null;
  /** Holds a valid 居住证 issued where this hall is, so a service may treat them as a local resident (absent: no). */
  residencePermitHere?: boolean;
}

/** Face comparison against the population database's photo. */
export interface FaceVerification {
  match: boolean;
  /** Similarity 0..1 as the back-end computed it. */
  score: number;
}

/** Why a certificate is requested (申请用途). */
export type CertificatePurpose = 'employment' | 'abroad' | 'settlement' | 'other';

/**
 * Criminal-record query outcome (DOMAIN.md §4):
 * - `noRecord`: the certificate may be issued;
 * - `sealedJuvenile`: a sealed juvenile record, which still gets the certificate;
 * - `record`: 不予出具 notice, handled at the counter;
 * - `needsReview`: the back-end cannot decide (namesakes, incomplete data): counter.
 */
export type CriminalRecordResult = 'noRecord' | 'record' | 'sealedJuvenile' | 'needsReview';

export interface CriminalRecordAnswer {
  result: CriminalRecordResult;
  /** 查询截止日期 `YYYY-MM-DD`. */
  queryDate: string;
  /** The office the certificate is issued in the name of. */
  issuingOffice: string;
  /** Verification code for the paper certificate, when the province issues one. */
  verifyCode?: string;
  /** What the certificate's QR code holds. */
  verifyUrl?: string;
}

export interface CriminalRecordQuery {
  idNumber: string;
  purpose: CertificatePurpose;
  /** Same key → same answer (retries are safe). */
  requestKey: string;
}

/** Kinds of documents the back-end numbers. */
export type BackendDocumentType = 'noCriminalRecord' | 'nonIssuanceNotice';

export interface DocumentNumberRequest {
  type: BackendDocumentType;
  kioskId: string;
  /** Same key → same number; distinct keys never share a number. */
  idempotencyKey: string;
}

/** What the kiosk submits to the back-end (through the outbox). */
export interface ApplicationSubmission {
  idempotencyKey: string;
  serviceId: string;
  kioskId: string;
  /** Free JSON payload the service defines (decrypted from the outbox). */
  payload: Record<string, unknown>;
  /** What the kiosk captured for it (photo, prints, signature, papers), each with its SHA-256; absent when the flow captured none. */
  attachments?: ApplicationAttachments;
}

/**
 * Why the back-end refused an application for good (HTTP 422): sending it
 * again cannot change the answer. `notEligible`: the person may not apply
 * for this; `incomplete`: something the back-end needs is missing;
 * `duplicateApplication`: the person already has one in progress;
 * `attachmentInvalid`: an attachment does not match its SHA-256 or is not
 * what it says it is (a JPEG of the spec's size, a PDF, a template).
 */
export const APPLICATION_REJECTIONS = ['notEligible', 'incomplete', 'duplicateApplication', 'attachmentInvalid'] as const;
export type ApplicationRejection = (typeof APPLICATION_REJECTIONS)[number];

/** A submission's failures: any call's, or the back-end's definitive refusal. */
export type SubmissionFailure = GatewayFailure | { kind: 'rejected'; reason: ApplicationRejection; detail?: string };

export interface SubmissionReceipt {
  /** The back-end's acceptance number. */
  receiptNumber: string;
  /** True when the key had already been accepted (a retry after a crash or lost answer). */
  duplicate: boolean;
}

/**
 * 证件类型 of a certificate's holder as the back-end names it: a code
 * (docs/gateway-openapi.yaml), never the Chinese name the certificate prints.
 */
export type HolderDocumentType = 'residentIdCard' | 'hmtResidencePermit' | 'foreignerPermanentResidenceCard';

/**
 * The holder's document type: from the card that was read, or, for a typed
 * number, from its shape (a 2023 foreigner card number starts with 9, a
 * 2017 one is three letters and twelve digits; 港澳台居民居住证 numbers start
 * 810000, 820000 or 830000).
 */
export function holderDocumentType(identity: { cardType: HolderKind | null; idNumber: string }): HolderDocumentType {
  const kind = identity.cardType ?? (/^9\d{16}[\dX]$|^[A-Z]{3}\d{12}$/i.test(identity.idNumber) ? 'foreigner' : /^8[123]0000/.test(identity.idNumber) ? 'hmt' : 'resident');
  switch (kind) {
    case 'resident':
      return 'residentIdCard';
    case 'hmt':
      return 'hmtResidencePermit';
    case 'foreigner':
      return 'foreignerPermanentResidenceCard';
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/** A certificate the back-end issues and seals (e.g. a 无犯罪记录证明). */
export interface CertificateIssueRequest {
  /** e.g. `noCriminalRecord`. */
  type: string;
  kioskId: string;
  /** Same key → same certificate (number, code and seal). */
  idempotencyKey: string;
  /** `idDocumentType`: a {@link HolderDocumentType} (the wire checks `[A-Za-z0-9_-]{1,32}`). */
  holder: { name: string; idNumber: string; idDocumentType: string };
  /** What the certificate states, e.g. `{ queryDate, purpose }`; all of it is sealed. */
  facts: Record<string, string>;
}

/** 电子印章: the seal image to print and the signature that makes it checkable. */
export interface ElectronicSeal {
  imagePng: Uint8Array;
  /** Which of the back-end's keys signed (its public key: `GET /v1/seal-key`). */
  keyId: string;
  algorithm: 'Ed25519';
  /** base64 */
  signature: string;
  /** The canonical text that was signed (number, type, holder name and ID number, office, issue date, verify code, facts): electronic-seal.ts. */
  signedText: string;
}

export interface IssuedCertificate {
  /** 编号: the number the back-end issued, printed on the certificate and checked by a receiving employer. */
  number: string;
  verifyCode: string;
  /** What the certificate's QR code holds: the back-end's verification page for `verifyCode`. */
  verifyUrl: string;
  issuingOffice: string;
  /** `YYYY-MM-DD` in the back-end's calendar. */
  issueDate: string;
  seal: ElectronicSeal;
}

/** The police back-end. Every method resolves; none throws on expected failures. */
export interface PoliceGateway {
  /** Identity lookup by ID number: 户籍地 and holder kind. */
  lookupPerson(idNumber: string): Promise<GatewayResult<PersonRecord>>;
  /** Compares a live face image (JPEG) with the database photo. */
  verifyFace(request: { idNumber: string; probe: Uint8Array }): Promise<GatewayResult<FaceVerification>>;
  queryCriminalRecord(query: CriminalRecordQuery): Promise<GatewayResult<CriminalRecordAnswer>>;
  /** A document number from the back-end's sequence, never duplicated. */
  issueDocumentNumber(request: DocumentNumberRequest): Promise<GatewayResult<{ number: string }>>;
  /**
   * Issues and seals a certificate: the back-end numbers it, gives it a verification code and
   * signs what it states. Same idempotency key → the same certificate. An unknown holder is `notFound`.
   */
  issueCertificate(request: CertificateIssueRequest): Promise<GatewayResult<IssuedCertificate>>;
  /** Submits an application; deduplicated by its idempotency key. A refusal for good is `rejected` with its reason. */
  submitApplication(submission: ApplicationSubmission): Promise<Result<SubmissionReceipt, SubmissionFailure>>;
  /**
   * A service's own back-end operation: the request is checked against `operation.request`
   * (an invalid one is `badResponse`, as the server's 400 is) and the answer against
   * `operation.response` (a mismatch is `badResponse`); an unknown operation is `notFound`.
   */
  call<Req, Res>(operation: BackendOperation<Req, Res>, request: Req): Promise<GatewayResult<Res>>;
}

/** Builds a failure value. */
export function gatewayFailure<T = never>(error: GatewayFailure): GatewayResult<T> {
  return { ok: false, error };
}

/** Builds a success value. */
export function gatewayOk<T>(value: T): GatewayResult<T> {
  return { ok: true, value };
}
