/** `help.*`: a citizen asks for staff; audited and announced (the hall console hears `help.requested`). */
import { randomUUID } from 'node:crypto';
import type { CallHandlers } from '../dispatch';
import type { EventBus } from '../../events';
import type { AuditLog } from '../../journal/transactions-audit';
import type { Logger } from '../../log/logger';

export interface HelpHandlersDeps {
  kioskId: string;
  audit: AuditLog;
  bus: EventBus;
  logger: Logger;
  now: () => Date;
}

export function helpHandlers(deps: HelpHandlersDeps): Pick<CallHandlers, 'help.request'> {
  return {
    'help.request': ({ sessionId, reason, step }) => {
      const callId = randomUUID();
      const queuedAt = deps.now().toISOString();
      deps.logger.warn({ callId, sessionId, reason, step }, 'help requested');
      deps.audit.record({ actor: 'citizen', action: 'help.requested', ...(sessionId ? { sessionId } : {}), subject: callId, detail: { reason, step: step ?? null } });
      deps.bus.emit('help.requested', { callId, reason, step, kioskId: deps.kioskId, queuedAt });
      return { ok: true, value: { callId, queuedAt } };
    },
  };
}
