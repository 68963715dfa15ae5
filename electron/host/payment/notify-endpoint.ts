/**
 * `POST /payment/notify` on the host's local server: reads the body (at most
 * the largest signed body the kiosk reads) and the `x-payment-signature`
 * header and hands them to the inbox, which verifies before it believes.
 * Anyone on the machine (or the site's relay) may call it: the signature,
 * not the caller, is what makes a notification true.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_SIGNED_BODY } from './signed-answer';
import { NOTIFY_PATH, type PaymentNotifications } from './payment-notifications';
import { SIGNATURE_HEADER } from './wire';

/** Whether the request is for the notify endpoint (then it is answered here). */
export function isNotifyRequest(req: IncomingMessage): boolean {
  return new URL(req.url ?? '/', 'http://host').pathname === NOTIFY_PATH;
}

export async function serveNotification(req: IncomingMessage, res: ServerResponse, notifications: PaymentNotifications): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_SIGNED_BODY) {
      res.writeHead(413, { connection: 'close' }).end();
      req.destroy();
      return;
    }
    chunks.push(chunk);
  }
  const header = req.headers[SIGNATURE_HEADER];
  const answer = await notifications.accept(Buffer.concat(chunks).toString('utf8'), Array.isArray(header) ? header[0] : header);
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(answer.body);
}
