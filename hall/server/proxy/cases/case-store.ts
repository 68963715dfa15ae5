/**
 * Writes proxy cases to `proxy_cases` (masked only) and the officers'
 * actions to `hall_audit`. The registry is synchronous, so writes go through
 * a queue in order; a failed write is logged (without personal data) and the
 * next one still runs. `idle()` waits for what is queued (tests, shutdown).
 */
import { audit, type HallAuditAction } from '../../auth/audit';
import type { HallDb } from '../../store/hall-db';
import type { ProxyCaseRecord } from './case-record';

export interface ProxyCaseStore {
  save(record: ProxyCaseRecord, at: Date): void;
  audit(entry: { at: Date; username: string; action: Extract<HallAuditAction, `proxy${string}`>; caseId: string; detail?: Record<string, unknown> }): void;
  idle(): Promise<void>;
}

const UPSERT = `
  INSERT INTO proxy_cases (case_id, kiosk_id, service_id, agent_name_masked, agent_id_masked, principal_id_masked, officer_staff_number,
    state, end_reason, principal_signed, agent_signed, recording_sha256, recording_bytes, recording_keep_until,
    decision_approved, decision_reason, decision_at, outcome, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
  ON CONFLICT (case_id) DO UPDATE SET
    officer_staff_number = EXCLUDED.officer_staff_number, state = EXCLUDED.state, end_reason = EXCLUDED.end_reason,
    principal_signed = EXCLUDED.principal_signed, agent_signed = EXCLUDED.agent_signed,
    recording_sha256 = EXCLUDED.recording_sha256, recording_bytes = EXCLUDED.recording_bytes, recording_keep_until = EXCLUDED.recording_keep_until,
    decision_approved = EXCLUDED.decision_approved, decision_reason = EXCLUDED.decision_reason, decision_at = EXCLUDED.decision_at,
    outcome = EXCLUDED.outcome, updated_at = EXCLUDED.updated_at`;

function rowOf(record: ProxyCaseRecord, at: Date): unknown[] {
  const { core } = record;
  return [
    record.caseId, record.kioskId, record.serviceId, record.agent.nameMasked, record.agent.idNumberMasked, record.principal.idNumberMasked,
    core.officer?.staffNumber ?? null, core.state, core.endReason, core.principalSigned, core.agentSigned,
    core.recording?.sha256 ?? null, core.recording?.bytes ?? null, core.recording?.keepUntil ?? null,
    core.decision?.approved ?? null, core.decision?.reason ?? null, core.decision?.at ?? null,
    record.outcome, record.createdAt, at,
  ];
}

export function createProxyCaseStore(db: Pick<HallDb, 'query'>, log: (line: string) => void = () => undefined): ProxyCaseStore {
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (what: string, work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => log(`proxy case store: ${what} not written (${error instanceof Error ? error.message : 'error'})`));
  };
  return {
    save(record, at) {
      // The row is taken now: later changes must not rewrite an earlier write.
      const row = rowOf(record, at);
      enqueue(`case ${record.caseId}`, async () => {
        await db.query(UPSERT, row);
      });
    },
    audit(entry) {
      enqueue(`audit ${entry.action}`, () => audit(db, { at: entry.at, username: entry.username, action: entry.action, subject: entry.caseId, detail: entry.detail }));
    },
    idle: () => queue,
  };
}

/** No database (unit tests of the registry that do not look at rows). */
export const memoryOnlyStore: ProxyCaseStore = { save: () => undefined, audit: () => undefined, idle: () => Promise.resolve() };
