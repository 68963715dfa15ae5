/**
 * Validates and routes one incoming message. Whatever arrives, the answer is a
 * reply envelope: malformed input gets an error reply and never reaches a
 * handler; a handler's failure becomes an `internal` error, never a crash.
 */
import { type z } from 'zod';
import type { Result } from '../../../domain/result';
import {
  Calls,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  RequestEnvelope,
  isCallName,
  type CallName,
  type CallResult,
  type ErrorCode,
  type KioskError,
  type ResponseEnvelope,
} from '../../contract';

export type HandlerOutcome<M extends CallName> = Result<CallResult<M>, KioskError>;

export type CallHandlers = {
  [M in CallName]: (params: z.infer<(typeof Calls)[M]['params']>) => Promise<HandlerOutcome<M>> | HandlerOutcome<M>;
};

/** Builds the one error shape of the contract. */
export function kioskError(code: ErrorCode, details?: Record<string, unknown>): KioskError {
  return details ? { code, messageKey: `errors.${code}`, details } : { code, messageKey: `errors.${code}` };
}

function reply(id: string | null, outcome: Result<unknown, KioskError>): ResponseEnvelope {
  return outcome.ok
    ? { v: PROTOCOL_VERSION, type: 'reply', id, ok: true, result: outcome.value }
    : { v: PROTOCOL_VERSION, type: 'reply', id, ok: false, error: outcome.error };
}

export interface Dispatcher {
  dispatch(raw: unknown): Promise<ResponseEnvelope>;
}

/** Creates the dispatcher over the given handlers. `onFault` hears handler exceptions. */
export function createDispatcher(handlers: CallHandlers, onFault: (method: string, error: unknown) => void): Dispatcher {
  return {
    async dispatch(raw) {
      let message: unknown = raw;
      if (typeof raw === 'string') {
        if (Buffer.byteLength(raw, 'utf8') > MAX_MESSAGE_BYTES) return reply(null, { ok: false, error: kioskError('invalidMessage', { reason: 'tooLarge' }) });
        try {
          message = JSON.parse(raw);
        } catch {
          return reply(null, { ok: false, error: kioskError('invalidMessage', { reason: 'notJson' }) });
        }
      }
      const id = extractId(message);
      const envelope = RequestEnvelope.safeParse(message);
      if (!envelope.success) {
        const versionMismatch = typeof message === 'object' && message !== null && 'v' in message && (message as { v: unknown }).v !== PROTOCOL_VERSION;
        return reply(id, {
          ok: false,
          error: versionMismatch
            ? kioskError('unsupportedVersion', { expected: PROTOCOL_VERSION })
            : kioskError('invalidMessage', { issues: summarize(envelope.error) }),
        });
      }
      const { method } = envelope.data;
      if (!isCallName(method)) return reply(envelope.data.id, { ok: false, error: kioskError('unknownMethod', { method }) });
      const params = Calls[method].params.safeParse(envelope.data.params ?? {});
      if (!params.success) return reply(envelope.data.id, { ok: false, error: kioskError('invalidParams', { issues: summarize(params.error) }) });
      try {
        const outcome = await (handlers[method] as (p: unknown) => Promise<HandlerOutcome<CallName>>)(params.data);
        if (outcome.ok && !Calls[method].result.safeParse(outcome.value).success) {
          onFault(method, new Error('handler result does not match the contract'));
          return reply(envelope.data.id, { ok: false, error: kioskError('internal') });
        }
        return reply(envelope.data.id, outcome);
      } catch (error) {
        onFault(method, error);
        return reply(envelope.data.id, { ok: false, error: kioskError('internal') });
      }
    },
  };
}

function extractId(message: unknown): string | null {
  if (typeof message !== 'object' || message === null || !('id' in message)) return null;
  const id = (message as { id: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

/** Field paths and messages only: never echo the (possibly personal) input values. */
function summarize(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
