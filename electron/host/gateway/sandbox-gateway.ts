/**
 * The embedded sandbox back-end: synthetic people, deterministic answers,
 * realistic latency. It dedupes submissions and document numbers by
 * idempotency key exactly as the real gateway must (within a window of the
 * newest keys), and counts deliveries so tests can prove "exactly once".
 * It issues certificates sealed with a key pair of its own (sandbox-certificates.ts).
 */
import { createHash } from 'node:crypto';
import {
  gatewayFailure,
  gatewayOk,
  type ApplicationSubmission,
  type CriminalRecordAnswer,
  type GatewayResult,
  type PoliceGateway,
  type SubmissionFailure,
  type SubmissionReceipt,
} from './police-gateway';
import type { Result } from '../../../domain/result';
import { setBounded } from './bounded-map';
import { attachmentProblem } from './sandbox-attachments';
import type { ApplicationAttachments } from './application-attachments';
import { firstIssue, type BackendOperation, type SandboxWorld } from './operation';
import { answerOperation, checkOperationAnswer } from './sandbox-operations';
import { createSandboxCertificateOffice, type SandboxCertificateRegister } from './sandbox-certificates';
import { IdempotencyKey, IssueCertificateRequest } from './wire-schemas';
import type { SandboxCitizen, SandboxData } from './sandbox-data';
import type { FaceMatcher } from '../../../face-analysis/matcher';
import { zonedFields, zonedIsoDate } from '../../../domain/calendar-date';

/**
 * How the sandbox compares faces: the face module's matcher, and the
 * reference photo resources/faces/<faceRef>.jpg standing in for the
 * population database's photo.
 */
export interface SandboxFaceMatcher {
  matcher: FaceMatcher;
  reference(faceRef: string): Promise<Uint8Array | undefined>;
}

/** A per-type, per-year counter (document types and certificate types share it); the journal's allocator fits. */
export interface SequenceSource {
  next(type: string, year: number): number;
}

export interface SandboxOptions {
  data: SandboxData;
  /**
   * Where the sandbox's certificate verification page is served (`npm run sandbox-gateway`):
   * certificates carry `<verifyBaseUrl>/verify/<code>`. A function when known only once listening.
   * Default http://127.0.0.1:8742.
   */
  verifyBaseUrl?: string | (() => string);
  /** The seal image (PNG) the sandbox seals with; default resources/seal/placeholder-seal.png. */
  sealImagePath?: string;
  /** Simulated latency per call, in ms; default 200–600; `{0,0}` in tests. */
  latency?: { minMs: number; maxMs: number };
  faceMatcher?: SandboxFaceMatcher;
  /** Similarity at or above which faces match (default 0.6). */
  faceThreshold?: number;
  sequences?: SequenceSource;
  now?: () => Date;
  /** The zone of the back-end's calendar (query dates, number years); default Asia/Shanghai. */
  timeZone?: string;
  /**
   * Idempotency keys remembered per kind (queries, document numbers,
   * submissions, their counts); the oldest are forgotten beyond it, as a real
   * back-end's window would. Default 1000.
   */
  idempotencyWindow?: number;
  /**
   * Accepted payloads kept for {@link SandboxGateway.acceptedPayload} (they
   * hold the citizen's data, in the kiosk's own memory when it runs the
   * sandbox); only the newest are kept. Default 10.
   */
  keepPayloads?: number;
}

/** What the sandbox has accepted, for tests and the HTTP server's stats page. */
export interface SandboxStats {
  /** Accepted (processed) submissions per idempotency key: must stay 1. */
  accepted: Record<string, number>;
  /** Submission attempts per key, duplicates included. */
  attempts: Record<string, number>;
}

export interface SandboxGateway extends PoliceGateway {
  /**
   * Simulation only: makes `jpeg` this person's reference photo until the
   * host stops (memory only), so a tester at a real camera can be "the right
   * face" for a sample card. False when the sandbox has no such person.
   */
  enrolReference(idNumber: string, jpeg: Uint8Array): boolean;
  /** Forgets every enrolled reference photo. */
  clearEnrolments(): void;
  stats(): SandboxStats;
  /** The payload accepted under `key`, among the newest `keepPayloads` (tests). */
  acceptedPayload(key: string): Record<string, unknown> | undefined;
  /** The attachments accepted with it (checked), kept as the payload is (tests). */
  acceptedAttachments(key: string): ApplicationAttachments | undefined;
  /**
   * A service operation's sandbox answer after the request check, before the answer check:
   * the HTTP server sends it as it is, so the client meets a broken answer as from a real back-end.
   */
  answerOperation<Req, Res>(operation: BackendOperation<Req, Res>, request: unknown): Promise<GatewayResult<unknown>>;
  /** The certificates it issued (masked, for the verification page) and its seal key. */
  readonly certificates: SandboxCertificateRegister;
}

/** Number prefixes by document or certificate type; any other certificate type is a 证明 (ZM). */
const DOC_PREFIX: Readonly<Record<string, string>> = { noCriminalRecord: 'WFZ', nonIssuanceNotice: 'BYCJ' };
const prefixOf = (type: string): string => (Object.hasOwn(DOC_PREFIX, type) && DOC_PREFIX[type]) || 'ZM';

/** The port `npm run sandbox-gateway` listens on unless told otherwise. */
export const SANDBOX_SERVER_DEFAULT_PORT = 8742;
/** Where that server serves the certificate verification page by default. */
export const DEFAULT_SANDBOX_VERIFY_BASE_URL = `http://127.0.0.1:${SANDBOX_SERVER_DEFAULT_PORT}`;

function hashInt(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}


/** An in-memory sequence (restarts at 1: persistent deployments pass the journal's). */
export function createMemorySequences(): SequenceSource {
  const last = new Map<string, number>();
  return {
    next(type, year) {
      const key = `${type}:${year}`;
      const value = (last.get(key) ?? 0) + 1;
      last.set(key, value);
      return value;
    },
  };
}

/** Creates the sandbox gateway over its data. */
export function createSandboxGateway(options: SandboxOptions): SandboxGateway {
  const { data } = options;
  const latency = options.latency ?? { minMs: 200, maxMs: 600 };
  const now = options.now ?? (() => new Date());
  const sequences = options.sequences ?? createMemorySequences();
  const threshold = options.faceThreshold ?? 0.6;
  const window = options.idempotencyWindow ?? 1000;
  const keepPayloads = options.keepPayloads ?? 10;
  const queries = new Map<string, CriminalRecordAnswer>();
  const numbers = new Map<string, string>();
  const receipts = new Map<string, string>();
  const payloads = new Map<string, Record<string, unknown>>();
  const attachments = new Map<string, ApplicationAttachments>();
  const accepted = new Map<string, number>();
  const attempts = new Map<string, number>();
  let receiptCount = 0;
  let calls = 0;
  const office = createSandboxCertificateOffice({
    issuingOffice: data.issuingOffice,
    verifyBaseUrl: options.verifyBaseUrl ?? DEFAULT_SANDBOX_VERIFY_BASE_URL,
    ...(options.sealImagePath ? { sealImagePath: options.sealImagePath } : {}),
    window,
  });
  /** The next number of a type: `WFZ2026-HB-KIOSK-01-000042`. */
  const nextNumber = (type: string, kioskId: string) => {
    const year = zonedFields(now(), options.timeZone).year;
    return `${prefixOf(type)}${year}-${kioskId}-${String(sequences.next(type, year)).padStart(6, '0')}`;
  };

  const wait = async (seed: string) => {
    calls += 1;
    const span = Math.max(0, latency.maxMs - latency.minMs);
    const ms = latency.minMs + (span === 0 ? 0 : hashInt(`${seed}:${calls}`) % (span + 1));
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  };
  const find = (idNumber: string): SandboxCitizen | undefined => {
    const key = idNumber.toUpperCase();
    // Own keys only: an operation may pass any string, and no inherited name is a person.
    return Object.hasOwn(data.citizens, key) ? data.citizens[key] : undefined;
  };
  /** Reference photos a tester enrolled through the dock (memory only). */
  const enrolments = new Map<string, Uint8Array>();
  const world: SandboxWorld = {
    // A copy: an operation reads the sandbox's people, it never changes them.
    citizen: (idNumber) => {
      const citizen = find(idNumber);
      return citizen ? structuredClone(citizen) : undefined;
    },
    now,
    today: () => zonedIsoDate(now(), options.timeZone),
    issuingOffice: data.issuingOffice,
  };
  const operationAnswer = async <Req, Res>(operation: BackendOperation<Req, Res>, request: unknown) => {
    await wait(`op:${operation.name}`);
    return answerOperation(operation, request, world);
  };

  return {
    async lookupPerson(idNumber) {
      await wait('lookup');
      const citizen = find(idNumber);
      if (!citizen) return gatewayFailure({ kind: 'notFound' });
      return gatewayOk({ name: citizen.name, holder: citizen.holder, registeredResidence: citizen.registeredResidence, ...(citizen.residencePermitHere ? { residencePermitHere: true } : {}) });
    },

    async verifyFace({ idNumber, probe }) {
      await wait('face');
      const citizen = find(idNumber);
      if (!citizen) return gatewayFailure({ kind: 'notFound' });
      if (options.faceMatcher) {
        // A real comparison needs a photo on file (an enrolled one first); without one it is "no reference photo".
        const enrolled = enrolments.get(idNumber.toUpperCase());
        if (!enrolled && !citizen.faceRef) return gatewayFailure({ kind: 'notFound' });
        const reference = enrolled ?? (citizen.faceRef ? await options.faceMatcher.reference(citizen.faceRef) : undefined);
        if (!reference) return gatewayFailure({ kind: 'notFound' });
        const compared = await options.faceMatcher.matcher.compare(reference, probe);
        if (!compared.ok) return gatewayOk({ match: false, score: 0 });
        const score = Math.max(0, Math.min(1, compared.value.similarity));
        return gatewayOk({ match: score >= threshold, score });
      }
      return gatewayOk(citizen.face === 'match' ? { match: true, score: 0.93 } : { match: false, score: 0.12 });
    },

    async queryCriminalRecord({ idNumber, requestKey }): Promise<GatewayResult<CriminalRecordAnswer>> {
      await wait('query');
      const citizen = find(idNumber);
      if (!citizen) return gatewayFailure({ kind: 'notFound' });
      const simulated = citizen.simulate?.query;
      if (simulated === 'timeout') return gatewayFailure({ kind: 'timeout' });
      if (simulated === 'unavailable') return gatewayFailure({ kind: 'unavailable', status: 503 });
      const known = queries.get(requestKey);
      if (known) return gatewayOk(known);
      const issuable = citizen.criminalRecord === 'noRecord' || citizen.criminalRecord === 'sealedJuvenile';
      const code = issuable ? createHash('sha256').update(`verify:${requestKey}`).digest('hex').slice(0, 12).toUpperCase() : undefined;
      const answer: CriminalRecordAnswer = {
        result: citizen.criminalRecord,
        queryDate: zonedIsoDate(now(), options.timeZone),
        issuingOffice: data.issuingOffice,
        ...(code ? { verifyCode: code, verifyUrl: `${data.verifyUrlBase}${code}` } : {}),
      };
      setBounded(queries, requestKey, answer, window);
      return gatewayOk(answer);
    },

    async issueDocumentNumber({ type, kioskId, idempotencyKey }) {
      await wait('number');
      const known = numbers.get(idempotencyKey);
      if (known) return gatewayOk({ number: known });
      const number = nextNumber(type, kioskId);
      setBounded(numbers, idempotencyKey, number, window);
      return gatewayOk({ number });
    },

    async issueCertificate(request) {
      await wait('certificate');
      // Checked as the HTTP server checks it: the embedded sandbox accepts no more than a real back-end.
      const { idempotencyKey, ...body } = request;
      const valid = IssueCertificateRequest.safeParse(body);
      if (!valid.success) return gatewayFailure({ kind: 'badResponse', detail: `invalid request: ${firstIssue(valid.error)}` });
      if (!IdempotencyKey.safeParse(idempotencyKey).success) return gatewayFailure({ kind: 'badResponse', detail: 'invalid request: idempotency key' });
      if (!find(request.holder.idNumber)) return gatewayFailure({ kind: 'notFound' });
      const certificate = office.issue(request, () => ({ number: nextNumber(request.type, request.kioskId), issueDate: zonedIsoDate(now(), options.timeZone) }));
      // Without its seal image the back-end cannot seal: a fault of the back-end, not of the request.
      return certificate ? gatewayOk(certificate) : gatewayFailure({ kind: 'unavailable' });
    },

    async submitApplication(submission: ApplicationSubmission): Promise<Result<SubmissionReceipt, SubmissionFailure>> {
      await wait('submit');
      const key = submission.idempotencyKey;
      setBounded(attempts, key, (attempts.get(key) ?? 0) + 1, window);
      // A person the sandbox data marks: the back-end refuses their applications for good.
      const applicant = typeof submission.payload.idNumber === 'string' ? find(submission.payload.idNumber) : undefined;
      const rejection = applicant?.simulate?.application;
      if (rejection) return { ok: false, error: { kind: 'rejected', reason: rejection } };
      // Every attachment is checked before anything is accepted: a mismatch is refused for good, never taken silently.
      const problem = await attachmentProblem(submission.attachments);
      if (problem) return { ok: false, error: { kind: 'rejected', reason: 'attachmentInvalid', detail: problem } };
      const known = receipts.get(key);
      if (known) return gatewayOk({ receiptNumber: known, duplicate: true });
      receiptCount += 1;
      const receipt = `SB${String(receiptCount).padStart(8, '0')}`;
      setBounded(receipts, key, receipt, window);
      setBounded(payloads, key, submission.payload, keepPayloads);
      if (submission.attachments) setBounded(attachments, key, submission.attachments, keepPayloads);
      setBounded(accepted, key, (accepted.get(key) ?? 0) + 1, window);
      return gatewayOk({ receiptNumber: receipt, duplicate: false });
    },

    call: async (operation, request) => checkOperationAnswer(operation, await operationAnswer(operation, request)),
    answerOperation: operationAnswer,

    enrolReference(idNumber, jpeg) {
      if (!find(idNumber)) return false;
      enrolments.set(idNumber.toUpperCase(), new Uint8Array(jpeg));
      return true;
    },
    clearEnrolments: () => enrolments.clear(),

    certificates: { check: (code) => office.check(code), sealKey: () => office.sealKey() },
    stats: () => ({ accepted: Object.fromEntries(accepted), attempts: Object.fromEntries(attempts) }),
    acceptedPayload: (key) => payloads.get(key),
    acceptedAttachments: (key) => attachments.get(key),
  };
}
