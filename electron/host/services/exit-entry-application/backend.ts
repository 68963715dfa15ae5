/**
 * The back-end calls of 出入境证件申请 (besides the shared exit-entry-record):
 * the loss declaration of a 出入境 document (invalid at once; idempotent by
 * the run's key), the guardian check for an applicant under 16, and the
 * schedule (when the document is expected, 异地 or not). Served by the
 * sandbox from sandbox.json beside this file; a real gateway answers
 * `POST /v1/ops/exit-entry-application-report-lost`, `…-guardian` and
 * `…-schedule` with the same shapes.
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import { addDays } from '../../../../domain/calendar-date';
import { TravelDocumentType } from '../shared/exit-entry/travel-documents';
import { addWorkingDays } from './rules';
import sandboxData from './sandbox.json' with { type: 'json' };

const IdNumber = z.string().regex(/^[0-9]{17}[0-9X]$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ——— 遗失声明 (loss declaration) ———

export const ReportLostRequest = z
  .object({ idNumber: IdNumber, document: TravelDocumentType, documentNumber: z.string().regex(/^[A-Z][A-Z0-9]{7,9}$/), requestKey: z.string().min(8).max(80) })
  .strict();
export type ReportLostRequest = z.infer<typeof ReportLostRequest>;

export const ReportLostAnswer = z.object({ reportNumber: z.string().regex(/^[A-Z0-9]{6,24}$/), reportedOn: IsoDate }).strict();
export type ReportLostAnswer = z.infer<typeof ReportLostAnswer>;

export const reportLost: BackendOperation<ReportLostRequest, ReportLostAnswer> = {
  name: 'exit-entry-application-report-lost',
  request: ReportLostRequest,
  response: ReportLostAnswer,
  sandbox: (request, world) => {
    if (!world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    // The same declaration for the same document and day: a retried call reports nothing twice.
    return { ok: true, value: { reportNumber: `YS${world.today().replaceAll('-', '')}${request.documentNumber}`, reportedOn: world.today() } };
  },
};

// ——— 监护人 (the guardian of an applicant under 16) ———

export const GUARDIAN_RELATIONS = ['father', 'mother', 'otherGuardian'] as const;
export const GuardianRelation = z.enum(GUARDIAN_RELATIONS);
export type GuardianRelation = z.infer<typeof GuardianRelation>;

export const GuardianRequest = z.object({ childIdNumber: IdNumber, guardianIdNumber: IdNumber, relation: GuardianRelation }).strict();
export type GuardianRequest = z.infer<typeof GuardianRequest>;

/** Confirmed by the 户籍 records (the guardian's name for the receipt), or not: the counter, with the 户口簿 or 出生医学证明. */
export const GuardianAnswer = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('confirmed'), guardianName: z.string().min(1).max(40), relation: GuardianRelation }).strict(),
  z.object({ verdict: z.literal('notConfirmed') }).strict(),
]);
export type GuardianAnswer = z.infer<typeof GuardianAnswer>;

const SandboxGuardians = z.record(z.string(), z.array(z.object({ idNumber: IdNumber, relation: GuardianRelation }).strict()));
const guardians = sandboxTable(SandboxGuardians, sandboxData.guardians);

export const checkGuardian: BackendOperation<GuardianRequest, GuardianAnswer> = {
  name: 'exit-entry-application-guardian',
  request: GuardianRequest,
  response: GuardianAnswer,
  sandbox: (request, world) => {
    const table = guardians();
    if (!table.ok) return table;
    if (!world.citizen(request.childIdNumber)) return { ok: false, error: { kind: 'notFound' } };
    const guardian = world.citizen(request.guardianIdNumber);
    const listed = (table.value[request.childIdNumber] ?? []).some((entry) => entry.idNumber === request.guardianIdNumber && entry.relation === request.relation);
    return { ok: true, value: listed && guardian ? { verdict: 'confirmed', guardianName: guardian.name, relation: request.relation } : { verdict: 'notConfirmed' } };
  },
};

// ——— 办证时限 (when the document is expected) ———

export const ScheduleRequest = z.object({ idNumber: IdNumber, document: TravelDocumentType, hallProvinceCode: z.string().regex(/^\d{2}$/) }).strict();
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

export const ScheduleAnswer = z.object({ crossProvince: z.boolean(), expectedReadyOn: IsoDate }).strict();
export type ScheduleAnswer = z.infer<typeof ScheduleAnswer>;

const SandboxTimes = z.object({ localWorkingDays: z.number().int().min(1).max(30), crossProvinceDays: z.number().int().min(1).max(60) }).strict();
const times = sandboxTable(SandboxTimes, sandboxData.processing);

export const schedule: BackendOperation<ScheduleRequest, ScheduleAnswer> = {
  name: 'exit-entry-application-schedule',
  request: ScheduleRequest,
  response: ScheduleAnswer,
  sandbox: (request, world) => {
    const days = times();
    if (!days.ok) return days;
    const citizen = world.citizen(request.idNumber);
    if (!citizen) return { ok: false, error: { kind: 'notFound' } };
    const crossProvince = citizen.registeredResidence !== null && citizen.registeredResidence.provinceCode !== request.hallProvinceCode;
    const today = world.today();
    return { ok: true, value: { crossProvince, expectedReadyOn: crossProvince ? addDays(today, days.value.crossProvinceDays) : addWorkingDays(today, days.value.localWorkingDays) } };
  },
};
