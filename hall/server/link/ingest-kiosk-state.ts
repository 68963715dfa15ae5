/**
 * `online` (the kiosk's own message or its last will) and `status` (retained)
 * into `kiosks`. `last_seen` moves only forward; a status older than the one
 * stored (delivered late) does not replace it. A retained replay tells us the
 * kiosk's state, not that we heard from it now.
 */
import { err, ok } from '../../../domain/result';
import { KioskOnline, KioskStatusMessage } from '../../../electron/contract/hall-link';
import { notAfter, type IngestContext, type IngestResult } from './ingest-types';

export async function ingestOnline(ctx: IngestContext, body: unknown): Promise<IngestResult> {
  const parsed = KioskOnline.safeParse(body);
  if (!parsed.success) return err('schema');
  const seen = ctx.retained ? (parsed.data.at ? notAfter(parsed.data.at, ctx.now) : null) : ctx.now;
  await ctx.db.query(
    `INSERT INTO kiosks (kiosk_id, online, last_seen) VALUES ($1, $2, $3)
     ON CONFLICT (kiosk_id) DO UPDATE SET online = EXCLUDED.online, last_seen = GREATEST(kiosks.last_seen, EXCLUDED.last_seen)`,
    [ctx.kioskId, parsed.data.online, seen],
  );
  return ok({ changes: [{ type: 'kiosk', kioskId: ctx.kioskId }] });
}

export async function ingestStatus(ctx: IngestContext, body: unknown): Promise<IngestResult> {
  const parsed = KioskStatusMessage.safeParse(body);
  if (!parsed.success) return err('schema');
  // The topic names the kiosk the broker authenticated; a payload speaking for another is refused.
  if (parsed.data.kioskId !== ctx.kioskId) return err('kioskIdMismatch');
  const statusAt = notAfter(parsed.data.at, ctx.now);
  const seen = ctx.retained ? statusAt : ctx.now;
  await ctx.db.query(
    `INSERT INTO kiosks (kiosk_id, online, last_seen, status, status_at) VALUES ($1, false, $2, $3::jsonb, $4)
     ON CONFLICT (kiosk_id) DO UPDATE SET
       last_seen = GREATEST(kiosks.last_seen, EXCLUDED.last_seen),
       status = CASE WHEN kiosks.status_at IS NULL OR kiosks.status_at <= EXCLUDED.status_at THEN EXCLUDED.status ELSE kiosks.status END,
       status_at = GREATEST(kiosks.status_at, EXCLUDED.status_at)`,
    [ctx.kioskId, seen, JSON.stringify(parsed.data), statusAt],
  );
  return ok({ changes: [{ type: 'kiosk', kioskId: ctx.kioskId }] });
}

/** Any other live message: we heard from the kiosk now. */
export async function touchKiosk(ctx: IngestContext): Promise<void> {
  if (ctx.retained) return;
  await ctx.db.query(
    `INSERT INTO kiosks (kiosk_id, last_seen) VALUES ($1, $2)
     ON CONFLICT (kiosk_id) DO UPDATE SET last_seen = GREATEST(kiosks.last_seen, EXCLUDED.last_seen)`,
    [ctx.kioskId, ctx.now],
  );
}
