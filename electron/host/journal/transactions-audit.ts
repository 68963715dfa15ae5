/**
 * The `audit_events` table: who did what and when, for the station's
 * accountability. Never personal data: actions, ids, numbers of documents
 * and outcomes only (callers pass ids, not names or ID numbers).
 */
import type { Database } from 'better-sqlite3';

export type AuditActor = 'citizen' | 'staff' | 'host' | 'backend';

export interface AuditEvent {
  actor: AuditActor;
  /** e.g. `session.started`, `document.printed`, `dock.act`. */
  action: string;
  sessionId?: string;
  /** What the action was about: a service id, a document number, a device id. */
  subject?: string;
  /** Non-personal details (outcome, reason). */
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditLog {
  record(event: AuditEvent): void;
}

/** Creates the audit log; `now` stamps each event. */
export function createAuditLog(db: Database, now: () => Date = () => new Date()): AuditLog {
  const insert = db.prepare('INSERT INTO audit_events (at, actor, action, session_id, subject, detail) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    record(event) {
      insert.run(now().toISOString(), event.actor, event.action, event.sessionId ?? null, event.subject ?? null, event.detail ? JSON.stringify(event.detail) : null);
    },
  };
}
