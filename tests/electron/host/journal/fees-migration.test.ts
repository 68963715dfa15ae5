/**
 * Migration 5 on a journal a kiosk already has: a station updated from a
 * build at schema version 4 keeps every transaction it journaled (outcome,
 * fee, counters), and the rows it journals from then on carry fee items
 * and the step kind the run stopped on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openJournal } from '../../../../electron/host/journal';
import { exportJournalCsv } from '../../../../electron/host/journal/export-csv';
import { createTransactionsRepo } from '../../../../electron/host/journal/transactions-repo';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-fees-migration-'));
  path = join(dir, 'journal.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const OLD_ROW = {
  sessionId: 'old-1',
  serviceId: 'no-criminal-record',
  flowId: 'f-old',
  startedAt: '2026-11-28T02:00:00.000Z',
  endedAt: '2026-11-28T02:04:00.000Z',
  endReason: 'finished',
  outcome: 'certificateIssued',
  lastStep: 'print',
  identitySource: 'card',
  cardType: 'resident',
  nameMasked: '陈**',
  idNumberMasked: '4104**********1230',
  idHash: 'a'.repeat(64),
  feeFen: 1000,
  documents: JSON.stringify([{ number: 'WF2026-T-01-000001', type: 'noCriminalRecord', sha256: 'b'.repeat(64), printOutcome: 'completed', reprintOutcome: null, backendNumber: 'WFZ2026-000001' }]),
  printOutcome: 'completed',
  ticketNumber: null,
  ticketOutcome: null,
};

/** A journal as the build before migration 5 left it: schema 4, one session closed the way its repository closed one. */
function journalAtVersion4(): void {
  const opened = openJournal(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 4) });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const { db } = opened.value;
  expect(opened.value.schemaVersion).toBe(4);
  db.prepare(`INSERT INTO transactions (session_id, started_at, outcome) VALUES (?, ?, 'open')`).run(OLD_ROW.sessionId, OLD_ROW.startedAt);
  db.prepare(
    `UPDATE transactions SET service_id = @serviceId, flow_id = @flowId, ended_at = @endedAt, end_reason = @endReason, outcome = @outcome,
       last_step = @lastStep, identity_source = @identitySource, card_type = @cardType, name_masked = @nameMasked,
       id_number_masked = @idNumberMasked, id_hash = @idHash, fee_fen = @feeFen, documents = @documents,
       print_outcome = @printOutcome, ticket_number = @ticketNumber, ticket_outcome = @ticketOutcome
     WHERE session_id = @sessionId AND ended_at IS NULL`,
  ).run(OLD_ROW);
  db.prepare(`INSERT INTO counters (day, service_id, outcome, count) VALUES ('2026-11-28', 'no-criminal-record', 'certificateIssued', 1)`).run();
  opened.value.close();
}

describe('journal migration 5 (fees and payments) on a version-4 journal', () => {
  it('keeps the rows journaled before: same outcome and fee, no fee items, no payment', () => {
    journalAtVersion4();
    const opened = openJournal(path);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const journal = opened.value;
    try {
      expect(journal.schemaVersion).toBe(MIGRATIONS.length);
      expect(journal.db.prepare('SELECT version, name FROM schema_migrations WHERE version = 5').get()).toEqual({ version: 5, name: 'fees-and-payments' });
      const row = createTransactionsRepo(journal.db).get('old-1');
      expect(row).toMatchObject({
        session_id: 'old-1',
        service_id: 'no-criminal-record',
        outcome: 'certificateIssued',
        end_reason: 'finished',
        last_step: 'print',
        fee_fen: 1000,
        fee_items: '[]',
        payment: null,
        last_step_kind: null,
        print_outcome: 'completed',
        name_masked: '陈**',
        documents: OLD_ROW.documents,
      });
      expect(journal.db.prepare('SELECT day, service_id, outcome, count FROM counters').all()).toEqual([
        { day: '2026-11-28', service_id: 'no-criminal-record', outcome: 'certificateIssued', count: 1 },
      ]);
    } finally {
      journal.close();
    }
  });

  it('journals the next session with its fee items and the step kind it stopped on, and exports both', () => {
    journalAtVersion4();
    const opened = openJournal(path);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const journal = opened.value;
    try {
      const repo = createTransactionsRepo(journal.db);
      const feeItems = [{ code: 'temporary-id', amountFen: 1000, basis: '计价格〔2005〕436号' }];
      expect(
        repo.close({
          sessionId: 'new-1',
          startedAt: new Date('2026-11-29T02:00:00Z'),
          endedAt: new Date('2026-11-29T02:03:00Z'),
          endReason: 'finished',
          serviceId: 'no-criminal-record',
          flowId: 'f-new',
          outcome: 'certificateIssued',
          lastStep: 'done',
          identity: null,
          feeFen: 1000,
          feeItems,
          payment: null,
          lastStepKind: 'done',
          documents: [],
          printOutcome: null,
          ticket: null,
        }),
      ).toBe(true);
      const row = repo.get('new-1')!;
      expect(row).toMatchObject({ outcome: 'certificateIssued', fee_fen: 1000, payment: null, last_step_kind: 'done' });
      expect(JSON.parse(row.fee_items)).toEqual(feeItems);
      // The old row is untouched by the new one.
      expect(repo.get('old-1')).toMatchObject({ fee_items: '[]', last_step_kind: null });

      const exported = exportJournalCsv(journal.db, 'transactions', { from: '2026-11-28', to: '2026-11-29' });
      if (!exported.ok) throw new Error(JSON.stringify(exported.error));
      expect(exported.value.rows).toBe(2);
      const [header, oldLine, newLine] = exported.value.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      const columns = header!.split(',');
      const field = (line: string, name: string) => line.split(',')[columns.indexOf(name)];
      // The fee items compactly (code and amount, no basis), the step kind, and the payment (none yet).
      expect(field(newLine!, 'fee_items')).toBe('temporary-id:1000');
      expect(field(newLine!, 'last_step_kind')).toBe('done');
      expect(field(newLine!, 'payment')).toBe('');
      // A row journaled before migration 5: no fee items, no step kind.
      expect(field(oldLine!, 'session_id')).toBe('old-1');
      expect(field(oldLine!, 'fee_items')).toBe('');
      expect(field(oldLine!, 'last_step_kind')).toBe('');
    } finally {
      journal.close();
    }
  });
});
