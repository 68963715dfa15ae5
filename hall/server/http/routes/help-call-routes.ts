/**
 * GET /api/help-calls?state=open|all; POST /api/help-calls/:callId/claim
 * {etaMinutes} (the kiosk is told "staff are coming: N min") and /resolve.
 * A call someone else claimed cannot be claimed (409 conflict); the claimer
 * may claim again to change the eta.
 */
import { z } from 'zod';
import { ClaimRequest, type HelpCallView } from '../../../contract/console-api';
import { audit } from '../../auth/audit';
import type { ConsoleSession } from '../../auth/sessions';
import { getHelpCall, listHelpCalls } from '../../views/help-call-view';
import { getKiosk } from '../../views/kiosk-view';
import { apiError, json, type Reply } from '../reply';
import { commandBy, route, type RouteContext } from '../route';

const ListQuery = z.object({ state: z.enum(['open', 'all']).default('open') });
type ClaimRequest = z.infer<typeof ClaimRequest>;

/** Tells the consoles (the call and its kiosk's counts) and answers the call. */
async function announce(ctx: RouteContext, call: HelpCallView): Promise<Reply> {
  ctx.broadcast({ type: 'helpCall', call });
  const kiosk = await getKiosk(ctx.deps.db, call.kioskId);
  if (kiosk) ctx.broadcast({ type: 'kiosk', kiosk });
  return json(call);
}

async function claim(ctx: RouteContext<ClaimRequest>, session: ConsoleSession): Promise<Reply> {
  const { deps, params, body } = ctx;
  const callId = params.callId ?? '';
  const at = deps.now();
  const { rowCount } = await deps.db.query(
    `UPDATE help_calls SET state = 'claimed', claimed_by = $2, claimed_at = $3, eta_minutes = $4
     WHERE call_id = $1 AND (state = 'waiting' OR (state = 'claimed' AND claimed_by = $2))`,
    [callId, session.username, at, body.etaMinutes],
  );
  const call = await getHelpCall(deps.db, callId);
  if (!call) return apiError('notFound');
  if (rowCount !== 1) return apiError('conflict');
  await audit(deps.db, { at, username: session.username, action: 'helpClaim', subject: call.kioskId, detail: { callId, etaMinutes: body.etaMinutes } });
  // The claim stands even if the kiosk is offline now: the console shows who is on their way.
  await deps.link.sendCommand(call.kioskId, { type: 'helpClaimed', callId, etaMinutes: body.etaMinutes }, commandBy(session));
  return announce(ctx, call);
}

async function resolve(ctx: RouteContext, session: ConsoleSession): Promise<Reply> {
  const { deps, params } = ctx;
  const callId = params.callId ?? '';
  const at = deps.now();
  const { rowCount } = await deps.db.query(
    `UPDATE help_calls SET state = 'resolved', resolved_by = $2, resolved_at = $3 WHERE call_id = $1 AND state IN ('waiting', 'claimed')`,
    [callId, session.username, at],
  );
  const call = await getHelpCall(deps.db, callId);
  if (!call) return apiError('notFound');
  if (rowCount !== 1) return apiError('conflict');
  await audit(deps.db, { at, username: session.username, action: 'helpResolve', subject: call.kioskId, detail: { callId } });
  await deps.link.sendCommand(call.kioskId, { type: 'helpResolved', callId }, commandBy(session));
  return announce(ctx, call);
}

export const helpCallRoutes = [
  route<unknown, z.infer<typeof ListQuery>>({
    method: 'GET',
    path: '/api/help-calls',
    auth: 'officer',
    query: ListQuery,
    async handle({ deps, query }) {
      return json(await listHelpCalls(deps.db, query.state));
    },
  }),
  route<ClaimRequest>({
    method: 'POST',
    path: '/api/help-calls/:callId/claim',
    auth: 'officer',
    body: ClaimRequest,
    async handle(ctx) {
      return ctx.session ? claim(ctx, ctx.session) : apiError('signedOut');
    },
  }),
  route({
    method: 'POST',
    path: '/api/help-calls/:callId/resolve',
    auth: 'officer',
    async handle(ctx) {
      return ctx.session ? resolve(ctx, ctx.session) : apiError('signedOut');
    },
  }),
];
