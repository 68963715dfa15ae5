/**
 * The `documents` table: one row per document number, with the PDF's
 * SHA-256, the print outcome and the single allowed reprint. No personal
 * data: the number, type, hash, session id and outcomes only.
 */
import type { Database } from 'better-sqlite3';
import { err, ok, type Result } from '../../../domain/result';

/** `notAttempted`, `completed`, or the print problem (`paperOut`…). */
export type RecordedOutcome = string;

export interface DocumentRecord {
  number: string;
  type: string;
  sessionId: string;
  status: 'rendered' | 'voided';
  sha256: string | null;
  pages: number | null;
  printOutcome: RecordedOutcome;
  printJobId: number | null;
  reprintCount: number;
  reprintOutcome: RecordedOutcome | null;
  createdAt: string;
  updatedAt: string;
}

export type ReprintClaimError = { kind: 'notFound' } | { kind: 'voided' } | { kind: 'reprintUsed' };

export interface DocumentsRepo {
  insertRendered(doc: { number: string; type: string; sessionId: string; sha256: string; pages: number }): void;
  insertVoided(doc: { number: string; type: string; sessionId: string }): void;
  get(number: string): DocumentRecord | undefined;
  listBySession(sessionId: string): DocumentRecord[];
  recordPrint(number: string, outcome: RecordedOutcome, jobId: number | undefined): void;
  /** Takes the one reprint (transactionally); the second claim is refused. */
  claimReprint(number: string): Result<DocumentRecord, ReprintClaimError>;
  recordReprint(number: string, outcome: RecordedOutcome, jobId: number | undefined): void;
}

interface Row {
  number: string;
  type: string;
  session_id: string;
  status: 'rendered' | 'voided';
  sha256: string | null;
  pages: number | null;
  print_outcome: string;
  print_job_id: number | null;
  reprint_count: number;
  reprint_outcome: string | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: Row): DocumentRecord => ({
  number: r.number,
  type: r.type,
  sessionId: r.session_id,
  status: r.status,
  sha256: r.sha256,
  pages: r.pages,
  printOutcome: r.print_outcome,
  printJobId: r.print_job_id,
  reprintCount: r.reprint_count,
  reprintOutcome: r.reprint_outcome,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Creates the repository. */
export function createDocumentsRepo(db: Database, now: () => Date = () => new Date()): DocumentsRepo {
  const insert = db.prepare(
    `INSERT INTO documents (number, type, session_id, status, sha256, pages, created_at, updated_at)
     VALUES (@number, @type, @sessionId, @status, @sha256, @pages, @at, @at)`,
  );
  const select = db.prepare('SELECT * FROM documents WHERE number = ?');
  const bySession = db.prepare('SELECT * FROM documents WHERE session_id = ? ORDER BY created_at, number');
  const print = db.prepare('UPDATE documents SET print_outcome = ?, print_job_id = ?, updated_at = ? WHERE number = ?');
  const reprint = db.prepare('UPDATE documents SET reprint_outcome = ?, print_job_id = coalesce(?, print_job_id), updated_at = ? WHERE number = ?');
  const claim = db.prepare('UPDATE documents SET reprint_count = reprint_count + 1, updated_at = ? WHERE number = ? AND reprint_count = 0 AND status = ?');
  const get = (number: string): DocumentRecord | undefined => {
    const row = select.get(number) as Row | undefined;
    return row ? toRecord(row) : undefined;
  };
  const claimTx = db.transaction((number: string): Result<DocumentRecord, ReprintClaimError> => {
    const current = get(number);
    if (!current) return err({ kind: 'notFound' });
    if (current.status === 'voided') return err({ kind: 'voided' });
    if (claim.run(now().toISOString(), number, 'rendered').changes !== 1) return err({ kind: 'reprintUsed' });
    return ok(get(number)!);
  });

  return {
    insertRendered: (doc) => void insert.run({ ...doc, status: 'rendered', at: now().toISOString() }),
    insertVoided: (doc) => void insert.run({ ...doc, status: 'voided', sha256: null, pages: null, at: now().toISOString() }),
    get,
    listBySession: (sessionId) => (bySession.all(sessionId) as Row[]).map(toRecord),
    recordPrint: (number, outcome, jobId) => void print.run(outcome, jobId ?? null, now().toISOString(), number),
    claimReprint: (number) => claimTx.immediate(number),
    recordReprint: (number, outcome, jobId) => void reprint.run(outcome, jobId ?? null, now().toISOString(), number),
  };
}
