/**
 * The two ways a studio receipt code reaches the host: `photo.studioFetch`
 * (typed on the screen's keyboard) and the code scanner. A scan is the
 * host's own input: it is acted on only while the open session's current
 * step takes receipts, and answered with `photo.studioScanned`; any other
 * scan (a payment code, a receipt at the wrong time) is left alone here.
 */
import { kioskError, type CallHandlers } from '../../api/dispatch';
import type { EventBus } from '../../events';
import type { Logger } from '../../log/logger';
import type { SessionStore } from '../../session/session-store';
import type { StudioReceipts } from './studio-receipt';

/** `photo.studioFetch`. */
export function studioReceiptHandlers(receipts: StudioReceipts): Pick<CallHandlers, 'photo.studioFetch'> {
  return {
    'photo.studioFetch': async ({ sessionId, code }) => {
      const fetched = await receipts.fetch(sessionId, code);
      if (fetched.ok) return fetched;
      switch (fetched.error) {
        case 'noSession':
          return { ok: false, error: kioskError('noSession') };
        case 'noConsent':
          return { ok: false, error: { code: 'unauthorized', messageKey: 'face.refused.noConsent' } };
        default: {
          const unknown: never = fetched.error;
          return unknown;
        }
      }
    },
  };
}

/** Answers scans at a receipt-taking photo step; returns the unsubscribe. */
export function forwardStudioScans(ctx: { bus: EventBus; sessions: SessionStore; receipts: StudioReceipts; logger: Logger }): () => void {
  // One fetch per session at a time: a scanner reads the same code twice in a blink.
  const busy = new Set<string>();
  return ctx.bus.subscribe((envelope) => {
    if (envelope.event !== 'scanner.scanned') return;
    const session = ctx.sessions.current();
    if (!session || !ctx.receipts.asked(session.sessionId) || busy.has(session.sessionId)) return;
    const { sessionId } = session;
    const { text } = envelope.payload as { text: string };
    busy.add(sessionId);
    void ctx.receipts
      .fetch(sessionId, text)
      .then((fetched) => {
        // Without consent the screen still asks for it; the scan is dropped.
        if (fetched.ok) ctx.bus.emit('photo.studioScanned', { sessionId, outcome: fetched.value });
      })
      .catch((error: unknown) => ctx.logger.error({ sessionId, err: error }, 'studio receipt scan failed'))
      .finally(() => busy.delete(sessionId));
  });
}
