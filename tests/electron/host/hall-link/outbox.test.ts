/**
 * The hall outbox over the kiosk journal: every audit event and every
 * finished session is enqueued once, in order, however often it is
 * collected; rows the broker did not acknowledge are still there after the
 * kiosk restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { createTransactionsRepo } from '../../../../electron/host/journal/transactions-repo';
import { createHallOutbox } from '../../../../electron/host/hall-link/outbox';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-outbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (): Journal => {
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(opened.error.kind);
  return opened.value;
};

function finishSession(journal: Journal, sessionId: string): void {
  const transactions = createTransactionsRepo(journal.db);
  const audit = createAuditLog(journal.db);
  const at = new Date('2026-12-03T08:00:00.000Z');
  transactions.open(sessionId, at);
  audit.record({ actor: 'citizen', action: 'session.started', sessionId });
  transactions.close({
    sessionId, startedAt: at, endedAt: new Date(at.getTime() + 60_000), endReason: 'finished', serviceId: 'svc', flowId: 'f', outcome: 'completed', lastStep: 'done',
    identity: { source: 'card', cardType: 'resident', nameMasked: '张*', idNumberMasked: '4104**********1230', idHash: 'a'.repeat(64) },
    feeFen: 2000, feeItems: [], payment: null, lastStepKind: 'done', documents: [], printOutcome: null, ticket: null,
  });
  audit.record({ actor: 'host', action: 'session.ended', sessionId, detail: { reason: 'finished' } });
}

describe('the hall outbox', () => {
  it('enqueues each audit event and each finished session once, in order', () => {
    const journal = open();
    const outbox = createHallOutbox(journal.db, () => 'huzheng');
    finishSession(journal, 's1');
    expect(outbox.collect()).toBe(3);
    expect(outbox.collect()).toBe(0);
    finishSession(journal, 's2');
    outbox.collect();
    const rows = outbox.pending(100).map((p) => p.row);
    expect(rows.map((r) => r.rowId)).toEqual(['a-1', 's-s1', 'a-2', 'a-3', 's-s2', 'a-4']);
    expect(rows[1]).toMatchObject({ type: 'session', outcome: 'completed', feeFen: 2000, category: 'huzheng', idNumberMasked: '4104**********1230', lastStep: 'done' });
    expect(outbox.backlog()).toBe(6);
    journal.close();
  });

  it('keeps unacknowledged rows across a restart and sends them first', () => {
    const first = open();
    finishSession(first, 's1');
    finishSession(first, 's2');
    const outbox = createHallOutbox(first.db, () => null);
    outbox.collect();
    const [a, b] = outbox.pending(2);
    outbox.markSent([a!.seq, b!.seq]);
    first.close();

    const again = open();
    const reopened = createHallOutbox(again.db, () => null);
    expect(reopened.collect()).toBe(0);
    expect(reopened.backlog()).toBe(4);
    expect(reopened.pending(10).map((p) => p.row.rowId)).toEqual(['a-2', 'a-3', 's-s2', 'a-4']);
    again.close();
  });
});
