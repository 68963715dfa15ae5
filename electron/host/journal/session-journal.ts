/**
 * Journals every session exactly once, whatever its end: finished,
 * cancelled, timed out, host restart, or a crash (rows a crashed host left
 * open are closed at the next start). While a session runs it keeps only
 * what the journal needs (masked identity, the ID number's keyed hash, the
 * service and its last view), because the session store wipes the session's
 * data before anyone hears it ended.
 */
import type { FlowView, Identity } from '../../contract';
import { maskName } from '../../../domain/mask';
import type { DocumentsRepo } from './documents-repo';
import { identityHash } from './transactions-key';
import type { AuditLog } from './transactions-audit';
import type { TransactionDocument, TransactionFeeItem, TransactionIdentity, TransactionOutcome, TransactionsRepo } from './transactions-repo';
import type { Logger } from '../log/logger';
import type { BackendNumbers } from './backend-numbers';
import type { QueueNumbers } from './queue-numbers';

export interface SessionJournalDeps {
  transactions: TransactionsRepo;
  audit: AuditLog;
  documents: DocumentsRepo;
  backendNumbers: BackendNumbers;
  queue: QueueNumbers;
  /** The kiosk's HMAC key for ID numbers. */
  identityKey: Buffer;
  /** The fee items a service charges after `outcome` (none when free or not charged). */
  feeOf: (serviceId: string, outcome: string) => readonly TransactionFeeItem[];
  logger: Logger;
  now?: () => Date;
}

export interface SessionJournal {
  started(sessionId: string, startedAt: string, identity: Identity | null): void;
  identity(sessionId: string, identity: Identity | null): void;
  flowStarted(sessionId: string, serviceId: string, flowId: string, view: FlowView): void;
  flowChanged(sessionId: string, view: FlowView): void;
  /**
   * A payment the session's flow confirmed (or a late one refunded): kept on
   * the transaction (`payment`, and its fee items as charged). No personal data.
   */
  paymentTaken(sessionId: string, payment: JournaledPayment): void;
  /** Journals the ended session; false when it was already journaled (or never started here). */
  ended(sessionId: string, reason: string): boolean;
  /** Closes rows a crashed host left open (call at start); returns their session ids. */
  recoverCrashed(): string[];
}

/** What the journal keeps of a payment (electron/host/payment/payment-desk.ts PaymentRecord, with a refund if one was made). */
export interface JournaledPayment {
  orderNo: string;
  amountFen: number;
  items: readonly TransactionFeeItem[];
  refunded?: { refundNo: string; amountFen: number };
  channel?: string | null;
  paidAt?: string | null;
  exemption?: string | null;
  receipt?: { billCode: string; billNumber: string; checkCode: string; url: string } | null;
}

interface Live {
  payment?: JournaledPayment;
  startedAt: Date;
  identity: TransactionIdentity | null;
  serviceId: string | null;
  flowId: string | null;
  view: FlowView | null;
}

/** The flow's outcome from its last view. */
export function outcomeOf(view: FlowView | null): TransactionOutcome {
  if (!view) return 'noService';
  if (view.data.step !== 'done') return 'abandoned';
  return view.data.outcome;
}

/** Creates the journal of sessions. */
export function createSessionJournal(deps: SessionJournalDeps): SessionJournal {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'session-journal' });
  const live = new Map<string, Live>();

  const safeIdentity = (identity: Identity | null): TransactionIdentity | null =>
    identity
      ? {
          source: identity.source,
          cardType: identity.cardType,
          nameMasked: identity.name ? maskName(identity.name) : null,
          idNumberMasked: identity.idNumberMasked,
          idHash: identityHash(deps.identityKey, identity.idNumber),
        }
      : null;

  const documentsOf = (sessionId: string): TransactionDocument[] =>
    deps.documents.listBySession(sessionId).map((doc) => ({
      number: doc.number,
      type: doc.type,
      sha256: doc.sha256,
      printOutcome: doc.printOutcome,
      reprintOutcome: doc.reprintOutcome,
      backendNumber: deps.backendNumbers.get(doc.number) ?? null,
    }));

  /** The open row follows the session, so a crash leaves what was known. */
  const saveProgress = (sessionId: string, entry: Live): void =>
    deps.transactions.progress(sessionId, { serviceId: entry.serviceId, flowId: entry.flowId, lastStep: entry.view?.stepId ?? null, identity: entry.identity });

  return {
    started(sessionId, startedAt, identity) {
      if (live.has(sessionId)) return;
      const at = new Date(startedAt);
      live.set(sessionId, { startedAt: at, identity: safeIdentity(identity), serviceId: null, flowId: null, view: null });
      deps.transactions.open(sessionId, at);
      if (identity) saveProgress(sessionId, live.get(sessionId)!);
      deps.audit.record({ actor: 'citizen', action: 'session.started', sessionId, detail: { identity: identity?.source ?? null } });
    },
    identity(sessionId, identity) {
      const entry = live.get(sessionId);
      if (!entry || !identity) return;
      entry.identity = safeIdentity(identity);
      saveProgress(sessionId, entry);
    },
    flowStarted(sessionId, serviceId, flowId, view) {
      const entry = live.get(sessionId);
      if (!entry) return;
      Object.assign(entry, { serviceId, flowId, view });
      saveProgress(sessionId, entry);
      deps.audit.record({ actor: 'citizen', action: 'flow.started', sessionId, subject: serviceId });
    },
    flowChanged(sessionId, view) {
      const entry = live.get(sessionId);
      if (!entry || entry.serviceId !== view.serviceId) return;
      const stepChanged = entry.view?.stepId !== view.stepId;
      entry.view = view;
      if (stepChanged) saveProgress(sessionId, entry);
    },
    paymentTaken(sessionId, payment) {
      const entry = live.get(sessionId);
      // The same order again (now with its 票据) updates the record; the audit hears of each order once.
      const again = entry?.payment?.orderNo === payment.orderNo && !payment.refunded;
      if (!again) deps.audit.record({ actor: 'host', action: payment.refunded ? 'payment.refunded' : 'payment.confirmed', sessionId, subject: payment.orderNo, detail: { amountFen: payment.amountFen } });
      if (entry) entry.payment = payment;
    },
    ended(sessionId, reason) {
      const entry = live.get(sessionId);
      if (!entry) return false;
      live.delete(sessionId);
      const documents = documentsOf(sessionId);
      const last = documents.filter((doc) => doc.sha256 !== null).at(-1);
      const outcome = outcomeOf(entry.view);
      const ticket = deps.queue.lastForSession(sessionId) ?? null;
      // A payment taken says what was charged (after exemptions); a refunded one charged nothing.
      const paid = entry.payment;
      const feeItems = paid ? (paid.refunded ? [] : paid.items) : entry.serviceId ? deps.feeOf(entry.serviceId, outcome) : [];
      const journaled = deps.transactions.close({
        sessionId,
        startedAt: entry.startedAt,
        endedAt: now(),
        endReason: reason,
        serviceId: entry.serviceId,
        flowId: entry.flowId,
        outcome,
        lastStep: entry.view?.stepId ?? null,
        identity: entry.identity,
        feeFen: feeItems.reduce((sum, item) => sum + item.amountFen, 0),
        feeItems,
        payment: paid ? { ...paid } : null,
        lastStepKind: entry.view?.step ?? null,
        documents,
        printOutcome: last ? (last.reprintOutcome ?? last.printOutcome) : null,
        ticket,
      });
      deps.audit.record({ actor: 'host', action: 'session.ended', sessionId, subject: entry.serviceId ?? undefined, detail: { reason, outcome, journaled } });
      log.info({ sessionId, serviceId: entry.serviceId, outcome, reason, journaled }, 'session journaled');
      return journaled;
    },
    recoverCrashed() {
      const closed = deps.transactions.closeDangling(now(), documentsOf);
      for (const sessionId of closed) deps.audit.record({ actor: 'host', action: 'session.crashed', sessionId });
      if (closed.length > 0) log.warn({ sessions: closed.length }, 'sessions left open by a stopped host journaled as crashed');
      return closed;
    },
  };
}
