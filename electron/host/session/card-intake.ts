/**
 * What happens when a card lands on the reader: parse it; at the attract
 * screen it starts a session with its identity; during a session it becomes
 * (or replaces) the session's identity, until a flow fixed that identity:
 * then the same person's card changes nothing and another person's card is
 * refused and reported (`onIdentityConflict`), which ends the flow. A card
 * that cannot be used is reported with a message key, never with its contents.
 */
import type { Identity, SessionInfo } from '../../contract';
import { parseCardText } from '../../../drivers/idcard/card-text';
import type { RawCardRead } from '../../../drivers/manager';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import { decodeAppendedAddress } from '../../../drivers/idcard/appended-address';
import { keepCardFingerprints } from './card-fingerprint';
import { identityFromCard, maskedIdentity } from './identity';
import { sessionInfo, type SessionStore } from './session-store';

export interface CardIntakeDeps {
  sessions: SessionStore;
  bus: EventBus;
  logger: Logger;
  defaults: () => { language: SessionInfo['language']; elderMode: boolean };
  /** Another person's card after the session's identity was fixed. */
  onIdentityConflict: (sessionId: string) => void;
  now?: () => Date;
  /** The configured zone (a card's expiry is judged by the hall's date). */
  timeZone?: string;
}

/** Returns the handler for `cardPresented`. */
export function createCardIntake(deps: CardIntakeDeps): (card: RawCardRead) => void {
  return (raw) => {
    const parsed = parseCardText(raw.text);
    if (!parsed.ok) {
      deps.logger.warn({ reason: parsed.error.kind }, 'card text not usable');
      deps.bus.emit('identity.readFailed', { messageKey: parsed.error.kind === 'unknownCardType' ? 'identity.unknownCardType' : 'identity.unreadable' });
      return;
    }
    const identity: Identity = { ...identityFromCard(parsed.value, deps.now?.() ?? new Date(), deps.timeZone), ...appendedAddressOf(raw, deps.logger) };
    const open = deps.sessions.current();
    if (open) {
      const offer = deps.sessions.offerIdentity(open.sessionId, identity);
      deps.sessions.touch(open.sessionId);
      if (offer.kind === 'set' || offer.kind === 'same') keepCardFingerprints(open, raw);
      deps.logger.info({ sessionId: open.sessionId, cardType: identity.cardType, idNumberValid: identity.idNumberValid, offer: offer.kind }, 'card read in session');
      switch (offer.kind) {
        case 'set':
          deps.bus.emit('identity.read', { sessionId: open.sessionId, identity: maskedIdentity(identity) });
          return;
        case 'same':
        case 'noSession':
          return;
        case 'conflict':
          deps.onIdentityConflict(open.sessionId);
          return;
        default: {
          const never: never = offer;
          return never;
        }
      }
    }
    const started = deps.sessions.start({ ...deps.defaults(), identity });
    if (!started.ok) return;
    const session = deps.sessions.current();
    if (session) keepCardFingerprints(session, raw);
    deps.logger.info({ sessionId: started.value.sessionId, cardType: identity.cardType, idNumberValid: identity.idNumberValid }, 'session started by card');
    deps.bus.emit('session.started', { session: session ? sessionInfo(session) : started.value, identity: maskedIdentity(identity) });
  };
}

/**
 * The card's appended address (追加住址) for the identity: the current
 * address, `null` when the card has none; nothing when the reader could not
 * tell (or the text is unusable: logged by its reason, never its content).
 */
function appendedAddressOf(raw: RawCardRead, logger: Logger): Pick<Identity, 'appendedAddress'> {
  if (raw.appendedAddressUnread) return {};
  if (raw.appendedAddress === undefined) return { appendedAddress: null };
  const decoded = decodeAppendedAddress(raw.appendedAddress);
  if (decoded.ok) return { appendedAddress: decoded.value };
  logger.warn({ reason: decoded.error.kind }, 'appended address not usable');
  return {};
}
