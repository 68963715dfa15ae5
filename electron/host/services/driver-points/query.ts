/**
 * The 驾驶人信息单's one query: the driver record, then the violations on
 * the driver's licence and cars, as one answer. No licence is `notFound`
 * (the flow refuses it); a violations list the back-end cannot find for a
 * driver it just described is a broken answer, worth another try.
 */
import type { GatewayResult, PoliceGateway } from '../../gateway/police-gateway';
import { driverRecord, type DriverRecordAnswer } from '../shared/traffic/driver-record';
import { trafficViolations, type Violation } from '../shared/traffic/violations';

/** What the sheet states: the licence and points, and the violations not yet handled (newest first). */
export interface DriverSheet {
  record: DriverRecordAnswer;
  violations: readonly Violation[];
}

export async function queryDriverSheet(gateway: PoliceGateway, idNumber: string): Promise<GatewayResult<DriverSheet>> {
  const record = await gateway.call(driverRecord, { idNumber });
  if (!record.ok) return record;
  const found = await gateway.call(trafficViolations, { by: 'licence', idNumber });
  if (!found.ok) return found.error.kind === 'notFound' ? { ok: false, error: { kind: 'badResponse', detail: 'traffic-violations: no answer for a known driver' } } : found;
  const violations = [...found.value.violations].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return { ok: true, value: { record: record.value, violations } };
}
