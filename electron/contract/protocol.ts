/**
 * Wire envelope of the KioskApi, shared by both transports (Electron IPC and
 * the browser host's WebSocket). Every message carries the protocol version;
 * every call carries a request id that its reply echoes.
 */
import { z } from 'zod';

/** Bumped on any incompatible change to calls, events or envelopes. */
export const PROTOCOL_VERSION = 1 as const;

/** Largest message either side accepts, in bytes (UTF-8). */
export const MAX_MESSAGE_BYTES = 256 * 1024;

export const RequestId = z.string().min(1).max(64);

/** Every failure the host reports has this one shape. */
export const ErrorCode = z.enum([
  'invalidMessage',
  'unsupportedVersion',
  'unknownMethod',
  'invalidParams',
  'unauthorized',
  'sessionActive',
  'noSession',
  'deviceUnavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const KioskError = z.object({
  code: ErrorCode,
  /** i18n key the renderer translates, e.g. `errors.invalidParams`. */
  messageKey: z.string().min(1).max(128),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type KioskError = z.infer<typeof KioskError>;

export const RequestEnvelope = z.object({
  v: z.literal(PROTOCOL_VERSION),
  type: z.literal('call'),
  id: RequestId,
  method: z.string().min(1).max(64),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

export const ResponseEnvelope = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(PROTOCOL_VERSION), type: z.literal('reply'), id: RequestId.nullable(), ok: z.literal(true), result: z.unknown() }),
  z.object({ v: z.literal(PROTOCOL_VERSION), type: z.literal('reply'), id: RequestId.nullable(), ok: z.literal(false), error: KioskError }),
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelope>;

export const EventEnvelope = z.object({
  v: z.literal(PROTOCOL_VERSION),
  type: z.literal('event'),
  event: z.string().min(1).max(64),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** Any message the host sends to the renderer. */
export const HostMessage = z.union([ResponseEnvelope, EventEnvelope]);
export type HostMessage = z.infer<typeof HostMessage>;
