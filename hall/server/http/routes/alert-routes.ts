/** GET /api/alerts?state=open|all, POST /api/alerts/:id/acknowledge and /resolve. */
import { z } from 'zod';
import { audit } from '../../auth/audit';
import type { ConsoleSession } from '../../auth/sessions';
import { getAlert, listAlerts } from '../../views/alert-view';
import { getKiosk } from '../../views/kiosk-view';
import { apiError, json, type Reply } from '../reply';
import { route, type RouteContext } from '../route';

const ListQuery = z.object({ state: z.enum(['open', 'all']).default('open') });

/** Acknowledge: only an open alert. Resolve: open or acknowledged. Anything else is a conflict (someone did it already). */
async function changeAlert(ctx: RouteContext, session: ConsoleSession, to: 'acknowledged' | 'resolved'): Promise<Reply> {
  const { deps, params } = ctx;
  const id = params.id ?? '';
  const before = await getAlert(deps.db, id);
  if (!before) return apiError('notFound');
  const at = deps.now();
  const { rowCount } = to === 'acknowledged'
    ? await deps.db.query(`UPDATE alerts SET state = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1::bigint AND state = 'open'`, [id, session.username, at])
    : await deps.db.query(`UPDATE alerts SET state = 'resolved', resolved_by = $2, resolved_at = $3 WHERE id = $1::bigint AND state <> 'resolved'`, [id, session.username, at]);
  if (rowCount !== 1) return apiError('conflict');
  await audit(deps.db, { at, username: session.username, action: to === 'acknowledged' ? 'alertAcknowledge' : 'alertResolve', subject: before.kioskId, detail: { alertId: id } });
  const after = await getAlert(deps.db, id);
  if (!after) return apiError('notFound');
  ctx.broadcast({ type: 'alert', alert: after });
  const kiosk = await getKiosk(deps.db, after.kioskId);
  if (kiosk) ctx.broadcast({ type: 'kiosk', kiosk });
  return json(after);
}

export const alertRoutes = [
  route<unknown, z.infer<typeof ListQuery>>({
    method: 'GET',
    path: '/api/alerts',
    auth: 'officer',
    query: ListQuery,
    async handle({ deps, query }) {
      return json(await listAlerts(deps.db, query.state));
    },
  }),
  route({
    method: 'POST',
    path: '/api/alerts/:id/acknowledge',
    auth: 'officer',
    async handle(ctx) {
      return ctx.session ? changeAlert(ctx, ctx.session, 'acknowledged') : apiError('signedOut');
    },
  }),
  route({
    method: 'POST',
    path: '/api/alerts/:id/resolve',
    auth: 'officer',
    async handle(ctx) {
      return ctx.session ? changeAlert(ctx, ctx.session, 'resolved') : apiError('signedOut');
    },
  }),
];
