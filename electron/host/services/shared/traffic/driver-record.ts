/**
 * The 车驾管 back-end's driver record, shared by every 交管 service: the
 * licence (class, validity, status), the points in the current 记分周期 and
 * the latest electronic medical check (电子体检信息, uploaded by a certified
 * medical institution). Served by the sandbox from sandbox.json beside this
 * file; a real gateway answers `POST /v1/ops/driver-record`.
 */
import { z } from 'zod';
import { addDays, type IsoDate } from '../../../../../domain/calendar-date';
import { sandboxTable, type BackendOperation } from '../../../gateway/operation';
import { resolveSandboxDate, SandboxDate } from '../../../gateway/sandbox-date';
import sandboxData from './sandbox.json' with { type: 'json' };
import { pointsRecorded } from './sandbox-state';

const IsoDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** 18 characters (residents, 港澳台 permits, 2023 foreigner cards), or a 2017 foreigner permit's three letters and twelve digits. */
export const DriverIdNumber = z.string().regex(/^(?:[0-9]{17}[0-9X]|[A-Z]{3}[0-9]{12})$/);

/** 驾驶证状态: 正常, 超分 (满分), 逾期未换证, 吊销, 注销, 暂扣, 停止使用. */
export const LicenceStatus = z.enum(['normal', 'pointsExceeded', 'expired', 'revoked', 'cancelled', 'detained', 'suspended']);
export type LicenceStatus = z.infer<typeof LicenceStatus>;

export const MedicalCheck = z
  .object({
    institution: z.string().min(1).max(100),
    checkedOn: IsoDateString,
    /** The last day the record may be used for an application. */
    validUntil: IsoDateString,
    conclusion: z.enum(['fit', 'unfit']),
  })
  .strict();
export type MedicalCheck = z.infer<typeof MedicalCheck>;

export const DriverRecordRequest = z.object({ idNumber: DriverIdNumber }).strict();
export type DriverRecordRequest = z.infer<typeof DriverRecordRequest>;

export const DriverRecordAnswer = z
  .object({
    name: z.string().min(1).max(100),
    birthDate: IsoDateString,
    licence: z
      .object({
        /** 驾驶证号: the holder's ID number. */
        number: DriverIdNumber,
        /** 档案编号, 12 digits. */
        fileNumber: z.string().regex(/^\d{12}$/),
        /** 准驾车型, e.g. C1, A2D. */
        classes: z.string().regex(/^[A-Z0-9]{1,8}$/),
        firstIssuedOn: IsoDateString,
        validFrom: IsoDateString,
        validUntil: z.union([IsoDateString, z.literal('long-term')]),
        status: LicenceStatus,
        issuingAuthority: z.string().min(1).max(60),
      })
      .strict(),
    /** Points in the current 记分周期 (twelve months from the first issue date's anniversary). */
    points: z.object({ current: z.number().int().min(0).max(99), cycleFrom: IsoDateString, cycleTo: IsoDateString }).strict(),
    /** The latest electronic medical check on record, valid or not; null: none. */
    medicalCheck: MedicalCheck.nullable(),
  })
  .strict();
export type DriverRecordAnswer = z.infer<typeof DriverRecordAnswer>;

const SandboxMedicalCheck = MedicalCheck.extend({ checkedOn: SandboxDate, validUntil: SandboxDate });
/**
 * The driver's dated record of violations (handled or not) and accidents (at
 * fault or not), for services that count them over a period (驾驶人安全驾驶证明).
 */
const SandboxHistory = z
  .object({
    violations: z.array(z.object({ on: SandboxDate, handled: z.boolean() }).strict()),
    accidents: z.array(z.object({ on: SandboxDate, atFault: z.boolean() }).strict()),
  })
  .strict();
const SandboxDriver = z
  .object({
    licence: z
      .object({
        fileNumber: z.string().regex(/^\d{12}$/),
        classes: z.string().regex(/^[A-Z0-9]{1,8}$/),
        firstIssuedOn: SandboxDate,
        validFrom: SandboxDate,
        validUntil: z.union([SandboxDate, z.literal('long-term')]),
        status: LicenceStatus,
      })
      .strict(),
    points: z.number().int().min(0).max(99),
    medicalChecks: z.array(SandboxMedicalCheck),
    /** Absent: nothing on record. */
    history: SandboxHistory.default({ violations: [], accidents: [] }),
  })
  .strict();
export type SandboxDriver = z.infer<typeof SandboxDriver>;
export const sandboxDrivers = sandboxTable(z.record(z.string(), SandboxDriver), sandboxData.drivers);

/** The sandbox's 车辆管理所 (the hall's city). */
const ISSUING_AUTHORITY = '河南省平顶山市公安局交通警察支队';

/** The 记分周期 containing `today`: from the last anniversary of the first issue (today included) for twelve months. */
export function scoringCycle(firstIssuedOn: IsoDate, today: IsoDate): { cycleFrom: IsoDate; cycleTo: IsoDate } {
  const monthDay = firstIssuedOn.slice(5);
  // 29 February: its anniversary in a common year is 1 March (the day after 28 February).
  const anniversary = (year: number) => {
    const day = `${year}-${monthDay}`;
    return monthDay === '02-29' && addDays(`${year}-02-28`, 1) !== day ? `${year}-03-01` : day;
  };
  const year = Number(today.slice(0, 4));
  const cycleFrom = anniversary(year) <= today ? anniversary(year) : anniversary(year - 1);
  const cycleTo = addDays(anniversary(Number(cycleFrom.slice(0, 4)) + 1), -1);
  return { cycleFrom, cycleTo };
}

/** `YYYY-MM-DD` birth date inside an 18-digit resident number, or null (a foreigner's 2017 permit has none to read). */
function birthDateOf(idNumber: string): IsoDate | null {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[0-9X]$/.exec(idNumber);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export const driverRecord: BackendOperation<DriverRecordRequest, DriverRecordAnswer> = {
  name: 'driver-record',
  request: DriverRecordRequest,
  response: DriverRecordAnswer,
  sandbox: (request, world) => {
    const table = sandboxDrivers();
    if (!table.ok) return table;
    const driver = table.value[request.idNumber];
    const citizen = world.citizen(request.idNumber);
    const birthDate = birthDateOf(request.idNumber);
    if (!driver || !citizen || !birthDate) return { ok: false, error: { kind: 'notFound' } };
    const today = world.today();
    const at = (value: string) => resolveSandboxDate(value, today);
    const { licence } = driver;
    const firstIssuedOn = at(licence.firstIssuedOn);
    const latest = [...driver.medicalChecks].map((check) => ({ ...check, checkedOn: at(check.checkedOn), validUntil: at(check.validUntil) })).sort((a, b) => b.checkedOn.localeCompare(a.checkedOn))[0];
    return {
      ok: true,
      value: {
        name: citizen.name,
        birthDate,
        licence: {
          number: request.idNumber,
          fileNumber: licence.fileNumber,
          classes: licence.classes,
          firstIssuedOn,
          validFrom: at(licence.validFrom),
          validUntil: licence.validUntil === 'long-term' ? 'long-term' : at(licence.validUntil),
          status: licence.status,
          issuingAuthority: ISSUING_AUTHORITY,
        },
        // Points the decisions made since the sandbox started recorded come on top of the table's.
        points: { current: driver.points + pointsRecorded(world, request.idNumber), ...scoringCycle(firstIssuedOn, today) },
        medicalCheck: latest ?? null,
      },
    };
  },
};
