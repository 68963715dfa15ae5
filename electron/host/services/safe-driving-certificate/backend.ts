/**
 * The back-end call this service adds: a driver's record over a period
 * (licence class and status, violations, accidents, points), as 交管12123's
 * 驾驶人安全驾驶证明 states it. Served by the sandbox from sandbox.json beside
 * this file; a real gateway answers `POST /v1/ops/driver-safety-record`.
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import sandboxData from './sandbox.json' with { type: 'json' };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PERIOD_YEARS = [1, 3] as const;

/** 18 characters (residents, 港澳台 permits, 2023 foreigner cards), or a 2017 foreigner permit's three letters and twelve digits: the service serves foreigners too. */
const DriverIdNumber = z.string().regex(/^(?:[0-9]{17}[0-9X]|[A-Z]{3}[0-9]{12})$/);

export const DriverRecordRequest = z
  .object({ idNumber: DriverIdNumber, years: z.union([z.literal(1), z.literal(3)]), requestKey: z.string().min(1).max(120) })
  .strict();
export type DriverRecordRequest = z.infer<typeof DriverRecordRequest>;

/** 驾驶证状态: 正常, 超分, 逾期未换证, 吊销, 注销, 暂扣, 停止使用. */
export const LicenceStatus = z.enum(['normal', 'pointsExceeded', 'expired', 'revoked', 'cancelled', 'detained', 'suspended']);
export type LicenceStatus = z.infer<typeof LicenceStatus>;

export const DriverRecord = z
  .object({
    /** The driver's name as the licence record holds it: a typed ID number brings none, and the certificate states it. */
    name: z.string().min(1).max(100),
    licence: z
      .object({
        /** 准驾车型, e.g. C1, A2D. */
        classes: z.string().regex(/^[A-Z0-9]{1,8}$/),
        firstIssuedOn: IsoDate,
        validUntil: IsoDate,
        status: LicenceStatus,
      })
      .strict(),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    violations: z.number().int().min(0),
    unhandledViolations: z.number().int().min(0),
    accidents: z.number().int().min(0),
    accidentsAtFault: z.number().int().min(0),
    /** Points in the current 记分周期. */
    points: z.number().int().min(0).max(99),
  })
  .strict();
export type DriverRecord = z.infer<typeof DriverRecord>;

const SandboxDriver = z
  .object({
    licence: DriverRecord.shape.licence,
    /** Events with their dates, so the chosen period counts only its own. */
    violations: z.array(z.object({ on: IsoDate, handled: z.boolean() }).strict()),
    accidents: z.array(z.object({ on: IsoDate, atFault: z.boolean() }).strict()),
    points: z.number().int().min(0).max(99),
  })
  .strict();
const drivers = sandboxTable(z.record(z.string(), SandboxDriver), sandboxData.drivers);

/** `YYYY-MM-DD` of `date` minus `years` (same month and day). */
function yearsBefore(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) - years}${isoDate.slice(4)}`;
}

export const driverSafetyRecord: BackendOperation<DriverRecordRequest, DriverRecord> = {
  name: 'driver-safety-record',
  request: DriverRecordRequest,
  response: DriverRecord,
  sandbox: (request, world) => {
    const table = drivers();
    if (!table.ok) return table;
    const driver = table.value[request.idNumber];
    const citizen = world.citizen(request.idNumber);
    if (!driver || !citizen) return { ok: false, error: { kind: 'notFound' } };
    // The back-end's calendar day (the hall's zone), not UTC's: before 08:00 in Beijing they differ.
    const periodTo = world.today();
    const periodFrom = yearsBefore(periodTo, request.years);
    const inPeriod = (on: string) => on >= periodFrom && on <= periodTo;
    const violations = driver.violations.filter((event) => inPeriod(event.on));
    const accidents = driver.accidents.filter((event) => inPeriod(event.on));
    return {
      ok: true,
      value: {
        name: citizen.name,
        licence: driver.licence,
        periodFrom,
        periodTo,
        violations: violations.length,
        unhandledViolations: violations.filter((event) => !event.handled).length,
        accidents: accidents.length,
        accidentsAtFault: accidents.filter((event) => event.atFault).length,
        points: driver.points,
      },
    };
  },
};
