/** The outbox: encrypted, idempotent, crash-safe delivery to the back-end. */
export { OUTBOX_MIGRATION, OUTBOX_HELD_MIGRATION, OUTBOX_SQL, ensureOutboxSchema } from './migration';
export { loadOutboxKey, decodeKey, OUTBOX_KEY_ENV, OUTBOX_KEY_FILE, type OutboxKeyError } from './outbox-key';
export { createOutboxStore, type OutboxStore, type OutboxStoreOptions, type OutboxEntry, type UndecryptableEntry, type HeldEntry } from './outbox-store';
export { createOutboxSender, type OutboxSender, type OutboxSenderOptions, type DeliveryOutcome, type DeliverNowOutcome, type OutboxEvent } from './outbox-sender';
export { deliverThroughGateway, APPLICATION_KIND, ApplicationPayload } from './deliver-application';
export { createOutboxApplicationQueue, createOutboxHeldApplications, heldOverQueue } from './application-queue';
