/**
 * PoliceGateway over HTTP against docs/gateway-openapi.yaml. Each attempt
 * has a timeout; timeouts, network errors and 5xx answers are retried with
 * exponential backoff (every call is idempotent: reads, or keyed with an
 * Idempotency-Key header); every answer is validated with zod, and anything
 * else is a `badResponse` value. Nothing is thrown for expected failures.
 */
import type { z } from 'zod';
import { gatewayFailure, gatewayOk, type GatewayFailure, type GatewayResult, type PoliceGateway } from './police-gateway';
import {
  ErrorResponse,
  GATEWAY_PATHS,
  IDEMPOTENCY_HEADER,
  IssueDocumentNumberResponse,
  LookupPersonResponse,
  QueryCriminalRecordResponse,
  SubmitApplicationResponse,
  VerifyFaceResponse,
} from './wire-schemas';

export interface HttpGatewayOptions {
  baseUrl: string;
  /** Per attempt, ms (default 8000). */
  timeoutMs?: number;
  /** Extra attempts after the first on timeouts, network errors and 5xx (default 2). */
  retries?: number;
  /** Backoff before retry n is baseMs·2^(n-1), capped at maxMs (defaults 250 / 4000). */
  backoff?: { baseMs: number; maxMs: number };
  fetch?: typeof fetch;
  /** Told about each failed attempt (ids and kinds only, never bodies). */
  onAttemptFailed?: (info: { path: string; attempt: number; failure: GatewayFailure }) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const retryable = (failure: GatewayFailure) => failure.kind === 'timeout' || failure.kind === 'unavailable';

/** Creates the HTTP client. */
export function createHttpGateway(options: HttpGatewayOptions): PoliceGateway {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 8000;
  const retries = options.retries ?? 2;
  const backoff = options.backoff ?? { baseMs: 250, maxMs: 4000 };
  const doFetch = options.fetch ?? fetch;

  async function attempt<S extends z.ZodType>(path: string, body: unknown, schema: S, key?: string): Promise<GatewayResult<z.infer<S>>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (key) headers[IDEMPOTENCY_HEADER] = key;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return gatewayFailure(name === 'TimeoutError' || name === 'AbortError' ? { kind: 'timeout' } : { kind: 'unavailable' });
    }
    if (response.status === 504) return gatewayFailure({ kind: 'timeout' });
    if (response.status >= 500) return gatewayFailure({ kind: 'unavailable', status: response.status });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return gatewayFailure({ kind: 'badResponse', detail: `status ${response.status}: not JSON` });
    }
    if (response.status === 404 && ErrorResponse.safeParse(json).success) return gatewayFailure({ kind: 'notFound' });
    if (response.status !== 200 && response.status !== 201) return gatewayFailure({ kind: 'badResponse', detail: `status ${response.status}` });
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return gatewayFailure({ kind: 'badResponse', detail: `status ${response.status}: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid'}` });
    }
    return gatewayOk(parsed.data);
  }

  async function call<S extends z.ZodType>(path: string, body: unknown, schema: S, key?: string): Promise<GatewayResult<z.infer<S>>> {
    let result = await attempt(path, body, schema, key);
    for (let n = 1; n <= retries && !result.ok && retryable(result.error); n += 1) {
      options.onAttemptFailed?.({ path, attempt: n, failure: result.error });
      await sleep(Math.min(backoff.maxMs, backoff.baseMs * 2 ** (n - 1)));
      result = await attempt(path, body, schema, key);
    }
    if (!result.ok && retries > 0 && retryable(result.error)) options.onAttemptFailed?.({ path, attempt: retries + 1, failure: result.error });
    return result;
  }

  return {
    lookupPerson: (idNumber) => call(GATEWAY_PATHS.lookupPerson, { idNumber }, LookupPersonResponse),
    verifyFace: ({ idNumber, probe }) =>
      call(GATEWAY_PATHS.verifyFace, { idNumber, probeJpegBase64: Buffer.from(probe).toString('base64') }, VerifyFaceResponse),
    queryCriminalRecord: ({ idNumber, purpose, requestKey }) =>
      call(GATEWAY_PATHS.queryCriminalRecord, { idNumber, purpose }, QueryCriminalRecordResponse, requestKey),
    issueDocumentNumber: ({ type, kioskId, idempotencyKey }) => call(GATEWAY_PATHS.issueDocumentNumber, { type, kioskId }, IssueDocumentNumberResponse, idempotencyKey),
    submitApplication: ({ idempotencyKey, serviceId, kioskId, payload }) =>
      call(GATEWAY_PATHS.submitApplication, { serviceId, kioskId, payload }, SubmitApplicationResponse, idempotencyKey),
  };
}
