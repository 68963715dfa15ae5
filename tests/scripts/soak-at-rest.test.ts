import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepDataDir } from '../../scripts/soak/at-rest';

const HAN = { name: '陈思远', idNumber: '410402199001011230' };

describe('the soak sweep of the data folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const folder = (files: Record<string, string | Buffer>) => {
    dir = mkdtempSync(join(tmpdir(), 'soak-at-rest-'));
    mkdirSync(join(dir, 'documents'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  };

  it('passes a folder holding only masked numbers and other people', () => {
    folder({ 'journal.sqlite-wal': Buffer.concat([Buffer.from('SQLite'), Buffer.from('4104**********1230 马秀兰', 'utf8')]) });
    expect(sweepDataDir(dir, HAN)).toEqual([]);
  });

  it('names a key left beside the data it protects', () => {
    folder({ 'journal.sqlite': 'SQLite', 'outbox.key': 'ab'.repeat(32) });
    expect(sweepDataDir(dir, HAN)).toEqual(['key in the data folder: outbox.key']);
  });

  it('names the file that holds the name or the full ID number, inside binary data', () => {
    folder({ 'journal.sqlite': Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(`x${HAN.name}y${HAN.idNumber}`, 'utf8'), Buffer.from([0])]) });
    expect(sweepDataDir(dir, HAN)).toEqual(['name in data folder file journal.sqlite', 'ID number in data folder file journal.sqlite']);
  });

  it('reports a document left behind even when it holds no secret', () => {
    folder({ 'documents/CERT-2026-000001.pdf': '%PDF-1.7 (subset fonts only)' });
    expect(sweepDataDir(dir, HAN)).toEqual(['document left in the data folder: documents/CERT-2026-000001.pdf']);
  });
});
