/**
 * Decodes what the payment service signed: an answer to a call or a pushed
 * notification. The signature is checked on the raw bytes first; only a
 * verified body is parsed, and it must be the kind of message expected
 * (`type`) and well-formed. Anything else is a value (`badSignature`,
 * `badResponse`), never an exception, whatever the bytes.
 */
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { err, ok, type Result } from '../../../domain/result';
import type { OrderState } from './payment-port';
import { verifySignature } from './signing';
import { WireOrder } from './wire';

export type DecodeFailure = { kind: 'badSignature' } | { kind: 'badResponse' };

/** Largest signed body the kiosk reads (but a day statement). */
export const MAX_SIGNED_BODY = 64 * 1024;
/** Largest day statement the kiosk reads (some thousands of orders). */
export const MAX_STATEMENT_BODY = 4 * 1024 * 1024;

/** The verified, parsed body, or why it is refused. */
export function decodeSigned<S extends z.ZodType>(body: string, signature: string | undefined, key: KeyObject, schema: S, maxBody = MAX_SIGNED_BODY): Result<z.infer<S>, DecodeFailure> {
  if (typeof body !== 'string' || body.length > maxBody) return err({ kind: 'badResponse' });
  if (typeof signature !== 'string' || !verifySignature(body, signature, key)) return err({ kind: 'badSignature' });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return err({ kind: 'badResponse' });
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err({ kind: 'badResponse' });
}

/** An order's state from the wire form. */
export function orderFromWire(wire: WireOrder): OrderState {
  return {
    orderNo: wire.orderNo,
    status: wire.status,
    amountFen: wire.amountFen,
    codeUrl: wire.codeUrl,
    expiresAt: wire.expiresAt,
    paidAt: wire.paidAt,
    channel: wire.channel,
    refundedFen: wire.refundedFen,
  };
}

/** A pushed notification (body and `x-payment-signature`): the order's state, or why it is refused. */
export function decodeNotification(body: string, signature: string | undefined, key: KeyObject): Result<OrderState, DecodeFailure> {
  const decoded = decodeSigned(body, signature, key, WireOrder);
  return decoded.ok ? ok(orderFromWire(decoded.value)) : decoded;
}
