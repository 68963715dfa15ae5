/** The journal's transactions, counters, audit events and identity-hash key. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openJournal, type Journal } from '../../../../electron/host/journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { identityHash, loadIdentityKey } from '../../../../electron/host/journal/transactions-key';
import { createTransactionsRepo, stationDay, type ClosedTransaction } from '../../../../electron/host/journal/transactions-repo';

let dir: string;
let journal: Journal;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-transactions-'));
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  journal = opened.value;
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = new Date('2026-11-29T02:00:00Z');
const closed = (overrides: Partial<ClosedTransaction> = {}): ClosedTransaction => ({
  sessionId: 's1',
  startedAt: at,
  endedAt: new Date(at.getTime() + 60_000),
  endReason: 'finished',
  serviceId: 'no-criminal-record',
  flowId: 'f1',
  outcome: 'certificateIssued',
  lastStep: 'done',
  identity: { source: 'card', cardType: 'resident', nameMasked: '陈**', idNumberMasked: '4104**********1230', idHash: 'a'.repeat(64) },
  feeFen: 0,
  feeItems: [],
  payment: null,
  lastStepKind: 'done',
  documents: [{ number: 'WF2026-T-000001', type: 'noCriminalRecord', sha256: 'b'.repeat(64), printOutcome: 'completed', reprintOutcome: null, backendNumber: 'WFZ1' }],
  printOutcome: 'completed',
  ticket: null,
  ...overrides,
});

describe('journal migrations', () => {
  it('applies documents, outbox, transactions, face failures, fees and the payment ledger; a migration listed twice is applied once', () => {
    expect(journal.schemaVersion).toBe(MIGRATIONS.length);
    expect(journal.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    journal.close();
    const again = openJournal(join(dir, 'journal.sqlite'), { migrations: [...MIGRATIONS, MIGRATIONS[1]!] });
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    journal = again.value;
    const fresh = openJournal(':memory:', { migrations: [...MIGRATIONS, MIGRATIONS[1]!] });
    expect(fresh.ok).toBe(true);
    if (fresh.ok) fresh.value.close();
  });
});

describe('transactions', () => {
  it('journals a session exactly once and counts it for the day', () => {
    const repo = createTransactionsRepo(journal.db);
    repo.open('s1', at);
    expect(repo.get('s1')).toMatchObject({ outcome: 'open', ended_at: null });
    expect(repo.close(closed())).toBe(true);
    expect(repo.close(closed({ outcome: 'failed' }))).toBe(false);
    expect(repo.get('s1')).toMatchObject({ outcome: 'certificateIssued', end_reason: 'finished', name_masked: '陈**', print_outcome: 'completed' });
    expect(journal.db.prepare('SELECT day, service_id, outcome, count FROM counters').all()).toEqual([
      { day: stationDay(new Date(at.getTime() + 60_000)), service_id: 'no-criminal-record', outcome: 'certificateIssued', count: 1 },
    ]);
  });

  it('closes a session that was never opened (the row is created on close)', () => {
    const repo = createTransactionsRepo(journal.db);
    expect(repo.close(closed({ sessionId: 's2', serviceId: null, outcome: 'noService' }))).toBe(true);
    expect(journal.db.prepare("SELECT count FROM counters WHERE service_id = 'none'").get()).toEqual({ count: 1 });
  });

  it('closes rows a crashed host left open as crashed, once', () => {
    const repo = createTransactionsRepo(journal.db);
    repo.open('a', at);
    repo.open('b', at);
    repo.close(closed({ sessionId: 'b' }));
    expect(repo.closeDangling(new Date(at.getTime() + 5000))).toEqual(['a']);
    expect(repo.closeDangling(new Date())).toEqual([]);
    expect(repo.get('a')).toMatchObject({ outcome: 'crashed', end_reason: 'crashed' });
    expect(repo.close(closed({ sessionId: 'a' }))).toBe(false);
  });

  it('a crash leaves a truthful row: the service, step and masked identity written as the session went, its documents recorded at recovery', () => {
    const repo = createTransactionsRepo(journal.db);
    repo.open('c', at);
    const identity = { source: 'card' as const, cardType: 'resident' as const, nameMasked: '陈**', idNumberMasked: '4104**********1230', idHash: 'h'.repeat(64) };
    repo.progress('c', { serviceId: 'no-criminal-record', flowId: 'f1', lastStep: 'print', identity });
    const doc = { number: 'WFZ-1', type: 'noCriminalRecord', sha256: 'a'.repeat(64), printOutcome: 'completed', reprintOutcome: null, backendNumber: null };
    expect(repo.closeDangling(new Date(at.getTime() + 5000), (sessionId) => (sessionId === 'c' ? [doc] : []))).toEqual(['c']);
    expect(repo.get('c')).toMatchObject({
      outcome: 'crashed',
      service_id: 'no-criminal-record',
      last_step: 'print',
      name_masked: '陈**',
      id_number_masked: '4104**********1230',
      print_outcome: 'completed',
    });
    expect(JSON.parse(repo.get('c')!.documents!)).toEqual([doc]);
    expect(journal.db.prepare("SELECT count FROM counters WHERE service_id = 'no-criminal-record' AND outcome = 'crashed'").get()).toEqual({ count: 1 });
    // Once closed, progress writes nothing more.
    repo.progress('c', { serviceId: 'other', flowId: null, lastStep: null, identity: null });
    expect(repo.get('c')).toMatchObject({ service_id: 'no-criminal-record' });
  });
});

describe('audit events', () => {
  it('records who, what and when with non-personal details', () => {
    createAuditLog(journal.db, () => at).record({ actor: 'staff', action: 'dock.act', subject: 'a4Printer', detail: { action: 'emptyPaper', ok: true } });
    expect(journal.db.prepare('SELECT at, actor, action, session_id, subject, detail FROM audit_events').all()).toEqual([
      { at: at.toISOString(), actor: 'staff', action: 'dock.act', session_id: null, subject: 'a4Printer', detail: '{"action":"emptyPaper","ok":true}' },
    ]);
  });
});

describe('identity-hash key', () => {
  it('is created once (0600) and gives stable keyed hashes that differ per key', () => {
    const path = join(dir, 'identity-hash.key');
    const first = loadIdentityKey(path);
    const second = loadIdentityKey(path);
    if (!first.ok || !second.ok) throw new Error('key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(second.value.equals(first.value)).toBe(true);
    const hash = identityHash(first.value, '41040219900101123x');
    expect(hash).toBe(identityHash(first.value, ' 41040219900101123X'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const other = loadIdentityKey(join(dir, 'other.key'));
    if (!other.ok) throw new Error('key');
    expect(identityHash(other.value, '41040219900101123X')).not.toBe(hash);
  });

  it('refuses a key file others can read, and a garbled one', () => {
    const open = join(dir, 'open.key');
    writeFileSync(open, `${'ab'.repeat(32)}\n`, { mode: 0o644 });
    expect(loadIdentityKey(open)).toMatchObject({ ok: false, error: { kind: 'keyFileTooOpen' } });
    const bad = join(dir, 'bad.key');
    writeFileSync(bad, 'nonsense', { mode: 0o600 });
    expect(loadIdentityKey(bad)).toMatchObject({ ok: false, error: { kind: 'badKeyFile' } });
  });
});
