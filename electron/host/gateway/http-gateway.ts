/**
 * PoliceGateway over HTTP against docs/gateway-openapi.yaml. Each attempt
 * has a timeout; timeouts, network errors and 5xx answers are retried with
 * exponential backoff (every call is idempotent: reads, or keyed with an
 * Idempotency-Key header); every answer is validated with zod, and anything
 * else is a `badResponse` value. The transport is a {@link Link}: mutual TLS
 * for any real back-end, which refuses untrusted servers, redirects and
 * oversized answers; a call that ends in such a refusal is reported to the
 * link watcher (a staff alert). Nothing is thrown for expected failures.
 * A service's own operations go to `/v1/ops/<name>` the same way.
 */
import type { z } from 'zod';
import type { Link, LinkOutcome, LinkRefusal } from './link';
import { OPERATION_NAME, operationPath } from './operation';
import { gatewayFailure, gatewayOk, type GatewayFailure, type GatewayResult, type IssuedCertificate, type PoliceGateway } from './police-gateway';
import {
  ApplicationRejectedResponse,
  ErrorResponse,
  GATEWAY_PATHS,
  IDEMPOTENCY_HEADER,
  IssueCertificateResponse,
  IssueDocumentNumberResponse,
  LookupPersonResponse,
  QueryCriminalRecordResponse,
  SubmitApplicationResponse,
  VerifyFaceResponse,
} from './wire-schemas';

/** Who hears about the link's health (the staff alerts). */
export interface LinkWatcher {
  /** A call ended because the link was refused (after its retries, if any). */
  backendLinkRefused(reason: LinkRefusal): void;
  /** An answer came over the link. */
  backendLinkRestored(): void;
}

export interface HttpGatewayOptions {
  baseUrl: string;
  /** How requests travel: `createTlsLink` for a real back-end; `createPlainSandboxLink` only for the sandbox server in tests. */
  link: Link;
  linkWatcher?: LinkWatcher;
  /** Per attempt, ms (default 8000). */
  timeoutMs?: number;
  /** Extra attempts after the first on timeouts, network errors and 5xx (default 2). */
  retries?: number;
  /** Backoff before retry n is baseMs·2^(n-1), capped at maxMs (defaults 250 / 4000). */
  backoff?: { baseMs: number; maxMs: number };
  /** Told about each failed attempt (ids and kinds only, never bodies). */
  onAttemptFailed?: (info: { path: string; attempt: number; failure: GatewayFailure }) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const retryable = (failure: GatewayFailure) => failure.kind === 'timeout' || failure.kind === 'unavailable';

/** One attempt's result, with the refusal of the link when there was one. */
interface Attempt<T> {
  result: GatewayResult<T>;
  refusal?: LinkRefusal;
}

/** A refused link as the caller sees it: TLS refusals are an unavailable back-end; redirects and floods a bad answer. */
function refusalFailure(reason: LinkRefusal, status: number | undefined): GatewayFailure {
  switch (reason) {
    case 'redirect':
      return { kind: 'badResponse', detail: `status ${status ?? 0}: redirect refused` };
    case 'responseTooLarge':
      return { kind: 'badResponse', detail: 'answer too large' };
    case 'serverUntrusted':
    case 'serverNameMismatch':
    case 'pinMismatch':
    case 'clientCertRejected':
    case 'handshakeFailed':
      return { kind: 'unavailable' };
    default: {
      const never: never = reason;
      return { kind: 'badResponse', detail: String(never) };
    }
  }
}

/** Only `handshakeFailed` may be a dropped connection rather than a refusal, so it alone is tried again. */
const retryableRefusal = (reason: LinkRefusal | undefined) => reason === undefined || reason === 'handshakeFailed';

/** An attempt's outcome as a gateway result. */
function outcomeResult<S extends z.ZodType>(outcome: LinkOutcome, schema: S): Attempt<z.infer<S>> {
  switch (outcome.kind) {
    case 'timeout':
      return { result: gatewayFailure({ kind: 'timeout' }) };
    case 'unreachable':
      return { result: gatewayFailure({ kind: 'unavailable' }) };
    case 'refused':
      return { result: gatewayFailure(refusalFailure(outcome.reason, outcome.status)), refusal: outcome.reason };
    case 'answer':
      return { result: answerResult(outcome.status, outcome.text, schema) };
    default: {
      const never: never = outcome;
      return { result: gatewayFailure({ kind: 'badResponse', detail: String(never) }) };
    }
  }
}

/** A back-end answer: status mapping, JSON, then the contract's schema. */
function answerResult<S extends z.ZodType>(status: number, text: string, schema: S): GatewayResult<z.infer<S>> {
  if (status === 504) return gatewayFailure({ kind: 'timeout' });
  if (status >= 500) return gatewayFailure({ kind: 'unavailable', status });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return gatewayFailure({ kind: 'badResponse', detail: `status ${status}: not JSON` });
  }
  if (status === 404 && ErrorResponse.safeParse(json).success) return gatewayFailure({ kind: 'notFound' });
  // A 422 that refuses an application for good is an answer (only submitApplication's schema describes it); any other is not.
  const refusal = status === 422 && ApplicationRejectedResponse.safeParse(json).success;
  if (status !== 200 && status !== 201 && !refusal) return gatewayFailure({ kind: 'badResponse', detail: `status ${status}` });
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return gatewayFailure({ kind: 'badResponse', detail: `status ${status}: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid'}` });
  }
  return gatewayOk(parsed.data);
}

/** Creates the HTTP client. */
export function createHttpGateway(options: HttpGatewayOptions): PoliceGateway {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 8000;
  const retries = options.retries ?? 2;
  const backoff = options.backoff ?? { baseMs: 250, maxMs: 4000 };

  async function attempt<S extends z.ZodType>(path: string, body: unknown, schema: S, key?: string): Promise<Attempt<z.infer<S>>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (key) headers[IDEMPOTENCY_HEADER] = key;
    const outcome = await options.link({ url: new URL(`${base}${path}`), headers, body: JSON.stringify(body), timeoutMs });
    if (outcome.kind === 'answer') options.linkWatcher?.backendLinkRestored();
    return outcomeResult(outcome, schema);
  }

  async function post<S extends z.ZodType>(path: string, body: unknown, schema: S, key?: string): Promise<GatewayResult<z.infer<S>>> {
    let { result, refusal } = await attempt(path, body, schema, key);
    for (let n = 1; n <= retries && !result.ok && retryable(result.error) && retryableRefusal(refusal); n += 1) {
      options.onAttemptFailed?.({ path, attempt: n, failure: result.error });
      await sleep(Math.min(backoff.maxMs, backoff.baseMs * 2 ** (n - 1)));
      ({ result, refusal } = await attempt(path, body, schema, key));
    }
    if (!result.ok && retries > 0 && retryable(result.error) && retryableRefusal(refusal)) options.onAttemptFailed?.({ path, attempt: retries + 1, failure: result.error });
    if (refusal) options.linkWatcher?.backendLinkRefused(refusal);
    return result;
  }

  return {
    lookupPerson: (idNumber) => post(GATEWAY_PATHS.lookupPerson, { idNumber }, LookupPersonResponse),
    verifyFace: ({ idNumber, probe }) =>
      post(GATEWAY_PATHS.verifyFace, { idNumber, probeJpegBase64: Buffer.from(probe).toString('base64') }, VerifyFaceResponse),
    queryCriminalRecord: ({ idNumber, purpose, requestKey }) =>
      post(GATEWAY_PATHS.queryCriminalRecord, { idNumber, purpose }, QueryCriminalRecordResponse, requestKey),
    issueDocumentNumber: ({ type, kioskId, idempotencyKey }) => post(GATEWAY_PATHS.issueDocumentNumber, { type, kioskId }, IssueDocumentNumberResponse, idempotencyKey),
    submitApplication: async ({ idempotencyKey, serviceId, kioskId, payload, attachments }) => {
      const body = { serviceId, kioskId, payload, ...(attachments ? { attachments } : {}) };
      const answer = await post(GATEWAY_PATHS.submitApplication, body, SubmitApplicationResponse.or(ApplicationRejectedResponse), idempotencyKey);
      if (!answer.ok) return answer;
      if (!('error' in answer.value)) return gatewayOk(answer.value);
      const { reason, detail } = answer.value;
      return { ok: false, error: { kind: 'rejected', reason, ...(detail ? { detail } : {}) } };
    },
    issueCertificate: async ({ idempotencyKey, type, kioskId, holder, facts }) => {
      const issued = await post(GATEWAY_PATHS.issueCertificate, { type, kioskId, holder, facts }, IssueCertificateResponse, idempotencyKey);
      if (!issued.ok) return issued;
      const { imagePngBase64, ...seal } = issued.value.seal;
      return gatewayOk<IssuedCertificate>({ ...issued.value, seal: { ...seal, imagePng: imagePngBase64 } });
    },
    // The name becomes a path segment: anything but kebab-case is never sent.
    call: (operation, request) =>
      OPERATION_NAME.test(operation.name)
        ? post(operationPath(operation.name), request, operation.response)
        : Promise.resolve(gatewayFailure({ kind: 'badResponse', detail: 'operation name is not kebab-case' })),
  };
}
