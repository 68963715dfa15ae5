import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentNumbers, createDocumentsRepo, formatDocumentNumber, MIGRATIONS, openJournal, type Journal } from '../../../../electron/host/journal';

let dir: string;
const opened: Journal[] = [];
const open = (file = join(dir, 'j.sqlite')): Journal => {
  const result = openJournal(file);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  opened.push(result.value);
  return result.value;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-journal-'));
});
afterEach(() => {
  for (const j of opened.splice(0)) j.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('journal', () => {
  it('opens in WAL mode and records each migration once', () => {
    const journal = open();
    expect(journal.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(journal.schemaVersion).toBe(MIGRATIONS.length);
    journal.close();
    opened.pop();
    const again = open();
    expect(again.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
  });

  it('refuses a journal written by a newer version', () => {
    const file = join(dir, 'new.sqlite');
    open(file).db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run();
    expect(openJournal(file)).toMatchObject({ ok: false, error: { kind: 'journalTooNew', version: 99 } });
  });

  it('numbers count per type and year, never repeat, even across two connections', () => {
    const file = join(dir, 'n.sqlite');
    const a = createDocumentNumbers(open(file).db);
    const b = createDocumentNumbers(new Database(file));
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      seen.add(a.next('noCriminalRecord', 2026));
      seen.add(b.next('noCriminalRecord', 2026));
    }
    expect(seen.size).toBe(100);
    expect(Math.max(...seen)).toBe(100);
    expect(a.next('noCriminalRecord', 2027)).toBe(1);
    expect(a.next('paymentVoucher', 2026)).toBe(1);
    expect(formatDocumentNumber('noCriminalRecord', 2026, 'HB-KIOSK-01', 42)).toBe('WF2026-HB-KIOSK-01-000042');
  });

  it('allows one reprint per document, recorded; a document number is unique', () => {
    const repo = createDocumentsRepo(open().db, () => new Date('2026-11-29T02:00:00Z'));
    repo.insertRendered({ number: 'WF-1', type: 'noCriminalRecord', sessionId: 's', sha256: 'a'.repeat(64), pages: 1 });
    expect(() => repo.insertRendered({ number: 'WF-1', type: 'noCriminalRecord', sessionId: 's', sha256: 'b'.repeat(64), pages: 1 })).toThrow(/UNIQUE/);
    repo.recordPrint('WF-1', 'paperOut', 3);
    expect(repo.claimReprint('WF-1')).toMatchObject({ ok: true, value: { reprintCount: 1, printOutcome: 'paperOut' } });
    expect(repo.claimReprint('WF-1')).toEqual({ ok: false, error: { kind: 'reprintUsed' } });
    repo.recordReprint('WF-1', 'completed', 4);
    expect(repo.get('WF-1')).toMatchObject({ reprintOutcome: 'completed', printJobId: 4, reprintCount: 1 });
    expect(repo.claimReprint('nope')).toEqual({ ok: false, error: { kind: 'notFound' } });
    repo.insertVoided({ number: 'WF-2', type: 'noCriminalRecord', sessionId: 's' });
    expect(repo.claimReprint('WF-2')).toEqual({ ok: false, error: { kind: 'voided' } });
    expect(repo.listBySession('s').map((d) => d.number)).toEqual(['WF-1', 'WF-2']);
  });
});
