/**
 * The flows' ApplicationQueue over the outbox: the application is written
 * (encrypted) to the outbox, then the sender is woken to deliver it.
 */
import type { ApplicationQueue } from '../flows/ports';
import { APPLICATION_KIND, type ApplicationPayload } from './deliver-application';
import type { OutboxSender } from './outbox-sender';
import type { OutboxStore } from './outbox-store';

/** Creates the queue for this kiosk. */
export function createOutboxApplicationQueue(options: { store: OutboxStore; sender?: OutboxSender; kioskId: string }): ApplicationQueue {
  return {
    submit(application, idempotencyKey) {
      const payload: ApplicationPayload = { serviceId: application.serviceId, kioskId: options.kioskId, payload: application.payload };
      options.store.enqueue(APPLICATION_KIND, payload, idempotencyKey);
      options.sender?.wake();
    },
  };
}
