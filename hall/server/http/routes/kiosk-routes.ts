/** GET /api/kiosks, POST /api/kiosks/:kioskId/commands (out of service: supervisors only). */
import { KioskCommand, type CommandSent } from '../../../contract/console-api';
import { audit } from '../../auth/audit';
import { getKiosk, listKiosks } from '../../views/kiosk-view';
import { apiError, json } from '../reply';
import { commandBy, route } from '../route';

export const kioskRoutes = [
  route({
    method: 'GET',
    path: '/api/kiosks',
    auth: 'officer',
    async handle({ deps }) {
      return json(await listKiosks(deps.db));
    },
  }),
  route<KioskCommand>({
    method: 'POST',
    path: '/api/kiosks/:kioskId/commands',
    auth: 'officer',
    body: KioskCommand,
    async handle({ deps, session, params, body }) {
      if (!session) return apiError('signedOut');
      const kioskId = params.kioskId ?? '';
      if (body.type === 'outOfService' && session.role !== 'supervisor') return apiError('forbidden');
      const kiosk = await getKiosk(deps.db, kioskId);
      if (!kiosk) return apiError('notFound');
      // Out of service is a state the kiosk applies when it is back (the link queues it); the rest is for a citizen now.
      if (!kiosk.online && body.type !== 'outOfService') return apiError('kioskOffline');
      const sent = await deps.link.sendCommand(kioskId, body, commandBy(session));
      if (!sent.ok) return sent.error === 'kioskOffline' ? apiError('kioskOffline') : apiError('badRequest', { field: 'type' });
      await audit(deps.db, { at: deps.now(), username: session.username, action: 'kioskCommand', subject: kioskId, detail: { type: body.type, commandId: sent.value.commandId } });
      const answer: CommandSent = { commandId: sent.value.commandId };
      return json(answer);
    },
  }),
];
