/**
 * The back-end call this service adds: the annual record of a driver aged
 * 70 or over (公安部令第162号 art. 74: the 身体条件证明 every year; art. 73:
 * the 记忆力、判断力、反应力 test): the medical check it rests on and the
 * 三力测试's result. Carries its own idempotency key (`requestKey`), so a
 * retried call records once. A real gateway answers
 * `POST /v1/ops/elderly-annual-check`; the sandbox accepts every driver it
 * knows and numbers the record from the key.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BackendOperation } from '../../gateway/operation';
import { DriverIdNumber, sandboxDrivers } from '../shared/traffic/driver-record';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Points = z.number().int().min(0).max(100);

export const AnnualCheckRequest = z
  .object({
    idNumber: DriverIdNumber,
    /** 档案编号 of the licence. */
    fileNumber: z.string().regex(/^\d{12}$/),
    medicalCheck: z.object({ institution: z.string().min(1).max(100), checkedOn: IsoDate }).strict(),
    abilityTest: z
      .object({ memory: Points, judgement: Points, reaction: Points, total: Points, passed: z.literal(true), testedOn: IsoDate, attempts: z.number().int().min(1).max(5) })
      .strict(),
    /** Idempotency key: the same key records once. */
    requestKey: z.string().min(1).max(120),
  })
  .strict();
export type AnnualCheckRequest = z.infer<typeof AnnualCheckRequest>;

export const AnnualCheckAnswer = z
  .object({
    /** 受理编号 of the record. */
    acceptanceNumber: z.string().regex(/^[A-Z0-9]{8,24}$/),
    recordedOn: IsoDate,
  })
  .strict();
export type AnnualCheckAnswer = z.infer<typeof AnnualCheckAnswer>;

export const elderlyAnnualCheck: BackendOperation<AnnualCheckRequest, AnnualCheckAnswer> = {
  name: 'elderly-annual-check',
  request: AnnualCheckRequest,
  response: AnnualCheckAnswer,
  sandbox: (request, world) => {
    const drivers = sandboxDrivers();
    if (!drivers.ok) return drivers;
    if (!drivers.value[request.idNumber] || !world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    const today = world.today();
    // The same key gives the same number: a retried call is the same record.
    const serial = createHash('sha256').update(request.requestKey).digest('hex').slice(0, 8).toUpperCase();
    return { ok: true, value: { acceptanceNumber: `SL${today.replaceAll('-', '')}${serial}`, recordedOn: today } };
  },
};
