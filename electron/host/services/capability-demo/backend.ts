/**
 * The back-end call the demonstration adds: which fee exemption applies to a
 * citizen (低保 `dibao`: nothing to pay, hardship: half, or none). The
 * back-end says who, never the kiosk or the citizen. Served by the sandbox
 * from sandbox.json beside this file; a real gateway answers
 * `POST /v1/ops/fee-exemption` with the same shapes.
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation } from '../../gateway/operation';
import sandboxData from './sandbox.json' with { type: 'json' };

export const ExemptionRequest = z.object({ idNumber: z.string().regex(/^[0-9]{17}[0-9X]$/) }).strict();
export type ExemptionRequest = z.infer<typeof ExemptionRequest>;

/** The exemption codes of the demo's fee rule (DEMO_FEE.exemptions), or none. */
export const ExemptionCode = z.enum(['dibao', 'hardship', 'none']);
export type ExemptionCode = z.infer<typeof ExemptionCode>;

export const ExemptionAnswer = z.object({ exemption: ExemptionCode }).strict();
export type ExemptionAnswer = z.infer<typeof ExemptionAnswer>;

const sandboxExemptions = sandboxTable(z.record(z.string(), ExemptionCode), sandboxData.exemptions);

export const feeExemption: BackendOperation<ExemptionRequest, ExemptionAnswer> = {
  name: 'fee-exemption',
  request: ExemptionRequest,
  response: ExemptionAnswer,
  sandbox: (request, world) => {
    const table = sandboxExemptions();
    if (!table.ok) return table;
    if (!world.citizen(request.idNumber)) return { ok: false, error: { kind: 'notFound' } };
    return { ok: true, value: { exemption: table.value[request.idNumber] ?? 'none' } };
  },
};
