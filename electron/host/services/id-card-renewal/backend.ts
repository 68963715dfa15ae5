/**
 * The back-end calls of 身份证换领/补领: the citizen's ID card record (may
 * the card be renewed, is an application already being made, 异地, the fee
 * exemption) and the report of a lost card, which makes it invalid at once.
 * Served by the sandbox from sandbox.json beside this file; a real gateway
 * answers `POST /v1/ops/id-card-renewal-record` and
 * `POST /v1/ops/id-card-renewal-report-lost` with the same shapes.
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation, type SandboxWorld } from '../../gateway/operation';
import { addDays } from '../../../../domain/calendar-date';
import { resolveSandboxDate, SandboxDate } from '../../gateway/sandbox-date';
import sandboxData from './sandbox.json' with { type: 'json' };

const IdNumber = z.string().regex(/^[0-9]{17}[0-9X]$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Days before expiry from which a card may be renewed (居民身份证条例实施细则 art. 15: 有效期满前三个月). */
export const RENEWAL_WINDOW_DAYS = 90;

export const RecordRequest = z.object({ idNumber: IdNumber, hallProvinceCode: z.string().regex(/^\d{2}$/) }).strict();
export type RecordRequest = z.infer<typeof RecordRequest>;

/** 低保 (pays nothing), hardship (pays half), or none: the back-end decides, never the kiosk. */
export const ExemptionCode = z.enum(['dibao', 'hardship', 'none']);
export type ExemptionCode = z.infer<typeof ExemptionCode>;

export const RecordAnswer = z
  .object({
    /** The holder's name (a typed number brings none). */
    name: z.string().min(1).max(40),
    /** The current card's last day, or long-term (长期). */
    validTo: z.union([IsoDate, z.literal('long-term')]),
    /** First day the card may be renewed for its expiry; null for a long-term card. */
    renewableFrom: IsoDate.nullable(),
    /** Expired, or within the renewal window: 到期换领 is allowed. */
    renewalDue: z.boolean(),
    /** The card was reported lost (it is invalid; only 补领 remains). */
    reportedLost: z.boolean(),
    /** An application for a new card is already being made. */
    applicationInProgress: z.boolean(),
    /** The 户籍 is in another province than this hall (异地, 跨省通办). */
    crossProvince: z.boolean(),
    /** When the new card is expected at the collection point (异地 takes longer: the 户籍地 signs it off). */
    expectedReadyOn: IsoDate,
    exemption: ExemptionCode,
  })
  .strict();
export type RecordAnswer = z.infer<typeof RecordAnswer>;

export const ReportLostRequest = z.object({ idNumber: IdNumber, requestKey: z.string().min(8).max(80) }).strict();
export type ReportLostRequest = z.infer<typeof ReportLostRequest>;

export const ReportLostAnswer = z.object({ reportNumber: z.string().regex(/^[A-Z0-9]{6,24}$/), reportedOn: IsoDate }).strict();
export type ReportLostAnswer = z.infer<typeof ReportLostAnswer>;

const SandboxRecord = z
  .object({
    validTo: z.union([SandboxDate, z.literal('long-term')]),
    reportedLost: z.boolean().optional(),
    applicationInProgress: z.boolean().optional(),
    exemption: ExemptionCode.optional(),
  })
  .strict();
const SandboxTimes = z.object({ localDays: z.number().int().min(1).max(90), crossProvinceDays: z.number().int().min(1).max(120) }).strict();
const records = sandboxTable(z.record(z.string(), SandboxRecord), sandboxData.records);
const times = sandboxTable(SandboxTimes, sandboxData.processingDays);


export const renewalRecord: BackendOperation<RecordRequest, RecordAnswer> = {
  name: 'id-card-renewal-record',
  request: RecordRequest,
  response: RecordAnswer,
  sandbox: (request, world) => {
    const table = records();
    if (!table.ok) return table;
    const days = times();
    if (!days.ok) return days;
    const citizen = world.citizen(request.idNumber);
    const record = table.value[request.idNumber];
    if (!citizen || !record) return { ok: false, error: { kind: 'notFound' } };
    const today = world.today();
    const validTo = record.validTo === 'long-term' ? 'long-term' : resolveSandboxDate(record.validTo, today);
    const renewableFrom = validTo === 'long-term' ? null : addDays(validTo, -RENEWAL_WINDOW_DAYS);
    const crossProvince = citizen.registeredResidence !== null && citizen.registeredResidence.provinceCode !== request.hallProvinceCode;
    return {
      ok: true,
      value: {
        name: citizen.name,
        validTo,
        renewableFrom,
        renewalDue: renewableFrom !== null && renewableFrom <= today,
        reportedLost: record.reportedLost ?? false,
        applicationInProgress: record.applicationInProgress ?? false,
        crossProvince,
        expectedReadyOn: addDays(today, crossProvince ? days.value.crossProvinceDays : days.value.localDays),
        exemption: record.exemption ?? 'none',
      },
    };
  },
};

/** The sandbox's report number: the day and the number's last six characters (the same report for the same person and day). */
function sandboxReportNumber(idNumber: string, world: SandboxWorld): string {
  return `GS${world.today().replaceAll('-', '')}${idNumber.slice(-6)}`;
}

export const reportLost: BackendOperation<ReportLostRequest, ReportLostAnswer> = {
  name: 'id-card-renewal-report-lost',
  request: ReportLostRequest,
  response: ReportLostAnswer,
  sandbox: (request, world) => {
    if (!world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    return { ok: true, value: { reportNumber: sandboxReportNumber(request.idNumber, world), reportedOn: world.today() } };
  },
};
