/**
 * A back-end operation a service declares in its own folder (issue 13: a
 * service is one folder): its name, the zod schemas of its request and
 * answer, and what the sandbox answers. The gateway carries it without
 * knowing it: the embedded sandbox runs `sandbox`, the HTTP client POSTs the
 * request to `/v1/ops/<name>` and checks the answer against `response`, and
 * `npm run sandbox-gateway` serves it. No shared code changes per service.
 */
import type { z } from 'zod';
import type { GatewayResult } from './police-gateway';
import type { SandboxCitizen } from './sandbox-data';

/**
 * What the sandbox back-end knows, read-only, for an operation's sandbox
 * answer. Its people are fictional (resources/sandbox/citizens.json).
 */
export interface SandboxWorld {
  /** The person with this ID number (any letter case), or undefined. */
  citizen(idNumber: string): SandboxCitizen | undefined;
  /** The back-end's clock. */
  now(): Date;
  /** Today in the back-end's calendar zone, `YYYY-MM-DD`. */
  today(): string;
  /** The office the sandbox issues documents in the name of. */
  readonly issuingOffice: string;
}

export interface BackendOperation<Req, Res> {
  /** kebab-case, unique: the HTTP path is POST /v1/ops/<name>. */
  readonly name: string;
  readonly request: z.ZodType<Req>;
  readonly response: z.ZodType<Res>;
  /**
   * The sandbox's answer (the embedded back-end and `npm run sandbox-gateway`); notFound etc. as
   * values. The HTTP client retries timeouts and 5xx, so an operation must be a read or carry its
   * own idempotency key in its request.
   */
  sandbox(request: Req, world: SandboxWorld): GatewayResult<Res> | Promise<GatewayResult<Res>>;
}

/** What a name must look like: it becomes a URL path segment. */
export const OPERATION_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The operation's path relative to the gateway's base URL. */
export function operationPath(name: string): string {
  return `/v1/ops/${name}`;
}

/** The first zod issue as one short line (field path and message, never the value). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid';
}

/**
 * A service's sandbox table (its sandbox.json), checked against `schema` on
 * first use rather than at import: a broken file makes that operation answer
 * `badResponse` (as a real back-end's bad answer would) instead of stopping
 * the whole host at start.
 */
export function sandboxTable<T>(schema: z.ZodType<T>, raw: unknown): () => GatewayResult<T> {
  let parsed: GatewayResult<T> | undefined;
  return () => {
    if (parsed) return parsed;
    const result = schema.safeParse(raw);
    parsed = result.success ? { ok: true, value: result.data } : { ok: false, error: { kind: 'badResponse', detail: `sandbox table: ${firstIssue(result.error)}` } };
    return parsed;
  };
}
