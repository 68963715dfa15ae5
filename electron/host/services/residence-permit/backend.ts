/**
 * The back-end call of 居住证申领: may this citizen apply for a 居住证 here
 * now, and if not, why (户籍 here, a permit already held, an application in
 * progress, no 居住登记, or not yet half a year). A read: the application
 * itself goes through the outbox (the submit step). Served by the sandbox
 * from sandbox.json beside this file, dates relative to the back-end's
 * today; a real gateway answers `POST /v1/ops/residence-permit-eligibility`
 * with the same shapes (README.md here).
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation, type SandboxWorld } from '../../gateway/operation';
import type { GatewayResult } from '../../gateway/police-gateway';
import { resolveBound } from '../../flows/library/form/fields';
import { applicationDecision, issuedBy, type ResidenceRecord } from './application-rule';
import sandboxData from './sandbox.json' with { type: 'json' };

const IdNumber = z.string().regex(/^[0-9]{17}[0-9X]$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** 居住证编号 as the back-end gives it. */
const PermitNumber = z.string().regex(/^[0-9A-Z]{8,24}$/);

export const EligibilityRequest = z.object({ idNumber: IdNumber }).strict();
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;

/** The answer: eligible (with the name on the record and the latest day the permit is issued), or why not. */
export const EligibilityAnswer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('eligible'), name: z.string().min(1).max(40), registeredSince: IsoDate, issuedBy: IsoDate }).strict(),
  /** 常住户口 here: no 居住证 needed. */
  z.object({ status: z.literal('localResident') }).strict(),
  /** A 居住证 here already: endorse it (居住证签注) instead. */
  z.object({ status: z.literal('alreadyHeld'), permitNumber: PermitNumber }).strict(),
  /** An application is being made: wait for it. */
  z.object({ status: z.literal('inProgress'), appliedOn: IsoDate }).strict(),
  /** No 居住登记 here: register first. */
  z.object({ status: z.literal('notRegistered') }).strict(),
  /** Registered less than half a year: from `applyFrom`. */
  z.object({ status: z.literal('tooShort'), registeredSince: IsoDate, applyFrom: IsoDate }).strict(),
]);
export type EligibilityAnswer = z.infer<typeof EligibilityAnswer>;
export type EligibleAnswer = Extract<EligibilityAnswer, { status: 'eligible' }>;
export type RefusalAnswer = Exclude<EligibilityAnswer, { status: 'eligible' }>;

const SandboxTable = z
  .object({
    city: z.object({ provinceCode: z.string().regex(/^\d{2}$/), city: z.string().min(1) }).strict(),
    registrations: z.record(z.string(), z.object({ sinceMonthsAgo: z.number().int().nonnegative() }).strict()),
    permits: z.record(z.string(), PermitNumber),
    applicationsInProgress: z.record(z.string(), z.object({ sinceDaysAgo: z.number().int().nonnegative() }).strict()),
  })
  .passthrough();

const sandboxRecords = sandboxTable(SandboxTable, sandboxData);

/** The sandbox's answer for one person: notFound when the back-end does not know them. */
export function sandboxEligibility(idNumber: string, world: SandboxWorld): GatewayResult<EligibilityAnswer> {
  const table = sandboxRecords();
  if (!table.ok) return table;
  const citizen = world.citizen(idNumber);
  if (!citizen) return { ok: false, error: { kind: 'notFound' } };
  const { city, registrations, permits, applicationsInProgress } = table.value;
  const today = world.today();
  const back = (fromToday: { months?: number; days?: number }) => resolveBound({ fromToday }, today);
  const registration = registrations[idNumber];
  const inProgress = applicationsInProgress[idNumber];
  const household = citizen.registeredResidence;
  const record: ResidenceRecord = {
    householdHere: household !== null && household.provinceCode === city.provinceCode && household.city === city.city,
    permitNumber: permits[idNumber] ?? null,
    applicationInProgressSince: inProgress ? back({ days: -inProgress.sinceDaysAgo }) : null,
    registeredSince: registration ? back({ months: -registration.sinceMonthsAgo }) : null,
  };
  const decision = applicationDecision(record, today);
  switch (decision.status) {
    case 'eligible':
      return { ok: true, value: { status: 'eligible', name: citizen.name, registeredSince: record.registeredSince!, issuedBy: issuedBy(today) } };
    case 'localResident':
    case 'notRegistered':
      return { ok: true, value: { status: decision.status } };
    case 'alreadyHeld':
    case 'inProgress':
    case 'tooShort':
      return { ok: true, value: decision };
    default: {
      const unknown: never = decision;
      return unknown;
    }
  }
}

export const permitEligibility: BackendOperation<EligibilityRequest, EligibilityAnswer> = {
  name: 'residence-permit-eligibility',
  request: EligibilityRequest,
  response: EligibilityAnswer,
  sandbox: (request, world) => sandboxEligibility(request.idNumber, world),
};
