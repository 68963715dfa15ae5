/**
 * The back-end call of 未满十六周岁 居民身份证首次申领: may this guardian apply
 * for this child? The 户籍 system answers, before anything is paid: the child
 * is in the guardian's 户口, is under 16 (16 and over apply themselves), has
 * no ID card yet and no application in progress; and which fee exemption the
 * household has (低保, hardship, none). Served by the sandbox from
 * sandbox.json beside this file; a real gateway answers
 * `POST /v1/ops/child-id-card-household` with the same shapes (README.md).
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import type { GatewayResult } from '../../gateway/police-gateway';
import sandboxData from './sandbox.json' with { type: 'json' };

const ResidentIdNumber = z.string().regex(/^[0-9]{17}[0-9X]$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const HouseholdRequest = z.object({ guardianIdNumber: ResidentIdNumber, childIdNumber: ResidentIdNumber }).strict();
export type HouseholdRequest = z.infer<typeof HouseholdRequest>;

/** The exemption codes of the service's fee rule, or none. */
export const ChildExemption = z.enum(['dibao', 'hardship', 'none']);
export type ChildExemption = z.infer<typeof ChildExemption>;

/** Why the back-end refuses the pair: each has its own words on what to do instead. */
export const HouseholdRefusal = z.enum(['notInHousehold', 'aged16OrOver', 'alreadyHasCard', 'applicationInProgress']);
export type HouseholdRefusal = z.infer<typeof HouseholdRefusal>;

export const HouseholdAnswer = z.discriminatedUnion('verdict', [
  z
    .object({
      verdict: z.literal('eligible'),
      /** The child as the 户口 records them (the name is printed masked). */
      child: z.object({ name: z.string().min(1).max(40), birthDate: IsoDate }).strict(),
      exemption: ChildExemption,
      /** Days until the card is expected at the hall (制证 and delivery to this hall). */
      readyWithinDays: z.number().int().min(1).max(90),
    })
    .strict(),
  z.object({ verdict: z.literal('refused'), reason: HouseholdRefusal }).strict(),
]);
export type HouseholdAnswer = z.infer<typeof HouseholdAnswer>;

/** One member's card facts in the sandbox. */
const ChildFacts = z.object({ hasCard: z.boolean(), applicationInProgress: z.boolean() }).strict();
export type ChildFacts = z.infer<typeof ChildFacts>;

const SandboxHouseholds = z
  .object({
    households: z.record(ResidentIdNumber, z.array(ResidentIdNumber)),
    children: z.record(ResidentIdNumber, ChildFacts),
    exemptions: z.record(ResidentIdNumber, ChildExemption),
    readyWithinDays: z.number().int().min(1).max(90),
  })
  .passthrough();
export type SandboxHouseholds = z.infer<typeof SandboxHouseholds>;

const sandboxHouseholds = sandboxTable(SandboxHouseholds, sandboxData);

/** Whole years from `birthDate` to `today` (both `YYYY-MM-DD`): the birthday counts from its own day. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** `YYYYMMDD` in the number (GB 11643 digits 7–14) as `YYYY-MM-DD`. */
export const birthDateOf = (idNumber: string): string => `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;

/**
 * The rules in the order the 户籍 system applies them: the 户口 first (a
 * stranger's child is refused whatever its age), then the age on today's
 * date, then the card and an application in progress.
 */
export function householdVerdict(data: SandboxHouseholds, request: HouseholdRequest, childName: string, today: string): HouseholdAnswer {
  const members = data.households[request.guardianIdNumber] ?? [];
  if (!members.includes(request.childIdNumber)) return { verdict: 'refused', reason: 'notInHousehold' };
  const birthDate = birthDateOf(request.childIdNumber);
  if (ageOn(birthDate, today) >= 16) return { verdict: 'refused', reason: 'aged16OrOver' };
  const facts = data.children[request.childIdNumber] ?? { hasCard: false, applicationInProgress: false };
  if (facts.hasCard) return { verdict: 'refused', reason: 'alreadyHasCard' };
  if (facts.applicationInProgress) return { verdict: 'refused', reason: 'applicationInProgress' };
  return { verdict: 'eligible', child: { name: childName, birthDate }, exemption: data.exemptions[request.guardianIdNumber] ?? 'none', readyWithinDays: data.readyWithinDays };
}

export const childHousehold: BackendOperation<HouseholdRequest, HouseholdAnswer> = {
  name: 'child-id-card-household',
  request: HouseholdRequest,
  response: HouseholdAnswer,
  sandbox: (request, world): GatewayResult<HouseholdAnswer> => {
    const table = sandboxHouseholds();
    if (!table.ok) return table;
    const child = world.citizen(request.childIdNumber);
    // Someone the 户籍 system does not know (guardian or child): nothing to confirm.
    if (!world.citizen(request.guardianIdNumber) || !child) return { ok: false, error: { kind: 'notFound' } };
    return { ok: true, value: householdVerdict(table.value, request, child.name, world.today()) };
  },
};
