/**
 * The 交管 back-end's unhandled electronic-monitoring violations (非现场执法
 * 记录), shared by the 车驾管 services: by the driver's own licence (the
 * vehicles they own, and what was recorded on their licence), or by a plate
 * with the last six characters of its VIN (车辆识别代号), as 交管12123 asks.
 * Served by the sandbox from sandbox.json beside this file; a real gateway
 * answers `POST /v1/ops/traffic-violations`.
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation, type SandboxWorld } from '../../../gateway/operation';
import { resolveSandboxDate, SandboxDate } from '../../../gateway/sandbox-date';
import { DriverIdNumber } from './driver-record';
import sandboxData from './sandbox.json' with { type: 'json' };
import { trafficState } from './sandbox-state';
import { surchargeFen } from './surcharge';

export { paymentDueOn } from './surcharge';

const IsoDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** 号牌号码 without the dot: province character, letter, five more (six for new-energy plates). */
export const Plate = z.string().regex(/^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/);
/** 号牌种类 (GA 24.7): 01 大型汽车, 02 小型汽车, 51/52 新能源… */
export const PlateType = z.string().regex(/^\d{2}$/);

export const ViolationsRequest = z.discriminatedUnion('by', [
  z.object({ by: z.literal('licence'), idNumber: DriverIdNumber }).strict(),
  z
    .object({
      by: z.literal('plate'),
      plate: Plate,
      plateType: PlateType,
      vinTail: z.string().regex(/^[A-HJ-NPR-Z0-9]{6}$/),
      /** The identified driver asking, if any: a violation already on their own licence is not "another driver's" to them. */
      viewer: DriverIdNumber.optional(),
    })
    .strict(),
]);
export type ViolationsRequest = z.infer<typeof ViolationsRequest>;

export const Violation = z
  .object({
    /** 违法记录编号. */
    number: z.string().regex(/^\d{16}$/),
    plate: Plate,
    plateType: PlateType,
    /** Local wall time in the hall's zone, `YYYY-MM-DDTHH:mm`. */
    occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    place: z.string().min(1).max(100),
    /** 违法代码. */
    code: z.string().regex(/^\d{4,5}$/),
    behaviour: z.string().min(1).max(200),
    fineFen: z.number().int().min(0),
    points: z.number().int().min(0).max(12),
    /** Evidence photos the back-end holds for it. */
    photoCount: z.number().int().min(0).max(9),
    /** Already recorded on another driver's licence: the owner sees it, but only that driver handles it. */
    onOtherLicence: z.boolean(),
    /** The day a 处罚决定书 was made (not yet paid); null: not decided yet. */
    decidedOn: IsoDateString.nullable(),
    /** 加处罚款 due today on the fine (《行政处罚法》 art. 72: 3% a day after the 15 days, at most the fine), in fen; 0 when none. */
    surchargeFen: z.number().int().min(0),
  })
  .strict();
export type Violation = z.infer<typeof Violation>;

export const ViolationsAnswer = z.object({ violations: z.array(Violation) }).strict();
export type ViolationsAnswer = z.infer<typeof ViolationsAnswer>;

const SandboxViolation = Violation.omit({ occurredAt: true, onOtherLicence: true, decidedOn: true, photoCount: true, surchargeFen: true })
  .extend({
    /** `<SandboxDate> HH:mm`. */
    occurredAt: z.string().regex(/^(?:\d{4}-\d{2}-\d{2}|[+-]\d{1,5}d) \d{2}:\d{2}$/),
    photos: z.number().int().min(0).max(9),
    /** The licence it was recorded on; null: not yet attributed to a driver. */
    driver: DriverIdNumber.nullable(),
    decidedOn: SandboxDate.nullable(),
  })
  .strict();
const Vehicle = z.object({ plate: Plate, plateType: PlateType, vin: z.string().regex(/^[A-HJ-NPR-Z0-9]{17}$/), owner: DriverIdNumber }).strict();
export type SandboxViolation = z.infer<typeof SandboxViolation>;

export const sandboxVehicles = sandboxTable(z.array(Vehicle), sandboxData.vehicles);
export const sandboxViolations = sandboxTable(z.array(SandboxViolation), sandboxData.violations);

/** A sandbox row as the back-end states it on `today`, seen by `viewer` (null: a plate query). */
export function violationOf(row: SandboxViolation, today: string, viewer: string | null): Violation {
  const [day = today, time = '00:00'] = row.occurredAt.split(' ');
  const decidedOn = row.decidedOn === null ? null : resolveSandboxDate(row.decidedOn, today);
  return {
    number: row.number,
    plate: row.plate,
    plateType: row.plateType,
    occurredAt: `${resolveSandboxDate(day, today)}T${time}`,
    place: row.place,
    code: row.code,
    behaviour: row.behaviour,
    fineFen: row.fineFen,
    points: row.points,
    photoCount: row.photos,
    onOtherLicence: row.driver !== null && row.driver !== viewer,
    decidedOn,
    surchargeFen: surchargeFen(row.fineFen, decidedOn, today),
  };
}

/**
 * The sandbox's rows as they stand in `world` now: a paid one is gone, a
 * decision made since the start gives its row its day and its driver.
 */
export function currentRows(world: SandboxWorld, rows: readonly SandboxViolation[]): SandboxViolation[] {
  const state = trafficState(world);
  return rows
    .filter((row) => !state.paid.has(row.number))
    .map((row) => {
      const decision = state.decisions.get(row.number);
      return decision ? { ...row, decidedOn: decision.decidedOn, driver: decision.driver } : row;
    });
}

export const trafficViolations: BackendOperation<ViolationsRequest, ViolationsAnswer> = {
  name: 'traffic-violations',
  request: ViolationsRequest,
  response: ViolationsAnswer,
  sandbox: (request, world) => {
    const vehicles = sandboxVehicles();
    if (!vehicles.ok) return vehicles;
    const table = sandboxViolations();
    if (!table.ok) return table;
    const violations = { value: currentRows(world, table.value) };
    const today = world.today();
    switch (request.by) {
      case 'licence': {
        if (!world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
        const owned = new Set(vehicles.value.filter((vehicle) => vehicle.owner === request.idNumber).map((vehicle) => `${vehicle.plateType}:${vehicle.plate}`));
        const mine = violations.value.filter((row) => row.driver === request.idNumber || (row.driver === null && owned.has(`${row.plateType}:${row.plate}`)));
        return { ok: true, value: { violations: mine.map((row) => violationOf(row, today, request.idNumber)) } };
      }
      case 'plate': {
        const vehicle = vehicles.value.find((candidate) => candidate.plate === request.plate && candidate.plateType === request.plateType);
        // A wrong VIN tail answers exactly as an unknown plate: the query tells nothing about a stranger's car.
        if (!vehicle || !vehicle.vin.endsWith(request.vinTail)) return { ok: false, error: { kind: 'notFound' } };
        const rows = violations.value.filter((row) => row.plate === vehicle.plate && row.plateType === vehicle.plateType);
        return { ok: true, value: { violations: rows.map((row) => violationOf(row, today, request.viewer ?? null)) } };
      }
      default: {
        const unknown: never = request;
        return unknown;
      }
    }
  },
};
