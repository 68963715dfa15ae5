/**
 * The back-end call this service adds: the status of the citizen's ID card
 * applications (受理 → 制证中 → 待领取 at a window, or 已寄出 by EMS). Served
 * by the sandbox from sandbox.json beside this file; a real gateway answers
 * `POST /v1/ops/id-card-progress` with the same shapes (see README.md here).
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import sandboxData from './sandbox.json' with { type: 'json' };

export const ProgressRequest = z.object({ idNumber: z.string().regex(/^[0-9]{17}[0-9X]$/) }).strict();
export type ProgressRequest = z.infer<typeof ProgressRequest>;

/** 受理, 制证中, 待领取, 已寄出. */
export const ApplicationStatus = z.enum(['accepted', 'producing', 'readyForCollection', 'posted']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const IdCardApplication = z
  .object({
    /** 受理编号. */
    acceptanceNumber: z.string().min(1).max(40),
    /** 换领, 补领, 损坏换领, 首次申领. */
    kind: z.enum(['renewal', 'replacement', 'damaged', 'first']),
    /** `YYYY-MM-DD`. */
    acceptedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    status: ApplicationStatus,
    /** Expected ready date `YYYY-MM-DD`, while it is being made. */
    expectedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    /** Where to collect it (待领取): the hall and window. */
    collectAt: z.object({ hall: z.string().min(1).max(80), window: z.string().min(1).max(20) }).strict().nullable(),
    /** EMS tracking number (已寄出). */
    emsNumber: z.string().regex(/^[A-Z0-9]{8,20}$/).nullable(),
  })
  .strict();
export type IdCardApplication = z.infer<typeof IdCardApplication>;

export const ProgressAnswer = z.object({ applications: z.array(IdCardApplication).max(10) }).strict();
export type ProgressAnswer = z.infer<typeof ProgressAnswer>;

const SandboxApplications = z.record(z.string(), z.array(IdCardApplication));
const sandboxApplications = sandboxTable(SandboxApplications, sandboxData.applications);

export const idCardProgress: BackendOperation<ProgressRequest, ProgressAnswer> = {
  name: 'id-card-progress',
  request: ProgressRequest,
  response: ProgressAnswer,
  sandbox: (request, world) => {
    const table = sandboxApplications();
    if (!table.ok) return table;
    if (!world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    return { ok: true, value: { applications: table.value[request.idNumber] ?? [] } };
  },
};
