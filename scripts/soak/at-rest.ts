/**
 * The soak's at-rest sweep after each session: the kiosk's data folder
 * (journal, its WAL, the outbox, documents) must hold no certificate PDF of
 * an ended session, none of the citizen's name or ID number in plain text,
 * and no key (keys live in the key store, apart from the data they protect).
 * The journal keeps masked numbers and the outbox is encrypted, so a hit here
 * means personal data outlived its session on disk, or could be decrypted from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Secrets } from './privacy';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * Where in `dataDir` a secret of the session is still found, plus any file
 * left in its `documents` folder (empty when clean). A file that vanishes
 * while it is read (SQLite's WAL at a checkpoint) is skipped.
 */
export function sweepDataDir(dataDir: string, secrets: Secrets): string[] {
  const leaks: string[] = [];
  const needles = [
    secrets.name ? { what: 'name', bytes: Buffer.from(secrets.name, 'utf8') } : undefined,
    secrets.idNumber ? { what: 'ID number', bytes: Buffer.from(secrets.idNumber, 'utf8') } : undefined,
  ].filter((n) => n !== undefined);
  for (const file of filesUnder(dataDir)) {
    const where = relative(dataDir, file);
    if (where.startsWith('documents/')) leaks.push(`document left in the data folder: ${where}`);
    if (where.endsWith('.key')) leaks.push(`key in the data folder: ${where}`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const { what, bytes: needle } of needles) if (bytes.includes(needle)) leaks.push(`${what} in data folder file ${where}`);
  }
  return leaks;
}
