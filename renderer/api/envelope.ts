/**
 * Building requests and reading host messages: everything the two transports
 * share. Nothing here throws on bad input; rejections are values.
 */
import {
  Calls,
  type EventEnvelope,
  Events,
  HostMessage,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  isEventName,
  type CallName,
  type CallOutcome,
  type CallParams,
  type CallResult,
  type EventName,
  type EventPayload,
  type KioskError,
  type RequestEnvelope,
  type ResponseEnvelope,
} from '../../electron/contract';
import { err, ok, type Result } from '../../domain/result';

/** Errors the client itself produces (the host never sends these). */
export const clientErrors = {
  timeout: { code: 'internal', messageKey: 'errors.timeout' },
  connectionLost: { code: 'internal', messageKey: 'errors.connectionLost' },
  invalidReply: { code: 'invalidMessage', messageKey: 'errors.invalidReply' },
  transport: { code: 'internal', messageKey: 'errors.transport' },
  closed: { code: 'internal', messageKey: 'errors.connectionLost' },
} as const satisfies Record<string, KioskError>;

/** A fresh request id: a UUID where the platform offers one. */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The wire envelope of one call. */
export function buildRequest<M extends CallName>(method: M, params: CallParams<M>, id = newRequestId()): RequestEnvelope {
  return { v: PROTOCOL_VERSION, type: 'call', id, method, params };
}

/** Why something that should be a host message (or a known event) was refused. */
export type DecodeRefusal =
  | { kind: 'tooLarge' }
  | { kind: 'notJson' }
  | { kind: 'notTextOrObject' }
  | { kind: 'notHostMessage'; issue: string }
  | { kind: 'unknownEvent'; event: string }
  | { kind: 'invalidPayload'; event: string };

/** The result of reading something that should be a host message. */
export type Decoded<T> = Result<T, DecodeRefusal>;

/** The refusal in words, for the console (never shown to the citizen). */
export function describeRefusal(refusal: DecodeRefusal): string {
  switch (refusal.kind) {
    case 'tooLarge':
      return 'message too large';
    case 'notJson':
      return 'not JSON';
    case 'notTextOrObject':
      return 'not a text or object message';
    case 'notHostMessage':
      return `not a host message: ${refusal.issue}`;
    case 'unknownEvent':
      return `unknown event ${refusal.event}`;
    case 'invalidPayload':
      return `invalid payload for ${refusal.event}`;
  }
}

/** Reads one raw message (a JSON string from a socket, or a structured-clone object from IPC). */
export function decodeHostMessage(raw: unknown): Decoded<HostMessage> {
  let data: unknown = raw;
  if (typeof raw === 'string') {
    if (byteLengthExceeds(raw, MAX_MESSAGE_BYTES)) return err({ kind: 'tooLarge' });
    try {
      data = JSON.parse(raw);
    } catch {
      return err({ kind: 'notJson' });
    }
  } else if (typeof raw !== 'object' || raw === null) {
    return err({ kind: 'notTextOrObject' });
  }
  const parsed = HostMessage.safeParse(data);
  if (!parsed.success) return err({ kind: 'notHostMessage', issue: parsed.error.issues[0]?.message ?? 'invalid' });
  return ok(parsed.data);
}

/** Turns a reply into the call's outcome, validating the result against the call's schema. */
export function readReply<M extends CallName>(method: M, reply: ResponseEnvelope): CallOutcome<M> {
  if (!reply.ok) return { ok: false, error: reply.error };
  const result = Calls[method].result.safeParse(reply.result);
  if (!result.success) return { ok: false, error: clientErrors.invalidReply };
  return { ok: true, value: result.data as CallResult<M> };
}

/** A validated event. */
export type KnownEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/** Validates an event envelope's name and payload against the contract. */
export function readEvent(envelope: EventEnvelope): Decoded<KnownEvent> {
  const { event } = envelope;
  if (!isEventName(event)) return err({ kind: 'unknownEvent', event });
  const payload = Events[event].safeParse(envelope.payload);
  if (!payload.success) return err({ kind: 'invalidPayload', event });
  return ok({ event, payload: payload.data } as KnownEvent);
}

function byteLengthExceeds(text: string, max: number): boolean {
  if (text.length > max) return true; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= max) return false; // at most three bytes per unit
  return new TextEncoder().encode(text).byteLength > max;
}
