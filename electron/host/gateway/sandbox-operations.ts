/**
 * How the sandbox runs a service's {@link BackendOperation}: the request and
 * the answer travel through JSON as they would over HTTP (so an operation
 * that works embedded works served), the request is checked against the
 * operation's schema, and a sandbox that throws is an unavailable back-end
 * (a real one would answer 500). Checking the answer is the caller's: the
 * embedded gateway checks it, the HTTP server sends it as it is so that the
 * client meets a broken answer the way it would meet a real one.
 */
import { gatewayFailure, gatewayOk, type GatewayResult } from './police-gateway';
import { firstIssue, OPERATION_NAME, type BackendOperation, type SandboxWorld } from './operation';

/** `value` after a trip through JSON, or undefined when JSON cannot carry it. */
function throughJson(value: unknown): { value: unknown } | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The sandbox's answer to `request`, not yet checked against `operation.response`. */
export async function answerOperation<Req, Res>(operation: BackendOperation<Req, Res>, request: unknown, world: SandboxWorld): Promise<GatewayResult<unknown>> {
  if (!OPERATION_NAME.test(operation.name)) return gatewayFailure({ kind: 'badResponse', detail: 'operation name is not kebab-case' });
  const sent = throughJson(request);
  if (!sent) return gatewayFailure({ kind: 'badResponse', detail: 'invalid request: not JSON' });
  const parsed = operation.request.safeParse(sent.value);
  if (!parsed.success) return gatewayFailure({ kind: 'badResponse', detail: `invalid request: ${firstIssue(parsed.error)}` });
  let answer: GatewayResult<unknown>;
  try {
    answer = await operation.sandbox(parsed.data, world);
  } catch {
    return gatewayFailure({ kind: 'unavailable', status: 500 });
  }
  if (!answer.ok) return answer;
  const received = throughJson(answer.value);
  return received ? gatewayOk(received.value) : gatewayFailure({ kind: 'badResponse', detail: 'not JSON' });
}

/** An answer checked against the operation's response schema; a mismatch is `badResponse`, as from a real back-end. */
export function checkOperationAnswer<Req, Res>(operation: BackendOperation<Req, Res>, answer: GatewayResult<unknown>): GatewayResult<Res> {
  if (!answer.ok) return answer;
  const parsed = operation.response.safeParse(answer.value);
  return parsed.success ? gatewayOk(parsed.data) : gatewayFailure({ kind: 'badResponse', detail: firstIssue(parsed.error) });
}
