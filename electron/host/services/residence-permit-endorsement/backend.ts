/**
 * The back-end calls of 居住证签注: the check (does the citizen hold a 居住证
 * here, does the 居住登记 continue, is this year's 签注 due) and the
 * endorsement itself (recorded once per idempotency key). Served by the
 * sandbox from sandbox.json beside this file, dates relative to the
 * back-end's today; a real gateway answers `POST /v1/ops/<name>` with the
 * same shapes (see README.md here).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { sandboxTable, type BackendOperation, type SandboxWorld } from '../../gateway/operation';
import type { GatewayResult } from '../../gateway/police-gateway';
import { resolveBound } from '../../flows/library/form/fields';
import { endorsementDecision, type PermitRecord } from './endorsement-rule';
import sandboxData from './sandbox.json' with { type: 'json' };

const IdNumber = z.string().regex(/^[0-9]{17}[0-9X]$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** 居住证编号 as the back-end gives it. */
const PermitNumber = z.string().regex(/^[0-9A-Z]{8,24}$/);
const HolderName = z.string().min(1).max(40);

export const CheckRequest = z.object({ idNumber: IdNumber }).strict();
export type CheckRequest = z.infer<typeof CheckRequest>;

/** The check's answer: whether this year's 签注 can be made now, and if not, why. */
export const CheckAnswer = z.discriminatedUnion('status', [
  /** No 居住证 here: apply for one first (居住证申领). */
  z.object({ status: z.literal('noPermit') }).strict(),
  /** The 居住登记 here has lapsed: register again at the window first. */
  z.object({ status: z.literal('registrationLapsed'), permitNumber: PermitNumber }).strict(),
  /** This year's 签注 is done: the next one from `dueFrom`. */
  z.object({ status: z.literal('alreadyEndorsed'), permitNumber: PermitNumber, endorsedUntil: IsoDate, dueFrom: IsoDate }).strict(),
  /** First year, not full yet: the first 签注 from `dueFrom`. */
  z.object({ status: z.literal('tooEarly'), permitNumber: PermitNumber, endorsedUntil: IsoDate, dueFrom: IsoDate }).strict(),
  /** Within the month before the year is full (`due`) or after it (`late`, 补办): it can be endorsed now. */
  z.object({ status: z.enum(['due', 'late']), permitNumber: PermitNumber, holderName: HolderName, endorsedUntil: IsoDate, newEndorsedUntil: IsoDate }).strict(),
]);
export type CheckAnswer = z.infer<typeof CheckAnswer>;
export type EligibleAnswer = Extract<CheckAnswer, { status: 'due' | 'late' }>;

export const EndorseRequest = z
  .object({
    idNumber: IdNumber,
    permitNumber: PermitNumber,
    /** The run's own key: the HTTP client retries, the back-end endorses once per key. */
    idempotencyKey: z.string().min(8).max(120),
  })
  .strict();
export type EndorseRequest = z.infer<typeof EndorseRequest>;

export const EndorseAnswer = z.object({ endorsementNumber: z.string().regex(/^[0-9A-Z]{8,32}$/), endorsedUntil: IsoDate }).strict();
export type EndorseAnswer = z.infer<typeof EndorseAnswer>;

/** A sandbox permit: its dates as days from the back-end's today, so tests do not rot with the calendar. */
const SandboxPermit = z
  .object({
    permitNumber: PermitNumber,
    endorsedUntilInDays: z.number().int(),
    /** Days since the last 签注; null: never endorsed (first year). */
    lastEndorsedDaysAgo: z.number().int().nonnegative().nullable(),
    registration: z.enum(['continuing', 'lapsed']),
  })
  .strict();
type SandboxPermit = z.infer<typeof SandboxPermit>;

const sandboxPermits = sandboxTable(z.record(z.string(), SandboxPermit), sandboxData.permits);

const daysFrom = (today: string, days: number) => resolveBound({ fromToday: { days } }, today);

function permitRecord(permit: SandboxPermit, today: string): PermitRecord {
  return {
    endorsedUntil: daysFrom(today, permit.endorsedUntilInDays),
    lastEndorsedOn: permit.lastEndorsedDaysAgo === null ? null : daysFrom(today, -permit.lastEndorsedDaysAgo),
    registration: permit.registration,
  };
}

/** The sandbox's check for one person: null when the back-end does not know them. */
function sandboxCheck(idNumber: string, world: SandboxWorld): GatewayResult<CheckAnswer> {
  const table = sandboxPermits();
  if (!table.ok) return table;
  const citizen = world.citizen(idNumber);
  if (!citizen) return { ok: false, error: { kind: 'notFound' } };
  const permit = table.value[idNumber];
  if (!permit) return { ok: true, value: { status: 'noPermit' } };
  const today = world.today();
  const record = permitRecord(permit, today);
  const decision = endorsementDecision(record, today);
  const base = { permitNumber: permit.permitNumber };
  switch (decision.status) {
    case 'registrationLapsed':
      return { ok: true, value: { status: 'registrationLapsed', ...base } };
    case 'alreadyEndorsed':
    case 'tooEarly':
      return { ok: true, value: { status: decision.status, ...base, endorsedUntil: record.endorsedUntil, dueFrom: decision.dueFrom } };
    case 'due':
    case 'late':
      return { ok: true, value: { status: decision.status, ...base, holderName: citizen.name, endorsedUntil: record.endorsedUntil, newEndorsedUntil: decision.newEndorsedUntil } };
    default: {
      const unknown: never = decision;
      return unknown;
    }
  }
}

export const endorsementCheck: BackendOperation<CheckRequest, CheckAnswer> = {
  name: 'residence-permit-endorsement-check',
  request: CheckRequest,
  response: CheckAnswer,
  sandbox: (request, world) => sandboxCheck(request.idNumber, world),
};

/** The sandbox's 签注编号: the same for the same key (a retried request endorses once). */
function sandboxEndorsementNumber(idempotencyKey: string, today: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 12)}`) % 1_000_000n;
  return `QZ${today.replaceAll('-', '')}${digits.toString().padStart(6, '0')}`;
}

export const endorsePermit: BackendOperation<EndorseRequest, EndorseAnswer> = {
  name: 'residence-permit-endorse',
  request: EndorseRequest,
  response: EndorseAnswer,
  sandbox: (request, world) => {
    const check = sandboxCheck(request.idNumber, world);
    if (!check.ok) return check;
    const answer = check.value;
    // Only a permit that may be endorsed now, and the one the kiosk was told of.
    if ((answer.status !== 'due' && answer.status !== 'late') || answer.permitNumber !== request.permitNumber) return { ok: false, error: { kind: 'notFound' } };
    return { ok: true, value: { endorsementNumber: sandboxEndorsementNumber(request.idempotencyKey, world.today()), endorsedUntil: answer.newEndorsedUntil } };
  },
};
