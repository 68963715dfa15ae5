/** Reads the soak host's journal read-only once the host has stopped: one transactions row per session driven. */
import Database from 'better-sqlite3';

/** What the journal holds after the soak. */
export interface JournalCounts {
  rows: number;
  open: number;
  distinctSessions: number;
  byOutcome: Record<string, number>;
  byEndReason: Record<string, number>;
  /** Session ids the host logged as ended that have no row, and rows no logged session explains. */
  missing: string[];
  unexpected: string[];
}

/** Counts the transactions in `path` against the session ids the host logged. */
export function readJournal(path: string, loggedSessions: ReadonlySet<string>): JournalCounts {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT session_id, outcome, end_reason, ended_at FROM transactions').all() as Array<{ session_id: string; outcome: string; end_reason: string | null; ended_at: string | null }>;
    const tally = (pick: (row: (typeof rows)[number]) => string) => rows.reduce<Record<string, number>>((acc, row) => ({ ...acc, [pick(row)]: (acc[pick(row)] ?? 0) + 1 }), {});
    const ids = new Set(rows.map((r) => r.session_id));
    return {
      rows: rows.length,
      open: rows.filter((r) => r.ended_at === null).length,
      distinctSessions: ids.size,
      byOutcome: tally((r) => r.outcome),
      byEndReason: tally((r) => r.end_reason ?? 'open'),
      missing: [...loggedSessions].filter((id) => !ids.has(id)),
      unexpected: [...ids].filter((id) => !loggedSessions.has(id)),
    };
  } finally {
    db.close();
  }
}
