/** Shared pieces for the staff unit tests: a journal in a temp folder, an allow-list, a clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSync } from '@node-rs/argon2';
import pino from 'pino';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import type { StaffAllowList } from '../../../../electron/contract/hall-link';
import { staffIdDigest } from '../../../../electron/host/staff/allow-list';
import { maskIdNumber } from '../../../../domain/mask';

export const logger = pino({ level: 'silent' });
export const KEY = 'ab'.repeat(32);
export const OFFICER_ID = '410402198205122018';
export const PIN = '135790';

export function tempJournal() {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-staff-'));
  const opened: Journal[] = [];
  return {
    open(): Journal {
      const result = openJournal(join(dir, 'journal.sqlite'));
      if (!result.ok) throw new Error(result.error.kind);
      opened.push(result.value);
      return result.value;
    },
    dispose() {
      for (const journal of opened.splice(0)) if (journal.db.open) journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function allowList(version: number, staffNumber = '100234', pin = PIN): StaffAllowList {
  return {
    version,
    issuedAt: '2026-12-03T08:00:00.000Z',
    staff: [
      {
        staffNumber,
        nameMasked: '王**',
        idDigest: staffIdDigest(KEY, OFFICER_ID),
        idNumberMasked: maskIdNumber(OFFICER_ID),
        role: 'officer',
        pinHash: hashSync(pin, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 }),
      },
    ],
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-12-03T02:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}
