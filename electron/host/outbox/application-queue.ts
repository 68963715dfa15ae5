/**
 * The flows' ApplicationQueue over the outbox: the application is written
 * (encrypted) to the outbox, then the sender is woken to deliver it.
 */
import type { Application, ApplicationQueue, HeldApplications, SubmissionOutcome } from '../flows/ports';
import { APPLICATION_KIND, type ApplicationPayload } from './deliver-application';
import type { OutboxSender } from './outbox-sender';
import type { OutboxStore } from './outbox-store';

/** The outbox entry of an application: its attachments go with it (encrypted in the same row). */
function entryOf(application: Application, kioskId: string): ApplicationPayload {
  return { serviceId: application.serviceId, kioskId, payload: application.payload, ...(application.attachments ? { attachments: application.attachments } : {}) };
}

/** Creates the queue for this kiosk. */
export function createOutboxApplicationQueue(options: { store: OutboxStore; sender?: OutboxSender; kioskId: string }): ApplicationQueue {
  return {
    submit(application, idempotencyKey) {
      options.store.enqueue(APPLICATION_KIND, entryOf(application, options.kioskId), idempotencyKey);
      options.sender?.wake();
    },
  };
}

/** Held applications over the outbox: a paid-for application is kept until its order is paid. */
export function createOutboxHeldApplications(options: { store: OutboxStore; sender: OutboxSender; kioskId: string }): HeldApplications {
  return {
    hold(application, idempotencyKey, heldFor) {
      options.store.enqueue(APPLICATION_KIND, entryOf(application, options.kioskId), idempotencyKey, { heldFor });
    },
    release: (idempotencyKey) => void options.store.release(idempotencyKey),
    discard: (idempotencyKey) => void options.store.discard(idempotencyKey),
    async submitNow(idempotencyKey): Promise<SubmissionOutcome> {
      const outcome = await options.sender.deliverNow(idempotencyKey);
      switch (outcome.kind) {
        case 'acknowledged':
          return { kind: 'accepted', receiptNumber: outcome.receiptNumber ?? null };
        case 'rejected':
          return { kind: 'rejected', reason: outcome.reason };
        case 'failed':
          return { kind: 'pending', failure: outcome.reason };
        case 'missing':
          // Sent before this host remembered it (or never released): nothing more to learn now.
          return { kind: 'pending', failure: 'missing' };
        default: {
          const never: never = outcome;
          return never;
        }
      }
    },
  };
}

/**
 * Held applications for a kiosk without a held outbox (tests, a composition
 * that passes only a queue): kept in memory, queued on release. Nothing
 * survives a restart, and the outcome is never known at once (`pending`).
 */
export function heldOverQueue(queue: ApplicationQueue): HeldApplications {
  const waiting = new Map<string, Application>();
  return {
    hold: (application, idempotencyKey) => void waiting.set(idempotencyKey, application),
    release(idempotencyKey) {
      const application = waiting.get(idempotencyKey);
      waiting.delete(idempotencyKey);
      if (application) queue.submit(application, idempotencyKey);
    },
    discard: (idempotencyKey) => void waiting.delete(idempotencyKey),
    submitNow: async () => ({ kind: 'pending', failure: 'noOutbox' }),
  };
}
