/**
 * `identity.*`: a typed ID number, validated by the host (the renderer's
 * keypad checks as the citizen types, but never vouches). Offered to the
 * session like a card read: the same number changes nothing, another one
 * after the identity was fixed ends the session.
 */
import { kioskError, type CallHandlers } from '../dispatch';
import type { EventBus } from '../../events';
import type { Logger } from '../../log/logger';
import { identityFromTyped, maskedIdentity } from '../../session/identity';
import type { SessionStore } from '../../session/session-store';

export interface IdentityHandlersDeps {
  sessions: SessionStore;
  bus: EventBus;
  logger: Logger;
  now: () => Date;
  timeZone: string;
  onIdentityConflict: (sessionId: string, source: 'card' | 'typed') => void;
}

export function identityHandlers(deps: IdentityHandlersDeps): Pick<CallHandlers, 'identity.typed'> {
  const { sessions, bus, logger } = deps;
  return {
    'identity.typed': ({ sessionId, idNumber }) => {
      const open = sessions.get(sessionId);
      if (!open) return { ok: false, error: kioskError('noSession') };
      const identity = identityFromTyped(idNumber, deps.now(), deps.timeZone);
      if (!identity) return { ok: false, error: { code: 'invalidParams', messageKey: 'idNumber.invalid' } };
      const offer = sessions.offerIdentity(sessionId, identity);
      sessions.touch(sessionId);
      logger.info({ sessionId, source: 'typed', offer: offer.kind }, 'identity typed');
      switch (offer.kind) {
        case 'set':
          // Told like a card read, so the header greets whoever the flow now acts for (the journal follows the event).
          bus.emit('identity.read', { sessionId, identity: maskedIdentity(identity) });
          return { ok: true, value: maskedIdentity(identity) };
        case 'same':
          // The fixed identity's own number: nothing changes, and the citizen's own number is what they typed.
          return { ok: true, value: maskedIdentity(open.identity ?? identity) };
        case 'conflict':
          deps.onIdentityConflict(sessionId, 'typed');
          return { ok: false, error: { code: 'noSession', messageKey: 'app.sessionEndedIdentityChanged' } };
        case 'noSession':
          return { ok: false, error: kioskError('noSession') };
        default: {
          const never: never = offer;
          return never;
        }
      }
    },
  };
}
