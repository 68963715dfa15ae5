/**
 * Console sign-in: argon2id verify, 5 wrong passwords in a row lock the
 * account for 15 minutes (a right password during the lockout is refused
 * too), an unknown username costs a verify like a known one.
 */
import type { Role } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { err, ok, type Result } from '../../../domain/result';
import { verifyDummy, verifySecret } from './secrets';
import { createSession } from './sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export type LoginRefusal = { kind: 'badCredentials' } | { kind: 'lockedOut'; until: string };
export interface LoginSuccess {
  officer: { username: string; displayName: string; role: Role };
  token: string;
  csrfToken: string;
}

type OfficerRow = { username: string; display_name: string; role: Role; password_hash: string; locked_until: Date | string | null };

export async function login(db: Pick<HallDb, 'query'>, username: string, password: string, now: Date): Promise<Result<LoginSuccess, LoginRefusal>> {
  const { rows } = await db.query<OfficerRow>('SELECT username, display_name, role, password_hash, locked_until FROM officers WHERE username = $1', [username]);
  const officer = rows[0];
  if (!officer) {
    await verifyDummy(password);
    return err({ kind: 'badCredentials' });
  }
  const right = await verifySecret(officer.password_hash, password);
  const lockedUntil = officer.locked_until === null ? null : new Date(officer.locked_until);
  if (lockedUntil && lockedUntil.getTime() > now.getTime()) return err({ kind: 'lockedOut', until: lockedUntil.toISOString() });
  if (!right) return recordFailure(db, officer.username, now);
  // Only an account still open is opened: wrong passwords sent alongside may have locked it since the read above.
  const { rowCount } = await db.query('UPDATE officers SET failed_logins = 0, locked_until = NULL WHERE username = $1 AND (locked_until IS NULL OR locked_until <= $2)', [officer.username, now]);
  if (rowCount !== 1) return lockedNow(db, officer.username, now);
  const session = await createSession(db, officer.username, now);
  return ok({ officer: { username: officer.username, displayName: officer.display_name, role: officer.role }, ...session });
}

/**
 * Counts the failure in one statement (two wrong passwords at once both count); the fifth locks.
 * A failure that arrives once the account is locked changes nothing: it neither unlocks it nor
 * restarts the count, however many wrong passwords are sent at once.
 */
async function recordFailure(db: Pick<HallDb, 'query'>, username: string, now: Date): Promise<Result<never, LoginRefusal>> {
  const until = new Date(now.getTime() + LOCKOUT_MS);
  const { rows } = await db.query<{ locked: boolean }>(
    `UPDATE officers SET
       failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE username = $1 AND (locked_until IS NULL OR locked_until <= $4)
     RETURNING (locked_until > $4) AS locked`,
    [username, MAX_FAILED_LOGINS, until, now],
  );
  const row = rows[0];
  if (!row) return lockedNow(db, username, now);
  return row.locked ? err({ kind: 'lockedOut', until: until.toISOString() }) : err({ kind: 'badCredentials' });
}

/** The refusal for an account another request locked meanwhile. */
async function lockedNow(db: Pick<HallDb, 'query'>, username: string, now: Date): Promise<Result<never, LoginRefusal>> {
  const { rows } = await db.query<{ locked_until: Date | string | null }>('SELECT locked_until FROM officers WHERE username = $1', [username]);
  const until = rows[0]?.locked_until;
  return until && new Date(until).getTime() > now.getTime() ? err({ kind: 'lockedOut', until: new Date(until).toISOString() }) : err({ kind: 'badCredentials' });
}
