/**
 * The hall's staff allow-list, cached in the journal (migration 9) so an
 * officer can sign in while the hall link is down. The hall link hands each
 * list it receives to `replace`; a list older than the one held is ignored.
 * A card matches an officer by `idDigest` (the contract's STAFF_ID_DIGEST: argon2id of the ID
 * number uppercased, salted with staffIdKey), so the list never holds an ID number in the clear.
 */
import { timingSafeEqual } from 'node:crypto';
import { hashRawSync } from '@node-rs/argon2';
import type { Database } from 'better-sqlite3';
import { STAFF_ID_DIGEST, StaffAllowList, type StaffMember } from '../../contract/hall-link';
import type { Logger } from '../log/logger';

export interface StaffAllowListCache {
  /** Takes a list from the hall (validated again here); an older version than the one held is ignored. */
  replace(list: StaffAllowList): void;
  /** The version held; null when none. */
  version(): number | null;
  byStaffNumber(staffNumber: string): StaffMember | undefined;
  /** The officer whose card carries `idNumber`; undefined without a key or a match. */
  byIdNumber(idNumber: string): StaffMember | undefined;
}

export interface StaffAllowListDeps {
  db: Database;
  /** The hall's `staffIdKey` (hex), from config or the hall credentials file; null when not known (no card sign-in). */
  staffIdKey: () => string | null;
  logger: Logger;
  now: () => Date;
  /** Used while no list is cached (the simulation's sandbox officer). */
  fallback?: () => StaffAllowList | null;
}

/** The contract's slow salted digest of the ID number (uppercased) under the hall's key, hex ({@link STAFF_ID_DIGEST}). */
export function staffIdDigest(staffIdKeyHex: string, idNumber: string): string {
  return hashRawSync(idNumber.toUpperCase(), { ...STAFF_ID_DIGEST, salt: Buffer.from(staffIdKeyHex, 'hex') }).toString('hex');
}

export function createStaffAllowList(deps: StaffAllowListDeps): StaffAllowListCache {
  const log = deps.logger.child({ component: 'staff-allow-list' });
  const read = deps.db.prepare('SELECT list FROM staff_allow_list WHERE id = 1');
  const write = deps.db.prepare(
    `INSERT INTO staff_allow_list (id, version, issued_at, list, stored_at) VALUES (1, @version, @issuedAt, @list, @storedAt)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, issued_at = excluded.issued_at, list = excluded.list, stored_at = excluded.stored_at`,
  );

  const load = (): StaffAllowList | null => {
    const row = read.get() as { list: string } | undefined;
    if (!row) return null;
    const parsed = StaffAllowList.safeParse(JSON.parse(row.list));
    if (parsed.success) return parsed.data;
    log.warn('cached staff allow-list no longer valid: ignored');
    return null;
  };
  let cached = load();
  const current = (): StaffAllowList | null => cached ?? deps.fallback?.() ?? null;

  return {
    replace(list) {
      const parsed = StaffAllowList.safeParse(list);
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.length }, 'staff allow-list refused: not valid');
        return;
      }
      if (cached && parsed.data.version < cached.version) {
        log.info({ held: cached.version, offered: parsed.data.version }, 'older staff allow-list ignored');
        return;
      }
      write.run({
        version: parsed.data.version,
        issuedAt: parsed.data.issuedAt,
        list: JSON.stringify(parsed.data),
        storedAt: deps.now().toISOString(),
      });
      cached = parsed.data;
      log.info({ version: parsed.data.version, staff: parsed.data.staff.length }, 'staff allow-list stored');
    },
    version: () => current()?.version ?? null,
    byStaffNumber: (staffNumber) => current()?.staff.find((member) => member.staffNumber === staffNumber),
    byIdNumber(idNumber) {
      const key = deps.staffIdKey();
      if (!key || !/^([0-9a-fA-F]{2})+$/.test(key)) return undefined;
      const digest = Buffer.from(staffIdDigest(key, idNumber), 'hex');
      return current()?.staff.find((member) => {
        const theirs = Buffer.from(member.idDigest, 'hex');
        return theirs.length === digest.length && timingSafeEqual(theirs, digest);
      });
    },
  };
}
