/**
 * Alerts, help calls, supervision and command acknowledgements. Each is
 * idempotent: the kiosk delivers at least once (QoS 1), so a repeat finds its
 * row already there and changes nothing (and emits no change).
 */
import { err, ok } from '../../../domain/result';
import { CommandAck, HelpCallMessage, KioskAlertMessage, SupervisionMessage } from '../../../electron/contract/hall-link';
import { notAfter, type IngestContext, type IngestResult } from './ingest-types';

export async function ingestAlert(ctx: IngestContext, body: unknown): Promise<IngestResult> {
  const parsed = KioskAlertMessage.safeParse(body);
  if (!parsed.success) return err('schema');
  const { alertId, alert } = parsed.data;
  if (alert.kioskId !== ctx.kioskId) return err('kioskIdMismatch');
  const detail = { deviceKind: alert.deviceKind, reason: alert.reason, documentNumber: alert.documentNumber, orderNo: alert.orderNo, paymentIssue: alert.paymentIssue };
  const { rows } = await ctx.db.query<{ id: string }>(
    `INSERT INTO alerts (kiosk_id, alert_id, kind, message_key, device_id, detail, raised_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
     ON CONFLICT (kiosk_id, alert_id) DO NOTHING RETURNING id::text AS id`,
    [ctx.kioskId, alertId, alert.kind, alert.messageKey, alert.deviceId ?? null, JSON.stringify(detail), notAfter(alert.at, ctx.now)],
  );
  return ok({ changes: rows.map((r) => ({ type: 'alert' as const, kioskId: ctx.kioskId, id: r.id })) });
}

export async function ingestHelpCall(ctx: IngestContext, body: unknown): Promise<IngestResult> {
  const parsed = HelpCallMessage.safeParse(body);
  if (!parsed.success) return err('schema');
  const message = parsed.data;
  switch (message.type) {
    case 'raised': {
      const { rowCount } = await ctx.db.query(
        `INSERT INTO help_calls (call_id, kiosk_id, reason, service_id, step, queued_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (call_id) DO NOTHING`,
        [message.callId, ctx.kioskId, message.reason, message.serviceId, message.step, notAfter(message.queuedAt, ctx.now), ctx.now],
      );
      return ok({ changes: rowCount > 0 ? [{ type: 'helpCall', kioskId: ctx.kioskId, callId: message.callId }] : [] });
    }
    case 'withdrawn': {
      // Only this kiosk's own call, and not once staff resolved it.
      const { rowCount } = await ctx.db.query(
        `UPDATE help_calls SET state = 'withdrawn' WHERE call_id = $1 AND kiosk_id = $2 AND state IN ('waiting', 'claimed')`,
        [message.callId, ctx.kioskId],
      );
      return ok({ changes: rowCount > 0 ? [{ type: 'helpCall', kioskId: ctx.kioskId, callId: message.callId }] : [] });
    }
  }
}

export async function ingestSupervision(ctx: IngestContext, body: unknown): Promise<IngestResult> {
  const parsed = SupervisionMessage.safeParse(body);
  if (!parsed.success) return err('schema');
  const message = parsed.data;
  const at = notAfter(message.at, ctx.now);
  switch (message.type) {
    case 'session': {
      // A step reported late does not overwrite a newer one.
      const { rowCount } = await ctx.db.query(
        `INSERT INTO supervision (kiosk_id, session, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (kiosk_id) DO UPDATE SET session = EXCLUDED.session, updated_at = EXCLUDED.updated_at
         WHERE supervision.updated_at <= EXCLUDED.updated_at`,
        [ctx.kioskId, JSON.stringify(message.session), at],
      );
      return ok({ changes: rowCount > 0 ? [{ type: 'supervision', kioskId: ctx.kioskId }] : [] });
    }
    case 'ended': {
      // Only the session that ended: a newer one may already be on screen.
      const { rowCount } = await ctx.db.query(`DELETE FROM supervision WHERE kiosk_id = $1 AND session->>'sessionId' = $2`, [ctx.kioskId, message.sessionId]);
      return ok({ changes: rowCount > 0 ? [{ type: 'supervision', kioskId: ctx.kioskId }] : [] });
    }
  }
}

export async function ingestCommandAck(ctx: IngestContext, body: unknown): Promise<IngestResult> {
  const parsed = CommandAck.safeParse(body);
  if (!parsed.success) return err('schema');
  await ctx.db.query(`INSERT INTO hall_audit (at, username, action, subject, detail) VALUES ($1, NULL, 'kioskCommandAck', $2, $3::jsonb)`, [
    ctx.now,
    ctx.kioskId,
    JSON.stringify({ commandId: parsed.data.commandId, outcome: parsed.data.outcome, kioskAt: parsed.data.at }),
  ]);
  return ok({ changes: [] });
}
