/**
 * Delivery of `application` outbox entries through the police gateway: the
 * entry's idempotency key becomes the submission's, so a redelivery after a
 * crash is recognised by the back-end and acknowledged without a second application.
 */
import { z } from 'zod';
import type { PoliceGateway } from '../gateway/police-gateway';
import { ApplicationAttachments } from '../gateway/application-attachments';
import type { DeliveryOutcome } from './outbox-sender';
import type { OutboxEntry } from './outbox-store';

export const APPLICATION_KIND = 'application';

export const ApplicationPayload = z.object({
  serviceId: z.string().min(1),
  kioskId: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  /**
   * What the kiosk captured (photo, prints, signature, papers), kept with the
   * entry, encrypted like the payload, for as long as the entry waits: a host
   * killed after the payment still resubmits all of it. Deleted with the entry.
   */
  attachments: ApplicationAttachments.optional(),
});
export type ApplicationPayload = z.infer<typeof ApplicationPayload>;

/** Returns a `deliver` function for the sender. Unknown kinds stay in the outbox. */
export function deliverThroughGateway(gateway: PoliceGateway): (entry: OutboxEntry) => Promise<DeliveryOutcome> {
  return async (entry) => {
    if (entry.kind !== APPLICATION_KIND) return { kind: 'failed', reason: `unknownKind:${entry.kind}` };
    const parsed = ApplicationPayload.safeParse(entry.payload);
    if (!parsed.success) return { kind: 'failed', reason: 'invalidPayload' };
    const result = await gateway.submitApplication({ idempotencyKey: entry.idempotencyKey, ...parsed.data });
    if (result.ok) return { kind: 'acknowledged', receiptNumber: result.value.receiptNumber };
    // The back-end's refusal for good carries its reason code; any other failure is tried again later.
    return result.error.kind === 'rejected' ? { kind: 'rejected', reason: result.error.reason } : { kind: 'failed', reason: result.error.kind };
  };
}
