/**
 * The journal's parts the host uses beyond documents: transactions, audit
 * events, counters, queue numbers and back-end numbers, plus the session
 * journal that fills them, all over the one journal database.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../config/schema';
import { err, ok, type Result } from '../../../domain/result';
import { createDocumentsRepo } from './documents-repo';
import { createAuditLog, type AuditLog } from './transactions-audit';
import { IDENTITY_KEY_FILE, identityHash, loadIdentityKey } from './transactions-key';
import { createFaceFailureLog, type FaceFailureLog } from './face-failures-repo';
import { createTransactionsRepo } from './transactions-repo';
import type { Logger } from '../log/logger';
import { createBackendNumbers, type BackendNumbers } from './backend-numbers';
import { createQueueNumbers, type QueueNumbers } from './queue-numbers';
import { createSessionJournal, type SessionJournal } from './session-journal';

export interface StationJournal {
  readonly audit: AuditLog;
  readonly queue: QueueNumbers;
  readonly backendNumbers: BackendNumbers;
  readonly sessions: SessionJournal;
  /** Failed face checks per person (keyed hash), for the lockout. */
  readonly faceFailures: FaceFailureLog;
}

export interface StationJournalDeps {
  config: KioskConfig;
  db: Database;
  /** The key store's folder (outside the data folder): the identity-hash key lives there. */
  keyDir: string;
  logger: Logger;
  feeOf: (serviceId: string, outcome: string) => ReadonlyArray<{ code: string; amountFen: number; basis: string }>;
  now?: () => Date;
}

/** Composes the station journal; fails when the identity-hash key cannot be loaded or created. */
export function createStationJournal(deps: StationJournalDeps): Result<StationJournal, string> {
  const now = deps.now ?? (() => new Date());
  const key = loadIdentityKey(join(deps.keyDir, IDENTITY_KEY_FILE));
  if (!key.ok) return err(`identity-hash key: ${key.error.kind} (${key.error.path})`);
  const audit = createAuditLog(deps.db, now);
  const queue = createQueueNumbers(deps.db, deps.config.services.windows, now, deps.config.timeZone);
  const backendNumbers = createBackendNumbers(deps.db);
  const sessions = createSessionJournal({
    transactions: createTransactionsRepo(deps.db, deps.config.timeZone),
    audit,
    documents: createDocumentsRepo(deps.db, now),
    backendNumbers,
    queue,
    identityKey: key.value,
    feeOf: deps.feeOf,
    logger: deps.logger,
    now,
  });
  const faceFailures = createFaceFailureLog(deps.db, (idNumber) => identityHash(key.value, idNumber));
  return ok({ audit, queue, backendNumbers, sessions, faceFailures });
}
