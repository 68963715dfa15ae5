/** The statistics export: CSV from the journal, through the function and the `npm run journal` script. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { csvField, exportJournalCsv, TRANSACTION_COLUMNS } from '../../../../electron/host/journal/export-csv';
import { createTransactionsRepo } from '../../../../electron/host/journal/transactions-repo';

const ROOT = resolve(import.meta.dirname, '../../../..');
let dir: string;
let journal: Journal;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-export-'));
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  journal = opened.value;
  const repo = createTransactionsRepo(journal.db);
  const visit = (sessionId: string, day: number, hash: string | null) =>
    repo.close({
      sessionId,
      startedAt: new Date(2026, 10, day, 10, 0),
      endedAt: new Date(2026, 10, day, 10, 5),
      endReason: 'finished',
      serviceId: 'no-criminal-record',
      flowId: `f-${sessionId}`,
      outcome: hash ? 'certificateIssued' : 'noService',
      lastStep: 'done',
      identity: hash ? { source: 'card', cardType: 'resident', nameMasked: '陈**', idNumberMasked: '4104**********1230', idHash: hash } : null,
      feeFen: 0,
      feeItems: [],
      payment: null,
      lastStepKind: hash ? 'done' : null,
      documents: hash ? [{ number: `WF-${sessionId}`, type: 'noCriminalRecord', sha256: 'c'.repeat(64), printOutcome: 'completed', reprintOutcome: null, backendNumber: 'WFZ-1' }] : [],
      printOutcome: hash ? 'completed' : null,
      ticket: null,
    });
  visit('s1', 27, 'a'.repeat(64));
  visit('s2', 28, 'a'.repeat(64));
  visit('s3', 28, null);
  visit('s4', 30, 'b'.repeat(64));
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('journal export', () => {
  it('exports the days asked for, inclusive, with repeat visits counted by keyed hash', () => {
    const exported = exportJournalCsv(journal.db, 'transactions', { from: '2026-11-28', to: '2026-11-29' });
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    const lines = exported.value.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(TRANSACTION_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    const column = (line: string, name: string) => line.split(',')[TRANSACTION_COLUMNS.indexOf(name as never)];
    expect(column(lines[1]!, 'session_id')).toBe('s2');
    expect(column(lines[1]!, 'visit_number')).toBe('2');
    expect(column(lines[1]!, 'document_numbers')).toBe('WF-s2');
    expect(column(lines[2]!, 'outcome')).toBe('noService');
    expect(column(lines[2]!, 'visit_number')).toBe('');
  });

  it('exports the daily counters', () => {
    const exported = exportJournalCsv(journal.db, 'counters', { from: '2026-11-01', to: '2026-11-30' });
    if (!exported.ok) throw new Error('export');
    expect(exported.value.csv).toContain('2026-11-28,no-criminal-record,certificateIssued,1');
    expect(exported.value.csv).toContain('2026-11-28,no-criminal-record,noService,1');
  });

  it('refuses dates that are not dates and ranges that end before they start', () => {
    expect(exportJournalCsv(journal.db, 'transactions', { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, error: { kind: 'badDate', field: 'from' } });
    expect(exportJournalCsv(journal.db, 'transactions', { from: '2026-03-02', to: '2026-03-01' })).toMatchObject({ ok: false, error: { kind: 'emptyRange' } });
  });

  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=cmd()')).toBe("'=cmd()");
    expect(csvField(null)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });

  it('npm run journal -- export writes the CSV file from a data folder', () => {
    journal.close();
    const out = join(dir, 'stats.csv');
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/journal.ts'), 'export', '--from', '2026-11-27', '--to', '2026-11-30', '--out', out, '--data-dir', dir], { cwd: ROOT, stdio: 'pipe' });
    const csv = readFileSync(out, 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(5);
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/journal.ts'), 'export', '--from', 'yesterday', '--to', '2026-11-30', '--data-dir', dir], { cwd: ROOT, stdio: 'pipe' })).toThrow();
    const reopened = openJournal(join(dir, 'journal.sqlite'));
    if (!reopened.ok) throw new Error('reopen');
    journal = reopened.value;
  });
});
