/**
 * The back-end call this service adds: a driver's record over a period
 * (licence class and status, violations, accidents, points), as 交管12123's
 * 驾驶人安全驾驶证明 states it. Served by the sandbox from the 车驾管 drivers
 * every traffic service shares (shared/traffic/sandbox.json: the licence, the
 * points and the dated history); a real gateway answers
 * `POST /v1/ops/driver-safety-record`.
 */
import { z } from 'zod';
import type { BackendOperation } from '../../gateway/operation';
import { resolveSandboxDate } from '../../gateway/sandbox-date';
import { DriverIdNumber, LicenceStatus, sandboxDrivers } from '../shared/traffic/driver-record';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PERIOD_YEARS = [1, 3] as const;

export const DriverRecordRequest = z
  .object({ idNumber: DriverIdNumber, years: z.union([z.literal(1), z.literal(3)]), requestKey: z.string().min(1).max(120) })
  .strict();
export type DriverRecordRequest = z.infer<typeof DriverRecordRequest>;

export const DriverRecord = z
  .object({
    /** The driver's name as the licence record holds it: a typed ID number brings none, and the certificate states it. */
    name: z.string().min(1).max(100),
    licence: z
      .object({
        /** 准驾车型, e.g. C1, A2D. */
        classes: z.string().regex(/^[A-Z0-9]{1,8}$/),
        firstIssuedOn: IsoDate,
        /** 长期 licences (the third renewal on) have no end date. */
        validUntil: z.union([IsoDate, z.literal('long-term')]),
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

/** `YYYY-MM-DD` of `date` minus `years` (same month and day). */
function yearsBefore(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) - years}${isoDate.slice(4)}`;
}

export const driverSafetyRecord: BackendOperation<DriverRecordRequest, DriverRecord> = {
  name: 'driver-safety-record',
  request: DriverRecordRequest,
  response: DriverRecord,
  sandbox: (request, world) => {
    const table = sandboxDrivers();
    if (!table.ok) return table;
    const driver = table.value[request.idNumber];
    const citizen = world.citizen(request.idNumber);
    if (!driver || !citizen) return { ok: false, error: { kind: 'notFound' } };
    // The back-end's calendar day (the hall's zone), not UTC's: before 08:00 in Beijing they differ.
    const periodTo = world.today();
    const periodFrom = yearsBefore(periodTo, request.years);
    const at = (value: string) => resolveSandboxDate(value, periodTo);
    const inPeriod = (on: string) => at(on) >= periodFrom && at(on) <= periodTo;
    const violations = driver.history.violations.filter((event) => inPeriod(event.on));
    const accidents = driver.history.accidents.filter((event) => inPeriod(event.on));
    const { licence } = driver;
    return {
      ok: true,
      value: {
        name: citizen.name,
        licence: {
          classes: licence.classes,
          firstIssuedOn: at(licence.firstIssuedOn),
          validUntil: licence.validUntil === 'long-term' ? 'long-term' : at(licence.validUntil),
          status: licence.status,
        },
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
