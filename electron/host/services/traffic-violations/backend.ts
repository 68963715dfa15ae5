/**
 * The back-end calls of 交通违法处理 beyond the shared driver record and
 * violations query (shared/traffic): the evidence photos of a driver's
 * violations, the 处罚决定 (one decision number for the violations taken
 * on, points recorded on the licence; idempotent by its request key), and
 * the payment's write-off (罚款核销: the violations are handled and listed
 * no more). The sandbox answers from shared/traffic/sandbox.json and keeps
 * what it did in memory (shared/traffic/sandbox-state.ts).
 */
import { z } from 'zod';
import type { BackendOperation, SandboxWorld } from '../../gateway/operation';
import { resolveSandboxDate } from '../../gateway/sandbox-date';
import { DriverIdNumber, sandboxDrivers } from '../shared/traffic/driver-record';
import { pointsRecorded, trafficState } from '../shared/traffic/sandbox-state';
import { surchargeFen } from '../shared/traffic/surcharge';
import { currentRows, sandboxViolations, violationOf, type SandboxViolation } from '../shared/traffic/violations';
import { evidenceSvg } from './evidence-photo';

const ViolationNumber = z.string().regex(/^\d{16}$/);
const RequestKey = z.string().min(8).max(128).regex(/^[A-Za-z0-9_-]+$/);
const IsoDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// Checked on first use, as every sandbox table: a broken file answers badResponse.
const violationTable = sandboxViolations;
const driverTable = sandboxDrivers;

/** The rows of `world` with these numbers, as they stand now (paid ones gone), or null when one is missing. */
function rowsNow(world: SandboxWorld, numbers: readonly string[]): SandboxViolation[] | null | 'badTable' {
  const table = violationTable();
  if (!table.ok) return 'badTable';
  const rows = currentRows(world, table.value);
  const found = numbers.map((number) => rows.find((row) => row.number === number));
  return found.every((row): row is SandboxViolation => row !== undefined) ? found : null;
}

// ---- evidence photos -------------------------------------------------------

export const EvidenceRequest = z.object({ idNumber: DriverIdNumber, numbers: z.array(ViolationNumber).min(1).max(20) }).strict();
export type EvidenceRequest = z.infer<typeof EvidenceRequest>;
export const EvidencePhoto = z.object({ mime: z.literal('image/svg+xml'), base64: z.string().min(1).max(80_000) }).strict();
export const EvidenceAnswer = z.object({ evidence: z.array(z.object({ number: ViolationNumber, photos: z.array(EvidencePhoto).max(9) }).strict()) }).strict();
export type EvidenceAnswer = z.infer<typeof EvidenceAnswer>;

/** 违法取证照片 of the violations the driver may see (those just listed to them). */
export const violationEvidence: BackendOperation<EvidenceRequest, EvidenceAnswer> = {
  name: 'violation-evidence',
  request: EvidenceRequest,
  response: EvidenceAnswer,
  sandbox: (request, world) => {
    if (!world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    const rows = rowsNow(world, request.numbers);
    if (rows === 'badTable') return { ok: false, error: { kind: 'badResponse', detail: 'sandbox table' } };
    if (rows === null) return { ok: false, error: { kind: 'notFound' } };
    const today = world.today();
    return {
      ok: true,
      value: {
        evidence: rows.map((row) => {
          const shown = violationOf(row, today, request.idNumber);
          const photos = Array.from({ length: row.photos }, (_, i) =>
            Buffer.from(evidenceSvg({ plate: row.plate, occurredAt: shown.occurredAt, place: row.place, code: row.code, frame: i + 1, frames: row.photos }), 'utf8').toString('base64'),
          );
          return { number: row.number, photos: photos.map((base64) => ({ mime: 'image/svg+xml' as const, base64 })) };
        }),
      },
    };
  },
};

// ---- the decision ----------------------------------------------------------

export const DecisionRequest = z.object({ requestKey: RequestKey, idNumber: DriverIdNumber, numbers: z.array(ViolationNumber).min(1).max(20) }).strict();
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const DecidedItem = z
  .object({
    number: ViolationNumber,
    fineFen: z.number().int().min(0),
    points: z.number().int().min(0).max(12),
    /** 加处罚款 due with it today (a decision made earlier and paid late). */
    surchargeFen: z.number().int().min(0),
    decidedOn: IsoDateString,
  })
  .strict();
export type DecidedItem = z.infer<typeof DecidedItem>;

/** Why the back-end makes no decision here (the kiosk checks first; the back-end decides). */
export const DecisionRefusal = z.enum(['pointsWouldReachTwelve', 'licenceNotValid', 'notTheDriversToHandle', 'generalProcedure']);
export type DecisionRefusal = z.infer<typeof DecisionRefusal>;

export const DecisionAnswer = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('decided'),
      /** 处罚决定书编号 (one decision for all: 分别决定，合并执行). */
      decisionNumber: z.string().regex(/^\d{15,20}$/),
      decidedOn: IsoDateString,
      issuingAuthority: z.string().min(1).max(60),
      items: z.array(DecidedItem).min(1).max(20),
      /** Points in the 记分周期 once these are recorded. */
      pointsAfter: z.number().int().min(0).max(99),
    })
    .strict(),
  z.object({ status: z.literal('refused'), reason: DecisionRefusal }).strict(),
]);
export type DecisionAnswer = z.infer<typeof DecisionAnswer>;

const ISSUING_AUTHORITY = '平顶山市公安局交通警察支队';

/** 处罚决定: one decision number for the violations taken on; points recorded at once; the same request key answers the same decision. */
export const violationDecision: BackendOperation<DecisionRequest, DecisionAnswer> = {
  name: 'violation-decision',
  request: DecisionRequest,
  response: DecisionAnswer,
  sandbox: (request, world) => {
    const drivers = driverTable();
    if (!drivers.ok) return drivers;
    const driver = drivers.value[request.idNumber];
    if (!driver || !world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    const state = trafficState(world);
    const today = world.today();
    const answer = (numbers: readonly string[]): DecisionAnswer => {
      const decisions = numbers.map((number) => state.decisions.get(number)!);
      const table = violationTable();
      const rows = table.ok ? table.value : [];
      return {
        status: 'decided',
        decisionNumber: decisions[0]!.number,
        decidedOn: decisions[0]!.decidedOn,
        issuingAuthority: ISSUING_AUTHORITY,
        items: numbers.map((number, i) => {
          const row = rows.find((candidate) => candidate.number === number)!;
          return { number, fineFen: row.fineFen, points: decisions[i]!.points, surchargeFen: surchargeFen(row.fineFen, decisions[i]!.decidedOn, today), decidedOn: decisions[i]!.decidedOn };
        }),
        pointsAfter: driver.points + pointsRecorded(world, request.idNumber),
      };
    };
    const known = state.decisionRequests.get(request.requestKey);
    if (known) return { ok: true, value: answer(known) };

    const rows = rowsNow(world, request.numbers);
    if (rows === 'badTable') return { ok: false, error: { kind: 'badResponse', detail: 'sandbox table' } };
    if (rows === null) return { ok: false, error: { kind: 'notFound' } };
    const refuse = (reason: DecisionRefusal) => ({ ok: true as const, value: { status: 'refused' as const, reason } });
    if (driver.licence.status !== 'normal' && driver.licence.status !== 'expired') return refuse('licenceNotValid');
    if (rows.some((row) => row.driver !== null && row.driver !== request.idNumber)) return refuse('notTheDriversToHandle');
    // 简易程序 only: a fine above 200 元 is decided in the general procedure, at the counter.
    if (rows.some((row) => row.fineFen > 20_000)) return refuse('generalProcedure');
    const newPoints = rows.filter((row) => !state.decisions.has(row.number) && row.decidedOn === null).reduce((sum, row) => sum + row.points, 0);
    if (driver.points + pointsRecorded(world, request.idNumber) + newPoints >= 12) return refuse('pointsWouldReachTwelve');

    // Rows decided before (the table's decidedOn, or an earlier decision) keep their day and number; the rest are decided today.
    state.sequence += 1;
    const number = `4104021${today.replaceAll('-', '')}${String(state.sequence).padStart(4, '0')}`;
    for (const row of rows) {
      if (state.decisions.has(row.number)) continue;
      const earlier = row.decidedOn === null ? null : resolveSandboxDate(row.decidedOn, today);
      state.decisions.set(row.number, { number, decidedOn: earlier ?? today, driver: request.idNumber, points: earlier === null ? row.points : 0 });
    }
    state.decisionRequests.set(request.requestKey, request.numbers);
    return { ok: true, value: answer(request.numbers) };
  },
};

// ---- the payment's write-off ----------------------------------------------

export const PaymentRecordRequest = z
  .object({
    requestKey: RequestKey,
    idNumber: DriverIdNumber,
    decisionNumber: z.string().regex(/^\d{15,20}$/),
    numbers: z.array(ViolationNumber).min(1).max(20),
    /** The payment service's order and what it took (fines plus 加处罚款). */
    orderNo: z.string().min(1).max(64),
    paidFen: z.number().int().min(0),
  })
  .strict();
export type PaymentRecordRequest = z.infer<typeof PaymentRecordRequest>;

export const PaymentRecordAnswer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('recorded'), handledOn: IsoDateString }).strict(),
  /** The amount is not what the decision asks (the fee is refunded at the counter). */
  z.object({ status: z.literal('amountMismatch'), dueFen: z.number().int().min(0) }).strict(),
]);
export type PaymentRecordAnswer = z.infer<typeof PaymentRecordAnswer>;

/** 罚款核销: the fines are paid, the violations handled (listed no more); the same request key answers the same. */
export const violationPayment: BackendOperation<PaymentRecordRequest, PaymentRecordAnswer> = {
  name: 'violation-payment',
  request: PaymentRecordRequest,
  response: PaymentRecordAnswer,
  sandbox: (request, world) => {
    const state = trafficState(world);
    const today = world.today();
    if (state.paymentRequests.has(request.requestKey)) return { ok: true, value: { status: 'recorded', handledOn: today } };
    const rows = rowsNow(world, request.numbers);
    if (rows === 'badTable') return { ok: false, error: { kind: 'badResponse', detail: 'sandbox table' } };
    if (rows === null || rows.some((row) => state.decisions.get(row.number)?.number !== request.decisionNumber)) return { ok: false, error: { kind: 'notFound' } };
    const dueFen = rows.reduce((sum, row) => sum + row.fineFen + surchargeFen(row.fineFen, state.decisions.get(row.number)!.decidedOn, today), 0);
    if (dueFen !== request.paidFen) return { ok: true, value: { status: 'amountMismatch', dueFen } };
    for (const row of rows) state.paid.add(row.number);
    state.paymentRequests.set(request.requestKey, request.numbers);
    return { ok: true, value: { status: 'recorded', handledOn: today } };
  },
};
