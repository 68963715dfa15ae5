/**
 * The back-end call of 出入境办理进度查询: the citizen's 出入境 applications
 * (普通护照, 往来港澳通行证, 往来台湾通行证) and where each one stands, asked
 * two ways:
 * - `by: 'acceptanceNumber'`: the 受理编号 printed on the 受理回执 plus the
 *   last four characters of the applicant's ID number (the receipt shows
 *   them, masked as 4104**********1230; they stop a guessed number from
 *   revealing anyone's application). One application, or `404` for a number
 *   unknown or a tail that does not match (the same answer: no oracle).
 * - `by: 'idNumber'`: every application of a citizen the kiosk identified
 *   and face-checked.
 * The answer never holds the ID number or the full name: the holder's name
 * comes masked (all the kiosk ever shows). Served by the sandbox from
 * sandbox.json beside this file; a real gateway answers
 * `POST /v1/ops/exit-entry-progress` with the same shapes.
 */
import { z } from 'zod';
import { maskName } from '../../../../domain/mask';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import { resolveSandboxDate, SandboxDate } from '../../gateway/sandbox-date';
import { TravelDocumentType } from '../shared/exit-entry/travel-documents';
import sandboxData from './sandbox.json' with { type: 'json' };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * 受理编号 as this service expects them: 20 digits (the 受理单位's six-digit
 * GB/T 2260 code, then a 14-digit sequence), printed as CODE128 on the
 * 受理回执. The request takes any capitals and digits up to 22 (what the
 * form's `code` field takes): whether a number exists is the back-end's word.
 */
export const ACCEPTANCE_NUMBER = /^[0-9]{20}$/;
export const MAX_ACCEPTANCE_NUMBER_LENGTH = 22;

export const ProgressRequest = z.discriminatedUnion('by', [
  z
    .object({
      by: z.literal('acceptanceNumber'),
      acceptanceNumber: z.string().regex(new RegExp(`^[A-Z0-9]{1,${MAX_ACCEPTANCE_NUMBER_LENGTH}}$`)),
      /** The last four characters of the applicant's ID number. */
      idNumberTail: z.string().regex(/^[0-9]{3}[0-9X]$/),
    })
    .strict(),
  z.object({ by: z.literal('idNumber'), idNumber: z.string().regex(/^[0-9]{17}[0-9X]$/) }).strict(),
]);
export type ProgressRequest = z.infer<typeof ProgressRequest>;

/** 已受理, 审批中, 制证中, 已制证待领取, 已邮寄, 已领取, 不予批准. */
export const APPLICATION_STATUSES = ['accepted', 'underReview', 'producing', 'ready', 'posted', 'collected', 'refused'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** 首次申请, 换发 (expired, pages full, expiring), 补发 (lost). */
export const ApplicationKind = z.enum(['first', 'renewal', 'replacement']);
export type ApplicationKind = z.infer<typeof ApplicationKind>;

export const ExitEntryApplication = z
  .object({
    acceptanceNumber: z.string().regex(ACCEPTANCE_NUMBER),
    document: TravelDocumentType,
    kind: ApplicationKind,
    acceptedOn: IsoDate,
    status: ApplicationStatus,
    /** When the document should be ready, while it is being decided or made. */
    expectedOn: IsoDate.nullable(),
    /** 已制证待领取: the hall (by its name; the kiosk compares it with its own), its window when another hall's, and from which day. */
    collection: z.object({ hall: z.string().min(1).max(120), window: z.string().min(1).max(20).nullable(), from: IsoDate }).strict().nullable(),
    /** 已邮寄: the EMS number and the day it was posted. */
    ems: z.object({ number: z.string().regex(/^[A-Z0-9]{8,20}$/), postedOn: IsoDate }).strict().nullable(),
    /** 已领取: the day. */
    collectedOn: IsoDate.nullable(),
  })
  .strict();
export type ExitEntryApplication = z.infer<typeof ExitEntryApplication>;

export const ProgressAnswer = z
  .object({
    /** The applicant's name, masked (张**): the only name this call gives. */
    holderNameMasked: z.string().min(1).max(40),
    applications: z.array(ExitEntryApplication).max(10),
  })
  .strict();
export type ProgressAnswer = z.infer<typeof ProgressAnswer>;

const SandboxApplication = ExitEntryApplication.extend({
  acceptedOn: SandboxDate,
  expectedOn: SandboxDate.nullable(),
  collection: z.object({ hall: z.string().min(1).max(120), window: z.string().min(1).max(20).nullable(), from: SandboxDate }).strict().nullable(),
  ems: z.object({ number: z.string().regex(/^[A-Z0-9]{8,20}$/), postedOn: SandboxDate }).strict().nullable(),
  collectedOn: SandboxDate.nullable(),
});
type SandboxApplication = z.infer<typeof SandboxApplication>;
const sandboxApplications = sandboxTable(z.record(z.string(), z.array(SandboxApplication)), sandboxData.applications);

function resolved(application: SandboxApplication, today: string): ExitEntryApplication {
  const date = (value: string) => resolveSandboxDate(value, today);
  return {
    ...application,
    acceptedOn: date(application.acceptedOn),
    expectedOn: application.expectedOn === null ? null : date(application.expectedOn),
    collection: application.collection === null ? null : { ...application.collection, from: date(application.collection.from) },
    ems: application.ems === null ? null : { ...application.ems, postedOn: date(application.ems.postedOn) },
    collectedOn: application.collectedOn === null ? null : date(application.collectedOn),
  };
}

export const exitEntryProgress: BackendOperation<ProgressRequest, ProgressAnswer> = {
  name: 'exit-entry-progress',
  request: ProgressRequest,
  response: ProgressAnswer,
  sandbox: (request, world) => {
    const table = sandboxApplications();
    if (!table.ok) return table;
    const today = world.today();
    switch (request.by) {
      case 'idNumber': {
        const citizen = world.citizen(request.idNumber);
        if (!citizen || citizen.holder !== 'resident') return { ok: false, error: { kind: 'notFound' } };
        const applications = (table.value[request.idNumber] ?? []).map((application) => resolved(application, today));
        return { ok: true, value: { holderNameMasked: maskName(citizen.name), applications } };
      }
      case 'acceptanceNumber': {
        for (const [idNumber, applications] of Object.entries(table.value)) {
          const found = applications.find((application) => application.acceptanceNumber === request.acceptanceNumber);
          const citizen = found && world.citizen(idNumber);
          // A number and a tail that do not belong together are answered as an unknown number.
          if (found && citizen && idNumber.endsWith(request.idNumberTail)) return { ok: true, value: { holderNameMasked: maskName(citizen.name), applications: [resolved(found, today)] } };
        }
        return { ok: false, error: { kind: 'notFound' } };
      }
      default: {
        const unknown: never = request;
        return unknown;
      }
    }
  },
};
