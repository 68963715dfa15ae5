/**
 * The `transactions` and `counters` tables: a row is opened when a session
 * starts and closed once when it ends, whatever the end; closing also counts
 * the outcome for the day. A row still open when the host starts belonged to
 * a host that crashed: it is closed as `crashed`. No personal data: masked
 * name and ID number, and a keyed hash of the number for repeat visits.
 */
import type { Database } from 'better-sqlite3';
import { zonedIsoDate } from '../../../domain/calendar-date';

/**
 * How a session's business ended: the flow's own outcome (the service's
 * vocabulary, e.g. `certificateIssued`, or the library's: counter, referred,
 * declined, failed, identityChanged), or why there was none.
 */
export type TransactionOutcome =
  | (string & {})
  /** A flow was running and the session ended before it finished. */
  | 'abandoned'
  /** The session ended without any service started. */
  | 'noService'
  /** The host stopped without ending the session (found at the next start). */
  | 'crashed';

/** A document issued in the session, as the journal keeps it. */
export interface TransactionDocument {
  number: string;
  type: string;
  sha256: string | null;
  /** `completed`, `notAttempted` or the print problem. */
  printOutcome: string;
  reprintOutcome: string | null;
  backendNumber: string | null;
}

/** A fee item as charged: code, amount and the rule that sets it. */
export interface TransactionFeeItem {
  code: string;
  amountFen: number;
  basis: string;
}

/** Who was served, without personal data. */
export interface TransactionIdentity {
  source: 'card' | 'typed';
  cardType: string | null;
  nameMasked: string | null;
  idNumberMasked: string;
  /** HMAC-SHA256 (hex) of the ID number with the kiosk's key. */
  idHash: string;
}

export interface ClosedTransaction {
  sessionId: string;
  startedAt: Date;
  endedAt: Date;
  /** The session's end reason (`finished`, `cancelled`, `timeout`, `crashed`, `hostRestart`, `identityChanged`). */
  endReason: string;
  serviceId: string | null;
  flowId: string | null;
  outcome: TransactionOutcome;
  lastStep: string | null;
  identity: TransactionIdentity | null;
  feeFen: number;
  /** The fee items charged (none for a free service or an outcome that is not charged). */
  feeItems: readonly TransactionFeeItem[];
  /** The payment, once the kiosk takes one (issue 14); null until then. */
  payment: Record<string, unknown> | null;
  /** The library step kind the run stopped on. */
  lastStepKind: string | null;
  documents: readonly TransactionDocument[];
  /** The final print outcome of the session's last document, if any. */
  printOutcome: string | null;
  ticket: { number: string; outcome: string } | null;
}

export interface TransactionRow {
  session_id: string;
  service_id: string | null;
  flow_id: string | null;
  started_at: string;
  ended_at: string | null;
  end_reason: string | null;
  outcome: string;
  last_step: string | null;
  identity_source: string | null;
  card_type: string | null;
  name_masked: string | null;
  id_number_masked: string | null;
  id_hash: string | null;
  fee_fen: number;
  fee_items: string;
  payment: string | null;
  last_step_kind: string | null;
  documents: string;
  print_outcome: string | null;
  ticket_number: string | null;
  ticket_outcome: string | null;
}

/** What an open row can hold before the session ends. */
export interface TransactionProgress {
  serviceId: string | null;
  flowId: string | null;
  lastStep: string | null;
  identity: TransactionIdentity | null;
}

export interface TransactionsRepo {
  /** Opens the session's row (idempotent). */
  open(sessionId: string, startedAt: Date): void;
  /** Closes the row and counts it; false when the session was already journaled. */
  close(record: ClosedTransaction): boolean;
  /**
   * Writes what is known so far into the open row (service, step, masked
   * identity), so a crash leaves a truthful row; no effect once closed.
   */
  progress(sessionId: string, progress: TransactionProgress): void;
  /**
   * Closes rows left open by a host that stopped without ending them; returns
   * their session ids. `documentsOf` gives each session's documents, recorded
   * on its row as a normal end would.
   */
  closeDangling(endedAt: Date, documentsOf?: (sessionId: string) => TransactionDocument[]): string[];
  get(sessionId: string): TransactionRow | undefined;
}

/** The calendar day of `date` in the kiosk's configured zone (default Asia/Shanghai, never the machine's), `YYYY-MM-DD`. */
export function stationDay(date: Date, timeZone?: string): string {
  return zonedIsoDate(date, timeZone);
}

/**
 * Creates the repository over a migrated journal. Instants are stored as UTC
 * ISO 8601 (`…Z`); the daily counters count by the day in `timeZone`.
 */
export function createTransactionsRepo(db: Database, timeZone?: string): TransactionsRepo {
  const insertOpen = db.prepare(`INSERT INTO transactions (session_id, started_at, outcome) VALUES (?, ?, 'open') ON CONFLICT (session_id) DO NOTHING`);
  const update = db.prepare(
    `UPDATE transactions SET service_id = @serviceId, flow_id = @flowId, ended_at = @endedAt, end_reason = @endReason, outcome = @outcome,
       last_step = @lastStep, identity_source = @identitySource, card_type = @cardType, name_masked = @nameMasked,
       id_number_masked = @idNumberMasked, id_hash = @idHash, fee_fen = @feeFen, fee_items = @feeItems, payment = @payment, last_step_kind = @lastStepKind, documents = @documents,
       print_outcome = @printOutcome, ticket_number = @ticketNumber, ticket_outcome = @ticketOutcome
     WHERE session_id = @sessionId AND ended_at IS NULL`,
  );
  const count = db.prepare(
    `INSERT INTO counters (day, service_id, outcome, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, service_id, outcome) DO UPDATE SET count = count + 1`,
  );
  const dangling = db.prepare('SELECT session_id, service_id FROM transactions WHERE ended_at IS NULL');
  const crash = db.prepare(
    `UPDATE transactions SET ended_at = ?, end_reason = 'crashed', outcome = 'crashed', documents = ?, print_outcome = ? WHERE session_id = ? AND ended_at IS NULL`,
  );
  const progress = db.prepare(
    `UPDATE transactions SET service_id = @serviceId, flow_id = @flowId, last_step = @lastStep, identity_source = @identitySource, card_type = @cardType,
       name_masked = @nameMasked, id_number_masked = @idNumberMasked, id_hash = @idHash
     WHERE session_id = @sessionId AND ended_at IS NULL`,
  );
  const select = db.prepare('SELECT * FROM transactions WHERE session_id = ?');

  const closeTx = db.transaction((record: ClosedTransaction): boolean => {
    insertOpen.run(record.sessionId, record.startedAt.toISOString());
    const changed = update.run({
      sessionId: record.sessionId,
      serviceId: record.serviceId,
      flowId: record.flowId,
      endedAt: record.endedAt.toISOString(),
      endReason: record.endReason,
      outcome: record.outcome,
      lastStep: record.lastStep,
      identitySource: record.identity?.source ?? null,
      cardType: record.identity?.cardType ?? null,
      nameMasked: record.identity?.nameMasked ?? null,
      idNumberMasked: record.identity?.idNumberMasked ?? null,
      idHash: record.identity?.idHash ?? null,
      feeFen: record.feeFen,
      feeItems: JSON.stringify(record.feeItems),
      payment: record.payment ? JSON.stringify(record.payment) : null,
      lastStepKind: record.lastStepKind,
      documents: JSON.stringify(record.documents),
      printOutcome: record.printOutcome,
      ticketNumber: record.ticket?.number ?? null,
      ticketOutcome: record.ticket?.outcome ?? null,
    }).changes;
    if (changed !== 1) return false;
    count.run(stationDay(record.endedAt, timeZone), record.serviceId ?? 'none', record.outcome);
    return true;
  });

  const danglingTx = db.transaction((endedAt: Date, documentsOf: (sessionId: string) => TransactionDocument[]): string[] => {
    const rows = dangling.all() as Array<{ session_id: string; service_id: string | null }>;
    for (const row of rows) {
      const documents = documentsOf(row.session_id);
      const last = documents.filter((doc) => doc.sha256 !== null).at(-1);
      crash.run(endedAt.toISOString(), JSON.stringify(documents), last ? (last.reprintOutcome ?? last.printOutcome) : null, row.session_id);
      count.run(stationDay(endedAt, timeZone), row.service_id ?? 'none', 'crashed');
    }
    return rows.map((row) => row.session_id);
  });

  return {
    open: (sessionId, startedAt) => void insertOpen.run(sessionId, startedAt.toISOString()),
    close: (record) => closeTx.immediate(record),
    progress: (sessionId, p) =>
      void progress.run({
        sessionId,
        serviceId: p.serviceId,
        flowId: p.flowId,
        lastStep: p.lastStep,
        identitySource: p.identity?.source ?? null,
        cardType: p.identity?.cardType ?? null,
        nameMasked: p.identity?.nameMasked ?? null,
        idNumberMasked: p.identity?.idNumberMasked ?? null,
        idHash: p.identity?.idHash ?? null,
      }),
    closeDangling: (endedAt, documentsOf = () => []) => danglingTx.immediate(endedAt, documentsOf),
    get: (sessionId) => select.get(sessionId) as TransactionRow | undefined,
  };
}
