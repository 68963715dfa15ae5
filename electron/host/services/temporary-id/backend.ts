/**
 * The back-end call of 临时身份证申领: may this citizen apply for a
 * temporary ID card here? Only while an ID card application of theirs is in
 * progress (临时居民身份证管理办法 art. 2), and only at their 户籍地 office,
 * which issues it (art. 9–10): an 异地 application is refused. The back-end
 * decides, never the kiosk. Served by the sandbox from sandbox.json beside
 * this file; a real gateway answers `POST /v1/ops/temporary-id-eligibility`.
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import { addDays } from '../../../../domain/calendar-date';
import sandboxData from './sandbox.json' with { type: 'json' };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const EligibilityRequest = z.object({ idNumber: z.string().regex(/^[0-9]{17}[0-9X]$/) }).strict();
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;

/** 换领, 补领, 损坏换领, 首次申领: the ID card application the temporary card bridges. */
export const PendingKind = z.enum(['renewal', 'replacement', 'damaged', 'first']);
export type PendingKind = z.infer<typeof PendingKind>;

/** Why the back-end says no: no ID card application in progress, or it is 异地 (户籍 elsewhere). */
export const RefusalReason = z.enum(['noApplication', 'otherRegistration']);
export type RefusalReason = z.infer<typeof RefusalReason>;

export const EligibilityAnswer = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('eligible'),
      /** As the 户籍 record holds it (a typed number brings no name). */
      name: z.string().min(1).max(40),
      /** The ID card application in progress. */
      application: z.object({ acceptanceNumber: z.string().min(1).max(40), kind: PendingKind, acceptedOn: IsoDate }).strict(),
      /** When the temporary card will be ready if applied for today (art. 12: within three days). */
      expectedOn: IsoDate,
    })
    .strict(),
  z.object({ status: z.literal('refused'), reason: RefusalReason }).strict(),
]);
export type EligibilityAnswer = z.infer<typeof EligibilityAnswer>;

const SandboxPerson = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('pending'),
      name: z.string().min(1),
      application: z.object({ acceptanceNumber: z.string().min(1), kind: PendingKind, acceptedDaysAgo: z.number().int().min(0).max(365) }).strict(),
      issueWithinDays: z.number().int().min(0).max(3),
    })
    .strict(),
  z.object({ status: z.literal('otherRegistration') }).strict(),
]);

// Checked on first use: a broken sandbox.json fails this call (badResponse), not the host's start.
const sandboxPeople = sandboxTable(z.record(z.string(), SandboxPerson), sandboxData.people);

export const temporaryIdEligibility: BackendOperation<EligibilityRequest, EligibilityAnswer> = {
  name: 'temporary-id-eligibility',
  request: EligibilityRequest,
  response: EligibilityAnswer,
  sandbox: (request, world) => {
    const table = sandboxPeople();
    if (!table.ok) return table;
    if (!world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    const person = table.value[request.idNumber];
    if (!person) return { ok: true, value: { status: 'refused', reason: 'noApplication' } };
    switch (person.status) {
      case 'otherRegistration':
        return { ok: true, value: { status: 'refused', reason: 'otherRegistration' } };
      case 'pending': {
        // Dates relative to the back-end's today, so the sandbox does not age with the calendar.
        const today = world.today();
        const { acceptanceNumber, kind, acceptedDaysAgo } = person.application;
        return {
          ok: true,
          value: {
            status: 'eligible',
            name: person.name,
            application: { acceptanceNumber, kind, acceptedOn: addDays(today, -acceptedDaysAgo) },
            expectedOn: addDays(today, person.issueWithinDays),
          },
        };
      }
      default: {
        const unknown: never = person;
        throw new Error(`unknown sandbox status ${String(unknown)}`);
      }
    }
  },
};
